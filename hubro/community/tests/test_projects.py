"""Creating projects, partners and funding lines; funding totals."""

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client

from hubro.community.actions import add_funding_line, add_project_partner, create_project
from hubro.community.queries import funding_totals
from hubro.core.errors import Conflict, Invalid

pytestmark = pytest.mark.django_db


def test_a_project_belongs_to_a_hub_or_a_cluster(world):
    with pytest.raises(Invalid) as error:
        create_project(title="Løst", actor=None)
    assert error.value.code == "hub_or_cluster_required"


def test_a_project_cannot_end_before_it_starts(world):
    with pytest.raises(Invalid) as error:
        create_project(
            title="Baklengs",
            hub=world,
            starts_on=dt.date(2025, 2, 1),
            ends_on=dt.date(2025, 1, 1),
            actor=None,
        )
    assert error.value.code == "ends_before_start"


def test_a_new_project_cannot_start_as_ended(world):
    with pytest.raises(Invalid) as error:
        create_project(title="Ferdig", hub=world, status="completed", actor=None)
    assert error.value.code == "invalid_initial_status"


def test_a_partner_has_one_row_per_role(project_at_hub, nav):
    add_project_partner(project_at_hub, organization=nav, role="owner", actor=None)
    add_project_partner(project_at_hub, organization=nav, role="funder", actor=None)
    with pytest.raises(Conflict) as twice:
        add_project_partner(project_at_hub, organization=nav, role="owner", actor=None)
    assert twice.value.code == "already_partner"
    with pytest.raises(Invalid) as bad_role:
        add_project_partner(project_at_hub, organization=nav, role="boss", actor=None)
    assert bad_role.value.code == "invalid_role"


def _line(project, amount, status="granted", year=2025):
    return add_funding_line(
        project, source="Kilde", amount=amount, year=year, status=status, actor=None
    )


def test_funding_totals_are_decimals_per_status(project_at_hub):
    _line(project_at_hub, Decimal("100000.10"))
    _line(project_at_hub, "250 000,45")
    _line(project_at_hub, 0.2, status="applied")
    _line(project_at_hub, Decimal("5"), status="rejected")
    totals = funding_totals(project_at_hub)
    assert totals.granted == Decimal("350000.55")
    assert isinstance(totals.granted, Decimal)
    assert totals.applied == Decimal("0.20")
    assert totals.rejected == Decimal("5.00")
    assert totals.total == Decimal("350005.75")


def test_a_project_without_funding_totals_zero(project_at_hub):
    totals = funding_totals(project_at_hub)
    assert (totals.granted, totals.applied, totals.rejected) == (Decimal("0.00"),) * 3


@pytest.mark.parametrize(
    ("amount", "year", "code"),
    [
        ("-1", 2025, "negative_amount"),
        (Decimal("-0.01"), 2025, "negative_amount"),
        ("mange penger", 2025, "invalid_amount"),
        ("NaN", 2025, "invalid_amount"),
        ("1.001", 2025, "invalid_amount"),
        ("1000000000000", 2025, "amount_too_large"),
        ("100", 1800, "invalid_year"),
        ("100", "2025", "invalid_year"),
    ],
)
def test_bad_funding_lines_are_refused_with_a_code(project_at_hub, amount, year, code):
    with pytest.raises(Invalid) as error:
        _line(project_at_hub, amount, year=year)
    assert error.value.code == code
    assert not project_at_hub.funding_lines.exists()


def test_the_funding_form_shows_a_negative_amount_as_a_field_error(project_at_hub, vera):
    client = Client()
    client.force_login(vera)
    response = client.post(
        f"/prosjekter/{project_at_hub.slug}/finansiering/",
        {"source": "Fylket", "amount": "-5", "year": "2025", "status": "applied"},
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "Beløpet kan ikke være negativt." in html
    assert 'aria-invalid="true"' in html


def test_the_project_page_shows_partners_with_sector_and_level_and_totals(
    project_at_hub, vera, nav
):
    add_project_partner(project_at_hub, organization=nav, role="owner", actor=None)
    _line(project_at_hub, "1000.50")
    _line(project_at_hub, "2000", status="applied")
    client = Client()
    client.force_login(vera)
    html = client.get(f"/prosjekter/{project_at_hub.slug}/").content.decode()
    assert "Arbeids- og velferdsetaten" in html
    assert "<td>Eier</td><td>Statlig</td><td>Nasjonal</td>" in html
    assert 'data-total="granted">1' in html  # 1 000,50 with the locale's separator
    assert "000,50" in html


def test_a_host_creates_a_project_in_the_ui_and_others_cannot(world, vera, kari):
    client = Client()
    client.force_login(kari)
    assert client.get("/prosjekter/ny/").status_code == 404
    client.force_login(vera)
    response = client.post(
        "/prosjekter/ny/",
        {"title": "Felles vakt", "status": "idea", "hub": world.pk},
    )
    assert response.status_code == 302
    assert response.url == "/prosjekter/felles-vakt/"
    bad = client.post(
        "/prosjekter/ny/",
        {"title": "Uten hjem", "status": "idea"},
    )
    assert bad.status_code == 422
    assert "hører til en hub eller en klynge" in bad.content.decode()
