"""The Django admin is the administrators' tool; its pages must pass axe-core like
Hubro's own. (Hosts work in the host's workspace: hubro/hosting/tests.)"""

import pytest

from conftest import at, axe_violations, sign_in
from hubro.bookings.actions import create_booking

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_administrators_admin_pages_are_accessible(page, admin_person, kari, desk, tomorrow):
    create_booking(
        space=desk, person=kari, start=at(tomorrow, 9), end=at(tomorrow, 10), actor=kari
    )
    sign_in(page, admin_person.email)
    for path in [
        "/admin/",
        "/admin/spaces/hub/add/",
        "/admin/core/organization/",
        f"/admin/core/organization/{kari.primary_membership.organization.pk}/change/",
        f"/admin/core/person/{kari.pk}/change/",
        "/admin/core/region/",
        "/admin/core/auditentry/",
        "/admin/bookings/booking/",
    ]:
        page.goto(path)
        assert axe_violations(page) == [], path
