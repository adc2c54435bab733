"""Clusters, projects and partners: the write endpoints.

The same rules and actions as the web pages (``community.permissions``,
``community.actions``): hosts start clusters at the hubs they host and projects at those
hubs or in their clusters; a cluster's contact person, a project's lead, the hosts of
its hub and administrators change and delete it. Whoever may not manage a cluster or
project gets 403 ``forbidden``; a slug nobody has is 404. Every write is audited."""

import datetime as dt
from typing import Literal

from django.utils.translation import gettext as _
from ninja import Schema, Status
from pydantic import Field

from hubro.community import queries
from hubro.community.actions import (
    add_cluster_organization,
    add_cluster_person,
    add_project_partner,
    create_cluster,
    create_project,
    delete_cluster,
    delete_project,
    remove_cluster_organization,
    remove_cluster_person,
    remove_project_partner,
    update_cluster,
    update_project,
    update_project_partner,
)
from hubro.community.models import Cluster, ClusterOrganization, ClusterPerson, ProjectPartner
from hubro.community.permissions import may_manage_cluster, may_manage_project
from hubro.core.actions import get_organization_by_orgnr
from hubro.core.errors import DomainError, Invalid, NotFound
from hubro.core.models import Person
from hubro.spaces.models import Hub

from .community import ClusterDetailOut, ProjectDetailOut, get_cluster, get_project, router
from .schemas import ErrorOut

# The read endpoints' router: Django resolves a path once, so the reads and writes of
# one address (GET and PATCH /clusters/{slug}) must hang on the same router.
WRITE = {404: ErrorOut, 403: ErrorOut, 409: ErrorOut, 422: ErrorOut}
Role = Literal["owner", "partner", "funder"]


class Forbidden(DomainError):
    status = 403
    code = "forbidden"


class ClusterIn(Schema):
    name: str = Field(max_length=200)
    home_hubs: list[str] = Field(description="Slugs of the cluster's home hubs (at least one).")
    topic: str = Field("", max_length=200)
    description: str = Field("", max_length=10_000)
    started_on: dt.date | None = None
    ended_on: dt.date | None = None


class ClusterPatch(Schema):
    name: str | None = Field(None, max_length=200)
    home_hubs: list[str] | None = None
    topic: str | None = Field(None, max_length=200)
    description: str | None = Field(None, max_length=10_000)
    started_on: dt.date | None = None
    ended_on: dt.date | None = None


class ProjectIn(Schema):
    title: str = Field(max_length=200)
    hub: str | None = Field(None, description="The hub's slug; a hub or a cluster is needed.")
    cluster: str | None = Field(None, description="The cluster's slug.")
    description: str = Field("", max_length=10_000)
    status: Literal["idea", "application", "ongoing"] = "idea"
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None


class ProjectPatch(Schema):
    title: str | None = Field(None, max_length=200)
    hub: str | None = None
    cluster: str | None = None
    lead: str | None = Field(None, description="The lead's e-mail address; empty for none.")
    description: str | None = Field(None, max_length=10_000)
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None


class PartnerIn(Schema):
    orgnr: str = Field(max_length=20)
    role: Role = "partner"


class PartnerPatch(Schema):
    role: Role


class PartnerOut(Schema):
    id: int
    orgnr: str
    name: str
    role: Role


class ClusterOrganizationIn(Schema):
    orgnr: str = Field(max_length=20)
    joined_on: dt.date | None = None


class ClusterPersonIn(Schema):
    email: str = Field(max_length=254)
    is_contact: bool = False


class MemberOut(Schema):
    id: int


def _hubs(slugs, allowed) -> list[Hub]:
    wanted = [queries.slug_param(slug) for slug in slugs]
    found = {hub.slug: hub for hub in allowed.filter(slug__in=wanted)}
    unknown = [slug for slug in wanted if slug not in found]
    if unknown:
        raise Invalid(
            _("Ukjent hub, eller en hub du ikke er vert for: %(slug)s") % {"slug": unknown[0]},
            code="unknown_hub",
            field="home_hubs",
        )
    return list(found.values())


def _one(queryset, slug, *, code, field):
    if not slug:
        return None
    found = queryset.filter(slug=queries.slug_param(slug)).first()
    if found is None:
        raise Invalid(
            _("Finnes ikke, eller du kan ikke velge den: %(slug)s") % {"slug": slug},
            code=code,
            field=field,
        )
    return found


