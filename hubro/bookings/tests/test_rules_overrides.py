"""Hosts and administrators may book past the rules, and the override is recorded;
administrators can still set the rules in the admin."""

import datetime as dt

import pytest
from django.utils import timezone

from conftest import ApiClient, at
from hubro.bookings.actions import create_booking
from hubro.bookings.models import Booking, BookingRule
from hubro.bookings.tests.rules_support import rule
from hubro.core.errors import Conflict, Invalid
from hubro.core.models import AuditEntry
from hubro.spaces.models import ClosedDay

pytestmark = pytest.mark.django_db


# --- Overrides ---------------------------------------------------------------------------


@pytest.fixture
def strict(desk, day):
    rule(desk.hub, "desk", max_minutes=60, granularity="60")
    return day


def test_a_host_overrides_and_the_override_is_recorded(desk, vera, kari, strict):
    booking = create_booking(
        space=desk,
        person=kari,
        start=at(strict, 9),
        end=at(strict, 11, 30),
        actor=vera,
        override=True,
    )
    booking.refresh_from_db()
    assert booking.override_by == vera
    assert booking.overridden_rules == ["too_long", "granularity"]
    entry = AuditEntry.objects.get(action="booking.create", object_id=str(booking.pk))
    assert entry.actor == vera
    assert entry.changes["overridden_rules"] == ["too_long", "granularity"]


def test_an_administrator_may_override_too(desk, admin_person, strict):
    booking = create_booking(
        space=desk,
        person=admin_person,
        start=at(strict, 9),
        end=at(strict, 12),
        actor=admin_person,
        override=True,
    )
    assert booking.override_by == admin_person
    assert booking.overridden_rules == ["too_long"]


def test_an_override_that_breaks_nothing_records_nothing(desk, vera, strict):
    booking = create_booking(
        space=desk, person=vera, start=at(strict, 9), end=at(strict, 10), actor=vera, override=True
    )
    assert booking.override_by is None and booking.overridden_rules == []
    entry = AuditEntry.objects.get(action="booking.create")
    assert "overridden_rules" not in entry.changes


def test_a_member_may_not_override(desk, kari, strict):
    with pytest.raises(Invalid) as caught:
        create_booking(
            space=desk,
            person=kari,
            start=at(strict, 9),
            end=at(strict, 12),
            actor=kari,
            override=True,
        )
    assert caught.value.code == "not_allowed"
    assert not Booking.objects.exists()


def test_a_host_of_another_hub_may_not_override(desk, kari, strict, lyngdal, lyngdal_kommune):
    from hubro.spaces.models import Hub, HubHost

    other = Hub.objects.create(
        name="Annen", slug="annen", municipality=lyngdal, host_organization=lyngdal_kommune
    )
    HubHost.objects.create(hub=other, person=kari)
    with pytest.raises(Invalid) as caught:
        create_booking(
            space=desk,
            person=kari,
            start=at(strict, 9),
            end=at(strict, 12),
            actor=kari,
            override=True,
        )
    assert caught.value.code == "not_allowed"


def test_an_override_never_books_over_another_booking(desk, vera, ola, strict):
    create_booking(space=desk, person=ola, start=at(strict, 9), end=at(strict, 10), actor=ola)
    with pytest.raises(Conflict):
        create_booking(
            space=desk,
            person=vera,
            start=at(strict, 9),
            end=at(strict, 12),
            actor=vera,
            override=True,
        )


def test_the_api_overrides_for_hosts_and_refuses_others(desk, vera, kari, strict):
    payload = {
        "space": desk.pk,
        "start": at(strict, 9).isoformat(),
        "end": at(strict, 12).isoformat(),
        "override": True,
    }
    refused = ApiClient(kari).post("/api/v1/bookings", payload)
    assert refused.status_code == 422 and refused.json()["code"] == "not_allowed"
    response = ApiClient(vera).post("/api/v1/bookings", payload)
    assert response.status_code == 201
    assert set(response.json()) == {
        "id",
        "space",
        "start",
        "end",
        "status",
        "purpose",
        "show_purpose",
    }
    booking = Booking.objects.get(pk=response.json()["id"])
    assert (booking.override_by, booking.overridden_rules) == (vera, ["too_long"])


