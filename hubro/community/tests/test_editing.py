"""Cluster and project leads edit and delete what they own: clusters, projects and
partners. Hosts of the hub and administrators may too; anyone else gets a 404."""

import pytest
from django.urls import reverse

from conftest import make_person
from hubro.community.actions import (
    add_cluster_organization,
    add_cluster_person,
    add_project_partner,
    create_cluster,
    create_project,
)
from hubro.community.models import Cluster, ClusterOrganization, Project, ProjectPartner
from hubro.core.models import AuditEntry
from hubro.events.models import Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def cluster(hub, vera, kari):
    cluster = create_cluster(name="Bærekraftig landbruk", home_hubs=[hub], actor=vera)
    add_cluster_person(cluster, person=kari, is_contact=True, actor=vera)  # kari leads it
    return cluster


@pytest.fixture
def project(hub, vera, ola):
    project = create_project(title="Stimulab", hub=hub, actor=vera)
    project.lead = ola
    project.save()
    return project


def test_the_cluster_lead_edits_the_cluster(client, kari, cluster, hub):
    client.force_login(kari)
    url = reverse("community:cluster_edit", args=[cluster.slug])
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"name": "Landbruk i Lister", "topic": "Jordbruk", "home_hubs": [hub.pk]}
    )
    assert response.status_code == 302
    cluster.refresh_from_db()
    assert (cluster.name, cluster.topic) == ("Landbruk i Lister", "Jordbruk")
    entry = AuditEntry.objects.get(action="cluster.update")
    assert entry.actor == kari and entry.changes["name"] == [
        "Bærekraftig landbruk",
        "Landbruk i Lister",
    ]
    refused = client.post(url, {"name": "Uten hub"})
    assert refused.status_code == 422


def test_the_cluster_lead_removes_members_and_deletes_the_cluster_keeping_its_projects(
    client, kari, vera, cluster, nav, hub
):
    add_cluster_organization(cluster, organization=nav, actor=vera)
    project = create_project(title="Veterinærvakt", cluster=cluster, actor=vera)
    client.force_login(kari)
    member = ClusterOrganization.objects.get(cluster=cluster)
    client.post(
        reverse("community:cluster_member_remove", args=[cluster.slug, "organisasjon", member.pk])
    )
    assert not ClusterOrganization.objects.filter(cluster=cluster).exists()
    url = reverse("community:cluster_delete", args=[cluster.slug])
    assert "Prosjektene og arrangementene blir stående" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    assert not Cluster.objects.exists()
    project.refresh_from_db()
    assert project.cluster is None
    assert AuditEntry.objects.filter(action="cluster.delete", actor=kari).exists()


def test_the_project_lead_edits_the_project_and_its_partners(client, ola, project, nav):
    partner = add_project_partner(project, organization=nav, role="partner", actor=ola)
    client.force_login(ola)
    page = client.get(reverse("community:project_detail", args=[project.slug])).content.decode()
    assert "Endre prosjektet" in page and "Slett prosjektet" in page
    response = client.post(
        reverse("community:project_edit", args=[project.slug]),
        {"title": "Stimulab Lister", "hub": project.hub_id, "lead": "ola@lyngdal.test"},
    )
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.title == "Stimulab Lister" and project.lead == ola
    url = reverse("community:project_partner_edit", args=[project.slug, partner.pk])
    client.post(url, {"role": "funder"})
    partner.refresh_from_db()
    assert partner.role == "funder"
    client.post(url, {"remove": "1"})
    assert not ProjectPartner.objects.exists()
    actions = set(AuditEntry.objects.filter(actor=ola).values_list("action", flat=True))
    assert {"project.update", "projectpartner.update", "projectpartner.delete"} <= actions


def test_the_project_lead_deletes_the_project_and_its_events_stay(client, ola, project, hub):
    from django.utils import timezone

    from conftest import at

    day = timezone.localdate()
    event = Event.objects.create(
        kind="workshop",
        title="Verksted",
        hub=hub,
        project=project,
        start=at(day, 9),
        end=at(day, 10),
    )
    client.force_login(ola)
    response = client.post(reverse("community:project_delete", args=[project.slug]))
    assert response.status_code == 302
    assert not Project.objects.exists()
    event.refresh_from_db()
    assert event.project is None
    assert AuditEntry.objects.filter(action="project.delete", actor=ola).exists()


def test_a_project_in_an_agreement_cannot_be_deleted(client, ola, project, hub):
    from hubro.finance.models import Agreement

    Agreement.objects.create(
        hub=hub,
        project=project,
        starts_on="2025-01-01",
        ends_on="2025-12-31",
        basis="percent",
        percentage=10,
    )
    client.force_login(ola)
    client.post(reverse("community:project_delete", args=[project.slug]))
    assert Project.objects.filter(pk=project.pk).exists()


def test_someone_else_gets_404_for_every_edit_page(client, project, cluster, nav):
    someone = make_person("noen@nav.test", nav, name="Noen Andre")
    client.force_login(someone)
    partner = add_project_partner(project, organization=nav, role="partner", actor=someone)
    for url in (
        reverse("community:cluster_edit", args=[cluster.slug]),
        reverse("community:cluster_delete", args=[cluster.slug]),
        reverse("community:project_edit", args=[project.slug]),
        reverse("community:project_delete", args=[project.slug]),
        reverse("community:project_partner_edit", args=[project.slug, partner.pk]),
    ):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"remove": "1"}).status_code == 404, url
    assert (
        Project.objects.exists() and Cluster.objects.exists() and ProjectPartner.objects.exists()
    )


def test_the_cluster_lead_may_manage_the_clusters_projects(client, kari, cluster, vera):
    project = create_project(title="Veterinærvakt", cluster=cluster, actor=vera)
    client.force_login(kari)
    assert client.get(reverse("community:project_edit", args=[project.slug])).status_code == 200
