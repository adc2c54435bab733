"""The search across hubs: spaces free for a whole time range on a date, of a kind, for
at least N people, with features, in a municipality or a region.

One query finds the candidate spaces, one finds which of them are taken; opening hours
and closed days are checked per hub in Python (a few dozen hubs). Hubs in the person's
own region (the regions of their organizations' municipalities) come first."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _

from hubro.core.errors import Invalid
from hubro.core.models import Membership, Region
from hubro.core.timeutil import date_in_bounds, local_datetime
from hubro.spaces.models import Hub, OpeningHours, Space, SpaceFeature

from .models import Booking


@dataclass(frozen=True)
class SpaceSearch:
    """What is asked for. ``place`` is ``"region:<slug>"``, ``"kommune:<number>"`` or
    empty for everywhere."""

    day: dt.date
    start: dt.time
    end: dt.time
    kind: str = ""
    people: int = 1
    features: tuple[str, ...] = ()
    place: str = ""


@dataclass
class HubMatch:
    hub: Hub
    own_region: bool
    spaces: list[Space] = field(default_factory=list)


def check(search: SpaceSearch) -> None:
    """Refuse a search that cannot be answered, saying what to change."""
    if not date_in_bounds(search.day):
        raise Invalid(_("Velg en dato mellom år 1900 og 2199."), code="bad_date", field="date")
    if search.end <= search.start:
        raise Invalid(
            _("«Til» må være etter «Fra». Velg et senere sluttidspunkt."),
            code="bad_range",
            field="end",
        )
    if search.kind and search.kind not in Space.Kind.values:
        raise Invalid(_("Velg en type plass fra lista."), code="bad_kind", field="kind")
    if not 1 <= search.people <= 1000:
        raise Invalid(
            _("Skriv et antall personer mellom 1 og 1000."), code="bad_people", field="people"
        )
    unknown = set(search.features) - set(SpaceFeature.Feature.values)
    if unknown:
        raise Invalid(
            _("Ukjent utstyr: %(codes)s. Velg utstyr fra lista.")
            % {"codes": ", ".join(sorted(unknown))},
            code="bad_feature",
            field="features",
        )


def _place_filter(spaces, place: str):
    kind, _sep, value = place.partition(":")
    if not place:
        return spaces
    if kind == "region" and value:
        return spaces.filter(hub__region__slug=value) | spaces.filter(
            hub__municipality__regions__slug=value
        )
    if kind == "kommune" and value:
        return spaces.filter(hub__municipality__number=value)
    raise Invalid(_("Velg et sted fra lista."), code="bad_place", field="place")


def home_regions(person) -> set[int]:
    """The regions of the municipalities of the person's organizations."""
    if not person or not person.is_authenticated:
        return set()
    municipalities = Membership.objects.filter(person=person).values("organization__municipality")
    return set(
        Region.objects.filter(municipalities__in=municipalities).values_list("pk", flat=True)
    )


def search_spaces(search: SpaceSearch, *, person=None) -> list[HubMatch]:
    """The hubs with at least one space that matches and is free the whole time asked,
    the person's own region first, then by hub name. Raises ``Invalid`` with what to
    change for a search that cannot be answered."""
    check(search)
    spaces = Space.objects.filter(is_active=True, hub__is_active=True, capacity__gte=search.people)
    if search.kind:
        spaces = spaces.filter(kind=search.kind)
    for code in search.features:
        spaces = spaces.filter(features__feature=code)
    spaces = _place_filter(spaces, search.place).distinct()
    start = local_datetime(search.day, search.start)
    end = local_datetime(search.day, search.end)
    taken = set(
        Booking.objects.confirmed()
        .overlapping(start, end)
        .filter(space__in=spaces)
        .values_list("space_id", flat=True)
    )
    rows = (
        spaces.exclude(pk__in=taken)
        .select_related("hub__municipality", "hub__region")
        .prefetch_related(
            "features",
            Prefetch("hub__opening_hours", queryset=OpeningHours.objects.order_by("weekday")),
        )
        .order_by("hub__name", "kind", "position", "name")
    )
    regions = home_regions(person)
    hubs: dict[int, HubMatch] = {}
    open_hubs: dict[int, bool] = {}
    for space in rows:
        hub = space.hub
        if hub.pk not in open_hubs:
            interval = hub.open_interval(search.day)
            open_hubs[hub.pk] = (
                interval is not None and interval[0] <= start and end <= interval[1]
            )
        if not open_hubs[hub.pk]:
            continue
        if hub.pk not in hubs:
            own = hub.region_id in regions or bool(
                regions & set(hub.municipality.regions.values_list("pk", flat=True))
            )
            hubs[hub.pk] = HubMatch(hub=hub, own_region=own)
        hubs[hub.pk].spaces.append(space)
    return sorted(hubs.values(), key=lambda match: (not match.own_region, match.hub.name))


def place_choices():
    """The places to search in: regions with hubs, then municipalities with hubs."""
    active = Hub.objects.filter(is_active=True)
    regions = (
        Region.objects.filter(Q(hubs__in=active) | Q(municipalities__hubs__in=active))
        .distinct()
        .order_by("name")
    )
    municipalities = (
        active.values_list("municipality__number", "municipality__name")
        .distinct()
        .order_by("municipality__name")
    )
    return [
        ("", _("Alle steder")),
        (_("Regioner"), [(f"region:{r.slug}", r.name) for r in regions]),
        (_("Kommuner"), [(f"kommune:{number}", name) for number, name in municipalities]),
    ]
