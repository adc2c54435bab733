"""What `hubro loaddemo` adds for events (see ``hubro.core.demo.EXTENSIONS``).

Lunch talks and gatherings at the hubs, past and upcoming, with registrations and
attendance; courses (the Public Administration Act, risk and vulnerability analysis);
the Narvik municipal director's twice-yearly meeting with the leaders of the local state
units (invited only); a yearly social evening for newcomers; and the monthly digital
status meeting of the project leaders, as a series. The agriculture cluster's gathering
is linked to the cluster when the community demo made it.

Dates are counted from the demo's ``today``, each moved to a working day when the hub is
open and a meeting room is free for the hours. Upcoming events in a room are made with
the event action, so they book the room; past ones are written directly with their
booking (the booking action refuses times that are over). Each event is keyed on its
title and start, so a second run creates nothing."""

import datetime as dt
import random

from hubro.bookings.models import Booking
from hubro.core.demo import organizations as orgs
from hubro.core.demo.base import DemoContext
from hubro.core.demo.hubs import LISTER, NARVIK, NORDFJORDEID
from hubro.core.models import Region
from hubro.core.timeutil import local_datetime
from hubro.spaces.models import Space

from .actions import create_event, create_event_series, invite, invite_state_unit_leaders
from .models import Event, EventSeries, Invitation, Registration

SEED = 4
LANDBRUK = "baerekraftig-landbruk-lister"
STATUS_SERIES = "Statusmøte med departementet (kaffemøte)"

# (offset in days from today, hub, title, kind, start, end, audience, capacity, organizers,
#  description, preferred room)
IN_ROOMS = [
    (
        -41,
        LISTER,
        "Faglunsj: kunstig intelligens i saksbehandlingen",
        Event.Kind.LUNCH_TALK,
        "11:30",
        "12:30",
        Event.Audience.OPEN,
        14,
        [orgs.LYNGDAL],
        "Hva kan språkmodeller gjøre for saksbehandlere i dag, og hvor går grensene for "
        "personvern og forsvarlig saksbehandling? Ta med matpakke, vi spanderer kaffe.",
        "Møterom Rosfjord",
    ),
    (
        -20,
        LISTER,
        "Kurs: ROS-analyse i praksis",
        Event.Kind.COURSE,
        "09:00",
        "15:00",
        Event.Audience.MEMBERS,
        12,
        [orgs.SF_AGDER],
        "Et praktisk dagskurs i risiko- og sårbarhetsanalyse for kommuner og statlige "
        "enheter: metode, eksempler fra regionen og øvelse i grupper.",
        "Møterom Rosfjord",
    ),
    (
        -27,
        NORDFJORDEID,
        "Fagsamling: tjenester på tvers av forvaltningsnivåene",
        Event.Kind.GATHERING,
        "09:30",
        "14:00",
        Event.Audience.OPEN,
        20,
        [orgs.STAD],
        "En samling for ansatte i stat, kommune og fylkeskommune som jobber i huset: hva "
        "lærer vi av hverandre, og hva kan vi gjøre sammen?",
        None,
    ),
    (
        -12,
        LISTER,
        "Fagsamling i landbruksklyngen: felles veterinærvakt",
        Event.Kind.GATHERING,
        "10:00",
        "14:00",
        Event.Audience.MEMBERS,
        16,
        [orgs.SF_AGDER, orgs.AGDER_FK],
        "Klyngen samler bønder, Statsforvalteren, fylkeskommunen og kommunene for å gjøre "
        "opp status for den felles veterinærvaktordningen i regionen.",
        "Møterom Rosfjord",
    ),
    (
        6,
        LISTER,
        "Faglunsj: KI-verktøy i offentlig sektor – hva er lov?",
        Event.Kind.LUNCH_TALK,
        "11:30",
        "12:30",
        Event.Audience.OPEN,
        6,
        [orgs.LYNGDAL],
        "En kort innføring i hva regelverket sier om bruk av KI-verktøy i forvaltningen, "
        "med god tid til spørsmål.",
        "Møterom Lista",
    ),
    (
        23,
        NORDFJORDEID,
        "Kurs: forvaltningsloven for nytilsatte",
        Event.Kind.COURSE,
        "09:00",
        "15:00",
        Event.Audience.OPEN,
        15,
        [orgs.SF_VESTLAND],
        "Grunnkurs i forvaltningsloven: vedtak, veiledningsplikt, taushetsplikt og klage. "
        "For alle som er nye i offentlig forvaltning.",
        None,
    ),
    (
        30,
        LISTER,
        "Verksted: tjenestedesign med innbyggeren i sentrum",
        Event.Kind.WORKSHOP,
        "09:00",
        "12:00",
        Event.Audience.MEMBERS,
        10,
        [orgs.LYNGDAL, orgs.NAV],
        "Et verksted for dem som vil prøve tjenestedesign på en egen tjeneste sammen med "
        "kolleger fra andre virksomheter i huset.",
        "Møterom Rosfjord",
    ),
]
LEADERS_MEETINGS = [(-150, "vår"), (45, "høst")]


