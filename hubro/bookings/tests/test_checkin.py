"""Check-in: its window, the web page a space's QR code opens, the API, and the hosts'
sheet of QR codes."""

import datetime as dt
import re

import pytest
import segno
from django.utils import timezone
from playwright.sync_api import expect

from conftest import at, axe_violations, sign_in
from hubro.bookings.checkin import check_in, checkin_candidates, next_checkin
from hubro.bookings.models import Booking
from hubro.core.errors import Invalid, NotFound
from hubro.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def make_booking(space, person, start, end, **fields):
    """A booking written straight to the database: these tests are about check-in,
    not about the booking rules."""
    return Booking.objects.create(
        space=space,
        person=person,
        organization=person.memberships.get().organization,
        start=start,
        end=end,
        **fields,
    )


@pytest.fixture
def booking(meeting_room, kari, tomorrow):
    return make_booking(meeting_room, kari, at(tomorrow, 9), at(tomorrow, 11))


@pytest.fixture
def now_booking(meeting_room, kari):
    """Kari's booking that started five minutes ago: its check-in window is open."""
    now = timezone.now().replace(microsecond=0)
    return make_booking(
        meeting_room, kari, now - dt.timedelta(minutes=5), now + dt.timedelta(hours=1)
    )


# --- The window --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("hour", "minute", "second", "code"),
    [
        (8, 44, 59, "checkin_not_open"),
        (8, 45, 0, None),
        (9, 0, 0, None),
        (9, 29, 59, None),
        (9, 30, 0, "checkin_closed"),
        (10, 30, 0, "checkin_closed"),
    ],
)
def test_check_in_is_allowed_from_15_minutes_before_to_30_after_the_start(
    booking, kari, tomorrow, hour, minute, second, code
):
    now = at(tomorrow, hour, minute) + dt.timedelta(seconds=second)
    if code is None:
        checked = check_in(booking, actor=kari, now=now)
        assert checked.checked_in_at == now
    else:
        with pytest.raises(Invalid) as caught:
            check_in(booking, actor=kari, now=now)
        assert caught.value.code == code
        booking.refresh_from_db()
        assert booking.checked_in_at is None


def test_the_refusal_tells_when_the_window_opens_and_closes(booking, kari, tomorrow):
    with pytest.raises(Invalid) as early:
        check_in(booking, actor=kari, now=at(tomorrow, 8))
    assert "08:45" in str(early.value.detail)
    with pytest.raises(Invalid) as late:
        check_in(booking, actor=kari, now=at(tomorrow, 10))
    assert "09:30" in str(late.value.detail)


def test_the_window_follows_the_hubs_settings(booking, kari, tomorrow, hub):
    hub.checkin_opens_before, hub.checkin_closes_after = 5, 10
    hub.save()
    with pytest.raises(Invalid, match="08:55"):
        check_in(booking, actor=kari, now=at(tomorrow, 8, 50))
    with pytest.raises(Invalid) as caught:
        check_in(booking, actor=kari, now=at(tomorrow, 9, 10))
    assert caught.value.code == "checkin_closed"
    assert check_in(booking, actor=kari, now=at(tomorrow, 9, 9)).checked_in_at


def test_the_window_never_outlasts_a_short_booking(meeting_room, kari, tomorrow):
    short = make_booking(meeting_room, kari, at(tomorrow, 9), at(tomorrow, 9, 15))
    with pytest.raises(Invalid) as caught:
        check_in(short, actor=kari, now=at(tomorrow, 9, 15))
    assert caught.value.code == "checkin_closed"


def test_checking_in_twice_is_a_success_that_changes_nothing(booking, kari, tomorrow):
    first = check_in(booking, actor=kari, now=at(tomorrow, 9))
    # Even after the window has closed, a booking that was checked in stays so.
    again = check_in(booking, actor=kari, now=at(tomorrow, 10))
    assert again.checked_in_at == first.checked_in_at == at(tomorrow, 9)
    entries = AuditEntry.objects.filter(action="booking.checkin")
    assert [(e.object_id, e.actor_label) for e in entries] == [(str(booking.pk), kari.email)]


@pytest.mark.parametrize("status", ["cancelled", "released"])
def test_a_cancelled_or_released_booking_cannot_be_checked_in(booking, kari, tomorrow, status):
    now = at(tomorrow, 9)
    Booking.objects.filter(pk=booking.pk).update(
        status=status, **{"cancelled_at" if status == "cancelled" else "released_at": now}
    )
    with pytest.raises(Invalid) as caught:
        check_in(booking, actor=kari, now=now)
    assert caught.value.code == "not_active"


def test_someone_else_cannot_check_in_for_you_but_a_host_can(booking, ola, vera, tomorrow):
    with pytest.raises(NotFound):
        check_in(booking, actor=ola, now=at(tomorrow, 9))
    assert check_in(booking, actor=vera, now=at(tomorrow, 9)).checked_in_at == at(tomorrow, 9)
    assert AuditEntry.objects.get(action="booking.checkin").actor_label == vera.email