def test_only_hosts_see_the_override_checkbox(client, desk, vera, kari, strict):
    url = f"/huber/testlab/rom/{desk.pk}/book/?date={strict.isoformat()}"
    client.force_login(kari)
    assert "Overstyr reglene" not in client.get(url).text
    # A member who forges the field is not allowed to override.
    response = client.post(
        url,
        {
            "date": strict.isoformat(),
            "start": "09:00",
            "end": "12:00",
            "organization": kari.primary_membership.organization.pk,
            "override": "on",
        },
    )
    # The field is not there for members: the forged value is ignored and the rule holds.
    assert response.status_code == 422 and not Booking.objects.exists()
    assert "En booking kan vare høyst 60 minutter." in response.text
    client.force_login(vera)
    assert "Overstyr reglene" in client.get(url).text


def test_a_host_overrides_in_the_web_form(client, desk, vera, strict):
    client.force_login(vera)
    response = client.post(
        f"/huber/testlab/rom/{desk.pk}/book/",
        {
            "date": strict.isoformat(),
            "start": "09:00",
            "end": "12:00",
            "organization": vera.primary_membership.organization.pk,
            "override": "on",
        },
    )
    assert response.status_code == 302
    booking = Booking.objects.get()
    assert (booking.override_by, booking.overridden_rules) == (vera, ["too_long"])


def ADMIN_ONLY_FIELDS(hub):
    """The hub fields only an administrator edits in the admin."""
    return {
        "slug": hub.slug,
        "municipality": hub.municipality_id,
        "host_organization": hub.host_organization_id,
        "is_active": "on",
    }


# --- An administrator sets the rules in the admin (hosts: hubro/hosting/tests) -----------


def test_an_administrator_sets_rules_and_closed_days_in_the_admin(client, admin_person, hub):
    client.force_login(admin_person)
    url = f"/admin/spaces/hub/{hub.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200
    assert "booking_rules-TOTAL_FORMS" in page.text and "closed_days-TOTAL_FORMS" in page.text
    data = {
        "name": hub.name,
        "address": "",
        "description": "",
        "opened_on": "",
        "member_organizations": [o.pk for o in hub.member_organizations.all()],
        "observe_public_holidays": "on",
        "checkin_opens_before": "15",
        "checkin_closes_after": "30",
        **ADMIN_ONLY_FIELDS(hub),
    }
    hours = list(hub.opening_hours.order_by("weekday"))
    for prefix, total, initial in [
        ("opening_hours", len(hours), len(hours)),
        ("closed_days", 1, 0),
        ("booking_rules", 1, 0),
        ("spaces", 0, 0),
        ("host_assignments", 0, 0),
    ]:
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": str(total),
                f"{prefix}-INITIAL_FORMS": str(initial),
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    for i, row in enumerate(hours):
        data.update(
            {
                f"opening_hours-{i}-id": row.pk,
                f"opening_hours-{i}-hub": hub.pk,
                f"opening_hours-{i}-weekday": row.weekday,
                f"opening_hours-{i}-opens": f"{row.opens:%H:%M}",
                f"opening_hours-{i}-closes": f"{row.closes:%H:%M}",
            }
        )
    christmas_eve = dt.date(timezone.localdate().year + 1, 12, 24)
    data.update(
        {
            "closed_days-0-hub": hub.pk,
            "closed_days-0-date": christmas_eve.isoformat(),
            "closed_days-0-reason": "Julaften",
            "booking_rules-0-hub": hub.pk,
            "booking_rules-0-space_kind": "meeting_room",
            "booking_rules-0-access": "members",
            "booking_rules-0-max_days_ahead": "60",
            "booking_rules-0-max_future_bookings": "",
            "booking_rules-0-min_minutes": "30",
            "booking_rules-0-max_minutes": "480",
            "booking_rules-0-granularity": "15",
            "booking_rules-0-midday": "12:00",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content[:3000]
    saved = BookingRule.objects.get(hub=hub)
    assert (saved.space_kind, saved.max_minutes, saved.access) == ("meeting_room", 480, "members")
    assert ClosedDay.objects.get(hub=hub).date == christmas_eve
    actions = set(AuditEntry.objects.filter(hub=hub).values_list("action", flat=True))
    assert {"bookingrule.create", "closedday.create"} <= actions


def test_the_admin_refuses_a_longest_booking_shorter_than_the_shortest(client, vera, hub):
    from hubro.spaces.admin import BookingRuleForm

    form = BookingRuleForm(
        {
            "space_kind": "",
            "access": "anyone",
            "granularity": "15",
            "midday": "12:00",
            "min_minutes": "120",
            "max_minutes": "60",
        }
    )
    assert not form.is_valid()
    assert "max_minutes" in form.errors
