"""Programme owners set up a programme and a pilot through the API; the steering group
records a meeting whose decision grants money to a sub-project, and the budget shows it.
Members, hosts and evaluators cannot write; people outside the programme get 404."""

import base64
import json

import pytest

from hubro.core.models import AuditEntry
from hubro.programme.demo import _pdf
from hubro.programme.models import Decision, Pilot, Programme

pytestmark = pytest.mark.django_db


def _send(api, method, path, data=None):
    return getattr(api.client, method)(
        path, json.dumps(data or {}), content_type="application/json", headers=api._headers()
    )


def _b64(content: bytes) -> str:
    return base64.b64encode(content).decode()


PROGRAMME = {
    "name": "Distriktskontor",
    "slug": "distriktskontor",
    "owner": "972417858",
    "starts_on": "2026-01-01",
    "ends_on": "2028-12-31",
    "budget": "5000000",
    "budget_note": "Bevilget i statsbudsjettet 2026",
    "goals": [{"number": 1, "text": "Sterkere fagmiljø"}, {"number": 3}],
}


def test_owner_creates_a_programme_pilot_phase_goal_and_groups(api_as, dina, lyngdal, siri):
    api = api_as(dina)
    created = api.post("/api/v1/programmes", PROGRAMME)
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["budget"] == "5000000.00"
    assert [g["number"] for g in body["goals"]] == [1, 3]
    programme = Programme.objects.get(slug="distriktskontor")
    assert programme.roles.get().person == dina

    pilot = api.post(
        "/api/v1/programmes/distriktskontor/pilots",
        {"name": "Lyngdal", "slug": "lyngdal-ny", "host_municipality": lyngdal.number},
    )
    assert pilot.status_code == 201, pilot.content
    phase = api.post(
        "/api/v1/pilots/lyngdal-ny/phases",
        {"kind": "pre_project", "starts_on": "2026-02-01", "ends_on": "2026-04-30"},
    )
    assert phase.status_code == 201, phase.content
    twice = api.post(
        "/api/v1/pilots/lyngdal-ny/phases", {"kind": "pre_project", "starts_on": "2026-05-01"}
    )
    assert (twice.status_code, twice.json()["code"]) == (409, "phase_exists")
    backwards = api.post(
        "/api/v1/pilots/lyngdal-ny/phases",
        {"kind": "main", "starts_on": "2026-05-01", "ends_on": "2026-04-01"},
    )
    assert (backwards.status_code, backwards.json()["code"]) == (422, "invalid_period")

    goal = api.post(
        "/api/v1/pilots/lyngdal-ny/local-goals",
        {"title": "Tre etater i huset", "national_goals": [1, 3]},
    )
    assert goal.status_code == 201, goal.content
    assert goal.json()["national_goals"] == [1, 3]
    not_in_programme = api.post(
        "/api/v1/pilots/lyngdal-ny/local-goals", {"title": "Mål 2", "national_goals": [2]}
    )
    assert (not_in_programme.status_code, not_in_programme.json()["code"]) == (422, "unknown_goal")

    member = api.post(
        "/api/v1/pilots/lyngdal-ny/steering-group/members",
        {"person": siri.email, "role": "chair", "starts_on": "2026-01-01"},
    )
    assert member.status_code == 201, member.content
    group = api.post(
        "/api/v1/pilots/lyngdal-ny/groups", {"kind": "reference", "name": "Brukerpanel"}
    )
    assert group.status_code == 201
    in_group = api.post(
        f"/api/v1/pilots/lyngdal-ny/groups/{group.json()['id']}/members",
        {"person": siri.email, "organization": "889640782", "role": "member"},
    )
    assert in_group.status_code == 201, in_group.content

    shown = api.get("/api/v1/pilots/lyngdal-ny").json()
    assert [p["kind"] for p in shown["phases"]] == ["pre_project"]
    assert shown["local_goals"][0]["title"] == "Tre etater i huset"
    assert shown["steering_members"][0]["role"] == "chair"
    groups = api.get("/api/v1/pilots/lyngdal-ny/groups").json()
    assert groups["groups"][0]["members"][0]["name"] == "Siri Styre"

    actions = set(AuditEntry.objects.filter(actor=dina).values_list("action", flat=True))
    assert {
        "programme.programme.create",
        "programme.pilot.create",
        "programme.phase.create",
        "programme.local_goal.create",
        "programme.steering_member.create",
        "programme.group.create",
        "programme.group_member.create",
    } <= actions


