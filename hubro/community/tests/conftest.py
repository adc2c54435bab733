"""A small hand-built world for clusters, projects and regions.

- ``cluster`` "Landbruk" at the test hub (Lyngdal, region Lister): members Nav (state,
  national), Lyngdal kommune (municipal, local), a Lister IPR (inter-municipal, regional)
  and Agder fylkeskommune (county, regional); people kari (Nav) and ola (Lyngdal, contact).
- ``other_hub`` in Narvik (region Ofoten), hosted by nobody in the tests.
"""

import datetime as dt

import pytest
from django.utils import timezone

from conftest import make_person
from hubro.community.actions import (
    add_cluster_organization,
    add_cluster_person,
    create_cluster,
    create_project,
)
from hubro.core.models import Municipality, Organization, Region
from hubro.events.models import Event, Invitation
from hubro.spaces.models import Hub


@pytest.fixture
def lister(places):
    return Region.objects.get(slug="lister")


@pytest.fixture
def lister_ipr(lyngdal):
    # 123456785 passes MOD11 and belongs to no real body.
    return Organization.objects.create(
        orgnr="123456785",
        name="Test-IPR Lister",
        sector="inter_municipal",
        level="regional",
        municipality=lyngdal,
    )


@pytest.fixture
def agder_fk(places):
    return Organization.objects.create(
        orgnr="921707134",
        name="Agder fylkeskommune",
        sector="county",
        level="regional",
        municipality=Municipality.objects.get(number="4204"),
    )


@pytest.fixture
def world(hub, nav, lyngdal_kommune, lister_ipr, agder_fk, lister):
    nav.level = "national"
    nav.save(update_fields=["level"])
    hub.region = lister
    hub.save(update_fields=["region"])
    return hub


@pytest.fixture
def cluster(world, nav, lyngdal_kommune, lister_ipr, agder_fk, kari, ola):
    cluster = create_cluster(
        name="Landbruk",
        topic="Landbruk",
        home_hubs=[world],
        started_on=dt.date(2023, 1, 1),
        actor=None,
    )
    for organization in (nav, lyngdal_kommune, lister_ipr, agder_fk):
        add_cluster_organization(cluster, organization=organization, actor=None)
    add_cluster_person(cluster, person=kari, actor=None)
    add_cluster_person(cluster, person=ola, is_contact=True, actor=None)
    return cluster


@pytest.fixture
def other_hub(places):
    narvik = Municipality.objects.get(number="1806")
    owner = Organization.objects.create(
        orgnr="959469059", name="Narvik kommune", sector="municipal", municipality=narvik
    )
    return Hub.objects.create(
        name="Narvikhub",
        slug="narvikhub",
        municipality=narvik,
        region=Region.objects.get(slug="ofoten"),
        host_organization=owner,
    )


@pytest.fixture
def outsider(other_hub):
    return make_person("per@narvik.test", other_hub.host_organization, name="Per Utenfor")


@pytest.fixture
def make_event():
    def make(hub, *, title, start, audience=Event.Audience.OPEN, cluster=None, project=None, **kw):
        return Event.objects.create(
            kind=Event.Kind.GATHERING,
            title=title,
            start=start,
            end=start + dt.timedelta(hours=2),
            hub=hub,
            audience=audience,
            cluster=cluster,
            project=project,
            **kw,
        )

    return make


@pytest.fixture
def invite():
    def make(event, person):
        return Invitation.objects.create(event=event, person=person)

    return make


@pytest.fixture
def now():
    return timezone.now()


@pytest.fixture
def project_at_hub(world, vera):
    return create_project(title="Prosjekt på huben", hub=world, actor=vera)
