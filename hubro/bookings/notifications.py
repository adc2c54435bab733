"""Telling people about their bookings. Actions call ``notify`` after commit."""


def notify(event: str, booking_ids: list[int]) -> None:
    """Queue the messages for ``event`` (created, cancelled, released, reminder)."""
