"""Finding 2: the one safe writer neutralises everything a spreadsheet could run as a
formula (OWASP: = + - @ and a leading TAB or CR), in CSV and XLSX, and every export
goes through it."""

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import load_workbook

import hubro
from hubro.core.tabular import csv_bytes, xlsx_bytes
from hubro.insights import exports as insight_exports

DANGEROUS = ["=1+2", "+1", "-1+2", "@SUM(A1)", "\t=1+2", "\r=1+2"]


def read_csv(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


@pytest.mark.parametrize("value", DANGEROUS)
def test_csv_quotes_every_formula_start(value):
    rows = read_csv(csv_bytes(["a"], [[value]]))
    assert rows[1][0] == "'" + value


@pytest.mark.parametrize("value", DANGEROUS)
def test_xlsx_keeps_every_formula_start_as_text(value):
    sheet = load_workbook(io.BytesIO(xlsx_bytes(["a"], [[value]]))).active
    cell = sheet["A2"]
    assert cell.data_type == "s"
    assert cell.quotePrefix


def test_numbers_stay_numbers_and_plain_text_stays_plain():
    sheet = load_workbook(io.BytesIO(xlsx_bytes(["a", "b", "c"], [[-5, "Nav Lyngdal", 2.5]])))
    a, b, c = sheet.active[2]
    assert (a.value, a.data_type) == (-5, "n")
    assert (b.value, b.quotePrefix) == ("Nav Lyngdal", False)
    assert c.value == 2.5


@dataclass
class Cell:
    value: object
    text: str
    suppressed: bool = False


@dataclass
class Table:
    id: str
    columns: list
    rows: list


def test_indicator_exports_go_through_the_safe_writer():
    table = Table(
        "t", ["Hub", "Antall"], [[Cell("=cmd|' /C calc'!A0", "=cmd|' /C calc'!A0"), Cell(7, "7")]]
    )
    rows = read_csv(insight_exports.as_csv(table, "x").content)
    assert rows[1] == ["'=cmd|' /C calc'!A0", "7"]
    sheet = load_workbook(io.BytesIO(insight_exports.as_xlsx(table, "x").content)).active
    assert sheet["A2"].data_type == "s" and sheet["A2"].quotePrefix
    assert sheet["B2"].value == 7


def test_no_module_writes_csv_or_xlsx_around_the_safe_writer():
    package = Path(hubro.__file__).parent
    offenders = []
    for module in package.rglob("*.py"):
        if "tests" in module.parts or module.name == "tabular.py" or "fixtures" in module.parts:
            continue
        text = module.read_text(encoding="utf-8")
        if "csv.writer(" in text or "Workbook(" in text:
            offenders.append(str(module.relative_to(package)))
    # brreg_format writes Enhetsregisteret's own CSV layout for test files, not an export.
    assert offenders == ["registry/brreg_format.py"]
