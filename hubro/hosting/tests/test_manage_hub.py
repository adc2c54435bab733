"""The host manages the hub in Hubro's own pages: details and photo, spaces (with
features people filter on), opening hours, closed days and holidays, rules, members,
co-hosts, check-in and statistics settings, and the QR sheet. Each change is audited."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from PIL import Image

from conftest import make_person
from hubro.bookings.models import BookingRule
from hubro.core.models import AuditEntry
from hubro.insights.models import StatisticsSetting
from hubro.spaces.models import ClosedDay, HubHost, OpeningHours, Space

pytestmark = pytest.mark.django_db


def _jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (2400, 1200), (200, 30, 30))
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (58.0, 8.0, 0.0)}  # GPSInfo
    exif[0x010F] = "Kamerafabrikken"  # Make
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def _upload(name, content, kind="image/jpeg"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type=kind)


def test_the_host_changes_the_hubs_details(client, vera, hub):
    client.force_login(vera)
    url = reverse("hosting:details", args=["testlab"])
    response = client.post(
        url, {"details": "1", "name": "Testlab Lister", "address": "Torget 1", "description": ""}
    )
    assert response.status_code == 302
    hub.refresh_from_db()
    assert (hub.name, hub.address) == ("Testlab Lister", "Torget 1")
    assert AuditEntry.objects.filter(action="hub.update", hub=hub, actor=vera).exists()
    refused = client.post(url, {"details": "1", "name": "  "})
    assert refused.status_code == 422


def test_a_photo_is_stored_without_its_metadata_and_served_as_jpeg(
    client, vera, kari, hub, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(vera)
    url = reverse("hosting:details", args=["testlab"])
    response = client.post(
        url,
        {
            "upload_photo": "1",
            "photo": _upload("lab.jpg", _jpeg_with_gps()),
            "photo_alt": "Kontorlandskapet med seks pulter",
        },
    )
    assert response.status_code == 302, response.content.decode()[:1500]
    hub.refresh_from_db()
    stored = Image.open(hub.photo.path)
    assert stored.format == "JPEG" and max(stored.size) == 1600
    assert not stored.getexif()  # no GPS, no camera
    client.force_login(kari)  # everyone signed in sees it on the hub's page
    served = client.get(reverse("hosting:photo", args=["testlab"]))
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"
    assert served["X-Content-Type-Options"] == "nosniff"
    assert (
        'alt="Kontorlandskapet med seks pulter"' in client.get("/huber/testlab/").content.decode()
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("lab.jpg", b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"),
        ("lab.png", b"%PDF-1.7 not an image"),
        ("lab.jpg", b"\xff\xd8\xff\xe0 truncated jpeg"),
    ],
)
def test_a_file_that_is_not_an_image_is_refused(
    client, vera, hub, settings, tmp_path, name, content
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(vera)
    response = client.post(
        reverse("hosting:details", args=["testlab"]),
        {"upload_photo": "1", "photo": _upload(name, content), "photo_alt": "Et bilde"},
    )
    assert response.status_code == 422
    assert "ikke et bilde Hubro kan bruke" in response.content.decode()
    hub.refresh_from_db()
    assert not hub.photo


def test_the_host_adds_a_space_with_features_that_people_filter_on(client, vera, kari, hub, desk):
    client.force_login(vera)
    response = client.post(
        reverse("hosting:space_new", args=["testlab"]),
        {
            "name": "Stillerom",
            "kind": "meeting_room",
            "capacity": "4",
            "features": ["video", "screen"],
        },
    )
    assert response.status_code == 302
    space = Space.objects.get(name="Stillerom")
    assert space.feature_codes == ["screen", "video"] and space.capacity == 4
    assert AuditEntry.objects.filter(action="space.create", object_id=str(space.pk)).exists()
    client.force_login(kari)
    day = client.get("/huber/testlab/", {"utstyr": ["video"]}).content.decode()
    assert "Stillerom" in day and "Plass 1" not in day
    everything = client.get("/huber/testlab/").content.decode()
    assert "Stillerom" in everything and "Plass 1" in everything
    nothing = client.get("/huber/testlab/", {"utstyr": ["video", "height_adjustable"]})
    assert "har alt utstyret du valgte" in nothing.content.decode()


def test_spaces_are_reordered_with_up_and_down_and_deactivated(client, vera, hub):
    first = Space.objects.create(hub=hub, name="A-plass", kind="desk")
    second = Space.objects.create(hub=hub, name="B-plass", kind="desk", position=1)
    client.force_login(vera)
    url = reverse("hosting:space_action", args=["testlab", second.pk])
    assert client.post(url, {"action": "up"}).status_code == 302
    order = list(
        hub.spaces.filter(kind="desk").order_by("position").values_list("name", flat=True)
    )
    assert order == ["B-plass", "A-plass"]
    day = client.get("/huber/testlab/").content.decode()
    assert day.index("B-plass") < day.index("A-plass")
    client.post(
        reverse("hosting:space_action", args=["testlab", first.pk]), {"action": "deactivate"}
    )
    first.refresh_from_db()
    assert not first.is_active
    listing = client.get(reverse("hosting:spaces", args=["testlab"])).content.decode()
    assert "A-plass kan ikke lenger bookes" in listing  # the message, shown once
    assert "A-plass" not in client.get("/huber/testlab/").content.decode()


def test_a_duplicate_space_name_is_explained(client, vera, desk):
    client.force_login(vera)
    response = client.post(
        reverse("hosting:space_new", args=["testlab"]),
        {"name": "plass 1", "kind": "desk", "capacity": "1"},
    )
    assert response.status_code == 422
    assert "allerede et rom med det navnet" in response.content.decode()


def test_the_host_changes_opening_hours_and_closes_a_day(client, vera, hub):
    client.force_login(vera)
    url = reverse("hosting:hours", args=["testlab"])
    data = {"hours": "1"}
    for day in range(7):
        if day < 5:
            data[f"open_{day}"] = "on"
        data[f"opens_{day}"] = "08:30"
        data[f"closes_{day}"] = "16:00"
    assert client.post(url, data).status_code == 302
    hours = {h.weekday: (h.opens, h.closes) for h in OpeningHours.objects.filter(hub=hub)}
    assert sorted(hours) == [0, 1, 2, 3, 4]
    assert hours[0] == (dt.time(8, 30), dt.time(16))
    assert AuditEntry.objects.filter(action="openinghours.update", hub=hub).exists()
    backwards = dict(data, closes_0="07:00")
    response = client.post(url, backwards)
    assert (
        response.status_code == 422
        and "stengetid må være etter åpningstid" in response.content.decode()
    )

    day = dt.date.today() + dt.timedelta(days=30)
    assert (
        client.post(
            url, {"closed": "1", "date": day.isoformat(), "reason": "Flytting"}
        ).status_code
        == 302
    )
    closed = ClosedDay.objects.get(hub=hub)
    assert hub.closure(day) == "Flytting"
    again = client.post(url, {"closed": "1", "date": day.isoformat()})
    assert again.status_code == 422 and "allerede stengt" in again.content.decode()
    client.post(reverse("hosting:closed_day_delete", args=["testlab", closed.pk]))
    assert not ClosedDay.objects.exists()

    client.post(url, {"holidays": "1", "observe_public_holidays": "on"})
    hub.refresh_from_db()
    assert hub.observe_public_holidays


def test_the_host_sets_and_removes_a_booking_rule(client, vera, hub):
    client.force_login(vera)
    url = reverse("hosting:rules", args=["testlab"])
    base = {
        "space_kind": "meeting_room",
        "access": "members",
        "granularity": "30",
        "midday": "12:00",
    }
    bad = client.post(url, {**base, "min_minutes": "60", "max_minutes": "30"})
    assert bad.status_code == 422 and "Lengste booking" in bad.content.decode()
    assert client.post(url, {**base, "max_minutes": "240"}).status_code == 302
    rule = BookingRule.objects.get(hub=hub)
    assert rule.max_minutes == 240 and rule.access == "members"
    twice = client.post(url, base)
    assert twice.status_code == 422 and "allerede en regel" in twice.content.decode()
    client.post(reverse("hosting:rule_delete", args=["testlab", rule.pk]))
    assert not BookingRule.objects.exists()


def test_the_host_adds_and_removes_member_organizations_and_co_hosts(
    client, vera, hub, outsider_org, kari
):
    client.force_login(vera)
    url = reverse("hosting:members", args=["testlab"])
    found = client.get(url, {"q": "brønnøysund"}).content.decode()
    assert "Registerenheten i Brønnøysund" in found
    change = reverse("hosting:member_change", args=["testlab"])
    client.post(change, {"organization": outsider_org.pk, "action": "add"})
    assert hub.member_organizations.filter(pk=outsider_org.pk).exists()
    client.post(change, {"organization": outsider_org.pk, "action": "remove"})
    assert not hub.member_organizations.filter(pk=outsider_org.pk).exists()

    assert client.post(url, {"cohost": "1", "email": "kari@nav.test"}).status_code == 302
    assert HubHost.objects.filter(hub=hub, person=kari).exists()
    remove = reverse("hosting:cohost_remove", args=["testlab"])
    client.post(remove, {"person": kari.pk})
    assert not HubHost.objects.filter(hub=hub, person=kari).exists()
    # The last host stays.
    client.post(remove, {"person": vera.pk})
    assert HubHost.objects.filter(hub=hub, person=vera).exists()


def test_the_host_sets_check_in_and_statistics(client, vera, hub):
    client.force_login(vera)
    response = client.post(
        reverse("hosting:settings", args=["testlab"]),
        {
            "release_no_shows": "on",
            "checkin_opens_before": "10",
            "checkin_closes_after": "20",
            "statistics": "hosts",
        },
    )
    assert response.status_code == 302
    hub.refresh_from_db()
    assert hub.release_no_shows and (hub.checkin_opens_before, hub.checkin_closes_after) == (
        10,
        20,
    )
    assert StatisticsSetting.objects.get(hub=hub).audience == "hosts"


def test_the_qr_sheet_has_one_code_per_active_space_and_no_inline_script(
    client, vera, desk, meeting_room
):
    Space.objects.create(hub=desk.hub, name="Gammel plass", kind="desk", is_active=False)
    client.force_login(vera)
    page = client.get(reverse("hosting:qr", args=["testlab"])).content.decode()
    assert page.count('<svg role="img"') == 2 and "Gammel plass" not in page
    assert "onclick" not in page and "data-hubro-print" in page
    # The old address leads here.
    old = client.get("/huber/testlab/qr/")
    assert old.status_code == 301 and old["Location"] == reverse("hosting:qr", args=["testlab"])


def test_a_person_made_host_reaches_the_workspace_without_admin_rights(client, hub, nav):
    anne = make_person("anne@nav.test", nav, name="Anne Annenvert")
    HubHost.objects.create(hub=hub, person=anne)
    assert not anne.is_staff
    client.force_login(anne)
    assert client.get(reverse("hosting:today", args=["testlab"])).status_code == 200
