"""Fixtures of the position tests."""

import pytest

from conftest import make_person
from hubro.core.models import Membership


@pytest.fixture
def nav_coordinator(nav):
    return make_person(
        "koordinator@nav.test", nav, name="Kora Koordinator", role=Membership.Role.COORDINATOR
    )
