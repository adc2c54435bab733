"""Changing and deleting clusters, projects and partners, by those who own them
(``permissions.may_manage_cluster`` / ``may_manage_project``: the cluster's contact
person, the project lead, the hosts of the hub, administrators). Callers check that
permission; these check the data."""

import datetime as dt

from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext_lazy as _

from hubro.community.models import (
    Cluster,
    ClusterOrganization,
    ClusterPerson,
    Project,
    ProjectPartner,
)
from hubro.core.audit import record
from hubro.core.errors import Conflict, Invalid

from .common import check_period, require_text
from .projects import audit_hub


def _changes(obj, values: dict) -> dict:
    return {
        name: [str(getattr(obj, name) or ""), str(value or "")]
        for name, value in values.items()
        if getattr(obj, name) != value
    }


def update_cluster(
    cluster: Cluster,
    *,
    name: str,
    home_hubs,
    topic: str = "",
    description: str = "",
    started_on: dt.date | None = None,
    ended_on: dt.date | None = None,
    actor,
) -> Cluster:
    """Change a cluster's name, topic, description, home hubs (at least one) and period.
    Raises ``Invalid`` (``name_required``, ``home_hub_required``, ``ends_before_start``).
    Audited as ``cluster.update``."""
    name = require_text(
        name, field="name", code="name_required", message=_("Klyngen må ha et navn.")
    )
    home_hubs = list(home_hubs or ())
    if not home_hubs:
        raise Invalid(_("Velg minst én hjemmehub."), code="home_hub_required", field="home_hubs")
    check_period(started_on, ended_on, field="ended_on")
    values = {
        "name": name,
        "topic": (topic or "").strip(),
        "description": (description or "").strip(),
        "started_on": started_on,
        "ended_on": ended_on,
    }
    with transaction.atomic():
        changes = _changes(cluster, values)
        before = sorted(cluster.home_hubs.values_list("slug", flat=True))
        after = sorted(hub.slug for hub in home_hubs)
        if before != after:
            changes["home_hubs"] = [before, after]
        for field, value in values.items():
            setattr(cluster, field, value)
        cluster.save()
        cluster.home_hubs.set(home_hubs)
        record(actor, "cluster.update", cluster, hub=home_hubs[0], changes=changes)
    return cluster


def delete_cluster(cluster: Cluster, *, actor) -> None:
    """Delete a cluster and its member lists. Its projects and events stay, without a
    cluster. Audited as ``cluster.delete`` (the audit entry outlives it)."""
    with transaction.atomic():
        hub = cluster.home_hubs.order_by("pk").first()
        record(
            actor,
            "cluster.delete",
            cluster,
            hub=hub,
            changes={"name": cluster.name, "projects_kept": cluster.projects.count()},
        )
        cluster.delete()


def remove_cluster_organization(member: ClusterOrganization, *, actor) -> None:
    with transaction.atomic():
        record(
            actor,
            "clusterorganization.delete",
            member,
            hub=member.cluster.home_hubs.order_by("pk").first(),
            changes={"cluster": member.cluster.slug, "orgnr": member.organization.orgnr},
        )
        member.delete()


def remove_cluster_person(member: ClusterPerson, *, actor) -> None:
    """Take a person out of a cluster; if they were its contact, it has none after."""
    with transaction.atomic():
        cluster = member.cluster
        if cluster.contact_person_id == member.person_id:
            cluster.contact_person = None
            cluster.save(update_fields=["contact_person"])
        record(
            actor,
            "clusterperson.delete",
            member,
            hub=cluster.home_hubs.order_by("pk").first(),
            changes={"cluster": cluster.slug, "person": member.person.email},
        )
        member.delete()


def update_project(
    project: Project,
    *,
    title: str,
    description: str = "",
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
    hub=None,
    cluster=None,
    lead=None,
    actor,
) -> Project:
    """Change a project's title, description, period, hub, cluster and lead. Its status
    changes only through ``change_project_status`` (with a reason, in its history).
    Raises ``Invalid`` (``title_required``, ``hub_or_cluster_required``,
    ``ends_before_start``). Audited as ``project.update``."""
    title = require_text(
        title, field="title", code="title_required", message=_("Prosjektet må ha en tittel.")
    )
    if hub is None and cluster is None:
        raise Invalid(
            _("Et prosjekt hører til en hub eller en klynge."),
            code="hub_or_cluster_required",
            field="hub",
        )
    check_period(starts_on, ends_on)
    values = {
        "title": title,
        "description": (description or "").strip(),
        "starts_on": starts_on,
        "ends_on": ends_on,
        "hub": hub,
        "cluster": cluster,
        "lead": lead,
    }
    with transaction.atomic():
        changes = _changes(project, values)
        for field, value in values.items():
            setattr(project, field, value)
        project.save()
        record(actor, "project.update", project, hub=audit_hub(project), changes=changes)
    return project


def delete_project(project: Project, *, actor) -> None:
    """Delete a project with its partners, funding lines and status history; its events
    and lessons stay without it. A project that a hub's agreement, a pilot or a status
    report refers to cannot be deleted (``project_in_use``): stop or end it instead, so
    that those records keep their meaning."""
    in_use = (
        project.hub_agreements.exists()
        or hasattr(project, "pilot_link")
        or project.status_report_lines.exists()
    )
    if in_use:
        raise Conflict(
            _(
                "Prosjektet brukes i en avtale, en pilot eller en statusrapport og kan ikke"
                " slettes. Endre statusen til stoppet eller fullført i stedet."
            ),
            code="project_in_use",
        )
    with transaction.atomic():
        record(
            actor,
            "project.delete",
            project,
            hub=audit_hub(project),
            changes={"title": project.title, "status": project.status},
        )
        try:
            project.delete()
        except ProtectedError:
            raise Conflict(
                _("Prosjektet brukes andre steder og kan ikke slettes."), code="project_in_use"
            ) from None


def update_project_partner(partner: ProjectPartner, *, role: str, actor) -> ProjectPartner:
    """Give a partner another role (owner, partner, funder). ``Conflict``
    (``already_partner``) when the organization already has that role."""
    if role not in ProjectPartner.Role.values:
        raise Invalid(_("Ukjent rolle."), code="invalid_role", field="role")
    if role == partner.role:
        return partner
    with transaction.atomic():
        taken = ProjectPartner.objects.filter(
            project=partner.project, organization=partner.organization, role=role
        ).exists()
        if taken:
            raise Conflict(
                _("Organisasjonen har allerede den rollen i prosjektet."),
                code="already_partner",
                field="role",
            )
        before = partner.role
        partner.role = role
        partner.save(update_fields=["role"])
        record(
            actor,
            "projectpartner.update",
            partner,
            hub=audit_hub(partner.project),
            changes={"role": [before, role], "orgnr": partner.organization.orgnr},
        )
    return partner


def remove_project_partner(partner: ProjectPartner, *, actor) -> None:
    with transaction.atomic():
        record(
            actor,
            "projectpartner.delete",
            partner,
            hub=audit_hub(partner.project),
            changes={"project": partner.project.slug, "orgnr": partner.organization.orgnr},
        )
        partner.delete()
