"""Every figure of a scope and period before suppression, and the tables' groups that
complementary suppression works on."""

import datetime as dt

from django.utils.translation import gettext as _

from hubro.core.models import Organization
from hubro.spaces.models import OpeningHours, Space

from . import activity, queries
from .figure import Figure

SECTORS = Organization.Sector
KINDS = Space.Kind


def _month_label(ym: int) -> str:
    return f"{ym // 100:04d}-{ym % 100:02d}"


def raw_figures(scope, start: dt.date, end: dt.date, now: dt.datetime):
    """Every figure of the scope and period before suppression, and the tables' groups."""
    hub_ids, org_id = scope.hub_ids, scope.organization.pk if scope.organization else None
    if hub_ids == []:
        hub_ids = [-1]
    pres, use = queries.counts(hub_ids, org_id, start, end, now)
    figures: list[Figure] = []
    groups: list[tuple[str, list[str]]] = []

    def add(key, label, goal, unit, value, *, table="", people=None, dims=None, depends=()):
        figures.append(
            Figure(
                key,
                str(label),
                goal,
                unit,
                value,
                table=table,
                people=people,
                dims=dims or {},
                depends_on=tuple(depends),
            )
        )
        return key

    # Goal 1
    add(
        "active_organizations",
        _("Aktive organisasjoner"),
        1,
        "organizations",
        pres.get("orgs").value,
        table="goal1",
    )
    sector_orgs = pres.by("orgs_sector")
    for sector in SECTORS:
        add(
            f"active_organizations.{sector.value}",
            _("Aktive organisasjoner: %(sector)s") % {"sector": sector.label},
            1,
            "organizations",
            sector_orgs.get((sector.value, 0, 0), queries.Count_()).value,
            table="sectors",
            dims={"sector": str(sector.label)},
        )
    add(
        "cross_sector_days_2",
        _("Dager med minst to sektorer til stede"),
        1,
        "days",
        pres.get("xsector2").value,
        table="goal1",
    )
    add(
        "cross_sector_days_3",
        _("Dager med minst tre sektorer til stede"),
        1,
        "days",
        pres.get("xsector3").value,
        table="goal1",
    )
    add(
        "organization_pairs",
        _("Par av organisasjoner til stede samme dag"),
        1,
        "organizations",
        pres.get("pairs").value,
        table="goal1",
    )
    events = activity.event_counts(hub_ids, org_id, start, end)
    add("events_held", _("Arrangementer holdt"), 1, "events", events["events"], table="goal1")
    add(
        "cross_sector_events",
        _("Arrangementer med deltakere fra minst to sektorer"),
        1,
        "events",
        events["cross_sector_events"],
        table="goal1",
    )

    # Goal 2 (and the sector table it shares with operations)
    add(
        "returning_users",
        _("Tilbakevendende brukere (3 av 6 siste måneder)"),
        2,
        "people",
        pres.get("returning").value,
        people=pres.get("returning").value,
        table="goal2",
    )
    total = pres.get("pd")
    sector_pd = pres.by("pd_sector")
    state = sector_pd.get((SECTORS.STATE.value, 0, 0), queries.Count_())
    add(
        "state_share",
        _("Statsansattes andel av persondøgnene"),
        2,
        "ratio",
        round(state.value / total.value, 4) if total.value else 0.0,
        people=state.people,
        table="goal2",
        depends=("person_days.state",),
    )
    user_parts, day_parts = [], []
    for sector in SECTORS:
        count = sector_pd.get((sector.value, 0, 0), queries.Count_())
        dims = {"sector": str(sector.label)}
        user_parts.append(
            add(
                f"users.{sector.value}",
                _("Brukere: %(sector)s") % {"sector": sector.label},
                2,
                "people",
                count.people,
                people=count.people,
                table="sectors",
                dims=dims,
            )
        )
        day_parts.append(
            add(
                f"person_days.{sector.value}",
                _("Persondøgn: %(sector)s") % {"sector": sector.label},
                2,
                "person_days",
                count.value,
                people=count.people,
                table="sectors",
                dims=dims,
            )
        )
    groups += [("unique_users", user_parts), ("person_days", day_parts)]
    months = pres.by("month")
    state_months = pres.by("state_month")
    month_parts = []
    for (_t, ym, _j), count in sorted(months.items(), key=lambda item: item[0][1]):
        label = _month_label(ym)
        month_parts.append(
            add(
                f"month_person_days.{label}",
                _("Persondøgn %(month)s") % {"month": label},
                2,
                "person_days",
                count.value,
                people=count.people,
                table="months",
                dims={"month": label},
            )
        )
        st = state_months.get(("", ym, 0), queries.Count_())
        add(
            f"month_state_share.{label}",
            _("Statsansattes andel %(month)s") % {"month": label},
            2,
            "ratio",
            round(st.value / count.value, 4) if count.value else 0.0,
            people=st.people,
            table="months",
            dims={"month": label},
            depends=(f"month_person_days.{label}",),
        )
    groups.append(("person_days", month_parts))

    # Goal 3
    remote = pres.get("remote")
    add(
        "remote_person_days",
        _("Persondøgn for arbeidsgivere i en annen region"),
        3,
        "person_days",
        remote.value,
        people=remote.people,
        table="goal3",
    )
    add(
        "remote_state_agencies",
        _("Statlige virksomheter med desentrale arbeidstakere"),
        3,
        "organizations",
        pres.get("remote_state").value,
        table="goal3",
    )

    # Goal 4
    clusters = activity.cluster_counts(hub_ids, org_id, start, end)
    add("active_clusters", _("Aktive klynger"), 4, "clusters", clusters["clusters"], table="goal4")
    add(
        "cross_sector_clusters",
        _("Klynger med medlemmer fra minst to sektorer"),
        4,
        "clusters",
        clusters["cross_sector_clusters"],
        table="goal4",
    )
    add(
        "cluster_meetings",
        _("Klyngemøter holdt"),
        4,
        "events",
        events["cluster_meetings"],
        table="goal4",
    )
    add(
        "cluster_projects",
        _("Prosjekter fra klynger"),
        4,
        "projects",
        clusters["projects"],
        table="goal4",
    )
    add(
        "cluster_funding",
        _("Innvilget finansiering til klyngeprosjekter"),
        4,
        "nok",
        clusters["funding"],
        table="goal4",
    )
    for sector in SECTORS:
        add(
            f"cluster_members.{sector.value}",
            _("Klyngemedlemmer: %(sector)s") % {"sector": sector.label},
            4,
            "organizations",
            clusters["members_by_sector"].get(sector.value, 0),
            table="cluster_members",
            dims={"sector": str(sector.label)},
        )

    # Operations
    add(
        "unique_users",
        _("Unike brukere"),
        None,
        "people",
        total.people,
        people=total.people,
        table="operations",
    )
    add(
        "person_days",
        _("Persondøgn"),
        None,
        "person_days",
        total.value,
        people=total.people,
        table="operations",
    )
    capacity = queries.open_hours(scope.hubs, start, end)
    due = sum(row["due"] for row in use.values())
    if due:
        add(
            "no_show_rate",
            _("Andel ikke møtt (huber med innsjekking)"),
            None,
            "ratio",
            round(sum(row["missed"] for row in use.values()) / due, 4),
            table="operations",
        )
    for kind in KINDS:
        hours = capacity.get(kind.value, 0.0)
        row = use.get(kind.value)
        if not hours:
            continue
        dims = {"kind": str(kind.label)}
        add(
            f"occupancy_booked.{kind.value}",
            _("Belegg, booket: %(kind)s") % {"kind": kind.label},
            None,
            "ratio",
            round((row["booked"] if row else 0) / hours, 4),
            table="occupancy",
            dims=dims,
        )
        add(
            f"occupancy_checked_in.{kind.value}",
            _("Belegg, innsjekket: %(kind)s") % {"kind": kind.label},
            None,
            "ratio",
            round((row["checked"] if row else 0) / hours, 4),
            table="occupancy",
            dims=dims,
        )
        add(
            f"open_hours.{kind.value}",
            _("Åpne romtimer: %(kind)s") % {"kind": kind.label},
            None,
            "hours",
            round(hours, 1),
            table="occupancy",
            dims=dims,
        )
    weekdays = pres.by("weekday")
    weekday_parts = []
    for number, name in OpeningHours.Weekday.choices:
        count = weekdays.get(("", number + 1, 0), queries.Count_())
        weekday_parts.append(
            add(
                f"weekday.{number + 1}",
                str(name).capitalize(),
                None,
                "person_days",
                count.value,
                people=count.people,
                table="weekdays",
                dims={"weekday": str(name)},
            )
        )
    groups.append(("person_days", weekday_parts))
    hour_parts = []
    for (_t, hour, _j), count in sorted(pres.by("hour").items(), key=lambda i: i[0][1]):
        hour_parts.append(
            add(
                f"hour.{hour:02d}",
                f"{hour:02d}:00–{hour:02d}:59",
                None,
                "person_days",
                count.value,
                people=count.people,
                table="hours",
                dims={"hour": f"{hour:02d}"},
            )
        )
    groups.append(("person_days", hour_parts))

    # Per hub (every scope but one hub): where the people of the scope work.
    if scope.kind != "hub":
        by_hub = pres.by("hub")
        by_hub_month = pres.by("hub_month")
        hub_days, hub_users = [], []
        for hub in sorted(scope.hubs, key=lambda hub: hub.name):
            count = by_hub.get(("", hub.pk, 0), queries.Count_())
            if scope.kind == "org" and not count.value:
                continue
            dims = {"hub": hub.name}
            hub_days.append(
                add(
                    f"hub_person_days.{hub.slug}",
                    _("Persondøgn: %(hub)s") % {"hub": hub.name},
                    None,
                    "person_days",
                    count.value,
                    people=count.people,
                    table="hubs",
                    dims=dims,
                )
            )
            hub_users.append(
                add(
                    f"hub_users.{hub.slug}",
                    _("Brukere: %(hub)s") % {"hub": hub.name},
                    None,
                    "people",
                    count.people,
                    people=count.people,
                    table="hubs",
                    dims=dims,
                )
            )
            parts = []
            for (_t, hid, ym), mcount in sorted(by_hub_month.items()):
                if hid != hub.pk:
                    continue
                label = _month_label(ym)
                parts.append(
                    add(
                        f"hub_month.{hub.slug}.{label}",
                        _("%(hub)s %(month)s") % {"hub": hub.name, "month": label},
                        None,
                        "person_days",
                        mcount.value,
                        people=mcount.people,
                        table="hub_months",
                        dims={"hub": hub.name, "month": label},
                    )
                )
            groups.append((f"hub_person_days.{hub.slug}", parts))
        groups += [("person_days", hub_days), ("unique_users", hub_users)]
    return figures, groups
