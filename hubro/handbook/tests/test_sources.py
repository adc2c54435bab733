"""A lesson's sources: the name always, a link only where the reader may follow it."""

import datetime as dt

import pytest
from django.test import Client

from hubro.community.models import Project
from hubro.programme.models import Pilot, Programme, ProgrammeRole

pytestmark = pytest.mark.django_db


@pytest.fixture
def pilot(places, nav, lyngdal, hub):
    programme = Programme.objects.create(
        name="Statens hus", slug="statens-hus", owner=nav, starts_on=dt.date(2021, 1, 1)
    )
    return Pilot.objects.create(
        programme=programme, name="Lyngdal", slug="lyngdal", host_municipality=lyngdal, hub=hub
    )


def test_the_pilot_is_named_for_all_but_linked_only_for_its_participants(
    write, vera, kari, admin_person, hub, pilot
):
    project = Project.objects.create(title="Stimulab", slug="stimulab", hub=hub)
    lesson = write(vera, title="Fra piloten", pilot=pilot, hub=hub, project=project)
    client = Client()
    client.force_login(kari)
    page = client.get(f"/handbok/{lesson.pk}/").content.decode()
    assert "<dd>Lyngdal</dd>" in page  # named, not linked: Kari takes no part
    assert 'href="/huber/testlab/"' in page and 'href="/prosjekter/stimulab/"' in page
    export = client.get("/handbok/eksport/").content.decode()
    assert (
        "<dd>Lyngdal</dd>" in export
        and "Stimulab: http://testserver/prosjekter/stimulab/" in export
    )

    ProgrammeRole.objects.create(
        programme=pilot.programme, person=kari, role=ProgrammeRole.Role.EVALUATOR
    )
    page = client.get(f"/handbok/{lesson.pk}/").content.decode()
    assert '<a class="ds-link" href="/program/pilot/lyngdal/">Lyngdal</a>' in page
