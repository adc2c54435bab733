"""A person's own data (GDPR art. 15, 17, 20): download, deletion, an administrator
doing the same, and the retention rule."""

import datetime as dt
import json

import pytest
from django.db import connection
from django.utils import timezone

from conftest import PASSWORD, at
from hubro.accounts.erasure import apply_retention, retention_cutoff
from hubro.bookings.actions import create_booking
from hubro.bookings.models import Booking
from hubro.core.actions import issue_api_token
from hubro.core.models import AuditEntry, Person
from hubro.insights.indicators import compute

from .support import past_booking as book

pytestmark = pytest.mark.django_db(transaction=True)


def occurrences(*needles: str) -> list[str]:
    """Every table and column of the database that contains one of ``needles``
    (case-insensitive), whatever the column's type."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            quoted = connection.ops.quote_name(table)
            for column in connection.introspection.get_table_description(cursor, table):
                name = connection.ops.quote_name(column.name)
                for needle in needles:
                    cursor.execute(
                        f"SELECT COUNT(*) FROM {quoted} WHERE LOWER(CAST({name} AS TEXT)) LIKE %s",
                        [f"%{needle.lower()}%"],
                    )
                    if cursor.fetchone()[0]:
                        found.append(f"{table}.{column.name} ~ {needle}")
    return found


def figures(viewer, start, end):
    return sorted(
        (f.key, json.dumps(f.dims, sort_keys=True), f.value, f.suppressed)
        for f in compute("all", start, end, viewer=viewer, compare=False)
    )


@pytest.fixture
def kari_has_a_history(client, kari, ola, nav, lyngdal_kommune, desk, meeting_room, tomorrow):
    """Kari: bookings in past months (with Ola on some days), one tomorrow, an API
    token, a calendar address, her name shown in presence, a sign-in."""
    start = timezone.localdate().replace(day=1) - dt.timedelta(days=60)
    for n in range(0, 40, 3):
        book(desk, kari, nav, start + dt.timedelta(days=n), 9, 15)
        if n % 2 == 0:
            book(meeting_room, ola, lyngdal_kommune, start + dt.timedelta(days=n), 10, 12)
    create_booking(
        space=desk, person=kari, start=at(tomorrow, 9), end=at(tomorrow, 11), actor=kari
    )
    issue_api_token(kari, name="Kari Nordmann sin skjerm", actor=kari)
    kari.calendar_token = "k" * 43
    kari.show_presence = True
    kari.save()
    client.post("/logg-inn/", {"login": kari.email, "password": PASSWORD})
    return start, start + dt.timedelta(days=45)


def test_after_deletion_name_and_email_are_nowhere_and_past_figures_unchanged(
    client, kari, admin_person, kari_has_a_history, tomorrow
):
    start, end = kari_has_a_history
    before = figures(admin_person, start, end)
    assert occurrences("kari@nav.test", "Kari Nordmann")  # the search finds what is there

    response = client.get("/konto/mine-data/slett-konto/")
    assert response.url.startswith("/konto/reauthenticate/")  # confirm it is really her
    client.post("/konto/reauthenticate/", {"password": PASSWORD})
    response = client.get("/konto/mine-data/slett-konto/")
    assert response.status_code == 200
    response = client.post("/konto/mine-data/slett-konto/", {"confirm": "kari@nav.test"})
    assert response.status_code == 302

    assert occurrences("kari@nav.test", "Kari Nordmann") == []
    assert figures(admin_person, start, end) == before
    future = Booking.objects.get(start__date=tomorrow)
    assert future.status == Booking.Status.CANCELLED
    assert Booking.objects.filter(person_id=kari.pk, status="confirmed").count() == 14
    erased = Person.objects.get(pk=kari.pk)
    assert (erased.is_active, erased.name, erased.memberships.count()) == (False, "", 0)
    assert not client.login(username="kari@nav.test", password=PASSWORD)
    entry = AuditEntry.objects.get(action="person.erase")
    assert entry.changes["by"] == "self"
    assert AuditEntry.objects.filter(actor_label=f"slettet person #{kari.pk}").exists()


def test_a_wrong_confirmation_deletes_nothing(client, kari):
    client.post("/logg-inn/", {"login": kari.email, "password": PASSWORD})
    client.post("/konto/reauthenticate/", {"password": PASSWORD})
    response = client.post("/konto/mine-data/slett-konto/", {"confirm": "ola@lyngdal.test"})
    assert response.status_code == 422
    assert "Kontoen er ikke slettet" in response.text
    assert Person.objects.get(pk=kari.pk).email == "kari@nav.test"


def test_the_download_holds_the_persons_data_without_secrets(client, kari, kari_has_a_history):
    client.force_login(kari)
    response = client.get("/konto/mine-data/hubro-mine-data.json")
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["person"]["email"] == "kari@nav.test"
    assert len(data["records"]["bookings.booking.person"]["rows"]) == 15
    assert data["records"]["core.membership.person"]["rows"][0]["organization"] == (
        "Arbeids- og velferdsetaten"
    )
    assert {e["action"] for e in data["audit"]} >= {"person.login", "booking.create"}
    text = response.content.decode()
    assert kari.password not in text and "k" * 43 not in text
    page = client.get("/konto/mine-data/")
    assert page.status_code == 200
    assert "Kari Nordmann sin skjerm" in page.text


def test_an_administrator_erases_a_person_and_it_is_audited(client, kari, admin_person):
    client.force_login(admin_person)
    response = client.post(
        "/admin/core/person/",
        {"action": "erase", "_selected_action": [kari.pk], "index": 0},
        follow=True,
    )
    assert response.status_code == 200
    assert not Person.objects.filter(email="kari@nav.test").exists()
    entry = AuditEntry.objects.get(action="person.erase")
    assert (entry.actor_id, entry.changes["by"]) == (admin_person.pk, "administrator")


def test_retention_anonymises_old_bookings_and_keeps_the_figures(
    kari, ola, nav, lyngdal_kommune, desk, meeting_room, admin_person, settings
):
    settings.HUBRO_RETENTION_MONTHS = 12
    cutoff = retention_cutoff()
    old_day = cutoff - dt.timedelta(days=20)
    recent_day = cutoff + dt.timedelta(days=5)
    for day in (old_day, old_day + dt.timedelta(days=1)):
        book(desk, kari, nav, day, 9, 15)
        book(meeting_room, ola, lyngdal_kommune, day, 9, 15)
    recent = book(desk, kari, nav, recent_day, 9, 15)
    month = (old_day.replace(day=1), cutoff - dt.timedelta(days=1))
    before = figures(admin_person, *month)

    result = apply_retention()
    assert (result["bookings"], result["people"]) == (4, 2)
    old = Booking.objects.filter(start__lt=at(cutoff, 0))
    assert not old.filter(person__in=[kari, ola]).exists()
    assert old.order_by().values("person").distinct().count() == 2  # one stand-in each
    assert Booking.objects.get(pk=recent.pk).person == kari
    assert figures(admin_person, *month) == before
    assert apply_retention()["bookings"] == 0  # nothing twice
