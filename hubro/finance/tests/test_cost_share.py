"""A cost share a coordinator can check: the statement and the agreement show the key,
the organization's basis and the total basis, the percentage and the amount; the
figures match a hand computation. The key page is open to the coordinators who pay
under the key; VAT categories read as words."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from conftest import ApiClient
from hubro.finance import actions
from hubro.finance.models import EmployeeCount
from hubro.finance.statements import build_statement

from .conftest import YEAR

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture
def usage_key(hub, vera, four, costs_2025, usage_2025):
    """The usage key: 100 000 kr shared by person-days, Nav 1, Farsund 2, Kvinesdal 4,
    Lyngdal 0 (7 in all). Farsund has a signed share agreement for half the year."""
    actions.choose_key(hub, YEAR, "usage", actor=vera)
    return actions.save_agreement(
        hub,
        actor=vera,
        organization=four[1],
        starts_on=dt.date(YEAR, 1, 1),
        ends_on=dt.date(YEAR, 6, 30),
        status="signed",
        basis="share",
    )


def test_the_statement_explains_the_share_and_matches_a_hand_computation(hub, farsund, usage_key):
    statement = build_statement(hub, farsund, YEAR)
    share = statement.key_share
    # By hand: 2 of 7 person-days = 28.571428…% of 100 000,00 = 28 571,43 kr (to the øre).
    assert (share.kind, share.own_basis, share.total_basis) == ("usage", D(2), D(7))
    assert share.to_share == D("100000.00")
    assert share.basis_percent == D("28.57")
    assert share.amount == D("28571.43")
    assert share.percent == D("28.57")
    # The agreement covers 1 January–30 June: 181 of 365 days.
    # By hand: 28 571,43 × 181 / 365 = 14 168,298… → 14 168,30 kr.
    (line,) = statement.lines
    assert (line.explanation.days, line.explanation.days_in_year) == (181, 365)
    assert line.explanation.full_year == D("28571.43")
    assert line.amount == D("14168.30")
    assert line.vat_label == "Unntatt merverdiavgift"


def test_the_employee_key_with_base_figures_by_hand(hub, vera, four, costs_2025):
    """Employees in the region, entered by the host: Nav 30, Farsund 10, Kvinesdal 0,
    Lyngdal 60 (100 in all). Lyngdal pays 60 % of 100 000 = 60 000,00 kr."""
    numbers = dict(zip(four, (30, 10, 0, 60), strict=True))
    for organization, employees in numbers.items():
        EmployeeCount.objects.create(
            hub=hub, year=YEAR, organization=organization, employees=employees
        )
    actions.choose_key(hub, YEAR, "employees", actor=vera)
    share = build_statement(hub, four[3], YEAR).key_share
    assert (share.own_basis, share.total_basis, share.participants) == (D(60), D(100), 4)
    assert (share.basis_percent, share.percent, share.amount) == (
        D("60.00"),
        D("60.00"),
        D("60000.00"),
    )
    assert share.employees_source == "manual"


def test_base_plus_usage_by_hand(hub, vera, four, costs_2025, usage_2025):
    """50 % base: 50 000 split by four = 12 500,00 each; the other 50 000 by person-days:
    Kvinesdal 4 of 7 = 28 571,428… → 28 571,43. Kvinesdal: 41 071,43 kr."""
    actions.set_up_key(hub, YEAR, "base_usage", actor=vera, base_percent=D(50))
    actions.choose_key(hub, YEAR, "base_usage", actor=vera)
    share = build_statement(hub, four[2], YEAR).key_share
    assert (share.base_part, share.usage_part, share.amount) == (
        D("12500.00"),
        D("28571.43"),
        D("41071.43"),
    )


def test_the_coordinators_statement_page_shows_key_basis_percentage_and_words(
    client, hub, farsund, usage_key, coordinator_farsund
):
    client.force_login(coordinator_farsund)
    page = client.get(
        reverse("finance:statement", args=[hub.slug, YEAR, farsund.orgnr])
    ).content.decode()
    for text in (
        "Slik er beløpet regnet ut",
        "Etter bruk (persondager)",
        "Persondager i huben",
        "Deres grunnlag</dt><dd>2",
        "7 for 4 organisasjoner",
        "28,57 %",
        "28\xa0571,43 kr",
        "Avtalen gjelder 181 av årets 365 dager",
        "14\xa0168,30",
        "Unntatt merverdiavgift",
    ):
        assert text in page, text
    assert "<td>E</td>" not in page


def test_the_agreement_page_explains_each_year(client, hub, usage_key, coordinator_farsund):
    client.force_login(coordinator_farsund)
    page = client.get(reverse("finance:agreement", args=[usage_key.pk])).content.decode()
    assert "Slik er beløpet regnet ut" in page and "28,57 %" in page
    assert "Unntatt merverdiavgift" in page


def test_the_key_page_is_open_to_coordinators_who_pay_under_it(
    client, hub, usage_key, coordinator_farsund, coordinator_nav, four
):
    url = reverse("finance:keys", args=[hub.slug, YEAR])
    client.force_login(coordinator_farsund)
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Farsund kommune" in page
    assert "28\xa0571,43" in page and "Sett opp nøkkel" not in page  # read only
    # By use, the others' person-days and amounts are statistics about their people:
    # only together (5 person-days, 71 428,57 kr), never one by one.
    assert "Kvinesdal kommune" not in page and "57\xa0142,86" not in page
    assert "14\xa0285,71" not in page
    assert "3 andre organisasjoner til sammen" in page and "71\xa0428,57" in page
    assert client.post(url, {"choose": "equal"}).status_code == 404
    # A coordinator of an organization that shares nothing here: not found.
    from conftest import make_person
    from hubro.core.models import Membership, Organization

    other = Organization.objects.create(
        orgnr="974760673",
        name="Brønnøysundregistrene",
        sector="state",
        municipality=hub.municipality,
    )
    outsider = make_person("k@brreg.test", other, role=Membership.Role.COORDINATOR)
    client.force_login(outsider)
    assert client.get(url).status_code == 404


def test_the_api_statement_carries_the_explanation(hub, farsund, usage_key, coordinator_farsund):
    response = ApiClient(coordinator_farsund).get(
        f"/api/v1/hubs/{hub.slug}/finance/{YEAR}/statements/{farsund.orgnr}"
    )
    body = response.json()
    assert body["key_share"]["own_basis"] == "2" and body["key_share"]["total_basis"] == "7"
    assert body["key_share"]["percent"] == "28.57" and body["key_share"]["amount"] == "28571.43"
    assert body["lines"][0]["vat_label"] == "Unntatt merverdiavgift"


def test_under_a_key_that_is_not_by_use_every_payer_is_shown(
    client, hub, vera, four, costs_2025, coordinator_farsund
):
    actions.choose_key(hub, YEAR, "equal", actor=vera)
    actions.save_agreement(
        hub,
        actor=vera,
        organization=four[1],
        starts_on=dt.date(YEAR, 1, 1),
        ends_on=dt.date(YEAR, 12, 31),
        status="signed",
        basis="share",
    )
    client.force_login(coordinator_farsund)
    page = client.get(reverse("finance:keys", args=[hub.slug, YEAR])).content.decode()
    for organization in four:
        assert organization.name in page
    assert "25\xa0000,00" in page and "andre organisasjoner til sammen" not in page
