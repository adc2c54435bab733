"""Checking in to one's booking."""

from django.utils import timezone
from ninja import Router
from pydantic import AwareDatetime

from hubro.bookings.checkin import check_in
from hubro.bookings.queries import get_booking_for

from .bookings import BookingOut
from .schemas import ErrorOut

router = Router(tags=["checkin"])


class CheckinOut(BookingOut):
    checked_in_at: AwareDatetime | None

    @staticmethod
    def resolve_checked_in_at(obj):
        return timezone.localtime(obj.checked_in_at) if obj.checked_in_at else None


@router.post(
    "/bookings/{booking_id}/checkin", response={200: CheckinOut, 404: ErrorOut, 422: ErrorOut}
)
def checkin(request, booking_id: int):
    """Check in to one of the caller's bookings, inside its check-in window (codes
    ``checkin_not_open``, ``checkin_closed``, ``not_active``). Checking in again is a
    success that changes nothing. Anyone else's booking is not found."""
    return check_in(get_booking_for(request.auth, booking_id), actor=request.auth)
