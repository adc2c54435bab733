"""The host's day and week: names, organizations, purposes, check-in state and
no-shows, the participants and guests of the day's events, a filter by kind of space,
and the same rows as CSV and XLSX."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from conftest import at
from hubro.bookings.models import Booking
from hubro.events.models import Event, Registration
from hubro.hosting.queries.day import host_days

pytestmark = pytest.mark.django_db


def _booking(space, person, start, end, **fields):
    return Booking.objects.create(
        space=space,
        person=person,
        organization=person.memberships.get().organization,
        start=start,
        end=end,
        **fields,
    )


@pytest.fixture
def day_at_the_hub(hub, desk, meeting_room, kari, ola):
    """Yesterday, so that every check-in window has closed: kari checked in, ola did
    not (a no-show), and a released booking of ola's in the meeting room."""
    day = timezone.localdate() - dt.timedelta(days=1)
    _booking(desk, kari, at(day, 9), at(day, 15), checked_in_at=at(day, 9, 5))
    _booking(meeting_room, ola, at(day, 10), at(day, 11), purpose="Styremøte Lister")
    _booking(
        meeting_room, ola, at(day, 13), at(day, 14), status="released", released_at=at(day, 13, 30)
    )
    _booking(desk, ola, at(day, 16), at(day, 17), status="cancelled", cancelled_at=at(day, 8))
    event = Event.objects.create(
        kind="lunch_talk",
        title="Faglunsj om KI",
        start=at(day, 11, 30),
        end=at(day, 12, 30),
        hub=hub,
        space=meeting_room,
    )
    Registration.objects.create(event=event, person=kari, status="registered")
    Registration.objects.create(
        event=event,
        guest_name="Gro Gjest",
        guest_email="gro@example.test",
        guest_organization="Sirdal kommune",
        status="registered",
    )
    return day


def test_the_day_lists_names_organizations_purposes_and_check_in_states(hub, day_at_the_hub):
    days = host_days(hub, day_at_the_hub, day_at_the_hub)
    rows = [(r.person, r.organization, r.space, r.purpose, r.state) for r in days.bookings]
    assert rows == [
        ("Kari Nordmann", "Arbeids- og velferdsetaten", "Plass 1", "", "checked_in"),
        ("Ola Nordmann", "Lyngdal kommune", "Møterom Lister", "Styremøte Lister", "no_show"),
        ("Ola Nordmann", "Lyngdal kommune", "Møterom Lister", "", "released"),
    ]
    assert (days.checked_in, days.no_shows) == (1, 2)
    (event,) = days.events
    names = [(p.name, p.organization, p.guest) for p in event.participants]
    assert names == [
        ("Kari Nordmann", "", False),
        ("Gro Gjest", "Sirdal kommune", True),
    ]
    assert (event.registered, event.guests) == (2, 1)


def test_the_page_shows_them_and_filters_by_kind(client, vera, day_at_the_hub):
    client.force_login(vera)
    url = reverse("hosting:today", args=["testlab"])
    page = client.get(url, {"date": day_at_the_hub.isoformat()}).content.decode()
    for text in (
        "Kari Nordmann",
        "Arbeids- og velferdsetaten",
        "Styremøte Lister",
        "Sjekket inn 09:05",
        "Ikke møtt",
        "Ikke møtt, frigitt",
        "Faglunsj om KI",
        "Gro Gjest",
    ):
        assert text in page, text
    only_rooms = client.get(url, {"date": day_at_the_hub.isoformat(), "type": "meeting_room"})
    text = only_rooms.content.decode()
    assert "Styremøte Lister" in text and "Kari Nordmann</td>" not in text


def test_the_week_holds_every_day_of_the_week(client, vera, day_at_the_hub):
    client.force_login(vera)
    page = client.get(
        reverse("hosting:week", args=["testlab"]), {"date": day_at_the_hub.isoformat()}
    ).content.decode()
    assert "Styremøte Lister" in page
    assert page.count('<h3 class="ds-heading" data-size="sm">') == 7


def test_a_bad_date_is_explained_not_a_crash(client, vera, hub):
    client.force_login(vera)
    response = client.get(reverse("hosting:today", args=["testlab"]), {"date": "i-morgen"})
    assert response.status_code == 200
    assert "«i-morgen» er ikke en dato" in response.content.decode()


def test_csv_and_xlsx_hold_the_same_rows(client, vera, day_at_the_hub):
    client.force_login(vera)
    query = {"date": day_at_the_hub.isoformat()}
    csv = client.get(reverse("hosting:export", args=["testlab", "dag", "csv"]), query)
    assert csv["Content-Type"].startswith("text/csv")
    assert csv["Cache-Control"] == "private, no-store"
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Dato;Fra;Til;Rom eller plass")
    assert len(lines) == 4
    assert "Ola Nordmann;ola@lyngdal.test;Lyngdal kommune;Styremøte Lister;Ikke møtt" in lines[2]
    xlsx = client.get(reverse("hosting:export", args=["testlab", "uke", "xlsx"]), query)
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert len(values) == 4 and values[1][5] == "Kari Nordmann" and values[1][9] == "Sjekket inn"
