"""The hub's booking rules: each code refused the same way by the action, the API and the
web form; what the rules allow; and hosts' overrides, recorded."""

import datetime as dt

import pytest
from django.utils import timezone

from conftest import ApiClient, at
from hubro.bookings.actions import create_booking
from hubro.bookings.models import Booking
from hubro.bookings.rules import RULE_CODES, check_rules, rule_for
from hubro.bookings.tests.rules_support import next_holiday, plain_day, rule
from hubro.core.errors import Invalid
from hubro.spaces.models import ClosedDay

pytestmark = pytest.mark.django_db


# Each case: what the host set up, who books, and when; the code the booking breaks.
def _closed_weekday(hub, day):
    hub.opening_hours.filter(weekday=day.weekday()).delete()
    return day, (9, 0), (10, 0)


def _outside_hours(hub, day):
    return day, (6, 0), (9, 0)


def _closed_day(hub, day):
    ClosedDay.objects.create(hub=hub, date=day, reason="Flytting")
    return day, (9, 0), (10, 0)


def _holiday(hub, day):
    hub.observe_public_holidays = True
    hub.save(update_fields=["observe_public_holidays"])
    return next_holiday(day), (9, 0), (10, 0)


def _too_far_ahead(hub, day):
    rule(hub, max_days_ahead=14)
    return plain_day(day + dt.timedelta(days=20)), (9, 0), (10, 0)


def _too_short(hub, day):
    rule(hub, min_minutes=60)
    return day, (9, 0), (9, 30)


def _too_long(hub, day):
    rule(hub, max_minutes=4 * 60)
    return day, (9, 0), (15, 0)


def _off_the_quarter(hub, day):
    return day, (9, 10), (10, 0)  # no rule: 15 minutes


def _off_the_half_hour(hub, day):
    rule(hub, granularity="30")
    return day, (9, 15), (10, 0)


def _off_the_hour(hub, day):
    rule(hub, "desk", granularity="60")
    return day, (9, 0), (10, 30)


def _not_a_half_day(hub, day):
    rule(hub, "desk", granularity="half_day")
    return day, (9, 0), (12, 0)  # open 07–18, midday 12


def _quota(hub, day):
    rule(hub, max_future_bookings=1)
    return day, (13, 0), (14, 0)


def _members_only(hub, day):
    rule(hub, "desk", access="members")
    return day, (9, 0), (10, 0)


CASES = [
    pytest.param((_closed_weekday, "closed"), id="closed-weekday"),
    pytest.param((_outside_hours, "closed"), id="closed-hours"),
    pytest.param((_closed_day, "closed"), id="closed-day"),
    pytest.param((_holiday, "holiday"), id="holiday"),
    pytest.param((_too_far_ahead, "too_far_ahead"), id="too_far_ahead"),
    pytest.param((_too_short, "too_short"), id="too_short"),
    pytest.param((_too_long, "too_long"), id="too_long"),
    pytest.param((_off_the_quarter, "granularity"), id="granularity-15-default"),
    pytest.param((_off_the_half_hour, "granularity"), id="granularity-30"),
    pytest.param((_off_the_hour, "granularity"), id="granularity-60"),
    pytest.param((_not_a_half_day, "granularity"), id="granularity-half_day"),
    pytest.param((_quota, "quota"), id="quota"),
    pytest.param((_members_only, "not_allowed"), id="not_allowed"),
]


@pytest.fixture
def case(request, desk, kari, guest, day):
    """Set up the case; return (person, start, end, code). The quota case already holds
    one future booking; the members-only case books as a guest."""
    setup, code = request.param
    when, start, end = setup(desk.hub, day)
    person = guest if code == "not_allowed" else kari
    if code == "quota":
        create_booking(space=desk, person=kari, start=at(day, 9), end=at(day, 10), actor=kari)
    return person, at(when, *start), at(when, *end), code


def test_every_rule_code_is_covered():
    codes = {param.values[0][1] for param in CASES}
    assert codes == set(RULE_CODES)


@pytest.mark.parametrize("case", CASES, indirect=True)
def test_the_action_refuses_a_broken_rule_with_its_code(desk, case):
    person, start, end, code = case
    before = Booking.objects.count()
    with pytest.raises(Invalid) as caught:
        create_booking(space=desk, person=person, start=start, end=end, actor=person)
    assert caught.value.code == code
    assert str(caught.value.detail)
    assert Booking.objects.count() == before


