"""The write API for clusters, projects and partners: the same rules as the web pages
(hosts start them, leads and hosts change and delete them, others get 403), the same
actions (audited), and clear errors for bad input."""

import pytest

from conftest import ApiClient
from hubro.community.models import Cluster, ClusterOrganization, Project, ProjectPartner
from hubro.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_a_host_creates_changes_and_deletes_a_cluster(vera, hub, world, nav):
    api = ApiClient(vera)
    response = api.post(
        "/api/v1/clusters",
        {"name": "Kystforvaltning", "home_hubs": [hub.slug], "topic": "Hav"},
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["name"] == "Kystforvaltning" and body["home_hubs"][0]["slug"] == hub.slug
    slug = body["slug"]
    changed = api.patch(f"/api/v1/clusters/{slug}", {"topic": "Havbruk"})
    assert changed.status_code == 200 and changed.json()["topic"] == "Havbruk"
    assert changed.json()["name"] == "Kystforvaltning"  # untouched fields stay
    added = api.post(f"/api/v1/clusters/{slug}/organizations", {"orgnr": nav.orgnr})
    assert added.status_code == 201
    again = api.post(f"/api/v1/clusters/{slug}/organizations", {"orgnr": nav.orgnr})
    assert again.status_code == 409 and again.json()["code"] == "already_member"
    member_id = added.json()["id"]
    assert api.delete(f"/api/v1/clusters/{slug}/organizations/{member_id}").status_code == 204
    assert not ClusterOrganization.objects.filter(pk=member_id).exists()
    assert api.delete(f"/api/v1/clusters/{slug}").status_code == 204
    assert not Cluster.objects.filter(slug=slug).exists()
    actions = set(AuditEntry.objects.filter(actor=vera).values_list("action", flat=True))
    assert {"cluster.create", "cluster.update", "cluster.delete"} <= actions


def test_a_member_may_read_but_not_change_or_start(kari, cluster, hub):
    api = ApiClient(kari)
    assert api.get(f"/api/v1/clusters/{cluster.slug}").status_code == 200
    for response in (
        api.patch(f"/api/v1/clusters/{cluster.slug}", {"name": "Kapret"}),
        api.delete(f"/api/v1/clusters/{cluster.slug}"),
        api.post("/api/v1/clusters", {"name": "Ny", "home_hubs": [hub.slug]}),
        api.post("/api/v1/projects", {"title": "Nytt", "hub": hub.slug}),
    ):
        assert response.status_code == 403 and response.json()["code"] == "forbidden"
    cluster.refresh_from_db()
    assert cluster.name == "Landbruk"


def test_the_clusters_contact_person_changes_it(ola, cluster):
    response = ApiClient(ola).patch(
        f"/api/v1/clusters/{cluster.slug}", {"description": "Fagnettverk for landbruk."}
    )
    assert response.status_code == 200
    assert response.json()["description"] == "Fagnettverk for landbruk."


def test_a_host_starts_clusters_only_at_hubs_they_host(vera, other_hub, hub):
    response = ApiClient(vera).post(
        "/api/v1/clusters", {"name": "Nord", "home_hubs": [other_hub.slug]}
    )
    assert response.status_code == 422 and response.json()["code"] == "unknown_hub"
    assert not Cluster.objects.filter(name="Nord").exists()


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"name": "  ", "home_hubs": ["testlab"]}, "name_required"),
        ({"name": "X", "home_hubs": []}, "home_hub_required"),
        (
            {
                "name": "X",
                "home_hubs": ["testlab"],
                "started_on": "2026-05-01",
                "ended_on": "2026-01-01",
            },
            "ends_before_start",
        ),
        ({"name": "X"}, "invalid"),
        ({"name": "X" * 201, "home_hubs": ["testlab"]}, "invalid"),
    ],
)
def test_bad_cluster_input_is_a_422_with_a_code(vera, hub, body, code):
    response = ApiClient(vera).post("/api/v1/clusters", body)
    assert response.status_code == 422 and response.json()["code"] == code


def test_a_host_runs_a_project_and_its_partners(vera, hub, nav, lyngdal_kommune, kari):
    api = ApiClient(vera)
    response = api.post(
        "/api/v1/projects", {"title": "Felles resepsjon", "hub": hub.slug, "status": "ongoing"}
    )
    assert response.status_code == 201, response.content
    slug = response.json()["slug"]
    assert response.json()["status"] == "ongoing"
    changed = api.patch(f"/api/v1/projects/{slug}", {"lead": kari.email, "ends_on": "2027-06-30"})
    assert changed.status_code == 200 and changed.json()["ends_on"] == "2027-06-30"
    assert Project.objects.get(slug=slug).lead == kari
    partner = api.post(f"/api/v1/projects/{slug}/partners", {"orgnr": nav.orgnr, "role": "owner"})
    assert partner.status_code == 201 and partner.json()["role"] == "owner"
    partner_id = partner.json()["id"]
    moved = api.patch(f"/api/v1/projects/{slug}/partners/{partner_id}", {"role": "funder"})
    assert moved.status_code == 200 and moved.json()["role"] == "funder"
    unknown = api.post(f"/api/v1/projects/{slug}/partners", {"orgnr": "000000000"})
    assert unknown.status_code == 422 and unknown.json()["code"] == "unknown_organization"
    assert api.delete(f"/api/v1/projects/{slug}/partners/{partner_id}").status_code == 204
    assert not ProjectPartner.objects.filter(pk=partner_id).exists()
    assert api.delete(f"/api/v1/projects/{slug}").status_code == 204
    assert not Project.objects.filter(slug=slug).exists()


def test_the_project_lead_changes_their_project_but_an_outsider_may_not(vera, hub, kari, outsider):
    response = ApiClient(vera).post("/api/v1/projects", {"title": "Pilot", "hub": hub.slug})
    slug = response.json()["slug"]
    ApiClient(vera).patch(f"/api/v1/projects/{slug}", {"lead": kari.email})
    assert (
        ApiClient(kari).patch(f"/api/v1/projects/{slug}", {"title": "Pilot 2"}).status_code == 200
    )
    refused = ApiClient(outsider).delete(f"/api/v1/projects/{slug}")
    assert refused.status_code == 403
    assert Project.objects.get(slug=slug).title == "Pilot 2"


def test_unknown_slugs_are_404(vera, places):
    api = ApiClient(vera)
    assert api.patch("/api/v1/clusters/finnes-ikke", {"name": "X"}).status_code == 404
    assert api.delete("/api/v1/projects/finnes-ikke").status_code == 404


def test_the_write_endpoints_are_in_the_openapi_schema(kari, places):
    paths = ApiClient(kari).get("/api/v1/openapi.json").json()["paths"]
    assert {"post", "get"} <= set(paths["/api/v1/clusters"])
    assert {"patch", "delete", "get"} <= set(paths["/api/v1/clusters/{slug}"])
    assert "post" in paths["/api/v1/projects/{slug}/partners"]
    assert "403" in paths["/api/v1/projects/{slug}"]["patch"]["responses"]
