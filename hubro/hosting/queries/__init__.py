"""Reads for the host's workspace, as rows of values (a day can hold hundreds).

- ``day``: the bookings of a day or a week with names and check-in state, and the
  events of those days with their participants and guests;
- ``lobby``: what the lobby screen shows (no sign-in; no personal data but the names of
  people who opted in)."""