def _time(value: str) -> dt.time:
    return dt.time.fromisoformat(value)


def _slot(hub, day: dt.date, start: str, end: str, *, room: str | None):
    """A weekday on or after ``day`` (Monday–Thursday) when the hub is open for the
    hours and a meeting room is free: (start, end, space), or None."""
    rooms = list(
        Space.objects.filter(hub=hub, kind=Space.Kind.MEETING_ROOM, is_active=True).order_by(
            "-capacity", "name"
        )
    )
    if room:
        rooms.sort(key=lambda space: space.name != room)
    for shift in range(21):
        candidate = day + dt.timedelta(days=shift)
        if candidate.weekday() > 3:
            continue
        interval = hub.open_interval(candidate)
        begin, finish = (
            local_datetime(candidate, _time(start)),
            local_datetime(candidate, _time(end)),
        )
        if interval is None or not (interval[0] <= begin and finish <= interval[1]):
            continue
        for space in rooms:
            taken = Booking.objects.confirmed().filter(space=space).overlapping(begin, finish)
            if not taken.exists():
                return begin, finish, space
    return None


def _people_of(ctx: DemoContext, hub_slug: str):
    """Demo people working from the hub, in a fixed order."""
    return [p.person for p in ctx.people if p.home_hub == hub_slug]


def _registrations(ctx, event, people, *, rng, count, past: bool) -> None:
    """Sign ``count`` people up (past events: with attendance). Direct rows: the demo
    writes history the actions refuse (sign-ups after the deadline, events over)."""
    chosen = rng.sample(people, min(count, len(people)))
    taken = event.registrations.filter(status=Registration.Status.REGISTERED).count()
    for index, person in enumerate(chosen):
        full = event.capacity is not None and taken >= event.capacity
        status = Registration.Status.WAITLISTED if full else Registration.Status.REGISTERED
        if past and full:
            continue
        membership = person.primary_membership
        created = event.start - dt.timedelta(days=10 - min(index, 9), hours=index)
        Registration.objects.create(
            event=event,
            person=person,
            organization=membership.organization if membership else None,
            status=status,
            created_at=min(created, ctx.now),
            attended=(rng.random() > 0.15) if past else None,
            attendance_marked_at=event.end if past else None,
        )
        taken += status == Registration.Status.REGISTERED
        ctx.tally.add("event registrations", True)


def _past_event(ctx, *, actor, organizers, space, start, end, **fields) -> Event:
    booking = Booking.objects.create(
        space=space,
        person=actor,
        organization=organizers[0]
        if actor.memberships.filter(organization=organizers[0]).exists()
        else actor.primary_membership.organization,
        start=start,
        end=end,
    )
    # created_at is auto_now_add: set the past creation time afterwards.
    booking.created_at = start - dt.timedelta(days=30)
    Booking.objects.filter(pk=booking.pk).update(created_at=booking.created_at)
    event = Event.objects.create(
        **fields,
        start=start,
        end=end,
        place=Event.Place.HUB,
        hub=space.hub,
        space=space,
        booking=booking,
        created_by=actor,
        created_at=start - dt.timedelta(days=30),
    )
    event.organizers.set(organizers)
    ctx.tally.add("event bookings", True)
    return event


def _cluster(ctx: DemoContext):
    clusters = (ctx.extra.get("community") or {}).get("clusters") or {}
    if LANDBRUK in clusters:
        return clusters[LANDBRUK]
    try:
        from hubro.community.models import Cluster
    except ImportError:  # pragma: no cover - the community app is always installed
        return None
    return Cluster.objects.filter(slug=LANDBRUK).first()


