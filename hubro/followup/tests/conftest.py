"""The programme world of ``hubro/programme/tests/conftest.py`` (dina the owner, eirik
the evaluator, siri and ola in Lister's steering group, per in Ofoten's, kari in
nothing), plus:

- lister_report: Lister's status report for March 2024, with a need from the ministry.
- ofoten_report: Ofoten's, for the same month.
- nora: coordinator of Nav (an agency a request can be addressed to).
"""

import datetime as dt

import pytest

from conftest import make_person
from hubro.core.models import Membership
from hubro.programme.models import StatusReport
from hubro.programme.tests import conftest as _programme

# The programme app's named people and pilots, shared as fixtures here.
globals().update(
    {
        name: getattr(_programme, name)
        for name in (
            "dina",
            "eirik",
            "kdd",
            "lister",
            "narvik_kommune",
            "ofoten",
            "ola_leads",
            "per",
            "programme",
            "siri",
            "stimulab",
        )
    }
)


@pytest.fixture
def lister_report(lister, siri):
    return StatusReport.objects.create(
        pilot=lister,
        period_start=dt.date(2024, 3, 1),
        period_end=dt.date(2024, 3, 31),
        needs="Avklaring av finansiering etter 2025.",
        filed_by=siri,
    )


@pytest.fixture
def ofoten_report(ofoten, per):
    return StatusReport.objects.create(
        pilot=ofoten,
        period_start=dt.date(2024, 3, 1),
        period_end=dt.date(2024, 3, 31),
        needs="Hjelp til å vise behovet.",
        filed_by=per,
    )


@pytest.fixture
def nora(nav):
    return make_person(
        "nora@nav.test", nav, name="Nora Koordinator", role=Membership.Role.COORDINATOR
    )