@pytest.mark.parametrize("case", CASES, indirect=True)
def test_the_api_answers_422_with_the_code_and_a_translated_detail(desk, case):
    person, start, end, code = case
    before = Booking.objects.count()
    response = ApiClient(person).post(
        "/api/v1/bookings",
        {"space": desk.pk, "start": start.isoformat(), "end": end.isoformat()},
    )
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == code
    assert body["detail"] and body["detail"] != code
    assert Booking.objects.count() == before


@pytest.mark.parametrize("case", CASES, indirect=True)
def test_the_web_form_shows_the_broken_rule_as_a_form_error(client, desk, case):
    person, start, end, code = case
    client.force_login(person)
    before = Booking.objects.count()
    local_start, local_end = timezone.localtime(start), timezone.localtime(end)
    response = client.post(
        f"/huber/testlab/rom/{desk.pk}/book/",
        {
            "date": local_start.date().isoformat(),
            "start": f"{local_start:%H:%M}",
            "end": f"{local_end:%H:%M}",
            "organization": person.primary_membership.organization.pk,
        },
    )
    assert response.status_code == 422
    expected = check_rules(desk, person, person.primary_membership.organization, start, end)
    assert code in [breach.code for breach in expected]
    errors = response.context["form"].errors.as_data()
    messages = [
        str(message) for error_list in errors.values() for e in error_list for message in e
    ]
    assert str(expected[0].detail) in messages
    assert "ds-error-summary" in response.text
    assert Booking.objects.count() == before


# --- What the rules allow --------------------------------------------------------------


def test_without_rules_there_are_no_limits(desk, kari, day):
    far = plain_day(day + dt.timedelta(days=400))
    assert create_booking(space=desk, person=kari, start=at(far, 7), end=at(far, 18), actor=kari)
    assert create_booking(
        space=desk, person=kari, start=at(day, 7, 45), end=at(day, 8), actor=kari
    )


def test_a_rule_for_the_kind_wins_over_the_hub_wide_rule(desk, meeting_room, kari, day):
    rule(desk.hub, max_minutes=60)
    rule(desk.hub, "desk", max_minutes=11 * 60)
    assert rule_for(desk).space_kind == "desk"
    assert rule_for(meeting_room).space_kind == ""
    assert create_booking(space=desk, person=kari, start=at(day, 7), end=at(day, 18), actor=kari)
    with pytest.raises(Invalid, match="60"):
        create_booking(
            space=meeting_room, person=kari, start=at(day, 9), end=at(day, 11), actor=kari
        )


@pytest.mark.parametrize(
    ("start", "end"), [((7, 0), (12, 0)), ((12, 0), (18, 0)), ((7, 0), (18, 0))]
)
def test_half_days_are_morning_afternoon_or_the_whole_day(desk, kari, day, start, end):
    rule(desk.hub, "desk", granularity="half_day")
    booking = create_booking(
        space=desk, person=kari, start=at(day, *start), end=at(day, *end), actor=kari
    )
    assert booking.pk


def test_half_days_split_at_the_hosts_midday(desk, kari, day):
    rule(desk.hub, "desk", granularity="half_day", midday=dt.time(11, 30))
    assert create_booking(
        space=desk, person=kari, start=at(day, 11, 30), end=at(day, 18), actor=kari
    )
    with pytest.raises(Invalid) as caught:
        create_booking(space=desk, person=kari, start=at(day, 7), end=at(day, 12), actor=kari)
    assert caught.value.code == "granularity"


def test_hourly_grid_accepts_whole_hours(meeting_room, kari, day):
    rule(meeting_room.hub, "meeting_room", granularity="60")
    assert create_booking(
        space=meeting_room, person=kari, start=at(day, 9), end=at(day, 11), actor=kari
    )


def test_max_days_ahead_counts_local_calendar_days(desk, kari):
    rule(desk.hub, max_days_ahead=3)
    today = timezone.localdate()
    last = today + dt.timedelta(days=3)
    breaches = check_rules(
        desk, kari, kari.primary_membership.organization, at(last, 9), at(last, 10)
    )
    assert "too_far_ahead" not in [b.code for b in breaches]
    later = last + dt.timedelta(days=1)
    breaches = check_rules(
        desk, kari, kari.primary_membership.organization, at(later, 9), at(later, 10)
    )
    assert "too_far_ahead" in [b.code for b in breaches]


