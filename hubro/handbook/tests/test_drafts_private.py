"""A draft is its author's alone until published: other people never see it in pages,
search, the export or the API; not even administrators."""

import pytest
from django.test import Client

from hubro.handbook.actions import publish_lesson

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(write, ola):
    return write(
        ola, title="Hemmelig finansieringsplan", summary="Om finansiering.", publish=False
    )


@pytest.fixture
def published(write, vera):
    return write(vera, title="Delt erfaring", summary="Om finansiering for alle.")


def client_for(person):
    client = Client()
    client.force_login(person)
    return client


@pytest.mark.parametrize("who", ["kari", "admin_person"])
def test_others_do_not_see_a_draft_in_any_page(request, who, draft, published):
    client = client_for(request.getfixturevalue(who))
    for url in [
        "/handbok/",
        "/handbok/?q=finansiering",
        "/handbok/mine-utkast/",
        "/handbok/ny-hub/",
        "/handbok/eksport/",
    ]:
        page = client.get(url).content.decode()
        assert "Hemmelig" not in page, url
    assert "Delt erfaring" in client.get("/handbok/?q=finansiering").content.decode()
    for url in [f"/handbok/{draft.pk}/", f"/handbok/{draft.pk}/rediger/"]:
        assert client.get(url).status_code == 404, url
    assert client.post(f"/handbok/{draft.pk}/publiser/").status_code == 404
    assert client.post(f"/handbok/{draft.pk}/slett/").status_code == 404
    draft.refresh_from_db()
    assert draft.is_draft


def test_the_author_sees_the_draft_in_pages_and_search_but_not_in_the_export(draft, ola):
    client = client_for(ola)
    assert "Hemmelig" in client.get("/handbok/?q=finansieringen").content.decode()
    assert "Hemmelig" in client.get("/handbok/mine-utkast/").content.decode()
    assert "Hemmelig" in client.get(f"/handbok/{draft.pk}/").content.decode()
    assert "Hemmelig" not in client.get("/handbok/eksport/").content.decode()


def test_the_api_lists_no_drafts_and_hides_others_drafts(api_as, draft, published, ola, kari):
    for person in (ola, kari):
        listed = api_as(person).get("/api/v1/handbook/lessons", q="finansieringen").json()
        assert [item["title"] for item in listed] == ["Delt erfaring"]
        assert [item["id"] for item in api_as(person).get("/api/v1/handbook/lessons").json()] == [
            published.pk
        ]
    answer = api_as(kari).get(f"/api/v1/handbook/lessons/{draft.pk}")
    assert answer.status_code == 404
    assert answer.json()["code"] == "lesson_not_found"
    own = api_as(ola).get(f"/api/v1/handbook/lessons/{draft.pk}")
    assert (own.status_code, own.json()["status"]) == (200, "draft")


def test_once_published_everyone_sees_it(draft, ola, kari, vera, write):
    # Ola is no publisher; a host writes the same lesson up and publishes it.
    lesson = write(vera, title="Finansieringsplanen", summary="Om finansiering.", publish=False)
    assert "Finansieringsplanen" not in client_for(kari).get("/handbok/").content.decode()
    publish_lesson(lesson, actor=vera)
    assert (
        "Finansieringsplanen" in client_for(kari).get("/handbok/?q=finansiering").content.decode()
    )
    assert client_for(kari).get(f"/handbok/{lesson.pk}/").status_code == 200


def test_the_audit_log_does_not_show_a_drafts_title(draft, ola, vera, write):
    # Administrators read the audit log; a draft is recorded by type and id only.
    from hubro.core.models import AuditEntry
    from hubro.handbook.actions import delete_draft, update_lesson

    update_lesson(draft, actor=ola, advice="Hemmelig råd.")
    other = write(ola, title="Hemmelig nummer to", publish=False)
    delete_draft(other, actor=ola)
    entries = AuditEntry.objects.filter(object_type="handbook.lesson")
    assert set(entries.values_list("action", flat=True)) == {
        "lesson.create",
        "lesson.update",
        "lesson.delete",
    }
    assert not entries.filter(object_repr__icontains="Hemmelig").exists()
    assert entries.filter(object_id=str(draft.pk)).count() == 2
    published = write(vera, title="Delt erfaring")
    assert AuditEntry.objects.get(object_id=str(published.pk)).object_repr == "Delt erfaring"
