"""Reads of clusters, projects and regions, scoped to what the person may see.

Every signed-in person may read clusters and projects (see ``permissions``); the events
shown with them come from ``hubro.events.queries.visible_events``, so an invited-only
meeting stays invisible to those who are not invited."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hubro.core.errors import NotFound
from hubro.core.models import Organization, Region
from hubro.core.permissions import is_admin
from hubro.events.queries import visible_events
from hubro.spaces.models import Hub

from .models import (
    Cluster,
    ClusterOrganization,
    ClusterPerson,
    FundingLine,
    Project,
    ProjectPartner,
    ProjectStatusChange,
)
from .permissions import may_read

# The four sector groups the cluster page and the portfolio filter use. Inter-municipal
# bodies (such as an IPR) are owned and run by municipalities, so they count as municipal.
SECTOR_GROUPS = {
    "state": _("Statlig"),
    "municipal": _("Kommunal (inkl. interkommunal)"),
    "county": _("Fylkeskommunal"),
    "other": _("Annen"),
}
SECTORS_IN_GROUP = {
    "state": [Organization.Sector.STATE],
    "municipal": [Organization.Sector.MUNICIPAL, Organization.Sector.INTER_MUNICIPAL],
    "county": [Organization.Sector.COUNTY],
    "other": [Organization.Sector.OTHER],
}
LEVELS = dict(Organization.Level.choices)
CENTS = Decimal("0.01")


def sector_group(sector: str) -> str:
    for group, sectors in SECTORS_IN_GROUP.items():
        if sector in sectors:
            return group
    return "other"


def slug_param(value) -> str:
    """A slug from a query string or path, or "" when it cannot be one: PostgreSQL
    refuses a NUL character in a query, and no slug holds one."""
    value = (value or "").strip()
    return "" if "\x00" in value else value


def _require_reader(person) -> None:
    if not may_read(person):
        raise NotFound()


# --- Clusters -------------------------------------------------------------------------


def clusters_for(person):
    """Every cluster, with its home hubs and a count of current member organizations."""
    _require_reader(person)
    today = timezone.localdate()
    return (
        Cluster.objects.prefetch_related("home_hubs")
        .select_related("contact_person")
        .annotate(
            organization_count=Count(
                "organizations",
                filter=Q(organizations__left_on__isnull=True)
                | Q(organizations__left_on__gte=today),
                distinct=True,
            ),
            project_count=Count("projects", distinct=True),
        )
        .order_by("name")
    )


def get_cluster_for(person, slug: str) -> Cluster:
    """The cluster with this slug, for a signed-in person; else ``NotFound``."""
    _require_reader(person)
    cluster = (
        Cluster.objects.filter(slug=slug_param(slug))
        .select_related("contact_person")
        .prefetch_related("home_hubs")
        .first()
    )
    if cluster is None:
        raise NotFound()
    return cluster


def cluster_state(cluster: Cluster, today: dt.date | None = None) -> str:
    """``preparing`` (not started yet), ``active`` or ``ended``."""
    today = today or timezone.localdate()
    if cluster.ended_on and cluster.ended_on < today:
        return "ended"
    if cluster.started_on is None or cluster.started_on > today:
        return "preparing"
    return "active"


CLUSTER_STATES = {
    "preparing": _("Under oppbygging"),
    "active": _("Aktiv"),
    "ended": _("Avsluttet"),
}


def current_member_organizations(cluster: Cluster, today: dt.date | None = None):
    today = today or timezone.localdate()
    return (
        ClusterOrganization.objects.filter(cluster=cluster)
        .filter(Q(left_on__isnull=True) | Q(left_on__gte=today))
        .select_related("organization")
        .order_by("organization__name")
    )


def member_people(cluster: Cluster):
    return (
        ClusterPerson.objects.filter(cluster=cluster)
        .select_related("person", "organization")
        .prefetch_related("person__memberships__organization")
        .order_by("-is_contact", "person__name", "person__email")
    )


def person_organization(member: ClusterPerson) -> Organization | None:
    """The organization a cluster member takes part for: the one given, else their
    primary one."""
    if member.organization_id:
        return member.organization
    memberships = list(member.person.memberships.all())
    primary = next((m for m in memberships if m.is_primary), None) or (
        memberships[0] if memberships else None
    )
    return primary.organization if primary else None


@dataclass
class Breakdown:
    """Counts of member organizations and people per key (a sector group or a level)."""

    key: str
    label: str
    organizations: int = 0
    people: int = 0


def _breakdown(labels: dict, organizations, people, key_of) -> list[Breakdown]:
    rows = {key: Breakdown(key, str(label)) for key, label in labels.items()}
    for organization in organizations:
        rows[key_of(organization)].organizations += 1
    for organization in people:
        if organization is not None:
            rows[key_of(organization)].people += 1
    return list(rows.values())


@dataclass
class ActivityRow:
    year: int
    meetings: int
    projects: int


@dataclass
class ClusterOverview:
    cluster: Cluster
    state: str
    organizations: list = field(default_factory=list)
    people: list = field(default_factory=list)
    by_sector: list[Breakdown] = field(default_factory=list)
    by_level: list[Breakdown] = field(default_factory=list)
    people_without_organization: int = 0
    upcoming_meetings: list = field(default_factory=list)
    past_meetings: list = field(default_factory=list)
    projects: list = field(default_factory=list)
    activity: list[ActivityRow] = field(default_factory=list)

    @property
    def activity_max(self) -> int:
        return max([1, *(max(r.meetings, r.projects) for r in self.activity)])


def cluster_meetings(cluster: Cluster, person):
    """The cluster's events that ``person`` may see and that were not cancelled."""
    return (
        visible_events(person)
        .filter(cluster=cluster, cancelled_at__isnull=True)
        .select_related("hub")
        .order_by("start", "pk")
    )


