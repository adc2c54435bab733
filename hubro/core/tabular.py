"""One way to hand a table to a spreadsheet program: CSV and XLSX files from a header
and rows, used by every export (participants, indicators, the register, ...).

- CSV is UTF-8 with a byte-order mark (so Excel reads æ, ø, å) and ";" as separator
  (the Norwegian Excel default, where "," is the decimal sign).
- Text that a spreadsheet would run as a formula (starting with = + - @) gets a leading
  quote: names and organizations are typed by users (CSV/formula injection).
- XLSX keeps numbers as numbers and text as text (organization numbers keep their
  digits), freezes the header row and sizes the columns to their content."""

import csv
import io
from collections.abc import Iterable, Sequence

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_cell(value):
    """``value`` as a spreadsheet should get it: formula-like text is quoted."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def csv_bytes(header: Sequence, rows: Iterable[Sequence]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([str(title) for title in header])
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def xlsx_bytes(header: Sequence, rows: Iterable[Sequence], *, title: str = "") -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    # A sheet title is at most 31 characters and may not contain []:*?/\ .
    cleaned = "".join(ch for ch in str(title) if ch not in "[]:*?/\\")[:31]
    sheet.title = cleaned or "Hubro"
    sheet.append([str(column) for column in header])
    widths = [len(str(column)) for column in header]
    for row in rows:
        values = [safe_cell(value) for value in row]
        sheet.append(values)
        for index, value in enumerate(values[: len(widths)]):
            widths[index] = max(widths[index], len(str(value)) if value is not None else 0)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(60, width + 2)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def download(content: bytes, filename: str) -> HttpResponse:
    """An attachment response; the type follows the file name's ending."""
    kind = XLSX_TYPE if filename.endswith(".xlsx") else CSV_TYPE
    response = HttpResponse(content, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Exports may hold personal data: no shared cache may keep them.
    response["Cache-Control"] = "private, no-store"
    return response
