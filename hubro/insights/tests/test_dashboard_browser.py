"""The dashboard and the printable report in a browser: accessible, every chart with
its data table and summary."""

import pytest

from conftest import axe_violations, sign_in

from .conftest import MONDAY, SUNDAY

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUERY = f"period=custom&start={MONDAY}&end={SUNDAY}"


def _every_chart_has_its_table(page):
    charts = page.locator("svg.insights-chart")
    assert charts.count() > 0
    for index in range(charts.count()):
        chart_id = charts.nth(index).get_attribute("id")
        table_id = chart_id.removeprefix("chart-")
        assert page.locator(f"table:has(caption#cap-{table_id})").count() == 1, chart_id
        assert page.locator(f"#{chart_id}-d").text_content().strip()


def test_a_member_reads_the_programme_dashboard_and_the_report(page, world, ola):
    sign_in(page, ola.email)
    page.goto(f"/innsikt/?scope=all&{QUERY}")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Innsikt")
    _every_chart_has_its_table(page)
    assert axe_violations(page) == []
    page.get_by_role("link", name="Utskriftsvennlig perioderapport").click()
    page.wait_for_url("**/innsikt/rapport/**")
    _every_chart_has_its_table(page)
    assert page.locator("text=Last ned CSV").count() == 0
    assert axe_violations(page) == []
    page.emulate_media(media="print")
    assert page.locator("form.insights-filter").count() == 0
    assert not page.locator("header").first.is_visible()


def test_the_host_changes_who_sees_statistics_and_reads_definitions(page, world, vera, hub):
    sign_in(page, vera.email)
    page.goto(f"/innsikt/?scope=hub:{hub.slug}&{QUERY}")
    _every_chart_has_its_table(page)
    assert axe_violations(page) == []
    page.get_by_role("link", name="Hvem kan se statistikken").click()
    assert axe_violations(page) == []
    page.get_by_label("Bare vertene og administratorer").check()
    page.get_by_role("button", name="Lagre").click()
    page.get_by_text("Innstillingen er lagret.").wait_for()
    hub.refresh_from_db()
    assert hub.statistics_setting.audience == "hosts"
    page.goto("/innsikt/definisjoner/")
    assert page.get_by_role("heading", name="Tverrsektorielle dager").count() == 0
    assert page.get_by_text("Tverrsektorielle dager").count() == 1
    assert axe_violations(page) == []
