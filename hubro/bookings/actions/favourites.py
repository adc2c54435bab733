"""Favourite spaces: a person marks and unmarks spaces they book often."""

from contextlib import suppress

from django.db import IntegrityError, transaction

from hubro.bookings.models import FavouriteSpace


def set_favourite(person, space, *, favourite: bool) -> bool:
    """Mark (``favourite=True``) or unmark a space as one of the person's favourites.
    Doing it twice changes nothing. Returns whether it is a favourite now. Not audited:
    it is the person's own bookmark, and nobody else sees it."""
    if not favourite:
        FavouriteSpace.objects.filter(person=person, space=space).delete()
        return False
    # The same click twice at once: the other one made it.
    with suppress(IntegrityError), transaction.atomic():
        FavouriteSpace.objects.get_or_create(person=person, space=space)
    return True