def _person(email: str) -> Person:
    person = Person.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if person is None:
        raise Invalid(
            _("Ingen aktiv bruker har e-postadressen %(email)s.") % {"email": email},
            code="unknown_person",
            field="email",
        )
    return person


def _cluster_to_manage(person, slug):
    cluster = queries.get_cluster_for(person, slug)
    if not may_manage_cluster(person, cluster):
        raise Forbidden(
            _("Bare klyngens kontaktperson, vertene og administratorer kan endre den.")
        )
    return cluster


def _project_to_manage(person, slug):
    project = queries.get_project_for(person, slug)
    if not may_manage_project(person, project):
        raise Forbidden(
            _("Bare prosjektlederen, vertene og administratorer kan endre prosjektet.")
        )
    return project


# --- Clusters ---------------------------------------------------------------------------


@router.post("/clusters", response={201: ClusterDetailOut, **WRITE})
def create_cluster_endpoint(request, body: ClusterIn):
    """Start a cluster with at least one home hub among the hubs the caller hosts.
    403 for a caller who hosts no hub; 422 ``name_required``, ``home_hub_required``,
    ``unknown_hub``, ``ends_before_start``."""
    allowed = queries.manageable_hubs(request.auth)
    if not allowed.exists():
        raise Forbidden(_("Bare verter og administratorer kan starte klynger."))
    cluster = create_cluster(
        name=body.name,
        home_hubs=_hubs(body.home_hubs, allowed),
        topic=body.topic,
        description=body.description,
        started_on=body.started_on,
        ended_on=body.ended_on,
        actor=request.auth,
    )
    return Status(201, get_cluster(request, cluster.slug))


@router.patch("/clusters/{slug}", response={200: ClusterDetailOut, **WRITE})
def update_cluster_endpoint(request, slug: str, body: ClusterPatch):
    """Change what is given; the rest stays. Home hubs are any active hubs."""
    cluster = _cluster_to_manage(request.auth, slug)
    given = body.model_dump(exclude_unset=True)
    home_hubs = (
        _hubs(given["home_hubs"], Hub.objects.filter(is_active=True))
        if given.get("home_hubs") is not None
        else list(cluster.home_hubs.all())
    )
    update_cluster(
        cluster,
        name=given["name"] if given.get("name") is not None else cluster.name,
        home_hubs=home_hubs,
        topic=given.get("topic", cluster.topic) or "",
        description=given.get("description", cluster.description) or "",
        started_on=given.get("started_on", cluster.started_on),
        ended_on=given.get("ended_on", cluster.ended_on),
        actor=request.auth,
    )
    return get_cluster(request, cluster.slug)


@router.delete("/clusters/{slug}", response={204: None, **WRITE})
def delete_cluster_endpoint(request, slug: str):
    """Delete a cluster and its member lists; its projects and events stay, without it."""
    delete_cluster(_cluster_to_manage(request.auth, slug), actor=request.auth)
    return Status(204, None)


@router.post("/clusters/{slug}/organizations", response={201: MemberOut, **WRITE})
def add_cluster_organization_endpoint(request, slug: str, body: ClusterOrganizationIn):
    """Make an organization a member. 409 ``already_member``."""
    cluster = _cluster_to_manage(request.auth, slug)
    member = add_cluster_organization(
        cluster,
        organization=get_organization_by_orgnr(body.orgnr),
        joined_on=body.joined_on,
        actor=request.auth,
    )
    return Status(201, {"id": member.pk})


@router.post("/clusters/{slug}/people", response={201: MemberOut, **WRITE})
def add_cluster_person_endpoint(request, slug: str, body: ClusterPersonIn):
    """Make a person a member (``is_contact``: the cluster's contact person). 409
    ``already_member``; 422 ``unknown_person``."""
    cluster = _cluster_to_manage(request.auth, slug)
    member = add_cluster_person(
        cluster, person=_person(body.email), is_contact=body.is_contact, actor=request.auth
    )
    return Status(201, {"id": member.pk})


@router.delete("/clusters/{slug}/{kind}/{member_id}", response={204: None, **WRITE})
def remove_cluster_member_endpoint(
    request, slug: str, kind: Literal["organizations", "people"], member_id: int
):
    """Take a member organization or person out of the cluster."""
    cluster = _cluster_to_manage(request.auth, slug)
    model = ClusterOrganization if kind == "organizations" else ClusterPerson
    member = model.objects.filter(cluster=cluster, pk=member_id).first()
    if member is None:
        raise NotFound(code="member_not_found")
    if model is ClusterOrganization:
        remove_cluster_organization(member, actor=request.auth)
    else:
        remove_cluster_person(member, actor=request.auth)
    return Status(204, None)


