"""Who may read and manage clusters and projects.

- Reading: every signed-in, active person sees every cluster and project, funding
  amounts included (projects are public-sector work paid with public money).
- Managing (editing, deleting, adding members and partners): administrators; the hosts
  of a hub manage the clusters that have the hub as a home hub and the projects that
  belong to the hub or to such a cluster; a cluster's lead (its contact person)
  manages the cluster and its projects; a project's lead manages the project."""

from hubro.core.permissions import is_admin


def may_read(person) -> bool:
    return bool(person and person.is_authenticated and person.is_active)


def hubs_hosted_by(person):
    """Ids of the hubs ``person`` hosts (a queryset of ids)."""
    from hubro.spaces.models import Hub

    return Hub.objects.filter(hosts=person).values("pk")


def may_manage_hub(person, hub) -> bool:
    if not may_read(person) or hub is None:
        return False
    return is_admin(person) or hub.hosts.filter(pk=person.pk).exists()


def may_manage_cluster(person, cluster) -> bool:
    if not may_read(person):
        return False
    if is_admin(person) or cluster.contact_person_id == person.pk:
        return True
    return cluster.home_hubs.filter(hosts=person).exists()


def may_manage_project(person, project) -> bool:
    if not may_read(person):
        return False
    if is_admin(person) or project.lead_id == person.pk:
        return True
    if project.hub_id and project.hub.hosts.filter(pk=person.pk).exists():
        return True
    return bool(project.cluster_id and may_manage_cluster(person, project.cluster))


def may_create_anything(person) -> bool:
    """Whether to offer "new cluster"/"new project" at all: hosts and administrators."""
    if not may_read(person):
        return False
    return is_admin(person) or person.hosted_hubs.exists()
