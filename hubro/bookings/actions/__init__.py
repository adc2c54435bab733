"""Every write to bookings. The web UI and the API call these and nothing else.

- ``bookings``: one booking, made, moved or cancelled;
- ``series``: a recurring booking, made date by date, cancelled by date range;
- ``favourites``: a person's favourite spaces."""

from .bookings import cancel_booking, create_booking, move_booking, validate_booking_time
from .favourites import set_favourite
from .series import (
    SeriesConflict,
    SeriesInvalid,
    SeriesResult,
    Skipped,
    cancel_series,
    create_series,
)

__all__ = [
    "SeriesConflict",
    "SeriesInvalid",
    "SeriesResult",
    "Skipped",
    "cancel_booking",
    "cancel_series",
    "create_booking",
    "create_series",
    "move_booking",
    "set_favourite",
    "validate_booking_time",
]