def test_owner_edits_and_deletes_what_they_own(api_as, dina, lister, ofoten):
    api = api_as(dina)
    changed = _send(
        api,
        "patch",
        "/api/v1/programmes/statens-hus",
        {"budget": "17000000", "ends_on": "2025-12-31"},
    )
    assert changed.status_code == 200, changed.content
    assert changed.json()["budget"] == "17000000.00"
    assert AuditEntry.objects.filter(action="programme.programme.update").get().changes == {
        "budget": "17000000",
        "ends_on": "2025-12-31",
    }
    renamed = _send(api, "patch", "/api/v1/pilots/ofoten", {"name": "Ofoten"})
    assert renamed.json()["name"] == "Ofoten"

    has_pilots = api.delete("/api/v1/programmes/statens-hus")
    assert (has_pilots.status_code, has_pilots.json()["code"]) == (409, "has_pilots")
    assert api.delete("/api/v1/pilots/ofoten").status_code == 204
    assert not Pilot.objects.filter(slug="ofoten").exists()
    phase_id = lister.phases.get(kind="main").pk
    assert api.delete(f"/api/v1/pilots/lister/phases/{phase_id}").status_code == 204
    assert AuditEntry.objects.filter(action="programme.pilot.delete").exists()

    last_owner = dina.programme_roles.get()
    refused = api.delete(f"/api/v1/programmes/statens-hus/roles/{last_owner.pk}")
    assert (refused.status_code, refused.json()["code"]) == (409, "last_owner")


@pytest.mark.parametrize("who", ["eirik", "vera", "siri"])
def test_evaluator_host_and_steering_member_cannot_change_the_set_up(request, api_as, lister, who):
    person = request.getfixturevalue(who)
    api = api_as(person)
    assert api.get("/api/v1/pilots/lister").status_code == 200
    attempts = [
        _send(api, "patch", "/api/v1/programmes/statens-hus", {"name": "Mitt program"}),
        api.post(
            "/api/v1/programmes/statens-hus/pilots",
            {"name": "X", "slug": "x", "host_municipality": "4225"},
        ),
        _send(api, "patch", "/api/v1/pilots/lister", {"name": "Mitt"}),
        api.post("/api/v1/pilots/lister/phases", {"kind": "extension", "starts_on": "2026-01-01"}),
        api.post("/api/v1/pilots/lister/local-goals", {"title": "Mitt mål"}),
        api.post("/api/v1/pilots/lister/groups", {"kind": "working", "name": "Mitt"}),
        api.delete("/api/v1/pilots/lister"),
        api.post("/api/v1/programmes", {**PROGRAMME, "owner": "889640782"}),
    ]
    assert [r.status_code for r in attempts] == [403] * len(attempts)
    assert {r.json()["code"] for r in attempts} == {"forbidden"}
    assert Programme.objects.get().name == "Statens hus"
    assert not AuditEntry.objects.filter(action__startswith="programme.").exists()


def test_people_outside_the_programme_get_404(api_as, kari, lister):
    api = api_as(kari)
    for response in (
        _send(api, "patch", "/api/v1/programmes/statens-hus", {"name": "X"}),
        api.post("/api/v1/pilots/lister/meetings", {"held_on": "2026-01-01"}),
        api.get("/api/v1/pilots/lister/budget"),
        api.delete("/api/v1/pilots/lister"),
    ):
        assert response.status_code == 404, response.content