def test_the_quota_counts_only_confirmed_bookings_that_have_not_ended(desk, kari, day):
    rule(desk.hub, max_future_bookings=1)
    org = kari.primary_membership.organization
    now = timezone.now()
    Booking.objects.create(  # over: does not count
        space=desk,
        person=kari,
        organization=org,
        start=now - dt.timedelta(hours=3),
        end=now - dt.timedelta(hours=2),
    )
    Booking.objects.create(  # cancelled: does not count
        space=desk,
        person=kari,
        organization=org,
        start=at(day, 9),
        end=at(day, 10),
        status="cancelled",
        cancelled_at=now,
    )
    first = create_booking(space=desk, person=kari, start=at(day, 11), end=at(day, 12), actor=kari)
    with pytest.raises(Invalid) as caught:
        create_booking(space=desk, person=kari, start=at(day, 13), end=at(day, 14), actor=kari)
    assert caught.value.code == "quota"
    from hubro.bookings.actions import cancel_booking

    cancel_booking(first, actor=kari)
    assert create_booking(space=desk, person=kari, start=at(day, 13), end=at(day, 14), actor=kari)


def test_the_quota_is_per_kind_of_space(desk, meeting_room, kari, ola, day):
    rule(desk.hub, "desk", max_future_bookings=1)
    create_booking(space=desk, person=kari, start=at(day, 9), end=at(day, 10), actor=kari)
    # Meeting rooms fall under no quota; other people have their own.
    assert create_booking(
        space=meeting_room, person=kari, start=at(day, 9), end=at(day, 10), actor=kari
    )
    assert create_booking(space=desk, person=ola, start=at(day, 11), end=at(day, 12), actor=ola)


def test_a_hub_wide_quota_leaves_kinds_with_their_own_rule_alone(desk, meeting_room, kari, day):
    rule(desk.hub, max_future_bookings=1)
    rule(desk.hub, "meeting_room", max_future_bookings=5)
    create_booking(space=meeting_room, person=kari, start=at(day, 9), end=at(day, 10), actor=kari)
    assert create_booking(space=desk, person=kari, start=at(day, 9), end=at(day, 10), actor=kari)


def test_members_only_admits_member_and_host_organizations(meeting_room, kari, ola, guest, day):
    rule(meeting_room.hub, "meeting_room", access="members")
    # kari's Nav is a member; ola's Lyngdal kommune hosts the hub.
    assert create_booking(
        space=meeting_room, person=kari, start=at(day, 9), end=at(day, 10), actor=kari
    )
    meeting_room.hub.member_organizations.remove(ola.primary_membership.organization)
    assert create_booking(
        space=meeting_room, person=ola, start=at(day, 10), end=at(day, 11), actor=ola
    )
    with pytest.raises(Invalid) as caught:
        create_booking(
            space=meeting_room, person=guest, start=at(day, 11), end=at(day, 12), actor=guest
        )
    assert caught.value.code == "not_allowed"


def test_guests_may_book_kinds_open_to_anyone(desk, meeting_room, guest, day):
    rule(desk.hub, "desk", access="members")
    rule(desk.hub, "meeting_room", access="anyone")
    assert create_booking(
        space=meeting_room, person=guest, start=at(day, 9), end=at(day, 10), actor=guest
    )


def test_a_hub_that_ignores_public_holidays_is_bookable_on_them(desk, kari, day):
    desk.hub.observe_public_holidays = False
    desk.hub.save()
    holiday = next_holiday(day)
    assert create_booking(
        space=desk, person=kari, start=at(holiday, 9), end=at(holiday, 10), actor=kari
    )


def test_a_closed_day_names_its_reason(desk, kari, day):
    ClosedDay.objects.create(hub=desk.hub, date=day, reason="Flytting")
    with pytest.raises(Invalid) as caught:
        create_booking(space=desk, person=kari, start=at(day, 9), end=at(day, 10), actor=kari)
    assert "Flytting" in str(caught.value.detail)


def test_all_broken_rules_are_reported_most_fundamental_first(desk, guest, day):
    rule(desk.hub, "desk", access="members", max_minutes=30)
    breaches = check_rules(
        desk, guest, guest.primary_membership.organization, at(day, 9, 10), at(day, 19)
    )
    assert [b.code for b in breaches] == ["not_allowed", "closed", "too_long", "granularity"]
