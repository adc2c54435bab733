"""The set-up, meeting and budget pages: the owner's people change the programme and its
pilots, the steering group records meetings and spending, others get 403 or 404."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hubro.core.models import AuditEntry
from hubro.programme.demo import _pdf
from hubro.programme.models import Decision, Expense, LocalGoal, Meeting, Pilot, Programme

pytestmark = pytest.mark.django_db


def test_owner_creates_a_programme_in_the_pages(client, dina, kdd):
    client.force_login(dina)
    form = client.get(reverse("programme:programme_new"))
    assert form.status_code == 200
    data = {
        "name": "Distriktskontor",
        "slug": "distriktskontor",
        "owner": kdd.pk,
        "starts_on": "2026-01-01",
        "ends_on": "2025-12-31",
        "budget": "2000000",
        "goal_1": "on",
        "goal_1_text": "Fagmiljø",
        "goal_4": "on",
    }
    backwards = client.post(reverse("programme:programme_new"), data)
    assert backwards.status_code == 422
    assert "Perioden kan ikke slutte" in backwards.content.decode()
    created = client.post(reverse("programme:programme_new"), {**data, "ends_on": "2027-12-31"})
    assert created.status_code == 302
    programme = Programme.objects.get(slug="distriktskontor")
    assert sorted(programme.goals.values_list("number", flat=True)) == [1, 4]
    page = client.get(created.url).content.decode()
    assert "Endre programmet" in page and "Ny pilot" in page


def test_owner_adds_pilot_phase_goal_and_steering_member(client, dina, lister, siri, lyngdal):
    client.force_login(dina)
    pilot = client.post(
        reverse("programme:pilot_new", args=["statens-hus"]),
        {"name": "Ny pilot", "slug": "ny-pilot", "host_municipality": lyngdal.pk},
    )
    assert pilot.status_code == 302, pilot.content.decode()
    phase = client.post(
        reverse("programme:phase_new", args=["ny-pilot"]),
        {"kind": "pre_project", "starts_on": "2026-01-01"},
    )
    assert phase.status_code == 302
    duplicate = client.post(
        reverse("programme:phase_new", args=["ny-pilot"]),
        {"kind": "pre_project", "starts_on": "2026-02-01"},
    )
    assert duplicate.status_code == 422
    assert "allerede en fase" in duplicate.content.decode()
    goal = client.post(
        reverse("programme:local_goal_new", args=["ny-pilot"]),
        {"title": "Flere statlige arbeidsplasser", "national_goals": ["2", "3"]},
    )
    assert goal.status_code == 302
    saved = LocalGoal.objects.get(pilot__slug="ny-pilot")
    assert sorted(saved.national_goals.values_list("number", flat=True)) == [2, 3]
    member = client.post(
        reverse("programme:steering_member_new", args=["ny-pilot"]),
        {"person": siri.email, "role": "chair"},
    )
    assert member.status_code == 302
    unknown = client.post(
        reverse("programme:steering_member_new", args=["ny-pilot"]),
        {"person": "ingen@example.test", "role": "member"},
    )
    assert unknown.status_code == 422
    groups = client.get(reverse("programme:groups", args=["ny-pilot"])).content.decode()
    assert "Siri Styre" in groups
    deleted = client.post(reverse("programme:pilot_delete", args=["ny-pilot"]))
    assert deleted.status_code == 302
    assert not Pilot.objects.filter(slug="ny-pilot").exists()
    assert AuditEntry.objects.filter(action="programme.pilot.delete", actor=dina).exists()


def test_steering_group_records_a_meeting_with_a_grant(
    client, siri, lister, stimulab, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(siri)
    url = reverse("programme:meeting_new", args=["lister"])
    fake = client.post(
        url,
        {
            "held_on": "2026-03-10",
            "minutes_file": SimpleUploadedFile("referat.pdf", b"<html>ikke pdf</html>"),
        },
    )
    assert fake.status_code == 422
    assert "Bare PDF-filer" in fake.content.decode()
    assert not Meeting.objects.exists()
    made = client.post(
        url,
        {
            "held_on": "2026-03-10",
            "agenda": "1. Bevilgning",
            "minutes_file": SimpleUploadedFile("referat.pdf", _pdf(["Referat"])),
        },
    )
    assert made.status_code == 302
    meeting = Meeting.objects.get()
    decision = client.post(
        reverse("programme:decision_new", args=["lister", meeting.pk]),
        {"text": "Stimulab får midler", "amount": "300000", "sub_project": stimulab.pilot_link.pk},
    )
    assert decision.status_code == 302
    assert Decision.objects.get().sub_project.project == stimulab
    expense = client.post(
        reverse("programme:expense_new", args=["lister"]),
        {"spent_on": "2026-04-01", "amount": "-5", "description": "Feil"},
    )
    assert expense.status_code == 422
    assert not Expense.objects.exists()
    page = client.get(reverse("programme:budget", args=["lister"])).content.decode()
    assert "300\xa0000" in page and "Stimulab" in page
    pdf = client.get(reverse("programme:meeting_minutes", args=["lister", meeting.pk]))
    assert pdf.status_code == 200
    assert b"".join(pdf.streaming_content).startswith(b"%PDF-")


@pytest.mark.parametrize("who", ["eirik", "vera", "siri"])
def test_evaluator_host_and_member_get_403_on_set_up_pages(request, client, lister, who):
    client.force_login(request.getfixturevalue(who))
    for name, args in (
        ("programme_edit", ["statens-hus"]),
        ("programme_delete", ["statens-hus"]),
        ("roles", ["statens-hus"]),
        ("pilot_new", ["statens-hus"]),
        ("pilot_edit", ["lister"]),
        ("pilot_delete", ["lister"]),
        ("phase_new", ["lister"]),
        ("local_goal_new", ["lister"]),
        ("steering_member_new", ["lister"]),
        ("group_new", ["lister"]),
    ):
        assert client.get(reverse(f"programme:{name}", args=args)).status_code == 403, name
        assert client.post(reverse(f"programme:{name}", args=args)).status_code == 403, name
    assert client.get(reverse("programme:programme_new")).status_code == 403
    assert Pilot.objects.filter(slug="lister").exists()


def test_host_and_evaluator_cannot_record_meetings(client, vera, eirik, lister):
    client.force_login(vera)
    assert client.get(reverse("programme:meetings", args=["lister"])).status_code == 404
    client.force_login(eirik)
    assert client.get(reverse("programme:meetings", args=["lister"])).status_code == 200
    assert client.get(reverse("programme:meeting_new", args=["lister"])).status_code == 403
    assert client.get(reverse("programme:expense_new", args=["lister"])).status_code == 403


def test_outsiders_get_404(client, kari, lister):
    client.force_login(kari)
    for name, args in (
        ("programme_edit", ["statens-hus"]),
        ("pilot_edit", ["lister"]),
        ("groups", ["lister"]),
        ("meetings", ["lister"]),
        ("budget", ["lister"]),
    ):
        assert client.get(reverse(f"programme:{name}", args=args)).status_code == 404, name


def test_owner_changes_the_programme_and_its_goals(client, dina, kdd, lister):
    client.force_login(dina)
    url = reverse("programme:programme_edit", args=["statens-hus"])
    form = client.get(url)
    assert form.status_code == 200
    assert 'value="16000000.00"' in form.content.decode()
    changed = client.post(
        url,
        {
            "name": "Statens hus",
            "slug": "statens-hus",
            "owner": kdd.pk,
            "starts_on": "2021-01-01",
            "ends_on": "2025-12-31",
            "original_ends_on": "2024-12-31",
            "budget": "18000000",
            **{f"goal_{n}": "on" for n in (1, 2, 3, 4)},
            "goal_2_text": "Rekruttere i mindre steder",
        },
    )
    assert changed.status_code == 302, changed.content.decode()
    programme = Programme.objects.get()
    assert programme.budget == 18000000
    assert sorted(programme.goals.values_list("number", flat=True)) == [1, 2, 3, 4]
    assert programme.goals.get(number=2).text == "Rekruttere i mindre steder"
    entry = AuditEntry.objects.get(action="programme.programme.update")
    assert entry.changes == {"budget": "18000000", "ends_on": "2025-12-31"}


@pytest.mark.parametrize(
    ("language", "heading"), [("nn", "Løyvt til piloten"), ("en", "Granted to the pilot")]
)
def test_budget_page_speaks_nynorsk_and_english(client, siri, lister, language, heading):
    client.force_login(siri)
    client.cookies["hubro_language"] = language
    page = client.get(reverse("programme:budget", args=["lister"])).content.decode()
    assert heading in page
