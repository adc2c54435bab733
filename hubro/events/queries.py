"""Reads of events, scoped to what the person may see."""

from django.db.models import Count, Q
from django.utils import timezone

from hubro.core.errors import NotFound
from hubro.core.models import Membership
from hubro.core.permissions import is_admin

from .models import Event, Registration


def visible_events(person):
    """The events ``person`` may see (anonymous: open events only).

    - open: everyone;
    - members: people in one of the hub's member organizations or of an organizer;
    - invited: invitees (by account or by their email address) and registered
      participants.
    Hosts of the event's hub, coordinators of an organizer organization, the event's
    creator and administrators see every event they run. Cancelled events stay
    visible (shown as cancelled)."""
    events = Event.objects.all()
    if not (person and person.is_authenticated):
        return events.filter(audience=Event.Audience.OPEN)
    if is_admin(person):
        return events
    organizations = Membership.objects.filter(person=person).values("organization_id")
    coordinated = Membership.objects.filter(
        person=person, role=Membership.Role.COORDINATOR
    ).values("organization_id")
    matching = Event.objects.filter(
        Q(audience=Event.Audience.OPEN)
        | Q(hub__hosts=person)
        | Q(created_by=person)
        | Q(organizers__in=coordinated)
        | Q(audience=Event.Audience.MEMBERS, hub__member_organizations__in=organizations)
        | Q(audience=Event.Audience.MEMBERS, organizers__in=organizations)
        | Q(invitations__person=person)
        | Q(invitations__email__iexact=person.email)
        | Q(registrations__person=person)
    ).values("pk")
    # A subquery instead of .distinct(): callers annotate and order freely.
    return events.filter(pk__in=matching)


def with_counts(events):
    """Annotate ``taken`` (registered) and ``waiting`` (waitlisted)."""
    return events.annotate(
        taken=Count(
            "registrations",
            filter=Q(registrations__status=Registration.Status.REGISTERED),
            distinct=True,
        ),
        waiting=Count(
            "registrations",
            filter=Q(registrations__status=Registration.Status.WAITLISTED),
            distinct=True,
        ),
    )


def get_event_for(person, pk) -> Event:
    """The event ``pk`` if ``person`` may see it, else ``NotFound``."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise NotFound() from None
    event = (
        with_counts(visible_events(person))
        .select_related("hub__municipality", "space", "series", "cluster", "project")
        .filter(pk=pk)
        .first()
    )
    if event is None:
        raise NotFound()
    return event


def events_for_list(person, *, hub=None, kind=None, start=None, end=None, past=False):
    """Events ``person`` may see, upcoming (not yet ended, soonest first) or past
    (latest first), optionally by hub (a slug), kind and a [start, end) window."""
    now = timezone.now()
    events = with_counts(visible_events(person)).select_related("hub", "space")
    if hub:
        # No slug holds a NUL character, and PostgreSQL refuses one in a query.
        events = events.filter(hub__slug=hub) if "\x00" not in hub else events.none()
    if kind:
        events = events.filter(kind=kind)
    if start is not None:
        events = events.filter(end__gt=start)
    if end is not None:
        events = events.filter(start__lt=end)
    if past:
        return events.filter(end__lte=now).order_by("-start", "-pk")
    if start is None and end is None:
        events = events.filter(end__gt=now)
    return events.order_by("start", "pk")


def free_places(event) -> int | None:
    """Places left, or None when the event has no capacity limit."""
    if event.capacity is None:
        return None
    taken = getattr(event, "taken", None)
    if taken is None:
        taken = event.registrations.filter(status=Registration.Status.REGISTERED).count()
    return max(0, event.capacity - taken)


def active_registration(event, person) -> Registration | None:
    if not (person and person.is_authenticated):
        return None
    return (
        event.registrations.filter(person=person)
        .exclude(status=Registration.Status.CANCELLED)
        .first()
    )


def waitlist_position(registration) -> int | None:
    """1 for the first on the waiting list; None when not waitlisted."""
    if registration is None or registration.status != Registration.Status.WAITLISTED:
        return None
    ahead = Registration.objects.filter(
        event_id=registration.event_id, status=Registration.Status.WAITLISTED
    ).filter(
        Q(created_at__lt=registration.created_at)
        | Q(created_at=registration.created_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1


def participants(event):
    """Every registration of the event that is not cancelled: registered first, then
    the waiting list, each in the order they came in."""
    return (
        event.registrations.exclude(status=Registration.Status.CANCELLED)
        .select_related("person", "organization")
        # "registered" sorts before "waitlisted".
        .order_by("status", "created_at", "pk")
    )


def registrations_of(person, *, upcoming=True):
    """The person's own active registrations."""
    registrations = (
        Registration.objects.filter(person=person)
        .exclude(status=Registration.Status.CANCELLED)
        .select_related("event__hub", "event__space")
    )
    now = timezone.now()
    if upcoming:
        return registrations.filter(event__end__gt=now).order_by("event__start", "pk")
    return registrations.filter(event__end__lte=now).order_by("-event__start", "pk")


def registrations_of_organizations(organizations, *, upcoming=True):
    """Active registrations of the people (and guests) of ``organizations``, for their
    coordinators."""
    ids = [org.pk for org in organizations]
    now = timezone.now()
    matching = (
        Registration.objects.filter(
            Q(person__memberships__organization__in=ids) | Q(organization__in=ids)
        )
        .exclude(status=Registration.Status.CANCELLED)
        .values("pk")
    )
    registrations = Registration.objects.filter(pk__in=matching).select_related(
        "event__hub", "person", "organization"
    )
    if upcoming:
        return registrations.filter(event__end__gt=now).order_by("event__start", "pk")
    return registrations.filter(event__end__lte=now).order_by("-event__start", "pk")


def told_when_cancelled(event):
    """The registrations an event's cancellation is told to: everyone signed up or on
    the waiting list (people and guests)."""
    return event.registrations.exclude(status=Registration.Status.CANCELLED)