# --- Projects ---------------------------------------------------------------------------


@router.post("/projects", response={201: ProjectDetailOut, **WRITE})
def create_project_endpoint(request, body: ProjectIn):
    """Start a project at a hub the caller hosts and/or in a cluster with such a hub.
    403 for a caller who hosts no hub; 422 ``title_required``,
    ``hub_or_cluster_required``, ``unknown_hub``, ``unknown_cluster``,
    ``ends_before_start``."""
    hubs = queries.manageable_hubs(request.auth)
    clusters = queries.manageable_clusters(request.auth)
    if not (hubs.exists() or clusters.exists()):
        raise Forbidden(_("Bare verter og administratorer kan starte prosjekter."))
    project = create_project(
        title=body.title,
        hub=_one(hubs, body.hub, code="unknown_hub", field="hub"),
        cluster=_one(clusters, body.cluster, code="unknown_cluster", field="cluster"),
        description=body.description,
        status=body.status,
        starts_on=body.starts_on,
        ends_on=body.ends_on,
        actor=request.auth,
    )
    return Status(201, get_project(request, project.slug))


@router.patch("/projects/{slug}", response={200: ProjectDetailOut, **WRITE})
def update_project_endpoint(request, slug: str, body: ProjectPatch):
    """Change what is given; the rest stays. The status changes through the web's
    status form (with a reason), not here."""
    project = _project_to_manage(request.auth, slug)
    given = body.model_dump(exclude_unset=True)
    hub = project.hub
    if "hub" in given:
        hub = _one(
            Hub.objects.filter(is_active=True), given["hub"], code="unknown_hub", field="hub"
        )
    cluster = project.cluster
    if "cluster" in given:
        cluster = _one(
            Cluster.objects.all(), given["cluster"], code="unknown_cluster", field="cluster"
        )
    lead = project.lead
    if "lead" in given:
        lead = _person(given["lead"]) if given["lead"] else None
    update_project(
        project,
        title=given["title"] if given.get("title") is not None else project.title,
        description=given.get("description", project.description) or "",
        starts_on=given.get("starts_on", project.starts_on),
        ends_on=given.get("ends_on", project.ends_on),
        hub=hub,
        cluster=cluster,
        lead=lead,
        actor=request.auth,
    )
    return get_project(request, project.slug)


@router.delete("/projects/{slug}", response={204: None, **WRITE})
def delete_project_endpoint(request, slug: str):
    """Delete a project with its partners, funding lines and history. 409
    ``project_in_use`` when an agreement, a pilot or a status report refers to it."""
    delete_project(_project_to_manage(request.auth, slug), actor=request.auth)
    return Status(204, None)


def _partner(partner: ProjectPartner) -> dict:
    return {
        "id": partner.pk,
        "orgnr": partner.organization.orgnr,
        "name": partner.organization.name,
        "role": partner.role,
    }


def _partner_of(project, partner_id: int) -> ProjectPartner:
    partner = (
        ProjectPartner.objects.filter(project=project, pk=partner_id)
        .select_related("organization")
        .first()
    )
    if partner is None:
        raise NotFound(code="partner_not_found")
    return partner


@router.post("/projects/{slug}/partners", response={201: PartnerOut, **WRITE})
def add_partner_endpoint(request, slug: str, body: PartnerIn):
    """Add an organization as owner, partner or funder. 409 ``already_partner``."""
    project = _project_to_manage(request.auth, slug)
    partner = add_project_partner(
        project,
        organization=get_organization_by_orgnr(body.orgnr),
        role=body.role,
        actor=request.auth,
    )
    return Status(201, _partner(partner))


@router.patch("/projects/{slug}/partners/{partner_id}", response={200: PartnerOut, **WRITE})
def update_partner_endpoint(request, slug: str, partner_id: int, body: PartnerPatch):
    """Give a partner another role. 409 ``already_partner``."""
    project = _project_to_manage(request.auth, slug)
    partner = update_project_partner(
        _partner_of(project, partner_id), role=body.role, actor=request.auth
    )
    return _partner(partner)


@router.delete("/projects/{slug}/partners/{partner_id}", response={204: None, **WRITE})
def remove_partner_endpoint(request, slug: str, partner_id: int):
    """Take a partner off the project."""
    project = _project_to_manage(request.auth, slug)
    remove_project_partner(_partner_of(project, partner_id), actor=request.auth)
    return Status(204, None)
