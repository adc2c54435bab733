"""The event pages: list and filters, the host's form, participants with attendance,
my registrations, the coordinator's overview and the menu entry."""

import datetime as dt

import pytest
from django.template import RequestContext, Template
from django.test import Client, RequestFactory

from conftest import at, make_person
from hubro.core.models import Membership
from hubro.events.actions import register
from hubro.events.models import Event, Registration

pytestmark = pytest.mark.django_db


def signed_in(person):
    client = Client()
    client.force_login(person)
    return client


def form_data(space, tomorrow, **extra):
    return {
        "kind": "lunch_talk",
        "title": "Faglunsj om ROS-analyse",
        "description": "Hvordan gjør vi en god risiko- og sårbarhetsanalyse?",
        "date": tomorrow.isoformat(),
        "start": "11:00",
        "end": "12:00",
        "place": "hub",
        "space": space.pk,
        "capacity": "20",
        "audience": "open",
        **extra,
    }


def test_the_host_creates_an_event_in_the_form(vera, meeting_room, tomorrow, lyngdal_kommune):
    client = signed_in(vera)
    assert client.get("/arrangementer/nytt/").status_code == 200
    response = client.post(
        "/arrangementer/nytt/", form_data(meeting_room, tomorrow, organizers=[lyngdal_kommune.pk])
    )
    event = Event.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/arrangementer/{event.pk}/"
    assert event.booking.space == meeting_room
    assert list(event.organizers.all()) == [lyngdal_kommune]


def test_the_form_shows_field_errors_and_a_taken_room(vera, kari, meeting_room, tomorrow):
    from hubro.bookings.actions import create_booking

    client = signed_in(vera)
    bad = client.post(
        "/arrangementer/nytt/", form_data(meeting_room, tomorrow, end="10:00", title="")
    )
    assert bad.status_code == 422
    assert 'id="id_title-error"' in bad.content.decode()
    assert 'id="id_end-error"' in bad.content.decode()
    create_booking(
        space=meeting_room, person=kari, start=at(tomorrow, 11), end=at(tomorrow, 12), actor=kari
    )
    taken = client.post("/arrangementer/nytt/", form_data(meeting_room, tomorrow))
    assert taken.status_code == 422
    assert "allerede booket" in taken.content.decode()
    assert not Event.objects.exists()


def test_a_monthly_series_from_the_form(vera, hub, tomorrow):
    client = signed_in(vera)
    response = client.post(
        "/arrangementer/nytt/",
        {
            **form_data(hub, tomorrow),
            "place": "online",
            "space": "",
            "hub": hub.pk,
            "freq": "monthly",
            "count": "3",
        },
    )
    assert response.status_code == 302
    assert Event.objects.count() == 3


def test_members_cannot_open_the_form(kari):
    assert signed_in(kari).get("/arrangementer/nytt/").status_code == 404


def test_the_list_filters_by_hub_and_kind_and_shows_past(make_event, kari, tomorrow):
    make_event(title="Kurs i forvaltningsloven", kind=Event.Kind.COURSE)
    client = signed_in(kari)
    assert "forvaltningsloven" in client.get("/arrangementer/?type=course").content.decode()
    assert "forvaltningsloven" not in client.get("/arrangementer/?type=social").content.decode()
    assert "forvaltningsloven" not in client.get("/arrangementer/?hub=annen").content.decode()
    assert "forvaltningsloven" not in client.get("/arrangementer/?vis=tidligere").content.decode()


def test_the_detail_page_signs_up_and_shows_the_waiting_list_position(lunch, kari, ola, trond):
    for person in (kari, ola):
        register(lunch, person, actor=person)
    client = signed_in(trond)
    page = client.get(f"/arrangementer/{lunch.pk}/").content.decode()
    assert "Sett meg på venteliste" in page
    client.post(f"/arrangementer/{lunch.pk}/meld-pa/")
    page = client.get(f"/arrangementer/{lunch.pk}/").content.decode()
    assert "venteliste, som nummer 1" in page
    client.post(f"/arrangementer/{lunch.pk}/meld-av/")
    assert not Registration.objects.filter(person=trond).exclude(status="cancelled").exists()


