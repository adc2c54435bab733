"""Issue 12 acceptance on the demo data: the programme owner and the evaluator see
non-zero, suppressed figures for the programme, a region and a hub in the pages, the
period report, the exports and the API; a person who may see no hub gets a message,
never zeros."""

import csv
import datetime as dt
import io
import json
import urllib.error
import urllib.parse
import urllib.request

import pytest
from playwright.sync_api import expect

from conftest import sign_in

pytestmark = pytest.mark.browser

VIEWERS = ["departement@demo.hubro.test", "evaluator@demo.hubro.test"]
NO_HUB_EMAIL = "utenfor@demo.hubro.test"
NO_HUB_PASSWORD = "Ingen-hub-2026-passord"


def _api(server, token: str, **params):
    query = urllib.parse.urlencode(params)
    request = urllib.request.Request(
        f"{server.url}/api/v1/indicators?{query}", headers={"Authorization": f"Bearer {token}"}
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as exc:
        return exc.code, json.load(exc)


def _token(server, email: str) -> str:
    return server.manage("token", "create", email).strip().splitlines()[-1].split()[-1]


def _scopes(server) -> list[str]:
    """The programme, the region of the busiest pilot hub and that hub."""
    slug, region = server.sql(
        "SELECT h.slug, r.slug FROM spaces_hub h JOIN core_region r ON r.id = h.region_id "
        "JOIN programme_pilot p ON p.hub_id = h.id ORDER BY (SELECT COUNT(*) FROM "
        "bookings_booking b JOIN spaces_space s ON s.id = b.space_id WHERE s.hub_id = h.id) "
        "DESC, h.slug LIMIT 1"
    )[0]
    return ["all", f"region:{region}", f"hub:{slug}"]


def _year(server) -> tuple[str, str]:
    """The running year, which the dashboard shows first."""
    year = dt.date.today().year
    return f"{year}-01-01", f"{year}-12-31"


@pytest.mark.parametrize("email", VIEWERS)
def test_programme_roles_see_nonzero_suppressed_figures_everywhere(email, demo_page, demo_server):
    start, end = _year(demo_server)
    token = _token(demo_server, email)
    page = demo_page(email)
    for scope in _scopes(demo_server):
        status, body = _api(demo_server, token, scope=scope, **{"from": start, "to": end})
        assert status == 200, (scope, body)
        figures = {figure["key"]: figure for figure in body["figures"]}
        assert figures["person_days"]["value"], (scope, figures["person_days"])
        assert figures["person_days"]["value"] > 0
        assert body["perturbed"] is True  # suppressed, never exact for these roles
        assert body["coverage"]["hubs"] >= 1

        query = {"scope": scope, "period": "custom", "start": start, "end": end}
        page.goto(f"/innsikt/?{urllib.parse.urlencode(query)}")
        expect(page.locator("#insights-coverage")).to_contain_text("fast avvik")
        # The five goal cards show figures; the tables fold out below them.
        expect(page.locator(".insights-card")).to_have_count(5)
        expect(page.locator(".insights-card__value").first).to_be_visible()
        expect(page.locator("table").first).to_be_attached()
        report = page.request.get(f"/innsikt/rapport/?{urllib.parse.urlencode(query)}")
        assert report.status == 200 and "fast avvik" in report.text()
        export = page.request.get(
            f"/innsikt/eksport/operations.csv?{urllib.parse.urlencode(query)}"
        )
        assert export.status == 200
        rows = list(csv.reader(io.StringIO(export.text().lstrip("\ufeff")), delimiter=";"))
        numbers = [cell for row in rows[1:] for cell in row[1:] if cell.replace(" ", "").isdigit()]
        assert numbers and any(int(cell.replace(" ", "")) > 0 for cell in numbers), rows


def test_a_person_who_may_see_no_hub_gets_a_message_not_zeros(browser, demo_server):
    (orgnr,) = demo_server.sql(
        "SELECT o.orgnr FROM core_organization o WHERE o.id NOT IN "
        "(SELECT host_organization_id FROM spaces_hub WHERE host_organization_id IS NOT NULL) "
        "AND o.id NOT IN (SELECT organization_id FROM spaces_hub_member_organizations) "
        "ORDER BY o.orgnr LIMIT 1"
    )[0]
    open_hubs = demo_server.sql(
        "SELECT COUNT(*) FROM insights_statisticssetting WHERE audience = 'signed_in'"
    )[0][0]
    if not demo_server.sql("SELECT 1 FROM core_person WHERE email = %s", (NO_HUB_EMAIL,)):
        demo_server.manage(
            "user", "create", NO_HUB_EMAIL, "--org", orgnr, "--password-stdin",
            input=NO_HUB_PASSWORD + "\n",
        )  # fmt: skip
    assert open_hubs == 0  # else everyone signed in sees those hubs
    start, end = _year(demo_server)
    status, body = _api(
        demo_server, _token(demo_server, NO_HUB_EMAIL), scope="all", **{"from": start, "to": end}
    )
    assert status == 422 and body["code"] == "no_visible_hubs", body
    assert "ikke null" in body["detail"]

    context = browser.new_context(base_url=demo_server.url)
    page = context.new_page()
    sign_in(page, NO_HUB_EMAIL, NO_HUB_PASSWORD)
    page.goto("/innsikt/")
    expect(page.locator("#insights-coverage")).to_contain_text("ikke null")
    assert page.locator("table").count() == 0
    context.close()
