"""The host's pages: budget, agreements with documents, keys, hub overview."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hubro.finance.models import Agreement, AgreementDocument, CostLine, SharingKey

from .conftest import YEAR
from .test_validation import PDF


@pytest.mark.django_db
def test_the_host_adds_a_cost_line_and_sees_a_negative_one_refused(client, hub, vera):
    client.force_login(vera)
    url = reverse("finance:budget", args=[hub.slug, YEAR])
    data = {
        "year": YEAR,
        "category": "fit_out",
        "description": "Innredning",
        "planned": "30000",
        "actual": "",
        "spread_years": 3,
    }
    assert client.post(url, data).status_code == 302
    line = CostLine.objects.get()
    assert (line.planned, line.spread_years) == (Decimal("30000.00"), 3)
    response = client.post(url, data | {"planned": "-5"})
    assert response.status_code == 422
    assert "Beløpet kan ikke være negativt." in response.content.decode()
    next_year = client.get(reverse("finance:budget", args=[hub.slug, YEAR + 1])).content.decode()
    assert "Innredning" in next_year


@pytest.mark.django_db
def test_the_host_creates_an_agreement_and_an_overlap_shows_a_field_error(client, hub, vera, nav):
    client.force_login(vera)
    url = reverse("finance:agreement_new", args=[hub.slug])
    data = {
        "organization": nav.pk,
        "starts_on": "2025-01-01",
        "ends_on": "2025-12-31",
        "status": "signed",
        "basis": "fixed",
        "yearly_amount": "50000",
        "vat_category": "E",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    deal = Agreement.objects.get()
    assert response["Location"] == reverse("finance:agreement", args=[deal.pk])
    again = client.post(url, data | {"starts_on": "2025-06-01", "ends_on": "2026-05-31"})
    assert again.status_code == 422
    assert "Det finnes allerede en avtale" in again.content.decode()
    backwards = client.post(url, data | {"starts_on": "2027-06-01", "ends_on": "2027-05-31"})
    assert "Perioden kan ikke slutte før den begynner." in backwards.content.decode()


@pytest.mark.django_db
def test_the_host_uploads_a_pdf_and_a_non_pdf_is_refused(
    client, hub, vera, nav, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    deal = Agreement.objects.create(
        hub=hub,
        organization=nav,
        starts_on=dt.date(2025, 1, 1),
        ends_on=dt.date(2025, 12, 31),
        status="signed",
        basis="fixed",
        yearly_amount=Decimal("1"),
    )
    client.force_login(vera)
    url = reverse("finance:agreement", args=[deal.pk])
    fake = client.post(url, {"title": "x", "file": SimpleUploadedFile("x.pdf", b"MZ\x90\x00")})
    assert fake.status_code == 422
    assert "Bare PDF-filer kan lastes opp." in fake.content.decode()
    ok = client.post(url, {"title": "Signert", "file": SimpleUploadedFile("a.pdf", PDF)})
    assert ok.status_code == 302
    document = AgreementDocument.objects.get()
    assert not document.file.name.startswith("/")
    assert settings.MEDIA_URL not in client.get(url).content.decode() or settings.MEDIA_URL == "/"
    assert reverse("finance:document", args=[document.pk]) in client.get(url).content.decode()


@pytest.mark.django_db
def test_the_host_compares_keys_sets_numbers_and_picks_one(client, hub, vera, four, costs_2025):
    client.force_login(vera)
    url = reverse("finance:keys", args=[hub.slug, YEAR])
    page = client.get(url)
    assert page.status_code == 200
    assert "25\xa0000,00" in page.content.decode() or "25 000,00" in page.content.decode()
    client.post(url, {"set_up": "1", "kind": "base_usage", "base_percent": "30"})
    assert SharingKey.objects.get().base_percent == Decimal("30.00")
    numbers = {"numbers": "1"} | {f"employees_{org.pk}": 10 for org in four}
    client.post(url, numbers | {f"weight_{four[0].pk}": "50"})
    client.post(url, {"choose": "employees"})
    assert SharingKey.objects.get(is_chosen=True).kind == "employees"
    page = client.get(url).content.decode()
    assert "lagt inn" in page


@pytest.mark.django_db
def test_the_hub_overview_warns_when_next_year_is_not_covered(client, hub, vera):
    from django.utils import timezone

    next_year = timezone.localdate().year + 1
    CostLine.objects.create(hub=hub, year=next_year, category="rent", planned=Decimal("1000"))
    client.force_login(vera)
    page = client.get(reverse("finance:hub", args=[hub.slug])).content.decode()
    assert f"{next_year} er ikke dekket" in page
    index = client.get(reverse("finance:index")).content.decode()
    assert "Ikke dekket" in index


@pytest.mark.django_db
def test_a_covered_year_shows_its_zero_gap_in_the_readers_number_format(client, hub, vera):
    CostLine.objects.create(hub=hub, year=2025, category="rent", planned=Decimal("1.00"))
    vera.language = "en"
    vera.save()
    client.force_login(vera)
    html = client.get(reverse("finance:hub", args=[hub.slug])).content.decode()
    cells = [cell for cell in html.split("<td") if 'class="hubro-num"' in cell]
    assert any(">0.00<" in cell for cell in cells)
    assert not any("0,00" in cell for cell in cells)