def test_the_host_marks_attendance_on_the_participants_page(make_event, vera, kari, ola, tomorrow):
    event = make_event()
    came = register(event, kari, actor=kari)
    absent = register(event, ola, actor=ola)
    # The event is under way: attendance can be marked.
    Event.objects.filter(pk=event.pk).update(start=at(tomorrow, 0) - dt.timedelta(days=2))
    client = signed_in(vera)
    page = client.get(f"/arrangementer/{event.pk}/deltakere/").content.decode()
    assert "Lagre oppmøte" in page
    client.post(
        f"/arrangementer/{event.pk}/deltakere/",
        {"shown": [came.pk, absent.pk], "attended": [came.pk]},
    )
    came.refresh_from_db()
    absent.refresh_from_db()
    assert (came.attended, absent.attended) == (True, False)


def test_coordinators_see_their_peoples_registrations(make_event, nav, kari, ola):
    secret = make_event(title="Ledermøte", audience=Event.Audience.INVITED)
    from hubro.events.actions import invite

    invite(secret, actor=secret.created_by, people=[kari, ola])
    register(secret, kari, actor=kari)
    register(secret, ola, actor=ola)
    boss = make_person("leder@nav.test", nav, role=Membership.Role.COORDINATOR)
    page = signed_in(boss).get("/arrangementer/organisasjon/").content.decode()
    assert "Kari Nordmann" in page
    assert "Ola Nordmann" not in page
    assert signed_in(kari).get("/arrangementer/organisasjon/").status_code == 404


def test_my_registrations_page(lunch, kari):
    register(lunch, kari, actor=kari)
    assert lunch.title in signed_in(kari).get("/arrangementer/mine/").content.decode()


def test_the_menu_has_arrangementer(kari):
    page = signed_in(kari).get("/arrangementer/").content.decode()
    assert 'href="/arrangementer/" aria-current="page">Arrangementer<' in page


def test_the_hub_events_include_shows_upcoming_events(lunch, hub, kari):
    request = RequestFactory().get("/")
    request.user = kari
    html = Template("{% load events_tags %}{% hub_events hub %}").render(
        RequestContext(request, {"hub": hub})
    )
    assert lunch.title in html
    assert "/huber/testlab/arrangementer.ics" in html


def test_a_coordinator_runs_an_online_event_of_their_organization(nav, tomorrow):
    coordinator = make_person(
        "koord@nav.test", nav, name="Kari Koordinator", role=Membership.Role.COORDINATOR
    )
    client = signed_in(coordinator)
    response = client.post(
        "/arrangementer/nytt/",
        {
            "kind": "network_meeting",
            "title": "Nettverksmøte for veiledere",
            "date": tomorrow.isoformat(),
            "start": "13:00",
            "end": "14:00",
            "place": "online",
            "online_url": "https://video.example.test/veiledere",
            "audience": "members",
            "organizers": [nav.pk],
        },
    )
    event = Event.objects.get()
    assert response.status_code == 302
    edit = client.post(
        f"/arrangementer/{event.pk}/endre/",
        {
            **initial_post(event),
            "title": "Nettverksmøte for veiledere (flyttet)",
            "start": "14:00",
            "end": "15:00",
        },
    )
    assert edit.status_code == 302
    event.refresh_from_db()
    assert event.title.endswith("(flyttet)")


def test_a_coordinator_of_another_organization_may_not_edit(make_event, nav):
    event = make_event()
    other = make_person("koord@nav.test", nav, role=Membership.Role.COORDINATOR)
    assert signed_in(other).get(f"/arrangementer/{event.pk}/endre/").status_code == 404


def initial_post(event):
    from hubro.events.forms import initial_for

    data = {k: v for k, v in initial_for(event).items() if v is not None}
    data["date"] = data["date"].isoformat()
    data["start"] = data["start"].strftime("%H:%M")
    data["end"] = data["end"].strftime("%H:%M")
    return data
