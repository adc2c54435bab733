"""Issue 15: register names in ordinary spelling on pages, the register's own in exports."""

import pytest

from hubro.registry.names import readable


@pytest.mark.django_db
def test_capital_names_read_as_people_write_them(places):
    # Place names come from the municipalities and regions Hubro knows.
    assert readable("NAV LYNGDAL") == "Nav Lyngdal"
    assert readable("ARBEIDS- OG VELFERDSETATEN") == "Arbeids- og velferdsetaten"
    assert readable("SKATTEETATEN LYNGDAL") == "Skatteetaten Lyngdal"
    assert readable("IKT LYNGDAL IKS") == "IKT Lyngdal IKS"


@pytest.mark.django_db
def test_names_with_small_letters_are_left_alone(places):
    assert readable("Statens vegvesen") == "Statens vegvesen"
    assert readable("") == ""
