"""A hub's project portfolio and its filters (status, cluster, partner sector)."""

import pytest
from django.test import Client

from hubro.community.actions import add_project_partner, create_cluster, create_project
from hubro.community.queries import ProjectFilter, projects_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def portfolio(world, cluster, other_hub, nav, lyngdal_kommune, lister_ipr, agder_fk):
    """At the test hub: A (idea, Nav), B (ongoing, in the cluster, the IPR),
    C (ongoing, Agder fylkeskommune); at Narvikhub: D (ongoing, Nav); in a cluster whose
    home hub is Narvikhub: E (idea)."""
    a = create_project(title="A", hub=world, actor=None)
    add_project_partner(a, organization=nav, role="owner", actor=None)
    b = create_project(title="B", cluster=cluster, status="ongoing", actor=None)
    add_project_partner(b, organization=lister_ipr, role="partner", actor=None)
    c = create_project(title="C", hub=world, status="ongoing", actor=None)
    add_project_partner(c, organization=agder_fk, role="owner", actor=None)
    d = create_project(title="D", hub=other_hub, status="ongoing", actor=None)
    add_project_partner(d, organization=nav, role="partner", actor=None)
    narvik_cluster = create_cluster(name="Ofoten-klynge", home_hubs=[other_hub], actor=None)
    create_project(title="E", cluster=narvik_cluster, actor=None)
    return world


def _titles(person, at=None, **filters):
    return [p.title for p in projects_for(person, ProjectFilter(**filters), hub=at)]


def test_a_hubs_portfolio_holds_its_projects_and_its_clusters_projects(portfolio, kari):
    assert _titles(kari, at=portfolio) == ["A", "B", "C"]


def test_filter_by_status(portfolio, kari):
    assert _titles(kari, at=portfolio, status="ongoing") == ["B", "C"]
    assert _titles(kari, status="idea") == ["A", "E"]


def test_filter_by_cluster(portfolio, kari, cluster):
    assert _titles(kari, at=portfolio, cluster=cluster.slug) == ["B"]


def test_filter_by_partner_sector_counts_inter_municipal_as_municipal(portfolio, kari):
    assert _titles(kari, at=portfolio, sector="municipal") == ["B"]
    assert _titles(kari, at=portfolio, sector="state") == ["A"]
    assert _titles(kari, sector="state") == ["A", "D"]
    assert _titles(kari, at=portfolio, sector="county") == ["C"]
    assert _titles(kari, at=portfolio, sector="other") == []


def test_filters_combine_and_the_hub_filter_works_by_slug(portfolio, kari):
    assert _titles(kari, status="ongoing", sector="state") == ["D"]
    assert _titles(kari, hub="narvikhub") == ["D", "E"]


def test_unknown_filter_values_from_a_stale_link_are_dropped():
    filters = ProjectFilter.from_params({"status": "bogus", "sector": "x", "cluster": " k "})
    assert filters == ProjectFilter(cluster="k")


def test_the_portfolio_page_filters_with_a_plain_get_form(portfolio, kari):
    client = Client()
    client.force_login(kari)
    response = client.get("/huber/testlab/prosjekter/", {"status": "ongoing", "sector": "county"})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<form method="get"' in html
    assert ">C</a>" in html and ">A</a>" not in html and ">B</a>" not in html
    assert '<option value="ongoing" selected>' in html


def test_htmx_gets_only_the_results(portfolio, kari):
    client = Client()
    client.force_login(kari)
    response = client.get("/huber/testlab/prosjekter/?status=idea", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.strip().startswith('<section id="results"')
    assert ">A</a>" in html and ">C</a>" not in html


def test_an_unknown_hub_is_404(kari, places):
    client = Client()
    client.force_login(kari)
    assert client.get("/huber/finnes-ikke/prosjekter/").status_code == 404
