"""Every write to events. The web UI and the API call these and nothing else.

- ``events``: create, change and cancel an event (and the booking of its space);
- ``series``: a recurring event, one ``Event`` per date;
- ``registrations``: sign up, cancel, the waiting list and attendance;
- ``invitations``: who is invited to an event."""

from .events import cancel_event, create_event, update_event
from .guests import confirm_guest_place, request_guest_place
from .invitations import invite, invite_state_unit_leaders
from .registrations import (
    cancel_registration,
    mark_attendance,
    register,
    register_guest,
)
from .series import SeriesResult, create_event_series, series_dates

__all__ = [
    "SeriesResult",
    "cancel_event",
    "cancel_registration",
    "confirm_guest_place",
    "create_event",
    "create_event_series",
    "invite",
    "invite_state_unit_leaders",
    "mark_attendance",
    "register",
    "register_guest",
    "request_guest_place",
    "series_dates",
    "update_event",
]
