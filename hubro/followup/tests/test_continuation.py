"""The ministry sees continuation: the programme owner's and the evaluators' summary of
each pilot's hub matches the hub's own finance page, shows totals only, and is closed to
everyone else."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from hubro.core.demo import ADMIN_EMAIL, VERT_EMAIL, build_demo
from hubro.core.models import Person
from hubro.finance.models import Agreement
from hubro.programme.demo import EVALUATOR_EMAIL, OWNER_EMAIL
from hubro.programme.models import Pilot

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(places, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return build_demo()


def _client(email):
    client = Client()
    client.force_login(Person.objects.get(email=email))
    return client


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _rows(html: str) -> list[list[str]]:
    """The body rows of the first table in ``html``: year, costs, signed, intent,
    coverage, gap (link cells left out)."""
    body = re.search(r"<tbody>(.*?)</tbody>", html, re.S).group(1)
    return [
        [_text(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)][:6]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


def _fact(html: str, term: str) -> str:
    return _text(re.search(rf"<dt>{term}</dt>\s*<dd[^>]*>(.*?)</dd>", html, re.S).group(1))


def _section(html: str, pilot) -> str:
    start = html.index(f'id="pilot-{pilot.pk}"')
    end = html.find("</section>", start)
    return html[start:end]


def test_the_summary_matches_the_hub_finance_page_for_every_pilot_hub(demo):
    owner, admin = _client(OWNER_EMAIL), _client(ADMIN_EMAIL)
    response = owner.get(reverse("followup:continuation", args=["statens-hus"]))
    assert response.status_code == 200
    page = response.content.decode()
    pilots = list(Pilot.objects.filter(hub__isnull=False).select_related("hub"))
    assert len(pilots) >= 3
    compared_money = 0
    for pilot in pilots:
        finance = admin.get(reverse("finance:hub", args=[pilot.hub.slug])).content.decode()
        section = _section(page, pilot)
        for term in ("Dekningsgrad i år", "Midlene tar slutt"):
            assert _fact(section, term) == _fact(finance, term), (pilot, term)
        assert _rows(section) == _rows(finance), pilot
        compared_money += any(row[2] not in ("0,00", "0.00") for row in _rows(section))
    # The demo gives Lister and Narvik agreements: real amounts were compared.
    assert compared_money >= 2
    # Totals only: no organization, agreement or link to an agreement.
    lister_agreements = Agreement.objects.filter(hub__slug="regionlab-lister").select_related(
        "organization"
    )
    assert lister_agreements.exists()
    for agreement in lister_agreements:
        assert reverse("finance:agreement", args=[agreement.pk]) not in page
        if agreement.organization and agreement.organization.name not in (
            pilot.hub.name for pilot in pilots
        ):
            assert agreement.organization.name not in page
    assert "/okonomi/" not in page


def test_signed_and_intended_agreements_are_counted(demo):
    lister = Pilot.objects.get(hub__slug="regionlab-lister")
    page = (
        _client(EVALUATOR_EMAIL)
        .get(reverse("followup:continuation", args=["statens-hus"]))
        .content.decode()
    )
    running = Agreement.objects.filter(hub=lister.hub, ends_on__gte=timezone.localdate())
    signed = running.filter(status__in=["signed", "ended"]).count()
    intended = running.filter(status="intent").count()
    assert signed + intended > 0
    assert (
        _fact(_section(page, lister), "Løpende avtaler")
        == f"{signed} signert, {intended} intensjon"
    )


def test_only_the_owner_and_evaluators_see_it(demo, api_as):
    url = reverse("followup:continuation", args=["statens-hus"])
    # The host of RegionLab Lister sits in Lister's steering group: sees the programme,
    # but not the other hubs' money.
    assert _client(VERT_EMAIL).get(url).status_code == 404
    assert _client(EVALUATOR_EMAIL).get(url).status_code == 200
    anonymous = Client().get(url)
    assert anonymous.status_code == 302
    owner = Person.objects.get(email=OWNER_EMAIL)
    body = api_as(owner).get("/api/v1/programmes/statens-hus/continuation").json()
    lister = next(row for row in body if row["hub"] and row["hub"]["slug"] == "regionlab-lister")
    assert set(lister["hub"]) == {
        "slug",
        "name",
        "coverage_percent",
        "runs_out_in",
        "next_year_uncovered",
        "signed_agreements",
        "intended_agreements",
        "years",
    }
    host = Person.objects.get(email=VERT_EMAIL)
    refused = api_as(host).get("/api/v1/programmes/statens-hus/continuation")
    assert refused.status_code == 404


def test_the_demo_owner_sees_the_pilots_open_requests_oldest_first(demo):
    from hubro.followup.models import ProgrammeRequest

    page = _client(OWNER_EMAIL).get(reverse("followup:requests")).content.decode()
    ages = [int(age) for age in re.findall(r'data-age="(\d+)"', page)]
    assert ages == [60, 45, 12]
    assert "Deling av erfaringer nasjonalt" not in page  # answered
    answered = ProgrammeRequest.objects.get(subject="Deling av erfaringer nasjonalt")
    assert answered.created_by is not None and answered.status == "answered"
    build_demo()  # a second run adds nothing
    assert ProgrammeRequest.objects.count() == 4
