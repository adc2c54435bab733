"""The statement page and the host's pages pass axe-core."""

import datetime as dt
from decimal import Decimal

import pytest

from conftest import axe_violations, sign_in
from hubro.finance import actions

YEAR = 2025


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_statement_and_finance_pages_pass_axe(page, live_server, hub, vera, nav, lyngdal_kommune):
    actions.save_cost_line(hub, actor=vera, year=YEAR, category="rent", planned=Decimal("90000"))
    actions.choose_key(hub, YEAR, "equal", actor=vera)
    deal = actions.save_agreement(
        hub,
        actor=vera,
        organization=nav,
        starts_on=dt.date(YEAR, 1, 1),
        ends_on=dt.date(YEAR, 12, 31),
        status="signed",
        basis="share",
        reference="PO-1",
    )
    sign_in(page, vera.email)
    page.goto(f"/okonomi/huber/{hub.slug}/{YEAR}/oppgjor/{nav.orgnr}/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Oppgjør 2025")
    assert "45" in page.locator("tfoot").inner_text()
    assert axe_violations(page) == []
    for path in [
        "/okonomi/",
        f"/okonomi/huber/{hub.slug}/",
        f"/okonomi/huber/{hub.slug}/{YEAR}/budsjett/",
        f"/okonomi/huber/{hub.slug}/{YEAR}/fordeling/",
        f"/okonomi/huber/{hub.slug}/avtaler/",
        f"/okonomi/avtaler/{deal.pk}/",
        f"/okonomi/huber/{hub.slug}/avtaler/ny/",
    ]:
        page.goto(path)
        assert axe_violations(page) == [], path
