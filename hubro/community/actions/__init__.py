"""Every write to clusters and projects. The web UI, the API and the demo call these.

Callers check permission first (``hubro.community.permissions``); the actions check
the rules of the data: dates in order, amounts not negative, allowed status changes.

- ``clusters``: a cluster, its member organizations and people, its contact person;
- ``projects``: a project, its partners, funding lines, status changes and outcome;
- ``editing``: changing and deleting clusters, projects and partners."""

from .clusters import add_cluster_organization, add_cluster_person, create_cluster
from .editing import (
    delete_cluster,
    delete_project,
    remove_cluster_organization,
    remove_cluster_person,
    remove_project_partner,
    update_cluster,
    update_project,
    update_project_partner,
)
from .projects import (
    ALLOWED_TRANSITIONS,
    add_funding_line,
    add_project_partner,
    change_project_status,
    create_project,
    record_project_outcome,
)

__all__ = [
    "ALLOWED_TRANSITIONS",
    "add_cluster_organization",
    "add_cluster_person",
    "add_funding_line",
    "add_project_partner",
    "change_project_status",
    "create_cluster",
    "create_project",
    "delete_cluster",
    "delete_project",
    "record_project_outcome",
    "remove_cluster_organization",
    "remove_cluster_person",
    "remove_project_partner",
    "update_cluster",
    "update_project",
    "update_project_partner",
]
