"""Clusters, projects and regions: read endpoints.

Every signed-in caller may read clusters and projects, funding amounts included; the
events listed with them are only those the caller may see. Amounts are decimal strings
in NOK (``"250000.00"``), so that no client rounds them through a float."""

import datetime as dt
from decimal import Decimal
from typing import Literal

from django.utils import timezone
from ninja import Query, Router, Schema

from hubro.community import queries
from hubro.community.models import Cluster, Project
from hubro.core.errors import Invalid
from hubro.spaces.models import Hub

from .schemas import ErrorOut, MunicipalityOut

router = Router(tags=["community"])

ProjectStatus = Literal[
    "idea", "application", "ongoing", "paused", "completed", "handed_over", "merged", "stopped"
]
SectorGroup = Literal["state", "municipal", "county", "other"]


class HubRefOut(Schema):
    slug: str
    name: str


class OrganizationRefOut(Schema):
    orgnr: str
    name: str
    sector: str
    sector_group: SectorGroup
    level: str


class EventRefOut(Schema):
    id: int
    title: str
    kind: str
    start: dt.datetime
    end: dt.datetime
    hub: str | None


class ClusterRefOut(Schema):
    slug: str
    name: str


class ProjectRefOut(Schema):
    slug: str
    title: str
    status: str


class ClusterOut(Schema):
    slug: str
    name: str
    topic: str
    state: Literal["preparing", "active", "ended"]
    home_hubs: list[HubRefOut]
    organizations: int
    projects: int


class BreakdownOut(Schema):
    key: str
    label: str
    organizations: int
    people: int


class ClusterMemberOrgOut(OrganizationRefOut):
    joined_on: dt.date | None


class ClusterPersonOut(Schema):
    name: str
    organization: str | None
    is_contact: bool


class ContactOut(Schema):
    name: str
    email: str


class ActivityOut(Schema):
    year: int
    meetings: int
    projects: int


class ClusterDetailOut(ClusterOut):
    description: str
    started_on: dt.date | None
    ended_on: dt.date | None
    contact: ContactOut | None
    member_organizations: list[ClusterMemberOrgOut]
    people: list[ClusterPersonOut]
    by_sector: list[BreakdownOut]
    by_level: list[BreakdownOut]
    meetings: list[EventRefOut]
    project_list: list[ProjectRefOut]
    activity: list[ActivityOut]


class ProjectOut(Schema):
    slug: str
    title: str
    status: ProjectStatus
    starts_on: dt.date | None
    ends_on: dt.date | None
    hub: str | None
    cluster: str | None


class PartnerOut(Schema):
    organization: OrganizationRefOut
    role: Literal["owner", "partner", "funder"]


class FundingLineOut(Schema):
    source: str
    funder: str | None
    amount: Decimal
    year: int
    status: Literal["applied", "granted", "rejected"]


class FundingTotalsOut(Schema):
    applied: Decimal
    granted: Decimal
    rejected: Decimal
    total: Decimal


class StatusChangeOut(Schema):
    from_status: str
    to_status: ProjectStatus
    changed_on: dt.date
    reason: str
    merged_into: str | None
    handed_over_to: OrganizationRefOut | None


class ProjectDetailOut(ProjectOut):
    description: str
    outcome: str
    taken_over_by: OrganizationRefOut | None
    merged_into: str | None
    partners: list[PartnerOut]
    funding_lines: list[FundingLineOut]
    funding_totals: FundingTotalsOut
    status_history: list[StatusChangeOut]
    events: list[EventRefOut]


class RegionListOut(Schema):
    slug: str
    name: str
    kind: str
    municipalities: int
    hubs: int


class RegionDetailOut(Schema):
    slug: str
    name: str
    kind: str
    municipalities: list[MunicipalityOut]
    hubs: list[HubRefOut]
    upcoming_events: list[EventRefOut]
    clusters: list[ClusterRefOut]
    projects: list[ProjectRefOut]


def _org(organization) -> dict | None:
    if organization is None:
        return None
    return {
        "orgnr": organization.orgnr,
        "name": organization.name,
        "sector": organization.sector,
        "sector_group": queries.sector_group(organization.sector),
        "level": organization.level,
    }


def _event(event) -> dict:
    return {
        "id": event.pk,
        "title": event.title,
        "kind": event.kind,
        "start": timezone.localtime(event.start),
        "end": timezone.localtime(event.end),
        "hub": event.hub.slug if event.hub_id else None,
    }


def _project_ref(project: Project) -> dict:
    return {"slug": project.slug, "title": project.title, "status": project.status}


def _cluster(cluster: Cluster, *, organizations: int, projects: int) -> dict:
    return {
        "slug": cluster.slug,
        "name": cluster.name,
        "topic": cluster.topic,
        "state": queries.cluster_state(cluster),
        "home_hubs": [{"slug": h.slug, "name": h.name} for h in cluster.home_hubs.all()],
        "organizations": organizations,
        "projects": projects,
    }


@router.get("/clusters", response=list[ClusterOut])
def list_clusters(request):
    """Every competence cluster, by name, with its home hubs and how many member
    organizations (current) and projects it has."""
    return [
        _cluster(c, organizations=c.organization_count, projects=c.project_count)
        for c in queries.clusters_for(request.auth)
    ]