def cluster_activity(cluster: Cluster, person, *, now=None) -> list[ActivityRow]:
    """Meetings held (visible to ``person``, not cancelled, already started) and
    projects started, per calendar year, every year from the first to the last with
    any activity."""
    now = now or timezone.now()
    # The pk keeps two meetings at the same time apart under the visibility DISTINCT.
    meetings = Counter(
        timezone.localtime(start).year
        for _pk, start in cluster_meetings(cluster, person)
        .filter(start__lt=now)
        .values_list("pk", "start")
    )
    projects = Counter(
        starts_on.year
        for starts_on in cluster.projects.filter(starts_on__isnull=False).values_list(
            "starts_on", flat=True
        )
    )
    years = set(meetings) | set(projects)
    if not years:
        return []
    return [
        ActivityRow(year, meetings.get(year, 0), projects.get(year, 0))
        for year in range(min(years), max(years) + 1)
    ]


def cluster_overview(cluster: Cluster, person, *, now=None) -> ClusterOverview:
    """What the cluster page shows: members by sector and level, meetings, projects
    and activity per year."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    organizations = list(current_member_organizations(cluster, today))
    people = list(member_people(cluster))
    people_orgs = [person_organization(member) for member in people]
    member_orgs = [m.organization for m in organizations]
    meetings = list(cluster_meetings(cluster, person))
    return ClusterOverview(
        cluster=cluster,
        state=cluster_state(cluster, today),
        organizations=organizations,
        people=[(member, org) for member, org in zip(people, people_orgs, strict=True)],
        by_sector=_breakdown(
            SECTOR_GROUPS, member_orgs, people_orgs, lambda o: sector_group(o.sector)
        ),
        by_level=_breakdown(LEVELS, member_orgs, people_orgs, lambda o: o.level),
        people_without_organization=sum(org is None for org in people_orgs),
        upcoming_meetings=[e for e in meetings if e.end > now],
        past_meetings=[e for e in meetings if e.end <= now][::-1],
        projects=list(cluster.projects.select_related("hub").order_by("-starts_on", "title")),
        activity=cluster_activity(cluster, person, now=now),
    )


# --- Projects -------------------------------------------------------------------------


@dataclass(frozen=True)
class ProjectFilter:
    """The portfolio's filters; empty strings mean "any"."""

    status: str = ""
    cluster: str = ""  # a cluster slug
    sector: str = ""  # a sector group (see SECTOR_GROUPS)
    hub: str = ""  # a hub slug

    @classmethod
    def from_params(cls, params) -> "ProjectFilter":
        """From a query dict; unknown status or sector values are dropped (a stale link
        shows everything rather than an error)."""
        status = params.get("status", "") or ""
        sector = params.get("sector", "") or ""
        return cls(
            status=status if status in Project.Status.values else "",
            cluster=slug_param(params.get("cluster", "")),
            sector=sector if sector in SECTOR_GROUPS else "",
            hub=slug_param(params.get("hub", "")),
        )

    @property
    def active(self) -> bool:
        return any((self.status, self.cluster, self.sector, self.hub))


def _projects():
    return Project.objects.select_related("hub", "cluster", "taken_over_by").prefetch_related(
        Prefetch(
            "partners",
            queryset=ProjectPartner.objects.select_related("organization").order_by(
                "role", "organization__name"
            ),
        )
    )


def hub_projects(hub: Hub):
    """A hub's portfolio: its own projects and those of clusters it is a home hub of."""
    return Project.objects.filter(Q(hub=hub) | Q(cluster__home_hubs=hub))


def filter_projects(queryset, filters: ProjectFilter):
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.cluster:
        queryset = queryset.filter(cluster__slug=filters.cluster)
    if filters.sector:
        queryset = queryset.filter(
            pk__in=ProjectPartner.objects.filter(
                organization__sector__in=SECTORS_IN_GROUP[filters.sector]
            ).values("project_id")
        )
    if filters.hub:
        queryset = queryset.filter(
            pk__in=hub_projects_by_slug(filters.hub).values("pk"),
        )
    return queryset