def test_meeting_decision_grants_money_and_the_budget_shows_it(
    api_as, siri, dina, eirik, vera, lister, stimulab
):
    api = api_as(siri)
    meeting = api.post(
        "/api/v1/pilots/lister/meetings",
        {"held_on": "2026-03-10", "agenda": "1. Budsjett", "minutes": "Vedtatt enstemmig."},
    )
    assert meeting.status_code == 201, meeting.content
    mid = meeting.json()["id"]
    decision = api.post(
        f"/api/v1/pilots/lister/meetings/{mid}/decisions",
        {"text": "Stimulab får 250 000 kr", "amount": "250000", "sub_project": stimulab.slug},
    )
    assert decision.status_code == 201, decision.content
    assert (
        api.post(
            f"/api/v1/pilots/lister/meetings/{mid}/decisions",
            {"text": "Drift", "amount": "750000"},
        ).status_code
        == 201
    )
    too_much = api.post(
        f"/api/v1/pilots/lister/meetings/{mid}/decisions",
        {"text": "Alt", "amount": "15000001"},
    )
    assert (too_much.status_code, too_much.json()["code"]) == (422, "over_budget")
    spent = api.post(
        "/api/v1/pilots/lister/expenses",
        {
            "spent_on": "2026-04-01",
            "amount": "40000",
            "description": "Workshop",
            "sub_project": stimulab.slug,
        },
    )
    assert spent.status_code == 201, spent.content

    for reader in (siri, dina, eirik):
        money = api_as(reader).get("/api/v1/pilots/lister/budget").json()
        assert (money["granted"], money["spent"], money["left"]) == (
            "1000000.00",
            "40000.00",
            "960000.00",
        )
        assert money["programme_not_granted"] == "15000000.00"
        line = next(x for x in money["lines"] if x["sub_project"] == stimulab.slug)
        assert (line["granted"], line["spent"], line["left"]) == (
            "250000.00",
            "40000.00",
            "210000.00",
        )
    # The host sees the pilot, not its money; evaluators read but do not write.
    assert api_as(vera).get("/api/v1/pilots/lister/budget").status_code == 404
    refused = api_as(eirik).post("/api/v1/pilots/lister/meetings", {"held_on": "2026-03-11"})
    assert refused.status_code == 403
    kept = api.delete(f"/api/v1/pilots/lister/meetings/{mid}")
    assert (kept.status_code, kept.json()["code"]) == (409, "has_grants")
    assert Decision.objects.count() == 2
    assert AuditEntry.objects.filter(action="programme.decision.create", actor=siri).count() == 2


def test_minutes_pdf_must_be_a_real_pdf(api_as, siri, lister, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    api = api_as(siri)
    mid = api.post("/api/v1/pilots/lister/meetings", {"held_on": "2026-03-10"}).json()["id"]
    url = f"/api/v1/pilots/lister/meetings/{mid}/minutes-pdf"
    for name, content in (
        ("referat.pdf", b"Dette er ikke en PDF"),
        ("referat.pdf", b"%PDF-1.4\nkuttet av midt i"),
        ("referat.docx", _pdf(["Referat"])),
    ):
        bad = api.post(url, {"filename": name, "content_base64": _b64(content)})
        assert (bad.status_code, bad.json()["code"]) == (422, "not_pdf"), bad.content
    not_base64 = api.post(url, {"content_base64": "ikke base64!"})
    assert (not_base64.status_code, not_base64.json()["code"]) == (422, "invalid_base64")
    good = api.post(
        url, {"filename": "referat.pdf", "content_base64": _b64(_pdf(["Referat fra møtet"]))}
    )
    assert good.status_code == 200, good.content
    assert good.json()["minutes_pdf"] is True


def test_steering_group_changes_leader_and_links_a_sub_project(
    api_as, siri, ola, ola_leads, lister, hub
):
    from hubro.community.actions import create_project

    project = create_project(title="Nytt tiltak", hub=hub, status="ongoing", actor=None)
    api = api_as(siri)
    changed = api.post(
        "/api/v1/pilots/lister/leader", {"person": siri.email, "starts_on": "2026-01-01"}
    )
    assert changed.status_code == 201, changed.content
    leaders = changed.json()["leaders"]
    assert [(x["name"], x["ends_on"]) for x in leaders] == [
        ("Ola Nordmann", "2025-12-31"),
        ("Siri Styre", None),
    ]
    linked = api.post("/api/v1/pilots/lister/sub-projects", {"project": project.slug})
    assert linked.status_code == 201
    assert project.slug in [s["slug"] for s in linked.json()["sub_projects"]]
    again = api.post("/api/v1/pilots/lister/sub-projects", {"project": project.slug})
    assert (again.status_code, again.json()["code"]) == (409, "already_linked")
