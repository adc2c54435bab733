"""The pre-project report is stored as a PDF and downloaded with a permission check;
the owner records the approval."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hubro.programme.models import PhaseApproval, PhaseDocument

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% test\n"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }


def _upload(client, lister, name="forprosjekt.pdf"):
    phase = lister.phases.get(kind="pre_project")
    return phase, client.post(
        reverse("programme:phase_document_new", args=["lister", phase.pk]),
        {
            "title": "Forprosjektrapport Lister",
            "kind": "pre_project_report",
            "file": SimpleUploadedFile(name, PDF, content_type="application/pdf"),
        },
    )


def test_steering_group_uploads_and_owner_approves(client, siri, dina, lister):
    client.force_login(siri)
    phase, response = _upload(client, lister)
    assert response.status_code == 302
    document = PhaseDocument.objects.get()
    client.force_login(dina)
    response = client.post(
        reverse("programme:phase_approve", args=["lister", phase.pk]),
        {"decision": "approved", "decided_on": "2021-12-01", "note": "Hovedprosjektet kan starte"},
    )
    assert response.status_code == 302
    approval = PhaseApproval.objects.get()
    assert (approval.document, approval.decided_on, approval.decided_by_organization.orgnr) == (
        document,
        dt.date(2021, 12, 1),
        "972417858",
    )
    page = client.get(reverse("programme:pilot", args=["lister"])).content.decode()
    assert "Godkjent av Kommunal- og distriktsdepartementet" in page


def test_download_is_permission_checked(client, siri, kari, per, dina, lister):
    client.force_login(siri)
    _upload(client, lister)
    url = reverse("programme:document", args=[PhaseDocument.objects.get().pk])
    for person in (kari, per):
        client.force_login(person)
        assert client.get(url).status_code == 404
    client.force_login(dina)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert "attachment" in response["Content-Disposition"]


def test_only_pdf_is_accepted(client, siri, lister):
    client.force_login(siri)
    _phase, response = _upload(client, lister, name="rapport.docx")
    assert response.status_code == 422
    assert "PDF" in response.content.decode()
    assert not PhaseDocument.objects.exists()


def test_steering_group_cannot_approve(client, siri, lister):
    client.force_login(siri)
    phase = lister.phases.get(kind="pre_project")
    url = reverse("programme:phase_approve", args=["lister", phase.pk])
    assert client.get(url).status_code == 404
