import csv
import io

import pytest
from django.test import Client
from openpyxl import load_workbook

from conftest import PASSWORD
from hubro.core.models import Membership, Municipality, Organization
from hubro.registry.models import Subscription

from .expected import STATE_UNITS_SECOND


def client_for(person):
    client = Client()
    assert client.login(email=person.email, password=PASSWORD)
    return client


@pytest.mark.django_db
def test_the_register_is_open_to_visitors_but_subscribing_is_not(both):
    visitor = Client()
    page = visitor.get("/arbeidsplasser/kommuner/4225/").content.decode()
    # Open data, in ordinary spelling on the page ("NAV LYNGDAL" in the register).
    assert "Nav Lyngdal" in page and "NAV LYNGDAL" not in page
    assert visitor.get("/arbeidsplasser/").status_code == 200
    export = visitor.get("/arbeidsplasser/kommuner/4225/eksport.csv").content.decode()
    assert "NAV LYNGDAL" in export
    assert "Varsle meg" not in page
    # A hub's member organizations stay for those signed in.
    response = visitor.get("/arbeidsplasser/huber/testlab/")
    assert response.status_code == 302
    response = visitor.post("/arbeidsplasser/municipality/4225/abonnement/", {})
    assert response.status_code == 302 and "/logg-inn/" in response["Location"]


@pytest.mark.django_db
def test_municipality_page_shows_units_by_agency_trend_and_changes(both, kari):
    response = client_for(kari).get("/arbeidsplasser/kommuner/4227/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kvinesdal lensmannskontor" in html
    assert "Politidirektoratet" in html
    assert "ikke registrert" in html
    assert "2025-01-15" in html and "2025-06-15" in html
    assert "Mattilsynet Kvinesdal" in html  # the move away, in the changes


@pytest.mark.django_db
def test_region_page_sums_per_municipality(both, kari):
    html = client_for(kari).get("/arbeidsplasser/regioner/lister/").content.decode()
    assert "Kvinesdal" in html and "Sirdal" in html
    assert "Nav Sirdal" in html  # closed, in the changes
    # Lister: 7 open state units with 25+12+7+15+18+30 registered employees.
    assert ">7<" in html and ">107<" in html


@pytest.mark.django_db
def test_agency_page_shows_where_the_agency_has_units(both, kari):
    html = client_for(kari).get("/arbeidsplasser/virksomheter/970205039/").content.decode()
    assert "NARVIK" in html.upper() and "ukjent kommunenummer" in html
    assert client_for(kari).get("/arbeidsplasser/virksomheter/123456789/").status_code == 404


@pytest.mark.django_db
def test_hub_member_page_links_members_to_the_register(both, kari, hub):
    html = client_for(kari).get(f"/arbeidsplasser/huber/{hub.slug}/").content.decode()
    assert "Arbeids- og velferdsetaten" in html


@pytest.mark.django_db
def test_csv_export_reads_back(both, kari):
    response = client_for(kari).get("/arbeidsplasser/kommuner/1806/eksport.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Organisasjonsnummer"
    assert {(r[1], r[3], int(r[7])) for r in rows[1:]} == STATE_UNITS_SECOND["1806"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/arbeidsplasser/kommuner/1806/eksport.pdf",
        "/arbeidsplasser/regioner/lister/eksport.json",
        "/arbeidsplasser/kommuner/9999/eksport.csv",
    ],
)
def test_an_unknown_export_format_or_area_is_not_found(both, kari, url):
    assert client_for(kari).get(url).status_code == 404


@pytest.mark.django_db
def test_xlsx_export_reads_back(both, kari):
    response = client_for(kari).get("/arbeidsplasser/regioner/nordfjord/eksport.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][1] == "Navn"
    expected = STATE_UNITS_SECOND["4649"] | STATE_UNITS_SECOND["4651"]
    assert {(r[1], r[3], r[7]) for r in rows[1:]} == expected
    assert all(isinstance(r[0], str) for r in rows[1:])


@pytest.mark.django_db
def test_a_municipal_coordinator_subscribes_from_the_page(both, places):
    from conftest import make_person

    kommune = Organization.objects.create(
        orgnr="964964076",
        name="Kvinesdal kommune",
        sector="municipal",
        municipality=Municipality.objects.get(number="4227"),
    )
    leader = make_person("leder@kvinesdal.test", kommune, role=Membership.Role.COORDINATOR)
    client = client_for(leader)
    assert "Varsle meg" in client.get("/arbeidsplasser/kommuner/4227/").content.decode()
    response = client.post(
        "/arbeidsplasser/municipality/4227/abonnement/", {"action": "subscribe"}
    )
    assert response.status_code == 302
    assert Subscription.objects.filter(person=leader, municipality__number="4227").exists()
    client.post("/arbeidsplasser/municipality/4227/abonnement/", {"action": "unsubscribe"})
    assert not Subscription.objects.filter(person=leader).exists()


@pytest.mark.django_db
def test_others_cannot_subscribe(both, kari):
    client = client_for(kari)
    assert "Varsle meg" not in client.get("/arbeidsplasser/kommuner/4227/").content.decode()
    response = client.post(
        "/arbeidsplasser/municipality/4227/abonnement/", {"action": "subscribe"}
    )
    assert response.status_code == 404
    assert not Subscription.objects.exists()