def hub_projects_by_slug(slug: str):
    return Project.objects.filter(Q(hub__slug=slug) | Q(cluster__home_hubs__slug=slug))


def projects_for(person, filters: ProjectFilter | None = None, *, hub: Hub | None = None):
    """The projects ``person`` may see (every one, for a signed-in person), optionally
    within a hub's portfolio, filtered; newest start first."""
    _require_reader(person)
    queryset = _projects()
    if hub is not None:
        queryset = queryset.filter(pk__in=hub_projects(hub).values("pk"))
    queryset = filter_projects(queryset, filters or ProjectFilter())
    return queryset.order_by("title", "pk")


def manageable_hubs(person):
    """The active hubs where ``person`` may start clusters and projects: the hubs they
    host (every active hub for administrators)."""
    hubs = Hub.objects.filter(is_active=True).order_by("name")
    return hubs if is_admin(person) else hubs.filter(hosts=person)


def manageable_clusters(person):
    """The clusters ``person`` may start projects in: those with a hub they host as a
    home hub (every cluster for administrators)."""
    clusters = Cluster.objects.order_by("name")
    return clusters if is_admin(person) else clusters.filter(home_hubs__hosts=person).distinct()


def get_project_for(person, slug: str) -> Project:
    _require_reader(person)
    project = _projects().filter(slug=slug_param(slug)).select_related("merged_into").first()
    if project is None:
        raise NotFound()
    return project


def portfolio_clusters(hub: Hub | None):
    """The clusters offered in the portfolio's cluster filter."""
    clusters = Cluster.objects.order_by("name")
    if hub is not None:
        clusters = clusters.filter(Q(home_hubs=hub) | Q(projects__hub=hub)).distinct()
    return clusters


def status_history(project: Project):
    return ProjectStatusChange.objects.filter(project=project).select_related(
        "merged_into", "handed_over_to", "actor"
    )


def funding_lines(project: Project):
    return FundingLine.objects.filter(project=project).select_related("funder")


@dataclass(frozen=True)
class FundingTotals:
    applied: Decimal
    granted: Decimal
    rejected: Decimal

    @property
    def total(self) -> Decimal:
        """Everything asked for, whatever the answer."""
        return self.applied + self.granted + self.rejected


def funding_totals(project: Project) -> FundingTotals:
    """Sums per funding status, as Decimals with two decimals (0.00 when none)."""
    zero = Decimal("0")
    sums = FundingLine.objects.filter(project=project).aggregate(
        **{
            status: Sum("amount", filter=Q(status=status), default=zero)
            for status in FundingLine.Status.values
        }
    )
    return FundingTotals(**{key: Decimal(value).quantize(CENTS) for key, value in sums.items()})


def project_events(project: Project, person):
    return (
        visible_events(person)
        .filter(project=project, cancelled_at__isnull=True)
        .select_related("hub")
        .order_by("start", "pk")
    )


# --- Regions --------------------------------------------------------------------------


def regions_for_list():
    return Region.objects.annotate(
        hub_count=Count("hubs", filter=Q(hubs__is_active=True), distinct=True),
        municipality_count=Count("municipalities", distinct=True),
    ).order_by("name")


def get_region(slug: str) -> Region:
    region = Region.objects.filter(slug=slug_param(slug)).first()
    if region is None:
        raise NotFound()
    return region


@dataclass
class RegionOverview:
    region: Region
    municipalities: list
    hubs: list
    upcoming_events: list
    clusters: list
    projects: list


def region_hubs(region: Region):
    """Active hubs tied to the region, or placed in one of its municipalities."""
    return (
        Hub.objects.filter(is_active=True)
        .filter(Q(region=region) | Q(municipality__in=region.municipalities.all()))
        .select_related("municipality")
        .distinct()
        .order_by("name")
    )


def region_overview(region: Region, person, *, now=None, event_limit: int = 20) -> RegionOverview:
    """The region page: municipalities, hubs, upcoming events across the hubs that the
    person may see, and the clusters and projects of those hubs."""
    _require_reader(person)
    now = now or timezone.now()
    hubs = list(region_hubs(region))
    hub_ids = [hub.pk for hub in hubs]
    events = (
        visible_events(person)
        .filter(hub__in=hub_ids, cancelled_at__isnull=True, end__gt=now)
        .select_related("hub")
        .order_by("start", "pk")[:event_limit]
    )
    clusters = list(Cluster.objects.filter(home_hubs__in=hub_ids).distinct().order_by("name"))
    projects = list(
        _projects()
        .filter(Q(hub__in=hub_ids) | Q(cluster__in=[c.pk for c in clusters]))
        .distinct()
        .order_by("title")
    )
    return RegionOverview(
        region=region,
        municipalities=list(region.municipalities.order_by("name")),
        hubs=hubs,
        upcoming_events=list(events),
        clusters=clusters,
        projects=projects,
    )
