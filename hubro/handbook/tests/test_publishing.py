"""Who may write, edit and publish; what a published lesson must contain."""

import pytest
from django.test import Client

from conftest import make_person
from hubro.core.errors import Invalid
from hubro.core.models import AuditEntry, Membership
from hubro.handbook.access import Forbidden
from hubro.handbook.actions import publish_lesson, update_lesson

pytestmark = pytest.mark.django_db


def test_a_member_may_draft_but_not_publish(write, kari):
    lesson = write(kari, publish=False)
    assert lesson.is_draft and lesson.published_at is None
    with pytest.raises(Forbidden) as refused:
        publish_lesson(lesson, actor=kari)
    assert refused.value.code == "may_not_publish"
    with pytest.raises(Forbidden):
        write(kari, title="Rett ut", publish=True)


def test_a_host_publishes_their_own_draft_and_it_is_audited(write, vera):
    lesson = write(vera, publish=False)
    publish_lesson(lesson, actor=vera)
    lesson.refresh_from_db()
    assert lesson.is_published and lesson.published_at is not None
    assert AuditEntry.objects.filter(action="lesson.publish", object_id=str(lesson.pk)).exists()


def test_a_coordinator_may_publish(write, nav):
    coordinator = make_person("koord@nav.test", nav, role=Membership.Role.COORDINATOR)
    assert write(coordinator, publish=True).is_published


def test_nobody_publishes_or_edits_someone_elses_lesson(write, kari, vera, admin_person):
    lesson = write(kari, publish=False)
    for other in (vera, admin_person):
        with pytest.raises(Forbidden) as refused:
            publish_lesson(lesson, actor=other)
        assert refused.value.code == "not_author"
        with pytest.raises(Forbidden):
            update_lesson(lesson, actor=other, title="Kapret")


def test_an_incomplete_lesson_cannot_be_published(write, vera):
    lesson = write(vera, publish=False, tried="", advice=" ")
    with pytest.raises(Invalid) as refused:
        publish_lesson(lesson, actor=vera)
    assert refused.value.code == "incomplete"
    assert refused.value.field == "tried"
    lesson.refresh_from_db()
    assert lesson.is_draft


def test_a_published_lesson_stays_complete_when_edited(write, vera):
    lesson = write(vera)
    with pytest.raises(Invalid):
        update_lesson(lesson, actor=vera, advice="")


def test_a_member_sees_no_publish_button_and_a_host_does(write, kari, vera):
    client = Client()
    client.force_login(kari)
    mine = write(kari, publish=False)
    page = client.get(f"/handbok/{mine.pk}/").content.decode()
    assert "Publiser</button>" not in page and "Rediger" in page
    client.force_login(vera)
    hers = write(vera, publish=False)
    page = client.get(f"/handbok/{hers.pk}/").content.decode()
    assert "Publiser</button>" in page
    response = client.post(f"/handbok/{hers.pk}/publiser/")
    assert response.status_code == 302
    hers.refresh_from_db()
    assert hers.is_published
