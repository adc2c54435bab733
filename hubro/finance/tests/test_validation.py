"""Clear errors for negative amounts, backwards periods and overlapping agreements;
only PDFs are stored, and only the hub's hosts may write."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from hubro.core.errors import Conflict, Invalid, NotFound
from hubro.finance import actions
from hubro.finance.models import Agreement, AgreementDocument, CostLine

D = Decimal
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def agreement(hub, actor, org, starts, ends, **extra):
    fields = {"status": "signed", "basis": "fixed", "yearly_amount": D("1000")} | extra
    return actions.save_agreement(
        hub, actor=actor, organization=org, starts_on=starts, ends_on=ends, **fields
    )


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["planned", "actual"])
def test_a_negative_cost_is_refused_with_its_field(hub, vera, field):
    values = {"planned": D("10"), "actual": None} | {field: D("-1")}
    with pytest.raises(Invalid) as caught:
        actions.save_cost_line(hub, actor=vera, year=2025, category="rent", **values)
    assert (caught.value.code, caught.value.field) == ("negative_amount", field)
    assert not CostLine.objects.exists()


@pytest.mark.django_db
def test_more_than_two_decimals_is_refused(hub, vera):
    with pytest.raises(Invalid) as caught:
        actions.save_cost_line(hub, actor=vera, year=2025, category="rent", planned=D("1.005"))
    assert caught.value.code == "too_many_decimals"


@pytest.mark.django_db
def test_only_a_fit_out_may_be_spread(hub, vera):
    with pytest.raises(Invalid) as caught:
        actions.save_cost_line(
            hub, actor=vera, year=2025, category="rent", planned=D("1"), spread_years=3
        )
    assert caught.value.code == "spread_only_fit_out"


@pytest.mark.django_db
def test_a_negative_yearly_amount_is_refused(hub, vera, nav):
    with pytest.raises(Invalid) as caught:
        agreement(
            hub, vera, nav, dt.date(2025, 1, 1), dt.date(2025, 12, 31), yearly_amount=D("-5")
        )
    assert caught.value.code == "negative_amount"


@pytest.mark.django_db
def test_a_period_that_ends_before_it_starts_is_refused(hub, vera, nav):
    with pytest.raises(Invalid) as caught:
        agreement(hub, vera, nav, dt.date(2025, 6, 1), dt.date(2025, 5, 31))
    assert (caught.value.code, caught.value.field) == ("ends_before_start", "ends_on")


@pytest.mark.django_db
def test_overlapping_agreements_for_the_same_organization_are_refused(
    hub, vera, nav, lyngdal_kommune
):
    first = agreement(hub, vera, nav, dt.date(2024, 1, 1), dt.date(2025, 3, 31))
    with pytest.raises(Conflict) as caught:
        agreement(hub, vera, nav, dt.date(2025, 3, 1), dt.date(2026, 12, 31))
    assert caught.value.code == "overlapping_agreement"
    assert caught.value.status == 409
    # Back to back is fine, so is another organization, so is changing the agreement itself.
    agreement(hub, vera, nav, dt.date(2025, 4, 1), dt.date(2026, 12, 31))
    agreement(hub, vera, lyngdal_kommune, dt.date(2024, 1, 1), dt.date(2026, 12, 31))
    actions.save_agreement(hub, actor=vera, agreement=first, status="ended")
    assert Agreement.objects.count() == 3


@pytest.mark.django_db
def test_an_agreement_needs_exactly_one_party(hub, vera):
    with pytest.raises(Invalid) as caught:
        actions.save_agreement(
            hub,
            actor=vera,
            starts_on=dt.date(2025, 1, 1),
            ends_on=dt.date(2025, 12, 31),
            status="signed",
            basis="fixed",
            yearly_amount=D("1"),
        )
    assert caught.value.code == "one_party"


@pytest.mark.django_db
def test_the_database_refuses_what_the_actions_refuse(hub, nav):
    with pytest.raises(IntegrityError), transaction.atomic():
        Agreement.objects.create(
            hub=hub,
            organization=nav,
            starts_on=dt.date(2025, 2, 1),
            ends_on=dt.date(2025, 1, 1),
            basis="fixed",
            yearly_amount=D("1"),
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        CostLine.objects.create(hub=hub, year=2025, category="rent", planned=D("-1"))


@pytest.mark.django_db
def test_someone_who_is_not_host_cannot_write(hub, kari, nav):
    with pytest.raises(NotFound):
        actions.save_cost_line(hub, actor=kari, year=2025, category="rent", planned=D("1"))
    with pytest.raises(NotFound):
        actions.set_up_key(hub, 2025, "equal", actor=kari)


@pytest.mark.django_db
def test_a_pdf_is_stored_and_anything_else_refused(hub, vera, nav, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    deal = agreement(hub, vera, nav, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    document = actions.attach_document(
        deal, actor=vera, title="Signert avtale", upload=SimpleUploadedFile("a.pdf", PDF)
    )
    assert document.file.read() == PDF
    assert document.size == len(PDF)
    with pytest.raises(Invalid) as caught:
        actions.attach_document(
            deal, actor=vera, title="x", upload=SimpleUploadedFile("evil.pdf", b"<html>")
        )
    assert caught.value.code == "not_pdf"
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * actions.MAX_DOCUMENT_BYTES)
    with pytest.raises(Invalid) as caught:
        actions.attach_document(deal, actor=vera, title="x", upload=big)
    assert caught.value.code == "file_too_large"
    assert AgreementDocument.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("year", "spread", "field"),
    [(0, 1, "year"), (1999, 1, "year"), (2101, 1, "year"), (2025, 31, "spread_years")],
)
def test_a_cost_line_outside_the_budget_years_is_refused(hub, vera, year, spread, field):
    with pytest.raises(Invalid) as caught:
        actions.save_cost_line(
            hub, actor=vera, year=year, category="fit_out", planned=D("1"), spread_years=spread
        )
    assert caught.value.field == field
    assert not CostLine.objects.exists()


@pytest.mark.django_db
def test_a_fit_out_cannot_be_spread_past_the_last_budget_year(hub, vera):
    with pytest.raises(Invalid) as caught:
        actions.save_cost_line(
            hub, actor=vera, year=2099, category="fit_out", planned=D("1"), spread_years=3
        )
    assert (caught.value.code, caught.value.field) == ("year_out_of_range", "spread_years")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("starts", "ends", "field"),
    [
        (dt.date(1, 1, 1), dt.date(2025, 12, 31), "starts_on"),
        (dt.date(2025, 1, 1), dt.date(9999, 12, 31), "ends_on"),
    ],
)
def test_an_agreement_outside_the_budget_years_is_refused(hub, vera, nav, starts, ends, field):
    with pytest.raises(Invalid) as caught:
        agreement(hub, vera, nav, starts, ends)
    assert (caught.value.code, caught.value.field) == ("year_out_of_range", field)
    assert not Agreement.objects.exists()


@pytest.mark.django_db
def test_the_budget_form_refuses_year_zero_and_the_overview_still_opens(client, hub, vera):
    from django.urls import reverse

    client.force_login(vera)
    response = client.post(
        reverse("finance:budget", args=[hub.slug, 2025]),
        {"year": "0", "category": "rent", "planned": "10", "spread_years": "1"},
    )
    assert response.status_code == 422
    assert "Året må være mellom 2000 og 2100." in response.content.decode()
    assert not CostLine.objects.exists()
    # A row from before the rule (written past the action) must not break the overview.
    CostLine.objects.create(hub=hub, year=1, category="rent", planned=D("1"))
    CostLine.objects.create(
        hub=hub, year=2025, category="fit_out", planned=D("1"), spread_years=30000
    )
    assert client.get(reverse("finance:hub", args=[hub.slug])).status_code == 200
