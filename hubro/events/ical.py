"""Events as iCalendar: a hub's public feed of its open events, and each person's
registrations in their private feed (``hubro.bookings.ical.person_feed`` adds them).

Only open events are ever in a public feed; members-only and invited-only events
appear nowhere but in the private feeds of those registered."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Event as VEvent

from hubro.bookings.ical import FEED_DAYS_BACK, _calendar, _local, _location
from hubro.core.links import absolute_url

from .models import Event, Registration


def _where(event: Event, *, with_link: bool) -> str:
    """Where the event is. The meeting link of an online event only for those who hold
    a place, as on the event's page: a public feed never gives it away."""
    if event.place == Event.Place.HUB and event.hub_id:
        room = f"{event.space.name}, " if event.space_id else ""
        return room + _location(event.hub)
    if event.place == Event.Place.ONLINE:
        if with_link and event.online_url:
            return event.online_url
        return str(Event.Place.ONLINE.label)
    return event.location


def event_vevent(
    event: Event, *, now: dt.datetime, waitlisted: bool = False, with_link: bool = False
) -> VEvent:
    vevent = VEvent()
    vevent.add("uid", f"event-{event.pk}@hubro")
    vevent.add("dtstart", _local(event.start))
    vevent.add("dtend", _local(event.end))
    summary = event.title
    if waitlisted:
        summary = _("%(title)s (venteliste)") % {"title": event.title}
    vevent.add("summary", summary)
    location = _where(event, with_link=with_link and not waitlisted)
    if location:
        vevent.add("location", location)
    if event.description:
        vevent.add("description", event.description)
    vevent.add("url", absolute_url(reverse("events:detail", args=[event.pk])))
    vevent.add("dtstamp", now)
    vevent.add("created", event.created_at)
    if event.cancelled_at:
        vevent.add("status", "CANCELLED")
    else:
        vevent.add("status", "TENTATIVE" if waitlisted else "CONFIRMED")
    vevent.add("transp", "TRANSPARENT" if waitlisted else "OPAQUE")
    return vevent


def hub_feed(hub, *, now: dt.datetime | None = None) -> bytes:
    """The hub's open events from FEED_DAYS_BACK days ago on (cancelled ones marked
    cancelled, so that subscribed calendars drop them)."""
    now = now or timezone.now()
    since = now - dt.timedelta(days=FEED_DAYS_BACK)
    calendar = _calendar(method="PUBLISH", name=_("%(hub)s – arrangementer") % {"hub": hub.name})
    events = (
        Event.objects.filter(hub=hub, audience=Event.Audience.OPEN, end__gte=since)
        .select_related("hub__municipality", "space")
        .order_by("start", "pk")
    )
    for event in events:
        calendar.add_component(event_vevent(event, now=now))
    return calendar.to_ical()


def add_registrations(calendar, person, *, since: dt.datetime, now: dt.datetime) -> None:
    """Add the person's active registrations (registered or waiting) to their feed."""
    registrations = (
        Registration.objects.filter(person=person, event__end__gte=since)
        .exclude(status=Registration.Status.CANCELLED)
        .select_related("event__hub__municipality", "event__space")
        .order_by("event__start", "pk")
    )
    for registration in registrations:
        calendar.add_component(
            event_vevent(
                registration.event,
                now=now,
                waitlisted=registration.status == Registration.Status.WAITLISTED,
                with_link=True,
            )
        )
