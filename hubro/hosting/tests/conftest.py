"""Two hubs with their own hosts, so that every test of the host's workspace can say
what the host of the other hub must not reach."""

import datetime as dt

import pytest

from conftest import make_person
from hubro.core.models import Organization
from hubro.spaces.models import Hub, HubHost, OpeningHours, Space


@pytest.fixture
def other_hub(lyngdal, nav):
    """Hub B: hosted by bodil, with a desk and a booking of kari's there."""
    hub = Hub.objects.create(
        name="Annen hub",
        slug="annen",
        municipality=lyngdal,
        host_organization=nav,
        observe_public_holidays=False,
    )
    hub.member_organizations.add(nav)
    OpeningHours.objects.bulk_create(
        OpeningHours(hub=hub, weekday=day, opens=dt.time(7), closes=dt.time(18))
        for day in range(7)
    )
    return hub


@pytest.fixture
def bodil(other_hub, nav):
    person = make_person("bodil@nav.test", nav, name="Bodil Bvert")
    HubHost.objects.create(hub=other_hub, person=person)
    return person


@pytest.fixture
def other_desk(other_hub):
    return Space.objects.create(hub=other_hub, name="Plass B", kind=Space.Kind.DESK)


@pytest.fixture
def outsider_org(lyngdal):
    return Organization.objects.create(
        orgnr="974760673",
        name="Registerenheten i Brønnøysund",
        sector="state",
        municipality=lyngdal,
    )