@router.get("/clusters/{slug}", response={200: ClusterDetailOut, 404: ErrorOut})
def get_cluster(request, slug: str):
    """One cluster: its members (organizations with sector and level, people), the
    counts by sector group and by level, its meetings the caller may see, its projects
    and its activity per year (meetings held, projects started)."""
    cluster = queries.get_cluster_for(request.auth, slug)
    overview = queries.cluster_overview(cluster, request.auth)
    contact = cluster.contact_person
    return {
        **_cluster(
            cluster, organizations=len(overview.organizations), projects=len(overview.projects)
        ),
        "description": cluster.description,
        "started_on": cluster.started_on,
        "ended_on": cluster.ended_on,
        "contact": {"name": contact.get_full_name(), "email": contact.email} if contact else None,
        "member_organizations": [
            {**_org(m.organization), "joined_on": m.joined_on} for m in overview.organizations
        ],
        "people": [
            {
                "name": member.person.get_full_name(),
                "organization": organization.name if organization else None,
                "is_contact": member.is_contact,
            }
            for member, organization in overview.people
        ],
        "by_sector": [vars(row) for row in overview.by_sector],
        "by_level": [vars(row) for row in overview.by_level],
        "meetings": [
            _event(e) for e in [*overview.past_meetings[::-1], *overview.upcoming_meetings]
        ],
        "project_list": [_project_ref(p) for p in overview.projects],
        "activity": [vars(row) for row in overview.activity],
    }


def _project(project: Project) -> dict:
    return {
        "slug": project.slug,
        "title": project.title,
        "status": project.status,
        "starts_on": project.starts_on,
        "ends_on": project.ends_on,
        "hub": project.hub.slug if project.hub_id else None,
        "cluster": project.cluster.slug if project.cluster_id else None,
    }


@router.get("/projects", response={200: list[ProjectOut], 422: ErrorOut})
def list_projects(
    request,
    status: ProjectStatus | None = None,
    cluster: str | None = None,
    sector: SectorGroup | None = None,
    hub: str | None = None,
):
    """Projects by title, filtered like a hub's portfolio: ``status``, ``cluster`` (a
    cluster's slug), ``sector`` (projects with a partner in that sector group;
    ``municipal`` includes inter-municipal bodies) and ``hub`` (a hub's slug: its own
    projects and those of clusters it is a home hub of). An unknown hub or cluster
    answers 422 ``unknown_hub`` / ``unknown_cluster``."""
    if hub and not Hub.objects.filter(slug=queries.slug_param(hub)).exists():
        raise Invalid("Unknown hub", code="unknown_hub")
    if cluster and not Cluster.objects.filter(slug=queries.slug_param(cluster)).exists():
        raise Invalid("Unknown cluster", code="unknown_cluster")
    filters = queries.ProjectFilter(
        status=status or "", cluster=cluster or "", sector=sector or "", hub=hub or ""
    )
    return [_project(p) for p in queries.projects_for(request.auth, filters)]


@router.get("/projects/{slug}", response={200: ProjectDetailOut, 404: ErrorOut})
def get_project(request, slug: str):
    """One project with its partners (role, sector, level), funding lines and totals
    per status (decimal strings, NOK), status history (date, reason, merged into,
    handed over to), outcome, and its events the caller may see."""
    project = queries.get_project_for(request.auth, slug)
    totals = queries.funding_totals(project)
    return {
        **_project(project),
        "description": project.description,
        "outcome": project.outcome,
        "taken_over_by": _org(project.taken_over_by),
        "merged_into": project.merged_into.slug if project.merged_into_id else None,
        "partners": [
            {"organization": _org(p.organization), "role": p.role} for p in project.partners.all()
        ],
        "funding_lines": [
            {
                "source": line.source,
                "funder": line.funder.orgnr if line.funder_id else None,
                "amount": line.amount,
                "year": line.year,
                "status": line.status,
            }
            for line in queries.funding_lines(project)
        ],
        "funding_totals": {
            "applied": totals.applied,
            "granted": totals.granted,
            "rejected": totals.rejected,
            "total": totals.total,
        },
        "status_history": [
            {
                "from_status": change.from_status,
                "to_status": change.to_status,
                "changed_on": change.changed_on,
                "reason": change.reason,
                "merged_into": change.merged_into.slug if change.merged_into_id else None,
                "handed_over_to": _org(change.handed_over_to),
            }
            for change in queries.status_history(project)
        ],
        "events": [_event(e) for e in queries.project_events(project, request.auth)],
    }


@router.get("/regions", response=list[RegionListOut])
def list_regions(request):
    """Every region (inter-municipal councils and others), by name."""
    return [
        {
            "slug": r.slug,
            "name": r.name,
            "kind": r.kind,
            "municipalities": r.municipality_count,
            "hubs": r.hub_count,
        }
        for r in queries.regions_for_list()
    ]


@router.get("/regions/{slug}", response={200: RegionDetailOut, 404: ErrorOut})
def get_region(request, slug: str, limit: int = Query(20, ge=1, le=200)):
    """A region: its municipalities, its active hubs, the upcoming events at those hubs
    that the caller may see (at most ``limit``), and the clusters and projects of
    those hubs."""
    region = queries.get_region(slug)
    overview = queries.region_overview(region, request.auth, event_limit=limit)
    return {
        "slug": region.slug,
        "name": region.name,
        "kind": region.kind,
        "municipalities": overview.municipalities,
        "hubs": [{"slug": h.slug, "name": h.name} for h in overview.hubs],
        "upcoming_events": [_event(e) for e in overview.upcoming_events],
        "clusters": [{"slug": c.slug, "name": c.name} for c in overview.clusters],
        "projects": [_project_ref(p) for p in overview.projects],
    }