def test_candidates_are_the_persons_bookings_of_that_space_with_an_open_window(
    booking, meeting_room, desk, kari, ola, tomorrow
):
    make_booking(meeting_room, ola, at(tomorrow, 12), at(tomorrow, 13))
    make_booking(desk, kari, at(tomorrow, 9), at(tomorrow, 11))
    assert checkin_candidates(kari, meeting_room, at(tomorrow, 8, 44)) == []
    assert checkin_candidates(kari, meeting_room, at(tomorrow, 8, 45)) == [booking]
    assert checkin_candidates(kari, meeting_room, at(tomorrow, 9, 30)) == []
    assert checkin_candidates(ola, meeting_room, at(tomorrow, 9)) == []
    assert next_checkin(kari, meeting_room, at(tomorrow, 7)) == booking
    assert next_checkin(kari, meeting_room, at(tomorrow, 9)) is None


# --- The web -----------------------------------------------------------------------------
def test_the_qr_page_asks_to_sign_in_and_comes_back(client, meeting_room):
    url = f"/rom/{meeting_room.pk}/sjekk-inn/"
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/logg-inn/?next={url}"


def test_the_qr_page_checks_in_the_booking_that_is_on_now(client, kari, now_booking):
    client.force_login(kari)
    url = f"/rom/{now_booking.space_id}/sjekk-inn/"
    page = client.get(url).content.decode()
    assert f'action="/mine-bookinger/{now_booking.pk}/sjekk-inn/"' in page
    assert "Sjekk inn</button>" in page

    response = client.post(f"/mine-bookinger/{now_booking.pk}/sjekk-inn/", {"next": url})
    assert (response.status_code, response["Location"]) == (302, url)
    now_booking.refresh_from_db()
    assert now_booking.checked_in_at is not None
    page = client.get(url).content.decode()
    assert "Du er sjekket inn" in page
    assert "Du sjekket inn kl." in page
    assert "Sjekk inn</button>" not in page


def test_the_qr_page_says_when_check_in_opens(client, kari, booking):
    client.force_login(kari)
    page = client.get(f"/rom/{booking.space_id}/sjekk-inn/").content.decode()
    assert "ikke åpnet ennå" in page
    assert "08:45" in page and "09:30" in page
    assert "Sjekk inn</button>" not in page


def test_the_qr_page_says_when_there_is_nothing_to_check_in(client, ola, booking):
    client.force_login(ola)
    response = client.get(f"/rom/{booking.space_id}/sjekk-inn/")
    assert response.status_code == 200
    assert "Du har ingen booking av dette rommet å sjekke inn på nå." in response.content.decode()


def test_a_check_in_outside_the_window_is_explained(client, kari, booking):
    client.force_login(kari)
    response = client.post(f"/mine-bookinger/{booking.pk}/sjekk-inn/", follow=True)
    assert "Innsjekkingen åpner kl. 08:45." in response.content.decode()
    booking.refresh_from_db()
    assert booking.checked_in_at is None


def test_the_web_check_in_of_someone_elses_booking_is_not_found(client, ola, now_booking):
    client.force_login(ola)
    assert client.post(f"/mine-bookinger/{now_booking.pk}/sjekk-inn/").status_code == 404
    assert client.get("/rom/999999/sjekk-inn/").status_code == 404


def test_check_in_needs_post_and_ignores_a_foreign_next(client, kari, now_booking):
    client.force_login(kari)
    assert client.get(f"/mine-bookinger/{now_booking.pk}/sjekk-inn/").status_code == 405
    response = client.post(
        f"/mine-bookinger/{now_booking.pk}/sjekk-inn/", {"next": "https://evil.example/"}
    )
    assert response["Location"] == f"/rom/{now_booking.space_id}/sjekk-inn/"


# --- The API -----------------------------------------------------------------------------
def test_the_api_checks_in_and_answers_the_booking(api_as, kari, now_booking):
    response = api_as(kari).post(f"/api/v1/bookings/{now_booking.pk}/checkin", {})
    assert response.status_code == 200, response.content
    body = response.json()
    now_booking.refresh_from_db()
    assert body["id"] == now_booking.pk
    assert body["space"] == now_booking.space_id
    assert body["status"] == "confirmed"
    assert dt.datetime.fromisoformat(body["start"]) == now_booking.start
    assert dt.datetime.fromisoformat(body["end"]) == now_booking.end
    checked_in_at = dt.datetime.fromisoformat(body["checked_in_at"])
    # JSON carries milliseconds.
    assert abs(checked_in_at - now_booking.checked_in_at) < dt.timedelta(milliseconds=1)
    again = api_as(kari).post(f"/api/v1/bookings/{now_booking.pk}/checkin", {})
    assert again.status_code == 200
    assert again.json()["checked_in_at"] == body["checked_in_at"]


