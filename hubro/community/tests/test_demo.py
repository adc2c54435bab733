"""The community part of the demo: RegionLab Lister's clusters and projects."""

from decimal import Decimal

import pytest
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from hubro.community import demo
from hubro.community.models import Cluster, Project
from hubro.community.queries import cluster_overview, funding_totals
from hubro.core.demo import organizations as orgs
from hubro.core.demo.base import DemoContext, Tally
from hubro.core.demo.hubs import build_hubs
from hubro.core.demo.organizations import load_organizations
from hubro.core.demo.people import build_people

pytestmark = pytest.mark.django_db


def _context():
    tally = Tally()
    organizations = load_organizations(tally)
    hubs = build_hubs(organizations, tally)
    password = make_password("x")
    people, fixed = build_people(organizations, hubs, password_hash=lambda: password, tally=tally)
    return DemoContext(
        organizations=organizations,
        hubs=hubs,
        people=people,
        fixed=fixed,
        today=timezone.localdate(),
        now=timezone.now(),
        tally=tally,
        extra={},
    )


@pytest.fixture
def built(places):
    ctx = _context()
    demo.build(ctx)
    return ctx


def test_the_demo_builds_listers_clusters_and_projects(built):
    community = built.extra["community"]
    assert set(community["clusters"]) == {"baerekraftig-landbruk-lister", "ki-klyngen-lister"}
    assert {"stimulab", "sure", "skole-plivo"} <= set(community["projects"])
    landbruk = community["clusters"]["baerekraftig-landbruk-lister"]
    assert isinstance(landbruk, Cluster)
    assert [h.slug for h in landbruk.home_hubs.all()] == ["regionlab-lister"]
    assert landbruk.contact_person is not None
    overview = cluster_overview(landbruk, built.fixed.ansatt)
    assert {row.key: row.organizations for row in overview.by_sector} == {
        "state": 1,
        "municipal": 6,
        "county": 1,
        "other": 0,
    }
    assert overview.state == "active"
    assert cluster_overview(community["clusters"]["ki-klyngen-lister"], None).state == "preparing"


def test_sure_was_handed_over_with_its_outcome_and_history(built):
    sure = Project.objects.get(slug="sure")
    assert sure.status == Project.Status.HANDED_OVER
    assert "Get Engaged" in sure.outcome
    assert list(sure.status_history.values_list("to_status", flat=True)) == [
        "idea",
        "ongoing",
        "handed_over",
    ]


def test_stimulab_has_its_partners_and_funding(built):
    stimulab = Project.objects.get(slug="stimulab")
    assert set(stimulab.partners.values_list("organization__orgnr", flat=True)) == {
        orgs.AGDER_FK,
        orgs.SF_AGDER,
        orgs.LYNGDAL,
    }
    assert funding_totals(stimulab).granted == Decimal("750000.00")


def test_the_other_hubs_have_projects_too(built):
    hubs = set(Project.objects.exclude(hub=None).values_list("hub__slug", flat=True))
    assert hubs == {
        "regionlab-lister",
        "statens-hus-nordfjordeid",
        "sentrumsgarden-narvik",
        "innovasjonshub-orkland",
    }


def test_demo_organizations_have_their_level(built):
    levels = {orgnr: o.level for orgnr, o in built.organizations.items()}
    assert levels[orgs.NAV] == "national"
    assert levels[orgs.SF_AGDER] == "regional"
    assert levels[orgs.AGDER_FK] == "regional"
    assert levels[orgs.LYNGDAL] == "local"


def test_a_second_run_creates_nothing(built):
    before = (Cluster.objects.count(), Project.objects.count())
    ctx = _context()
    demo.build(ctx)
    assert (Cluster.objects.count(), Project.objects.count()) == before
    assert ctx.tally.total_new == 0
    assert set(ctx.extra["community"]["projects"]) == set(built.extra["community"]["projects"])
