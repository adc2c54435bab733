"""The caller's bookings and booking series."""

import datetime as dt
from typing import Annotated, Literal

from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from pydantic import AwareDatetime

from hubro.bookings.actions import cancel_booking, cancel_series, create_booking, create_series
from hubro.bookings.queries import get_booking_for, upcoming_bookings_of
from hubro.bookings.recurrence import Repeat, get_series_for
from hubro.core.errors import Invalid, NotFound
from hubro.spaces.queries import get_space

from .schemas import ErrorOut

router = Router(tags=["bookings"])


class RepeatIn(Schema):
    """How the booking repeats: daily or weekly, every ``interval`` days/weeks, on
    ``weekdays`` (0 = Monday … 6 = Sunday), until a date (inclusive) or ``count`` times.
    ``on_conflict``: ``skip`` books the dates that can be booked, ``fail`` books nothing
    when any date cannot be booked."""

    freq: Literal["daily", "weekly"]
    interval: int = Field(1, ge=1)
    weekdays: list[int] = Field(default_factory=list)
    until: dt.date | None = None
    count: int | None = Field(None, ge=1)
    on_conflict: Literal["skip", "fail"] = "skip"


class BookingIn(Schema):
    space: int
    start: AwareDatetime
    end: AwareDatetime
    repeat: RepeatIn | None = None
    override: bool = Field(
        False, description="Hosts and administrators: book even if the hub's rules forbid it."
    )
    purpose: str = Field(
        "", max_length=120, description="Meeting and project rooms: a short title or purpose."
    )
    show_purpose: bool = Field(
        False, description="Show the purpose on the hub's day view to everyone."
    )


class BookingOut(Schema):
    id: int
    space: int
    start: AwareDatetime
    end: AwareDatetime
    status: str
    purpose: str
    show_purpose: bool

    @staticmethod
    def resolve_space(obj):
        return obj.space_id

    @staticmethod
    def resolve_start(obj):
        return timezone.localtime(obj.start)

    @staticmethod
    def resolve_end(obj):
        return timezone.localtime(obj.end)


class SkippedOut(Schema):
    start: AwareDatetime
    code: str


class SeriesOut(Schema):
    series: int
    booked: list[BookingOut]
    skipped: list[SkippedOut]


class SeriesErrorOut(ErrorOut):
    skipped: list[SkippedOut] = Field(
        default_factory=list, description="For a refused series: every date that failed."
    )


@router.post(
    "/bookings",
    response={201: BookingOut | SeriesOut, 409: SeriesErrorOut, 422: SeriesErrorOut},
)
def create(request, payload: BookingIn):
    """Book a space for [start, end). Times need a UTC offset.

    With ``repeat``, the same local hours are booked on every date of the pattern,
    starting with the first; the answer lists the dates ``booked`` and those
    ``skipped`` with the ``code`` why (``conflict`` or a rule code). A rule broken
    answers 422, a clash 409, each with a stable ``code``."""
    try:
        space = get_space(payload.space)
    except NotFound:
        raise Invalid("Unknown space", code="unknown_space") from None
    if payload.repeat is None:
        booking = create_booking(
            space=space,
            person=request.auth,
            start=payload.start,
            end=payload.end,
            actor=request.auth,
            override=payload.override,
            purpose=payload.purpose,
            show_purpose=payload.show_purpose,
        )
        return Status(201, booking)
    repeat = payload.repeat
    result = create_series(
        space,
        request.auth,
        payload.start,
        payload.end,
        Repeat(
            freq=repeat.freq,
            interval=repeat.interval,
            weekdays=tuple(repeat.weekdays),
            until=repeat.until,
            count=repeat.count,
        ),
        on_conflict=repeat.on_conflict,
        actor=request.auth,
        override=payload.override,
        purpose=payload.purpose,
        show_purpose=payload.show_purpose,
    )
    return Status(
        201,
        {
            "series": result.series.pk,
            "booked": result.booked,
            "skipped": [skipped.as_dict() for skipped in result.skipped],
        },
    )


@router.get("/bookings", response=list[BookingOut])
def mine(request):
    """The caller's own confirmed bookings that have not ended."""
    return list(upcoming_bookings_of(request.auth))


@router.delete("/bookings/{booking_id}", response={204: None, 404: ErrorOut})
def cancel(request, booking_id: int):
    """Cancel one of the caller's bookings (also one date of a series). Anyone else's is
    not found."""
    cancel_booking(get_booking_for(request.auth, booking_id), actor=request.auth)
    return Status(204, None)


@router.delete("/series/{series_id}", response={204: None, 404: ErrorOut, 422: ErrorOut})
def cancel_dates(
    request,
    series_id: int,
    from_date: Annotated[dt.date | None, Query(None, alias="from")] = None,
    to_date: Annotated[dt.date | None, Query(None, alias="to")] = None,
):
    """Cancel the dates of one of the caller's series from ``from`` to ``to`` (local
    dates, both inclusive). Without ``to``: the rest of the series from ``from``;
    without either: every date that has not ended. Anyone else's series is not found."""
    series = get_series_for(request.auth, series_id)
    cancel_series(series, from_date=from_date, to_date=to_date, actor=request.auth)
    return Status(204, None)