def _host(ctx: DemoContext, hub):
    return hub.hosts.order_by("pk").first() or ctx.fixed.admin


def _exists(title: str, hub) -> bool:
    """Whether the event is there already. An event in a room whose booking was
    deleted (the bookings were rebuilt) gets its booking back, so that the room stays
    held."""
    event = Event.objects.filter(title=title, hub=hub).select_related("space").first()
    if event is None:
        return False
    if event.space_id and event.booking_id is None and not event.cancelled_at:
        clash = (
            Booking.objects.confirmed()
            .filter(space=event.space)
            .overlapping(event.start, event.end)
        )
        if not clash.exists():
            actor = event.created_by
            membership = actor.primary_membership if actor else None
            if membership is not None:
                event.booking = Booking.objects.create(
                    space=event.space,
                    person=actor,
                    organization=membership.organization,
                    start=event.start,
                    end=event.end,
                    created_at=min(event.created_at, event.start),
                )
                event.save(update_fields=["booking"])
    return True


def _in_rooms(ctx: DemoContext, rng) -> None:
    cluster = _cluster(ctx)
    for spec in IN_ROOMS:
        offset, slug, title, kind, start, end, audience, capacity, org_keys, text, room = spec
        hub = ctx.hubs[slug]
        if _exists(title, hub):
            continue
        slot = _slot(hub, ctx.today + dt.timedelta(days=offset), start, end, room=room)
        if slot is None:
            continue
        begin, finish, space = slot
        organizers = [ctx.organizations[key] for key in org_keys if key in ctx.organizations]
        actor = _host(ctx, hub)
        fields = {
            "kind": kind,
            "title": title,
            "description": text,
            "audience": audience,
            "capacity": capacity,
            "cluster": cluster if "landbruksklyngen" in title else None,
        }
        past = finish <= ctx.now
        if past:
            event = _past_event(
                ctx,
                actor=actor,
                organizers=organizers,
                space=space,
                start=begin,
                end=finish,
                **fields,
            )
        elif begin <= ctx.now:
            continue  # under way right now: leave it out rather than write half a history
        else:
            event = create_event(
                actor=actor,
                organizers=organizers,
                override=True,
                start=begin,
                end=finish,
                place=Event.Place.HUB,
                space=space,
                registration_deadline=begin - dt.timedelta(days=1),
                **fields,
            )
            ctx.tally.add("event bookings", True)
        ctx.tally.add("events", True)
        people = _people_of(ctx, slug)
        if not past and kind == Event.Kind.LUNCH_TALK:
            # A full lunch talk with a waiting list, the demo employee on it.
            people = [p for p in people if p != ctx.fixed.ansatt]
            _registrations(ctx, event, people, rng=rng, count=capacity + 2, past=False)
            _registrations(ctx, event, [ctx.fixed.ansatt], rng=rng, count=1, past=False)
        else:
            count = int(capacity * (0.9 if past else 0.5))
            _registrations(ctx, event, people, rng=rng, count=count, past=past)


def _leaders_meetings(ctx: DemoContext, rng) -> None:
    hub = ctx.hubs.get(NARVIK)
    if hub is None:
        return
    director = (
        hub.host_organization.memberships.filter(role="coordinator")
        .select_related("person")
        .order_by("pk")
        .first()
    )
    organizer = hub.host_organization
    actor = director.person if director else ctx.fixed.admin
    ofoten = Region.objects.filter(slug="ofoten").first()
    state_leaders = [
        p.person for p in ctx.people if p.home_hub == NARVIK and p.organization.sector == "state"
    ]
    for offset, season in LEADERS_MEETINGS:
        title = f"Kommunedirektørens ledermøte med statlige virksomheter ({season})"
        if _exists(title, hub):
            continue
        slot = _slot(
            hub, ctx.today + dt.timedelta(days=offset), "09:00", "11:30", room="Møterom Ofoten"
        )
        if slot is None:
            continue
        begin, finish, space = slot
        fields = {
            "kind": Event.Kind.LEADERS_MEETING,
            "title": title,
            "description": (
                "Kommunedirektøren i Narvik møter lederne av de statlige enhetene i Ofoten "
                "to ganger i året: felles utfordringer, rekruttering og beredskap."
            ),
            "audience": Event.Audience.INVITED,
            "capacity": 25,
        }
        if finish <= ctx.now:
            event = _past_event(
                ctx,
                actor=actor,
                organizers=[organizer],
                space=space,
                start=begin,
                end=finish,
                **fields,
            )
            for person in state_leaders:
                Invitation.objects.create(
                    event=event,
                    person=person,
                    name=person.get_full_name(),
                    organization=person.primary_membership.organization,
                )
            _registrations(ctx, event, state_leaders, rng=rng, count=len(state_leaders), past=True)
        else:
            event = create_event(
                actor=ctx.fixed.admin,
                organizers=[organizer],
                override=True,
                start=begin,
                end=finish,
                place=Event.Place.HUB,
                space=space,
                registration_deadline=begin - dt.timedelta(days=7),
                **fields,
            )
            ctx.tally.add("event bookings", True)
            invite(event, actor=ctx.fixed.admin, people=state_leaders)
            if ofoten is not None:
                # Empty until the workplace register is imported; then every state unit.
                invite_state_unit_leaders(event, ofoten, actor=ctx.fixed.admin)
            _registrations(
                ctx, event, state_leaders, rng=rng, count=len(state_leaders) // 2, past=False
            )
        ctx.tally.add("events", True)


