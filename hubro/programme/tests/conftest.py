"""A small programme world, so permission tests read like stories.

- dina: works in the ministry (KDD) and holds the programme owner role.
- eirik: the programme's evaluator.
- ola (Lyngdal kommune): project leader of the Lister pilot (its steering group).
- siri (Nav): a member of the Lister pilot's steering group.
- per (Narvik kommune): steering group of the Ofoten pilot, not of Lister.
- kari (Nav): takes part in nothing here.
"""

import datetime as dt

import pytest

from conftest import make_person
from hubro.community.actions import change_project_status, create_project
from hubro.core.models import Membership, Municipality, Organization
from hubro.programme.criteria import NationalGoal
from hubro.programme.models import (
    Phase,
    Pilot,
    PilotLeader,
    PilotSubProject,
    Programme,
    ProgrammeGoal,
    ProgrammeRole,
    SteeringGroupMember,
)

DAY = dt.date(2024, 3, 1)


@pytest.fixture
def kdd(places):
    return Organization.objects.create(
        orgnr="972417858",
        name="Kommunal- og distriktsdepartementet",
        sector="state",
        level="national",
        municipality=Municipality.objects.get(number="0301"),
    )


@pytest.fixture
def narvik_kommune(places):
    return Organization.objects.create(
        orgnr="959469059",
        name="Narvik kommune",
        sector="municipal",
        municipality=Municipality.objects.get(number="1806"),
    )


@pytest.fixture
def programme(kdd):
    programme = Programme.objects.create(
        name="Statens hus",
        slug="statens-hus",
        owner=kdd,
        starts_on=dt.date(2021, 1, 1),
        ends_on=dt.date(2025, 6, 30),
        original_ends_on=dt.date(2024, 12, 31),
        budget="16000000",
    )
    for goal in NationalGoal:
        ProgrammeGoal.objects.create(programme=programme, number=goal.value)
    return programme


@pytest.fixture
def dina(kdd, programme):
    person = make_person("dina@kdd.test", kdd, name="Dina Departement")
    ProgrammeRole.objects.create(programme=programme, person=person, role="owner")
    return person


@pytest.fixture
def eirik(nav, programme):
    person = make_person("eirik@eval.test", nav, name="Eirik Evaluator")
    ProgrammeRole.objects.create(programme=programme, person=person, role="evaluator")
    return person


@pytest.fixture
def lister(programme, hub, lyngdal):
    pilot = Pilot.objects.create(
        programme=programme,
        name="Lyngdal/Lister",
        slug="lister",
        host_municipality=lyngdal,
        hub=hub,
    )
    Phase.objects.create(
        pilot=pilot,
        kind="pre_project",
        starts_on=dt.date(2021, 9, 1),
        ends_on=dt.date(2021, 11, 30),
    )
    Phase.objects.create(pilot=pilot, kind="main", starts_on=dt.date(2021, 12, 1))
    return pilot


@pytest.fixture
def ofoten(programme, narvik_kommune):
    return Pilot.objects.create(
        programme=programme,
        name="Narvik/Ofoten",
        slug="ofoten",
        host_municipality=narvik_kommune.municipality,
    )


@pytest.fixture
def ola_leads(lister, ola, lyngdal_kommune):
    return PilotLeader.objects.create(
        pilot=lister, person=ola, organization=lyngdal_kommune, starts_on=dt.date(2021, 9, 1)
    )


@pytest.fixture
def siri(lister, nav):
    person = make_person("siri@nav.test", nav, name="Siri Styre")
    SteeringGroupMember.objects.create(pilot=lister, person=person, organization=nav)
    return person


@pytest.fixture
def per(ofoten, narvik_kommune):
    person = make_person("per@narvik.test", narvik_kommune, name="Per Pilot")
    SteeringGroupMember.objects.create(pilot=ofoten, person=person, organization=narvik_kommune)
    return person


@pytest.fixture
def stimulab(lister, hub):
    project = create_project(
        title="Stimulab",
        hub=hub,
        status="ongoing",
        created_on=dt.date(2022, 1, 10),
        actor=None,
    )
    PilotSubProject.objects.create(pilot=lister, project=project, added_on=dt.date(2022, 1, 10))
    return project


@pytest.fixture
def ai_project(lister, hub, stimulab, nav, lyngdal_kommune):
    """A sub-project with a full history: paused, resumed, handed over."""
    project = create_project(
        title="KI i forvaltningen",
        hub=hub,
        status="ongoing",
        created_on=dt.date(2022, 2, 1),
        actor=None,
    )
    PilotSubProject.objects.create(pilot=lister, project=project)
    change_project_status(
        project,
        to_status="paused",
        changed_on=dt.date(2022, 9, 1),
        reason="Prosjektlederen sluttet",
        actor=None,
    )
    change_project_status(
        project,
        to_status="ongoing",
        changed_on=dt.date(2023, 1, 15),
        reason="Ny prosjektleder på plass",
        actor=None,
    )
    change_project_status(
        project,
        to_status="handed_over",
        changed_on=dt.date(2024, 5, 2),
        reason="Drives videre av kommunen",
        handed_over_to=lyngdal_kommune,
        actor=None,
    )
    return project


@pytest.fixture
def merged_project(lister, hub, stimulab):
    project = create_project(
        title="Arealdata", hub=hub, status="ongoing", created_on=dt.date(2022, 3, 1), actor=None
    )
    PilotSubProject.objects.create(pilot=lister, project=project)
    change_project_status(
        project,
        to_status="merged",
        changed_on=dt.date(2023, 4, 1),
        reason="Samme mål som Stimulab",
        merged_into=stimulab,
        actor=None,
    )
    return project


@pytest.fixture
def coordinator(nav):
    """A coordinator of Nav, a partner organization of the test hub."""
    return make_person(
        "kim@nav.test", nav, name="Kim Koordinator", role=Membership.Role.COORDINATOR
    )
