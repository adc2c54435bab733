"""Status changes: one action, a history with date and reason, clear refusals."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from hubro.community.actions import ALLOWED_TRANSITIONS, change_project_status, create_project
from hubro.community.models import Project, ProjectStatusChange
from hubro.core.errors import Invalid
from hubro.core.models import AuditEntry

pytestmark = pytest.mark.django_db

D = dt.date


def _change(project, to_status, day, reason="Fordi.", **kw):
    return change_project_status(
        project, to_status=to_status, changed_on=day, reason=reason, actor=None, **kw
    )


def _history(project):
    return list(
        ProjectStatusChange.objects.filter(project=project).values_list(
            "from_status", "to_status", "changed_on", "reason"
        )
    )


def test_creating_a_project_starts_its_history(world, vera):
    project = create_project(title="Ny", hub=world, created_on=D(2024, 1, 2), actor=vera)
    assert _history(project) == [("", "idea", D(2024, 1, 2), "Registrert i Hubro.")]
    assert ProjectStatusChange.objects.get(project=project).actor == vera


def test_every_change_is_kept_with_date_and_reason(project_at_hub, vera):
    project = project_at_hub
    created = project.status_history.get().changed_on
    _change(project, "application", created, "Søknad sendt.")
    _change(project, "ongoing", created, "Innvilget.")
    _change(project, "paused", created, "Prosjektleder i permisjon.")
    project.refresh_from_db()
    assert project.status == "paused"
    assert _history(project)[1:] == [
        ("idea", "application", created, "Søknad sendt."),
        ("application", "ongoing", created, "Innvilget."),
        ("ongoing", "paused", created, "Prosjektleder i permisjon."),
    ]
    assert project.starts_on == created
    assert (
        AuditEntry.objects.filter(action="project.update", object_id=str(project.pk)).count() == 3
    )


def test_handing_over_records_who_took_it_and_ends_the_project(project_at_hub, agder_fk):
    today = timezone.localdate()
    _change(project_at_hub, "ongoing", today)
    change = _change(
        project_at_hub, "handed_over", today, "Fylket tar det videre.", handed_over_to=agder_fk
    )
    project_at_hub.refresh_from_db()
    assert change.handed_over_to == agder_fk
    assert project_at_hub.taken_over_by == agder_fk
    assert project_at_hub.ends_on == today


def test_merging_points_to_the_other_project(project_at_hub, world):
    today = timezone.localdate()
    other = create_project(title="Større", hub=world, actor=None)
    change = _change(project_at_hub, "merged", today, "Samme mål.", merged_into=other)
    project_at_hub.refresh_from_db()
    assert change.merged_into == other
    assert project_at_hub.merged_into == other
    assert project_at_hub.status == Project.Status.MERGED


@pytest.mark.parametrize(
    ("setup", "kwargs", "code"),
    [
        ([], {"to_status": "idea"}, "same_status"),
        ([], {"to_status": "completed"}, "invalid_transition"),
        ([], {"to_status": "handed_over"}, "invalid_transition"),
        ([], {"to_status": "bogus"}, "invalid_status"),
        ([], {"to_status": "ongoing", "reason": "  "}, "reason_required"),
        ([], {"to_status": "ongoing", "changed_on": "2025-01-01"}, "invalid_date"),
        ([], {"to_status": "ongoing", "future": True}, "changed_on_in_future"),
        ([], {"to_status": "ongoing", "changed_on": D(2000, 1, 1)}, "before_last_change"),
        ([], {"to_status": "merged"}, "merged_into_required"),
        ([], {"to_status": "merged", "self_merge": True}, "merge_into_self"),
        ([], {"to_status": "ongoing", "other_merge": True}, "merged_into_not_allowed"),
        ([], {"to_status": "ongoing", "hand_to": True}, "handed_over_to_not_allowed"),
        (["ongoing", "stopped"], {"to_status": "ongoing"}, "invalid_transition"),
        (["ongoing", "completed"], {"to_status": "ongoing"}, "invalid_transition"),
    ],
)
def test_the_action_refuses_bad_changes_with_a_code(
    project_at_hub, world, agder_fk, setup, kwargs, code
):
    today = timezone.localdate()
    for status in setup:
        _change(project_at_hub, status, today)
    before = _history(project_at_hub)
    kwargs = dict(kwargs)
    args = {
        "to_status": kwargs.pop("to_status"),
        "changed_on": kwargs.pop("changed_on", today),
        "reason": kwargs.pop("reason", "Fordi."),
    }
    if kwargs.pop("future", False):
        args["changed_on"] = today + dt.timedelta(days=1)
    if kwargs.pop("self_merge", False):
        args["merged_into"] = project_at_hub
    if kwargs.pop("other_merge", False):
        args["merged_into"] = create_project(title="Annet", hub=world, actor=None)
    if kwargs.pop("hand_to", False):
        args["handed_over_to"] = agder_fk
    with pytest.raises(Invalid) as error:
        change_project_status(project_at_hub, actor=None, **args)
    assert error.value.code == code
    assert _history(project_at_hub) == before


def test_merging_into_an_ended_project_is_refused(project_at_hub, world):
    today = timezone.localdate()
    ended = create_project(title="Ferdig", hub=world, status="ongoing", actor=None)
    _change(ended, "stopped", today)
    with pytest.raises(Invalid) as error:
        _change(project_at_hub, "merged", today, merged_into=ended)
    assert error.value.code == "merge_target_ended"


def test_ended_statuses_lead_nowhere_except_completed_to_handed_over():
    assert ALLOWED_TRANSITIONS["stopped"] == set()
    assert ALLOWED_TRANSITIONS["merged"] == set()
    assert ALLOWED_TRANSITIONS["handed_over"] == set()
    assert ALLOWED_TRANSITIONS["completed"] == {"handed_over"}


def test_a_stale_instance_cannot_skip_the_current_status(project_at_hub):
    today = timezone.localdate()
    stale = Project.objects.get(pk=project_at_hub.pk)
    _change(project_at_hub, "ongoing", today)
    _change(project_at_hub, "stopped", today)
    with pytest.raises(Invalid) as error:
        _change(stale, "application", today)  # stale still says "idea"
    assert error.value.code == "invalid_transition"


def test_the_status_page_changes_status_for_the_host_only(project_at_hub, vera, kari):
    client = Client()
    client.force_login(kari)
    url = f"/prosjekter/{project_at_hub.slug}/status/"
    assert client.get(url).status_code == 404
    client.force_login(vera)
    page = client.get(url).content.decode()
    assert 'value="application"' in page and 'value="completed"' not in page
    bad = client.post(url, {"to_status": "ongoing", "changed_on": "2999-01-01", "reason": "x"})
    assert bad.status_code == 422
    assert "fram i tid" in bad.content.decode()
    good = client.post(
        url,
        {
            "to_status": "ongoing",
            "changed_on": timezone.localdate().isoformat(),
            "reason": "Start",
        },
    )
    assert good.status_code == 302
    detail = client.get(f"/prosjekter/{project_at_hub.slug}/").content.decode()
    assert "Start" in detail and "Pågår" in detail


def test_the_outcome_is_recorded_once_the_project_has_ended(project_at_hub, vera, agder_fk):
    from hubro.community.actions import record_project_outcome

    with pytest.raises(Invalid) as early:
        record_project_outcome(project_at_hub, outcome="Noe", actor=vera)
    assert early.value.code == "project_not_ended"
    today = timezone.localdate()
    _change(project_at_hub, "ongoing", today)
    _change(project_at_hub, "completed", today)
    with pytest.raises(Invalid) as empty:
        record_project_outcome(project_at_hub, outcome=" ", actor=vera)
    assert empty.value.code == "outcome_required"
    record_project_outcome(
        project_at_hub, outcome="Ble fast drift.", taken_over_by=agder_fk, actor=vera
    )
    project_at_hub.refresh_from_db()
    assert (project_at_hub.outcome, project_at_hub.taken_over_by) == ("Ble fast drift.", agder_fk)
    client = Client()
    client.force_login(vera)
    html = client.get(f"/prosjekter/{project_at_hub.slug}/").content.decode()
    assert "Ble fast drift." in html and "Tatt videre av Agder fylkeskommune" in html


def test_the_status_page_of_a_stopped_project_sends_back_to_the_project(project_at_hub, vera):
    today = timezone.localdate()
    _change(project_at_hub, "stopped", today)
    client = Client()
    client.force_login(vera)
    response = client.get(f"/prosjekter/{project_at_hub.slug}/status/")
    assert response.status_code == 302
    assert response.url == f"/prosjekter/{project_at_hub.slug}/"