def _newcomers(ctx: DemoContext, rng) -> None:
    hub = ctx.hubs.get(LISTER)
    title = "Sosial kveld for nye i huset"
    if hub is None or _exists(title, hub):
        return
    day = ctx.today + dt.timedelta(days=37)
    day += dt.timedelta(days=(3 - day.weekday()) % 7)  # a Thursday
    start = local_datetime(day, dt.time(17, 30))
    event = create_event(
        actor=_host(ctx, hub),
        organizers=[ctx.organizations[orgs.LYNGDAL]],
        kind=Event.Kind.SOCIAL,
        title=title,
        description=(
            "Den årlige kvelden for alle som har begynt å jobbe i huset det siste året: "
            "mat, en runde rundt bordet og omvisning for dem som vil."
        ),
        start=start,
        end=start + dt.timedelta(hours=3),
        place=Event.Place.ELSEWHERE,
        hub=hub,
        location="Lyngdal sentrum, restaurant ved torget",
        audience=Event.Audience.MEMBERS,
        capacity=40,
        registration_deadline=start - dt.timedelta(days=5),
    )
    _registrations(ctx, event, _people_of(ctx, LISTER), rng=rng, count=12, past=False)
    ctx.tally.add("events", True)


def _status_meetings(ctx: DemoContext, rng) -> None:
    if EventSeries.objects.filter(title=STATUS_SERIES).exists():
        return
    hub = ctx.hubs.get(LISTER)
    ministry = ctx.organizations.get(orgs.KDD)
    if hub is None or ministry is None:
        return
    first = ctx.today - dt.timedelta(days=80)
    first += dt.timedelta(days=(2 - first.weekday()) % 7)  # a Wednesday
    start = local_datetime(first, dt.time(9))
    result = create_event_series(
        actor=ctx.fixed.admin,
        freq="monthly",
        count=7,
        organizers=[ministry],
        kind=Event.Kind.NETWORK_MEETING,
        title=STATUS_SERIES,
        description=(
            "Månedlig digitalt statusmøte for prosjektlederne i hubene og departementet: "
            "kort runde, felles saker og spørsmål."
        ),
        start=start,
        end=start + dt.timedelta(minutes=45),
        place=Event.Place.ONLINE,
        hub=hub,
        online_url="https://video.example.test/statens-hus-status",
        audience=Event.Audience.MEMBERS,
    )
    leaders = [ctx.fixed.vert, *(_host(ctx, h) for h in ctx.hubs.values())]
    leaders = list(dict.fromkeys(p for p in leaders if p is not None))
    for event in result.created:
        past = event.end <= ctx.now
        _registrations(ctx, event, leaders, rng=rng, count=len(leaders), past=past)
        ctx.tally.add("events", True)


def build(ctx: DemoContext) -> None:
    """Add the demo's events; running it again changes nothing."""
    rng = random.Random(f"{SEED}-{ctx.today.isoformat()}")
    _in_rooms(ctx, rng)
    _leaders_meetings(ctx, rng)
    _newcomers(ctx, rng)
    _status_meetings(ctx, rng)


def counts() -> dict[str, int]:
    return {
        "events": Event.objects.count(),
        "event registrations": Registration.objects.count(),
    }
