"""Creating clusters and adding their members."""

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from hubro.community.models import Cluster, ClusterOrganization, ClusterPerson
from hubro.core.audit import record
from hubro.core.errors import Conflict, Invalid

from .common import check_period, require_text, unique_slug


def create_cluster(
    *,
    name: str,
    home_hubs,
    topic: str = "",
    description: str = "",
    slug: str = "",
    started_on: dt.date | None = None,
    ended_on: dt.date | None = None,
    actor,
) -> Cluster:
    """Create a cluster with at least one home hub; the slug is made from the name
    unless given. Raises ``Invalid`` (``name_required``, ``home_hub_required``,
    ``ends_before_start``, ``slug_taken``)."""
    name = require_text(
        name, field="name", code="name_required", message=_("Klyngen må ha et navn.")
    )
    home_hubs = list(home_hubs or ())
    if not home_hubs:
        raise Invalid(_("Velg minst én hjemmehub."), code="home_hub_required", field="home_hubs")
    check_period(started_on, ended_on, field="ended_on")
    with transaction.atomic():
        cluster = Cluster.objects.create(
            name=name,
            slug=unique_slug(Cluster, name, slug),
            topic=(topic or "").strip(),
            description=(description or "").strip(),
            started_on=started_on,
            ended_on=ended_on,
        )
        cluster.home_hubs.set(home_hubs)
        for hub in home_hubs:
            record(
                actor,
                "cluster.create",
                cluster,
                hub=hub,
                changes={"name": name, "home_hubs": [h.slug for h in home_hubs]},
            )
    return cluster


def _first_hub(cluster):
    return cluster.home_hubs.order_by("pk").first()


def add_cluster_organization(
    cluster: Cluster, *, organization, joined_on: dt.date | None = None, actor
) -> ClusterOrganization:
    """Make ``organization`` a member of the cluster; ``Conflict`` (``already_member``)
    if it is one."""
    with transaction.atomic():
        if ClusterOrganization.objects.filter(cluster=cluster, organization=organization).exists():
            raise Conflict(
                _("Organisasjonen er allerede med i klyngen."),
                code="already_member",
                field="organization",
            )
        member = ClusterOrganization.objects.create(
            cluster=cluster, organization=organization, joined_on=joined_on
        )
        record(
            actor,
            "clusterorganization.create",
            member,
            hub=_first_hub(cluster),
            changes={"cluster": cluster.slug, "orgnr": organization.orgnr},
        )
    return member


def add_cluster_person(
    cluster: Cluster,
    *,
    person,
    organization=None,
    is_contact: bool = False,
    joined_on: dt.date | None = None,
    actor,
) -> ClusterPerson:
    """Make ``person`` a member of the cluster, for ``organization`` (one they belong
    to; default: their primary one). With ``is_contact`` they become the cluster's one
    contact person. Raises ``Conflict`` (``already_member``) or ``Invalid``
    (``not_member_of_organization``)."""
    if (
        organization is not None
        and not person.memberships.filter(organization=organization).exists()
    ):
        raise Invalid(
            _("Personen er ikke knyttet til den organisasjonen."),
            code="not_member_of_organization",
            field="organization",
        )
    with transaction.atomic():
        if ClusterPerson.objects.filter(cluster=cluster, person=person).exists():
            raise Conflict(
                _("Personen er allerede med i klyngen."), code="already_member", field="person"
            )
        if organization is None:
            membership = person.primary_membership
            organization = membership.organization if membership else None
        member = ClusterPerson.objects.create(
            cluster=cluster,
            person=person,
            organization=organization,
            is_contact=is_contact,
            joined_on=joined_on,
        )
        if is_contact:
            _make_contact(cluster, member)
        record(
            actor,
            "clusterperson.create",
            member,
            hub=_first_hub(cluster),
            changes={"cluster": cluster.slug, "person": person.email, "contact": is_contact},
        )
    return member


def _make_contact(cluster: Cluster, member: ClusterPerson) -> None:
    ClusterPerson.objects.filter(cluster=cluster, is_contact=True).exclude(pk=member.pk).update(
        is_contact=False
    )
    cluster.contact_person = member.person
    cluster.save(update_fields=["contact_person"])