def test_the_api_hides_someone_elses_booking(api_as, ola, now_booking):
    response = api_as(ola).post(f"/api/v1/bookings/{now_booking.pk}/checkin", {})
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    now_booking.refresh_from_db()
    assert now_booking.checked_in_at is None


def test_the_api_refuses_outside_the_window_with_a_code(api_as, kari, meeting_room, booking):
    early = api_as(kari).post(f"/api/v1/bookings/{booking.pk}/checkin", {})
    assert early.status_code == 422
    assert early.json()["code"] == "checkin_not_open"
    assert "08:45" in early.json()["detail"]

    now = timezone.now()
    late = make_booking(
        meeting_room, kari, now - dt.timedelta(hours=2), now + dt.timedelta(minutes=30)
    )
    closed = api_as(kari).post(f"/api/v1/bookings/{late.pk}/checkin", {})
    assert (closed.status_code, closed.json()["code"]) == (422, "checkin_closed")


def test_the_api_refuses_a_cancelled_booking(api_as, kari, now_booking):
    Booking.objects.filter(pk=now_booking.pk).update(
        status="cancelled", cancelled_at=timezone.now()
    )
    response = api_as(kari).post(f"/api/v1/bookings/{now_booking.pk}/checkin", {})
    assert (response.status_code, response.json()["code"]) == (422, "not_active")


def test_the_api_needs_a_token(api_as, now_booking):
    assert api_as().post(f"/api/v1/bookings/{now_booking.pk}/checkin", {}).status_code == 401


# --- QR codes ----------------------------------------------------------------------------
def _qr_path(url: str) -> str:
    """The drawing of the QR code segno makes for ``url``: equal drawings encode equal
    data, which stands in for decoding the code (segno cannot read codes back)."""
    svg = segno.make(url, error="m").svg_inline(scale=5, border=4)
    return re.search(r' d="([^"]+)"', svg).group(1)


def test_the_hosts_qr_sheet_has_one_code_per_space_with_its_address(
    client, settings, vera, desk, meeting_room
):
    settings.HUBRO_BASE_URL = "https://hubro.example.no"
    client.force_login(vera)
    response = client.get("/huber/testlab/qr/", follow=True)  # now in the host's workspace
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("<svg ") == 2
    assert page.count('role="img"') == 2
    assert "hubro/qr.css" in page  # the print stylesheet
    for space in (desk, meeting_room):
        url = f"https://hubro.example.no/rom/{space.pk}/sjekk-inn/"
        assert url in page
        assert space.name in page
        assert _qr_path(url) in page
    assert _qr_path(f"https://hubro.example.no/rom/{desk.pk + 999}/sjekk-inn/") not in page


def test_only_hosts_see_the_qr_sheet(client, kari, hub, desk, admin_person):
    client.force_login(kari)
    assert client.get("/vert/testlab/qr/").status_code == 404
    client.force_login(admin_person)
    assert client.get("/vert/testlab/qr/").status_code == 200
    assert client.get("/vert/finnes-ikke/qr/").status_code == 404


# --- In the browser ----------------------------------------------------------------------
@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_checking_in_from_the_qr_page_in_the_browser(page, kari, meeting_room):
    now = timezone.now()
    booking = make_booking(
        meeting_room, kari, now - dt.timedelta(minutes=5), now + dt.timedelta(hours=1)
    )
    page.goto(f"/rom/{meeting_room.pk}/sjekk-inn/")
    expect(page).to_have_url(re.compile(r"/logg-inn/\?next="))
    page.get_by_label("E-post").fill(kari.email)
    page.get_by_label("Passord").fill("correct-horse-battery")
    page.get_by_role("button", name="Logg inn").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sjekk inn: Møterom Lister")
    assert axe_violations(page) == []

    page.get_by_role("button", name="Sjekk inn").click()
    expect(page.get_by_text("Du sjekket inn kl.")).to_be_visible()
    assert axe_violations(page) == []
    booking.refresh_from_db()
    assert booking.checked_in_at is not None


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_qr_page_without_a_booking_and_the_qr_sheet_are_accessible(
    page, ola, vera, desk, meeting_room
):
    sign_in(page, ola.email)
    page.goto(f"/rom/{desk.pk}/sjekk-inn/")
    expect(page.get_by_text("Du har ingen booking av dette rommet")).to_be_visible()
    assert axe_violations(page) == []

    page.context.clear_cookies()
    sign_in(page, vera.email)
    page.goto("/huber/testlab/qr/")
    expect(page.get_by_role("img", name="QR-kode for innsjekking på Plass 1")).to_be_visible()
    assert axe_violations(page) == []
    page.emulate_media(media="print")
    expect(page.locator("header.hubro-header")).to_be_hidden()
    expect(
        page.get_by_role("img", name="QR-kode for innsjekking på Møterom Lister")
    ).to_be_visible()
