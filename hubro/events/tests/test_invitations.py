"""Invitation lists: by hand, whole organizations, and the leaders of the state units in
a region from the workplace register (empty until a snapshot is imported)."""

import pytest
from django.test import Client

from hubro.core.errors import Invalid
from hubro.core.models import Region
from hubro.events.actions import invite, invite_state_unit_leaders
from hubro.events.actions.invitations import parse_emails
from hubro.events.models import Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def leaders_meeting(make_event):
    return make_event(
        title="Ledermøte", kind=Event.Kind.LEADERS_MEETING, audience=Event.Audience.INVITED
    )


def test_inviting_an_organization_invites_its_people_once(leaders_meeting, vera, nav, kari, trond):
    assert invite(leaders_meeting, actor=vera, organizations=[nav]) == 2
    assert invite(leaders_meeting, actor=vera, organizations=[nav], emails=["kari@nav.test"]) == 0
    assert set(leaders_meeting.invitations.values_list("person__email", flat=True)) == {
        "kari@nav.test",
        "trond@nav.test",
    }


def test_an_unknown_address_is_invited_by_email(leaders_meeting, vera):
    invite(leaders_meeting, actor=vera, emails=["leder@statsforvalteren.test"])
    (invitation,) = leaders_meeting.invitations.all()
    assert invitation.person is None and invitation.email == "leder@statsforvalteren.test"


def test_bad_addresses_are_named():
    with pytest.raises(Invalid) as bad:
        parse_emails("ok@example.org, ikke-en-adresse")
    assert "ikke-en-adresse" in str(bad.value.detail)
    assert parse_emails("a@example.org;\nA@example.org b@example.org") == [
        "a@example.org",
        "b@example.org",
    ]


def test_state_unit_leaders_come_from_the_register(
    leaders_meeting, vera, kari, monkeypatch, places
):
    units = [
        {
            "orgnr": "889640782",
            "name": "NAV Narvik",
            "agency": "Nav",
            "municipality": "Narvik",
            "email": "kari@nav.test",
            "phone": "",
        },
        {
            "orgnr": "",
            "name": "Skatteetaten Narvik",
            "agency": "Skatteetaten",
            "municipality": "Narvik",
            "email": "narvik@skatt.test",
            "phone": "",
        },
        {
            "orgnr": "",
            "name": "Uten adresse",
            "agency": "X",
            "municipality": "Narvik",
            "email": "",
            "phone": "",
        },
    ]
    monkeypatch.setattr(
        "hubro.events.actions.invitations.state_units_in_region", lambda region: units
    )
    ofoten = Region.objects.get(slug="ofoten")
    assert invite_state_unit_leaders(leaders_meeting, ofoten, actor=vera) == (3, 2)
    emails = {i.person.email if i.person else i.email for i in leaders_meeting.invitations.all()}
    assert emails == {"kari@nav.test", "narvik@skatt.test"}


def test_an_empty_register_invites_nobody_and_says_so(leaders_meeting, vera, places):
    ofoten = Region.objects.get(slug="ofoten")
    assert invite_state_unit_leaders(leaders_meeting, ofoten, actor=vera) == (0, 0)
    client = Client()
    client.force_login(vera)
    response = client.post(
        f"/arrangementer/{leaders_meeting.pk}/inviter-statlige/",
        {"region": ofoten.pk},
        follow=True,
    )
    assert response.status_code == 200
    assert "ingen statlige enheter" in response.content.decode()


def test_only_those_who_run_the_event_may_invite(leaders_meeting, kari):
    with pytest.raises(Invalid) as refused:
        invite(leaders_meeting, actor=kari, emails=["x@example.org"])
    assert refused.value.code == "not_allowed"
