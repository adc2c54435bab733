"""Yearly statements: share, use and cost per person-day, as a page and as XLSX, in
the organization's language, structured for a later EHF invoice."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from hubro.finance import actions
from hubro.finance.statements import build_statement, statement_language

from .conftest import YEAR

D = Decimal


@pytest.fixture
def farsund_deal(hub, vera, four, costs_2025, usage_2025):
    farsund = four[1]
    actions.choose_key(hub, YEAR, "usage", actor=vera)
    return actions.save_agreement(
        hub,
        actor=vera,
        organization=farsund,
        starts_on=dt.date(YEAR, 1, 1),
        ends_on=dt.date(YEAR, 12, 31),
        status="signed",
        basis="share",
        reference="PO-4711",
    )


@pytest.mark.django_db
def test_the_statement_has_share_use_and_cost_per_person_day(hub, farsund, farsund_deal):
    statement = build_statement(hub, farsund, YEAR)
    assert statement.total == D("28571.43")
    assert statement.person_days == 2
    assert statement.cost_per_person_day == D("14285.72")
    assert statement.buyer.orgnr == farsund.orgnr
    assert statement.seller.orgnr == hub.host_organization.orgnr
    assert statement.reference == "PO-4711"
    (line,) = statement.lines
    assert (line.vat_category, line.vat_rate, line.agreement_id) == ("E", 0, farsund_deal.pk)


@pytest.mark.django_db
def test_without_agreement_the_statement_shows_the_computed_share(
    hub, vera, four, costs_2025, usage_2025
):
    actions.choose_key(hub, YEAR, "equal", actor=vera)
    statement = build_statement(hub, four[2], YEAR)
    assert [(line.status, line.amount) for line in statement.lines] == [
        ("computed", D("25000.00"))
    ]
    assert statement.reference == f"HUBRO-{hub.slug}-{YEAR}-{four[2].orgnr}"


@pytest.mark.django_db
def test_the_language_is_the_coordinators(farsund, coordinator_farsund):
    assert statement_language(farsund) == "nb"
    coordinator_farsund.language = "en"
    coordinator_farsund.save()
    assert statement_language(farsund) == "en"


@pytest.mark.django_db
def test_the_xlsx_reads_back_with_the_same_figures(
    client, hub, farsund, farsund_deal, coordinator_farsund
):
    client.force_login(coordinator_farsund)
    response = client.get(reverse("finance:statement_xlsx", args=[hub.slug, YEAR, farsund.orgnr]))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = {row[0]: row[1:] for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert rows["Organisasjonsnummer"][0] == farsund.orgnr
    assert rows["Referanse"][0] == "PO-4711"
    assert D(str(rows["Sum"][2])) == D("28571.43")
    assert rows["Persondager i huben"][0] == 2
    assert D(str(rows["Kostnad per persondag (kr)"][0])) == D("14285.72")


@pytest.mark.django_db
def test_the_page_is_in_the_organizations_language_and_has_a_print_stylesheet(
    client, hub, farsund, farsund_deal, coordinator_farsund, vera
):
    url = reverse("finance:statement", args=[hub.slug, YEAR, farsund.orgnr])
    client.force_login(vera)
    page = client.get(url).content.decode()
    assert "Oppgjør 2025" in page
    assert 'media="print"' in page
    assert "28\xa0571,43" in page or "28 571,43" in page
    assert 'lang="nb"' in page


@pytest.mark.django_db
def test_an_english_speaking_organization_gets_its_statement_and_xlsx_link_in_english(
    client, hub, farsund, farsund_deal, coordinator_farsund, vera
):
    coordinator_farsund.language = "en"
    coordinator_farsund.save()
    client.force_login(vera)  # the host reads bokmål, the statement stays English
    url = reverse("finance:statement", args=[hub.slug, YEAR, farsund.orgnr])
    page = client.get(url).content.decode()
    assert '<article class="hubro-statement" lang="en">' in page
    xlsx = reverse("finance:statement_xlsx", args=[hub.slug, YEAR, farsund.orgnr])
    assert f"{xlsx}?lang=en" in page
    # ?lang= overrides the organization's language, and the XLSX link follows it.
    page = client.get(url, {"lang": "nn"}).content.decode()
    assert 'lang="nn"' in page
    assert f"{xlsx}?lang=nn" in page
