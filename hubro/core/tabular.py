"""The one safe writer of tables for spreadsheet programs. Every CSV and XLSX export
(participants, indicators, statements, the register, and any new one) goes through it.

The interface, for whoever adds an export:

- ``csv_bytes(header, rows)`` and ``xlsx_bytes(header, rows, title=...)``: a table with
  a header row; ``download(content, filename)`` answers it as an attachment.
- ``XlsxSheet(title)``: a free-form sheet (a statement with a heading, key/value rows
  and totals). ``append(values)`` writes one row safely and returns the row number;
  ``sheet`` is the openpyxl worksheet for fonts, number formats and widths only (never
  write values through it); ``to_bytes()`` gives the file.
- ``safe_cell(value)``: one value as it goes into a CSV file.

Text is never run as a formula (CSV/formula injection, OWASP): names, references and
organizations are typed by users. A text that starts with = + - @ or a TAB or CR
becomes in CSV the same text behind a single quote, and in XLSX a text cell marked
"quote prefix" (Excel's own way to say "this is text", shown without the quote).
Numbers, dates and Decimals stay numbers.

- CSV is UTF-8 with a byte-order mark (so Excel reads æ, ø, å) and ";" as separator
  (the Norwegian Excel default, where "," is the decimal sign).
- XLSX keeps numbers as numbers and text as text (organization numbers keep their
  digits), freezes the header row and sizes the columns to their content."""

import csv
import io
from collections.abc import Iterable, Sequence

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.utils import get_column_letter

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# What a spreadsheet program may read as the start of a formula (OWASP's list).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_START)


def safe_cell(value):
    """``value`` as a CSV file should hold it: formula-like text is quoted."""
    if is_formula_like(value):
        return "'" + value
    return value


def csv_bytes(header: Sequence, rows: Iterable[Sequence]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([safe_cell(str(title)) for title in header])
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


class XlsxSheet:
    """A workbook of one sheet whose every value is written safely."""

    def __init__(self, title: str = ""):
        self.workbook = Workbook()
        self.sheet = self.workbook.active
        # A sheet title is at most 31 characters and may not contain []:*?/\ .
        cleaned = "".join(ch for ch in str(title) if ch not in "[]:*?/\\")[:31]
        self.sheet.title = cleaned or "Hubro"
        self.rows = 0

    def append(self, values: Sequence = ()) -> int:
        """Write one row (an empty one for a gap); returns its number (1-based)."""
        self.rows += 1
        for column, value in enumerate(values, start=1):
            cell = self.sheet.cell(row=self.rows, column=column)
            cell.value = value
            if isinstance(value, str):
                # openpyxl takes text that starts with "=" for a formula: say it is text.
                cell.data_type = TYPE_STRING
                if is_formula_like(value):
                    cell.quotePrefix = True
        return self.rows

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.workbook.save(buffer)
        return buffer.getvalue()


def xlsx_bytes(header: Sequence, rows: Iterable[Sequence], *, title: str = "") -> bytes:
    book = XlsxSheet(title)
    book.append([str(column) for column in header])
    widths = [len(str(column)) for column in header]
    for row in rows:
        book.append(list(row))
        for index, value in enumerate(row[: len(widths)]):
            widths[index] = max(widths[index], len(str(value)) if value is not None else 0)
    for index, width in enumerate(widths, start=1):
        book.sheet.column_dimensions[get_column_letter(index)].width = min(60, width + 2)
    book.sheet.freeze_panes = "A2"
    return book.to_bytes()


def download(content: bytes, filename: str) -> HttpResponse:
    """An attachment response; the type follows the file name's ending."""
    kind = XLSX_TYPE if filename.endswith(".xlsx") else CSV_TYPE
    response = HttpResponse(content, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Exports may hold personal data: no shared cache may keep them.
    response["Cache-Control"] = "private, no-store"
    return response
