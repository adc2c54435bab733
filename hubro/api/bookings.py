"""The caller's bookings."""

from django.utils import timezone
from ninja import Router, Schema, Status
from pydantic import AwareDatetime

from hubro.bookings.actions import cancel_booking, create_booking
from hubro.bookings.queries import get_booking_for, upcoming_bookings_of
from hubro.core.errors import Invalid, NotFound
from hubro.spaces.queries import get_space

from .schemas import ErrorOut

router = Router(tags=["bookings"])


class BookingIn(Schema):
    space: int
    start: AwareDatetime
    end: AwareDatetime


class BookingOut(Schema):
    id: int
    space: int
    start: AwareDatetime
    end: AwareDatetime
    status: str

    @staticmethod
    def resolve_space(obj):
        return obj.space_id

    @staticmethod
    def resolve_start(obj):
        return timezone.localtime(obj.start)

    @staticmethod
    def resolve_end(obj):
        return timezone.localtime(obj.end)


@router.post("/bookings", response={201: BookingOut, 409: ErrorOut, 422: ErrorOut})
def create(request, payload: BookingIn):
    """Book a space for [start, end). Times need a UTC offset."""
    try:
        space = get_space(payload.space)
    except NotFound:
        raise Invalid("Unknown space", code="unknown_space") from None
    booking = create_booking(
        space=space,
        person=request.auth,
        start=payload.start,
        end=payload.end,
        actor=request.auth,
    )
    return Status(201, booking)


@router.get("/bookings", response=list[BookingOut])
def mine(request):
    """The caller's own confirmed bookings that have not ended."""
    return list(upcoming_bookings_of(request.auth))


@router.delete("/bookings/{booking_id}", response={204: None, 404: ErrorOut})
def cancel(request, booking_id: int):
    """Cancel one of the caller's bookings. Anyone else's is not found."""
    cancel_booking(get_booking_for(request.auth, booking_id), actor=request.auth)
    return Status(204, None)
