"""Hosts read their own hub's audit log and no one else's; the admin is for
administrators (hosts work in ``hubro.hosting``)."""

import pytest

from conftest import at
from hubro.bookings.actions import create_booking
from hubro.core.models import AuditEntry
from hubro.spaces.models import Hub, OpeningHours

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_hub(lyngdal, lyngdal_kommune):
    return Hub.objects.create(
        name="Annen hub", slug="annen", municipality=lyngdal, host_organization=lyngdal_kommune
    )


def test_a_host_reads_the_hubs_audit_log(client, vera, kari, desk, tomorrow):
    create_booking(
        space=desk, person=kari, start=at(tomorrow, 9), end=at(tomorrow, 10), actor=kari
    )
    client.force_login(vera)
    response = client.get("/huber/testlab/logg/")
    assert response.status_code == 200
    # In words, not the action's code.
    assert "Booking opprettet" in response.text
    assert "booking.create" not in response.text
    assert "kari@nav.test" in response.text


def test_a_member_cannot_read_the_audit_log(client, kari, hub):
    client.force_login(kari)
    assert client.get("/huber/testlab/logg/").status_code == 404


def test_a_host_cannot_read_another_hubs_log(client, vera, other_hub):
    client.force_login(vera)
    assert client.get("/huber/annen/logg/").status_code == 404


def test_an_administrator_edits_opening_hours_in_the_admin(client, admin_person, hub):
    client.force_login(admin_person)
    url = f"/admin/spaces/hub/{hub.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200
    data = {
        "name": hub.name,
        "address": "Ny adresse 1",
        "description": "",
        "opened_on": "",
        "member_organizations": [o.pk for o in hub.member_organizations.all()],
        "observe_public_holidays": "",
        "release_no_shows": "",
        "checkin_opens_before": "15",
        "checkin_closes_after": "30",
        "slug": hub.slug,
        "municipality": hub.municipality_id,
        "host_organization": hub.host_organization_id,
        "is_active": "on",
    }
    hours = list(hub.opening_hours.order_by("weekday"))
    data.update(
        {
            "opening_hours-TOTAL_FORMS": str(len(hours)),
            "opening_hours-INITIAL_FORMS": str(len(hours)),
            "opening_hours-MIN_NUM_FORMS": "0",
            "opening_hours-MAX_NUM_FORMS": "1000",
        }
    )
    for prefix in ("spaces", "closed_days", "booking_rules", "host_assignments"):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
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
                f"opening_hours-{i}-opens": "08:00"
                if row.weekday == 0
                else row.opens.strftime("%H:%M"),
                f"opening_hours-{i}-closes": row.closes.strftime("%H:%M"),
            }
        )
    response = client.post(url, data)
    assert response.status_code == 302, response.content[:2000]
    assert OpeningHours.objects.get(hub=hub, weekday=0).opens.hour == 8
    actions = set(AuditEntry.objects.filter(hub=hub).values_list("action", flat=True))
    assert {"hub.update", "openinghours.update"} <= actions


def test_a_host_has_no_admin(client, vera, other_hub):
    client.force_login(vera)
    assert client.get(f"/admin/spaces/hub/{other_hub.pk}/change/").status_code == 302
    assert client.get("/admin/spaces/hub/").status_code == 302


def test_a_member_has_no_admin(client, kari):
    client.force_login(kari)
    assert client.get("/admin/").status_code == 302  # to the admin's sign-in
