"""A need in a status report becomes a request to the ministry or a named agency, is
answered, and the people concerned get e-mails; the owner sees every open request with
its age."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from hubro.core.errors import Invalid, NotFound
from hubro.core.models import AuditEntry
from hubro.followup import actions
from hubro.followup.models import ProgrammeRequest

pytestmark = pytest.mark.django_db


def _make(report, actor, captured, **extra):
    fields = {"subject": "Finansiering etter 2025", "body": report.needs, **extra}
    with captured(execute=True):
        return actions.make_request(report.pilot, status_report=report, actor=actor, **fields)


def test_a_need_becomes_a_request_is_answered_and_the_author_is_told(
    client, siri, dina, lister_report, mailoutbox, django_capture_on_commit_callbacks
):
    siri.language = "en"
    siri.save()
    client.force_login(siri)
    report_page = client.get(reverse("programme:status_report", args=["lister", lister_report.pk]))
    url = reverse("followup:request_new", args=["lister", lister_report.pk])
    assert url in report_page.content.decode()
    form = client.get(url)
    assert "Avklaring av finansiering etter 2025." in form.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {
                "addressee": str(lister_report.pilot.programme.owner.pk),
                "subject": "Finansiering etter 2025",
                "body": "Avklaring av finansiering etter 2025.",
            },
        )
    request = ProgrammeRequest.objects.get()
    assert response.status_code == 302
    assert (request.status, request.created_by, request.status_report) == (
        "open",
        siri,
        lister_report,
    )
    assert request.to_owner
    # The owner's people are told of the new request.
    assert [m.to for m in mailoutbox] == [[dina.email]]
    assert "Finansiering etter 2025" in mailoutbox[0].subject

    client.force_login(dina)
    detail = reverse("followup:request", args=[request.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(detail, {"reply": "Departementet avklarer dette i juni."})
    assert response.status_code == 302
    request.refresh_from_db()
    assert (request.status, request.reply, request.replied_by) == (
        "answered",
        "Departementet avklarer dette i juni.",
        dina,
    )
    reply_mail = mailoutbox[-1]
    assert reply_mail.to == [siri.email]
    # In the author's language (English), with the reply and a link to the request.
    assert reply_mail.subject == "Reply to your request: Finansiering etter 2025"
    assert "Departementet avklarer dette i juni." in reply_mail.body
    assert f"/program/foresporsler/{request.pk}/" in reply_mail.body
    actions_logged = list(
        AuditEntry.objects.filter(object_type="followup.programmerequest")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions_logged == ["followup.request.create", "followup.request.update"]


def test_the_owner_sees_every_open_request_across_pilots_with_its_age(
    client,
    dina,
    siri,
    per,
    kari,
    lister_report,
    ofoten_report,
    django_capture_on_commit_callbacks,
):
    old = _make(lister_report, siri, django_capture_on_commit_callbacks)
    new = _make(ofoten_report, per, django_capture_on_commit_callbacks, subject="Behovet")
    answered = _make(lister_report, siri, django_capture_on_commit_callbacks, subject="Svart")
    now = timezone.now()
    ProgrammeRequest.objects.filter(pk=old.pk).update(created_at=now - dt.timedelta(days=40))
    ProgrammeRequest.objects.filter(pk=new.pk).update(created_at=now - dt.timedelta(days=3))
    actions.answer_request(answered, reply="Ja.", actor=dina)

    client.force_login(dina)
    page = client.get(reverse("followup:requests")).content.decode()
    assert 'data-age="40"' in page and 'data-age="3"' in page
    assert "40 dager" in page
    assert page.index("Finansiering etter 2025") < page.index("Behovet")  # oldest first
    assert "Svart" not in page  # answered is not open
    assert "Svart" in client.get(reverse("followup:requests") + "?status=answered").text

    client.force_login(siri)  # Lister's steering group: only Lister's
    page = client.get(reverse("followup:requests")).content.decode()
    assert "Finansiering etter 2025" in page and "Behovet" not in page
    client.force_login(kari)  # takes part in nothing
    assert "Ingen forespørsler her." in client.get(reverse("followup:requests")).text
    assert client.get(reverse("followup:request", args=[old.pk])).status_code == 404


def test_a_request_to_an_agency_goes_to_its_coordinators_who_may_answer(
    client,
    siri,
    dina,
    eirik,
    nora,
    nav,
    lister_report,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    request = _make(lister_report, siri, django_capture_on_commit_callbacks, addressee=nav)
    assert not request.to_owner
    assert [m.to for m in mailoutbox] == [[nora.email]]
    client.force_login(nora)
    page = client.get(reverse("followup:request", args=[request.pk]))
    assert page.status_code == 200 and 'name="reply"' in page.text
    # The evaluator reads the request but does not answer it.
    client.force_login(eirik)
    page = client.get(reverse("followup:request", args=[request.pk]))
    assert page.status_code == 200 and 'name="reply"' not in page.text
    with pytest.raises(Invalid) as error:
        actions.answer_request(request, reply="Nei.", actor=eirik)
    assert error.value.code == "forbidden"
    with django_capture_on_commit_callbacks(execute=True):
        actions.answer_request(request, reply="Nav stiller med to personer.", actor=nora)
    assert mailoutbox[-1].to == [siri.email]


def test_an_agency_without_coordinators_reaches_the_owner_instead(
    siri, dina, lyngdal_kommune, lister_report, mailoutbox, django_capture_on_commit_callbacks
):
    _make(lister_report, siri, django_capture_on_commit_callbacks, addressee=lyngdal_kommune)
    assert [m.to for m in mailoutbox] == [[dina.email]]


def test_who_may_make_see_answer_and_close(
    client, siri, dina, eirik, per, kari, lister_report, django_capture_on_commit_callbacks
):
    # The owner and the evaluator may not make requests for a pilot, others not see it.
    for person in (dina, eirik):
        client.force_login(person)
        url = reverse("followup:request_new", args=["lister", lister_report.pk])
        assert client.get(url).status_code == 404
    with pytest.raises(Invalid):
        actions.make_request(lister_report.pilot, subject="x", body="y", actor=eirik)
    with pytest.raises(NotFound):
        actions.make_request(lister_report.pilot, subject="x", body="y", actor=per)
    request = _make(lister_report, siri, django_capture_on_commit_callbacks)
    for person in (per, kari):
        with pytest.raises(NotFound):
            actions.answer_request(request, reply="x", actor=person)
        with pytest.raises(NotFound):
            actions.close_request(request, actor=person)
    with pytest.raises(Invalid) as error:  # the author does not answer their own request
        actions.answer_request(request, reply="x", actor=siri)
    assert error.value.code == "forbidden"
    client.force_login(siri)
    response = client.post(reverse("followup:request_close", args=[request.pk]))
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == "closed" and request.closed_at
    with pytest.raises(Invalid) as error:
        actions.answer_request(request, reply="For sent.", actor=dina)
    assert error.value.code == "request_closed"


def test_bad_input_gets_a_clear_error_and_nothing_is_written(client, siri, lister_report):
    client.force_login(siri)
    url = reverse("followup:request_new", args=["lister", lister_report.pk])
    response = client.post(url, {"addressee": "999999", "subject": "", "body": "a\x00b"})
    assert response.status_code == 422
    assert ProgrammeRequest.objects.count() == 0
    assert 'aria-invalid="true"' in response.text
    with pytest.raises(Invalid) as error:
        actions.make_request(lister_report.pilot, subject="x" * 201, body="y", actor=siri)
    assert error.value.code == "too_long"


# --- API -----------------------------------------------------------------------------------


def test_api_makes_answers_lists_and_closes_a_request(
    api_as, siri, dina, per, nav, lister_report, mailoutbox, django_capture_on_commit_callbacks
):
    path = f"/api/v1/status-reports/{lister_report.pk}/requests"
    with django_capture_on_commit_callbacks(execute=True):
        made = api_as(siri).post(path, {"subject": "Hjelp", "body": "Trenger svar."})
    assert made.status_code == 201, made.content
    body = made.json()
    assert (body["status"], body["to_owner"], body["status_report"]) == (
        "open",
        True,
        lister_report.pk,
    )
    assert mailoutbox[-1].to == [dina.email]
    to_nav = api_as(siri).post(
        path, {"subject": "Nav", "body": "Spørsmål", "addressee": nav.orgnr}
    )
    assert to_nav.json()["addressee"]["orgnr"] == nav.orgnr
    unknown = api_as(siri).post(path, {"subject": "x", "body": "y", "addressee": "123456785"})
    assert (unknown.status_code, unknown.json()["code"]) == (422, "unknown_addressee")
    empty = api_as(siri).post(path, {"subject": " ", "body": "y"})
    assert (empty.status_code, empty.json()["code"]) == (422, "required")
    assert api_as(per).post(path, {"subject": "x", "body": "y"}).status_code == 404

    listed = api_as(dina).get("/api/v1/requests").json()
    assert [r["subject"] for r in listed] == ["Hjelp", "Nav"]
    assert all(r["age_days"] == 0 for r in listed)
    assert api_as(per).get("/api/v1/requests").json() == []
    request_id = body["id"]
    assert api_as(per).get(f"/api/v1/requests/{request_id}").status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        answered = api_as(dina).post(
            f"/api/v1/requests/{request_id}/reply", {"reply": "Svar fra departementet."}
        )
    assert answered.json()["status"] == "answered"
    assert mailoutbox[-1].to == [siri.email]
    closed = api_as(siri).post(f"/api/v1/requests/{request_id}/close", {})
    assert closed.json()["status"] == "closed"
    again = api_as(siri).post(f"/api/v1/requests/{request_id}/close", {})
    assert (again.status_code, again.json()["code"]) == (422, "request_closed")
    assert [r["id"] for r in api_as(dina).get("/api/v1/requests?status=closed").json()] == [
        request_id
    ]
    assert api_as(dina).get("/api/v1/requests?status=nonsense").status_code == 422


def test_an_agency_coordinator_finds_requests_to_the_agency_in_the_menu(
    client, siri, nora, kari, nav, lister_report, django_capture_on_commit_callbacks
):
    client.force_login(nora)
    url = reverse("followup:requests")
    assert f'href="{url}"' not in client.get(reverse("programme:index")).text
    _make(lister_report, siri, django_capture_on_commit_callbacks, addressee=nav)
    page = client.get(url).text
    assert f'href="{url}"' in page and "Finansiering etter 2025" in page
    client.force_login(kari)  # a member of Nav, not its coordinator
    assert f'href="{url}"' not in client.get(url).text
