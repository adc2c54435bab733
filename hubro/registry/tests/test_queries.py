import pytest

from hubro.core.models import Region
from hubro.registry.queries import (
    employees_by_organization,
    hub_member_register_entries,
    state_units_in_region,
)

from .expected import NAV, POD, SKATT


@pytest.mark.django_db
def test_employees_by_organization_counts_units_under_the_agency_in_the_region(both):
    lister = Region.objects.get(slug="lister")
    result = employees_by_organization(lister, [NAV, SKATT, POD, "922421498", "974760673"])
    # Nav: Lyngdal 25, Farsund 15, Flekkefjord 18 (Sirdal is closed).
    # Lyngdal kommune: rådhus 120, ungdomsskole 45, kulturhus 5, sjukeheim 60 (via ORGL).
    assert result == {NAV: 58, SKATT: 12, POD: 30, "922421498": 230}


@pytest.mark.django_db
def test_employees_by_organization_matches_a_middle_level_of_the_chain(both):
    from hubro.registry.models import Unit

    nav_lister = Unit.objects.filter(name="NAV LYNGDAL").first().parent_orgnr
    result = employees_by_organization(Region.objects.get(slug="lister"), [nav_lister])
    assert result == {nav_lister: 58}


@pytest.mark.django_db
def test_employees_by_organization_is_empty_before_any_import(places):
    assert employees_by_organization(Region.objects.get(slug="lister"), [NAV]) == {}


@pytest.mark.django_db
def test_state_units_in_region_gives_the_invitation_list_with_contact_details(both):
    units = state_units_in_region(Region.objects.get(slug="lister"))
    names = {u["name"] for u in units}
    assert names == {
        "NAV LYNGDAL",
        "SKATTEETATEN LYNGDAL",
        "MATTILSYNET KVINESDAL",
        "NAV FARSUND",
        "NAV FLEKKEFJORD",
        "LISTER POLITISTASJON",
        "KVINESDAL LENSMANNSKONTOR",
    }
    nav = next(u for u in units if u["name"] == "NAV LYNGDAL")
    assert nav == {
        "orgnr": "970000534",
        "name": "NAV LYNGDAL",
        "agency": "ARBEIDS- OG VELFERDSETATEN",
        "municipality": "Lyngdal",
        "email": "lyngdal@nav.example",
        "phone": "55 55 33 33",
    }
    assert next(u for u in units if u["name"] == "NAV FARSUND")["email"] == ""


@pytest.mark.django_db
def test_hub_members_are_linked_to_their_register_entries_by_orgnr(both, hub):
    entries = {e["organization"].orgnr: e for e in hub_member_register_entries(hub)}
    assert entries[NAV]["in_register"] is True
    assert entries[NAV]["agency_name"] == "ARBEIDS- OG VELFERDSETATEN"
    assert entries["922421498"]["in_register"] is True
    assert entries["922421498"]["agency_name"] == "LYNGDAL KOMMUNE"


@pytest.mark.django_db
def test_a_hub_member_not_in_the_register_says_so(both, hub, places):
    from hubro.core.models import Municipality, Organization

    other = Organization.objects.create(
        orgnr="974760673",
        name="Brønnøysundregistrene",
        sector="state",
        municipality=Municipality.objects.get(number="1813"),
    )
    hub.member_organizations.add(other)
    entries = {e["organization"].orgnr: e for e in hub_member_register_entries(hub)}
    assert entries["974760673"]["in_register"] is False


@pytest.mark.django_db
def test_a_hub_member_at_a_middle_level_of_a_chain_is_found(both, hub):
    from hubro.core.models import Municipality, Organization
    from hubro.registry.models import Unit

    nav_agder = Unit.objects.filter(name="NAV LYNGDAL").first().chain.split()[1]
    member = Organization.objects.create(
        orgnr=nav_agder,
        name="Nav Agder",
        sector="state",
        municipality=Municipality.objects.get(number="4204"),
    )
    hub.member_organizations.add(member)
    entries = {e["organization"].orgnr: e for e in hub_member_register_entries(hub)}
    assert entries[nav_agder]["in_register"] is True
    assert entries[nav_agder]["agency_name"] == "ARBEIDS- OG VELFERDSETATEN"
    # Lyngdal, Farsund, Flekkefjord (Sirdal is closed).
    assert entries[nav_agder]["units"] == 3
