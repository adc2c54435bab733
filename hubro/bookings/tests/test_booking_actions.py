import datetime as dt

import pytest
from django.utils import timezone

from conftest import at
from hubro.bookings.actions import cancel_booking, create_booking
from hubro.bookings.models import Booking
from hubro.core.errors import Conflict, Invalid
from hubro.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def book(space, person, start, end, **kwargs):
    return create_booking(space=space, person=person, start=start, end=end, actor=person, **kwargs)


def test_it_books_a_free_space(desk, kari, tomorrow):
    booking = book(desk, kari, at(tomorrow, 9), at(tomorrow, 15))
    assert booking.status == Booking.Status.CONFIRMED
    assert booking.organization.orgnr == "889640782"


def test_it_refuses_overlapping_booking(desk, kari, ola, tomorrow):
    book(desk, kari, at(tomorrow, 9), at(tomorrow, 15))
    with pytest.raises(Conflict) as caught:
        book(desk, ola, at(tomorrow, 14), at(tomorrow, 16))
    assert caught.value.code == "conflict"
    assert Booking.objects.count() == 1


def test_it_refuses_a_booking_inside_another(desk, kari, ola, tomorrow):
    book(desk, kari, at(tomorrow, 9), at(tomorrow, 15))
    with pytest.raises(Conflict):
        book(desk, ola, at(tomorrow, 10), at(tomorrow, 11))


def test_it_allows_back_to_back_bookings(desk, kari, ola, tomorrow):
    book(desk, kari, at(tomorrow, 9), at(tomorrow, 10))
    second = book(desk, ola, at(tomorrow, 10), at(tomorrow, 11))
    assert second.pk


def test_a_cancelled_booking_frees_the_time(desk, kari, ola, tomorrow):
    first = book(desk, kari, at(tomorrow, 9), at(tomorrow, 15))
    cancel_booking(first, actor=kari)
    assert book(desk, ola, at(tomorrow, 9), at(tomorrow, 15)).pk


def test_other_spaces_do_not_clash(desk, meeting_room, kari, tomorrow):
    book(desk, kari, at(tomorrow, 9), at(tomorrow, 15))
    assert book(meeting_room, kari, at(tomorrow, 9), at(tomorrow, 15)).pk


@pytest.mark.parametrize(
    ("start", "end", "code"),
    [
        ((10, 0), (9, 0), "invalid_range"),
        ((10, 0), (10, 0), "invalid_range"),
        ((6, 0), (9, 0), "closed"),
        ((17, 0), (19, 0), "closed"),
    ],
)
def test_it_refuses_invalid_times(desk, kari, tomorrow, start, end, code):
    with pytest.raises(Invalid) as caught:
        book(desk, kari, at(tomorrow, *start), at(tomorrow, *end))
    assert caught.value.code == code


def test_it_refuses_naive_times(desk, kari, tomorrow):
    naive = dt.datetime.combine(tomorrow, dt.time(9))
    with pytest.raises(Invalid) as caught:
        book(desk, kari, naive, naive + dt.timedelta(hours=2))
    assert caught.value.code == "naive_datetime"


def test_it_refuses_a_closed_weekday(desk, kari, tomorrow):
    desk.hub.opening_hours.filter(weekday=tomorrow.weekday()).delete()
    with pytest.raises(Invalid) as caught:
        book(desk, kari, at(tomorrow, 9), at(tomorrow, 10))
    assert caught.value.code == "closed"


def test_it_refuses_the_past(desk, kari):
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    with pytest.raises(Invalid) as caught:
        book(desk, kari, at(yesterday, 9), at(yesterday, 10))
    assert caught.value.code == "in_past"


def test_it_refuses_booking_for_an_organization_one_is_not_in(
    desk, kari, lyngdal_kommune, tomorrow
):
    with pytest.raises(Invalid) as caught:
        book(desk, kari, at(tomorrow, 9), at(tomorrow, 10), organization=lyngdal_kommune)
    assert caught.value.code == "not_member"


def test_every_write_is_audited(desk, kari, tomorrow):
    booking = book(desk, kari, at(tomorrow, 9), at(tomorrow, 10))
    cancel_booking(booking, actor=kari)
    actions = list(AuditEntry.objects.order_by("id").values_list("action", "actor", "hub"))
    assert actions == [
        ("booking.create", kari.pk, desk.hub_id),
        ("booking.cancel", kari.pk, desk.hub_id),
    ]


def test_the_audit_log_cannot_be_changed_or_deleted(desk, kari, tomorrow):
    book(desk, kari, at(tomorrow, 9), at(tomorrow, 10))
    entry = AuditEntry.objects.get()
    entry.action = "forged"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.update(action="forged")
    assert AuditEntry.objects.get().action == "booking.create"


def test_booking_across_a_dst_change_keeps_local_hours(desk, kari):
    # The last Sunday of October: clocks go back, the day has 25 hours.
    year = timezone.localdate().year + 1
    day = max(dt.date(year, 10, d) for d in range(25, 32) if dt.date(year, 10, d).weekday() == 6)
    booking = book(desk, kari, at(day, 8), at(day, 16))
    assert timezone.localtime(booking.start).hour == 8
    assert (booking.end - booking.start) == dt.timedelta(hours=8)
