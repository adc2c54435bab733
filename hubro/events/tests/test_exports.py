"""Participant lists for the organizer: XLSX (read back with openpyxl) and CSV, with each
participant's organization and sector; nobody else may download them."""

import csv
import io

import openpyxl
import pytest
from django.test import Client

from hubro.events.actions import register, register_guest

pytestmark = pytest.mark.django_db


@pytest.fixture
def filled(lunch, kari, ola, trond):
    for person in (kari, ola, trond):
        register(lunch, person, actor=person)
    return lunch


def test_the_xlsx_opens_with_organization_and_sector(filled, vera):
    client = Client()
    client.force_login(vera)
    response = client.get(f"/arrangementer/{filled.pk}/deltakere.xlsx")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("Navn", "E-post", "Organisasjon", "Sektor", "Status")
    body = {row[0]: row for row in rows[1:]}
    assert body["Kari Nordmann"][2:5] == ("Arbeids- og velferdsetaten", "Statlig", "Påmeldt")
    assert body["Ola Nordmann"][2:4] == ("Lyngdal kommune", "Kommunal")
    assert body["Trond Tredje"][4] == "På venteliste"


def test_the_csv_has_the_same_rows_and_defuses_formulas(make_event, vera):
    event = make_event()
    register_guest(event, name="=HYPERLINK(1)", email="g@example.org", organization="+AFK")
    client = Client()
    client.force_login(vera)
    response = client.get(f"/arrangementer/{event.pk}/deltakere.csv")
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][:4] == ["Navn", "E-post", "Organisasjon", "Sektor"]
    assert rows[1][0] == "'=HYPERLINK(1)"
    assert rows[1][2] == "'+AFK"


def test_participants_may_not_download_the_list(filled, kari):
    client = Client()
    client.force_login(kari)
    assert client.get(f"/arrangementer/{filled.pk}/deltakere.xlsx").status_code == 404
    assert client.get(f"/arrangementer/{filled.pk}/deltakere.csv").status_code == 404
