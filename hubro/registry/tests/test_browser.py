import pytest

from conftest import axe_violations, sign_in
from hubro.registry.tests.conftest import FIRST, SECOND, import_snapshot


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_municipality_region_and_agency_pages_pass_axe(page, places, kari):
    import_snapshot(FIRST)
    import_snapshot(SECOND)
    sign_in(page, kari.email)
    for path, heading in (
        ("/arbeidsplasser/kommuner/4225/", "Statlige arbeidsplasser i Lyngdal"),
        ("/arbeidsplasser/regioner/lister/", "Statlige arbeidsplasser i Lister"),
        ("/arbeidsplasser/virksomheter/889640782/", "Arbeids- og velferdsetaten"),
        ("/arbeidsplasser/", "Statlige arbeidsplasser"),
    ):
        page.goto(path)
        assert heading in page.get_by_role("heading", level=1).inner_text()
        assert axe_violations(page) == []
