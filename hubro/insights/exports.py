"""CSV and XLSX files of one table, with the same (suppressed) values as the page."""

import csv
import io

from django.http import HttpResponse


def _plain(cell):
    if cell.suppressed:
        return cell.text  # "<5" or "–", never the hidden number
    return cell.value if isinstance(cell.value, (int, float)) else cell.text


def as_csv(table, filename: str) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([_plain(cell) for cell in row])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def as_xlsx(table, filename: str) -> HttpResponse:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = table.id[:31]
    sheet.append(list(table.columns))
    for row in table.rows:
        sheet.append([_plain(cell) for cell in row])
    out = io.BytesIO()
    book.save(out)
    response = HttpResponse(
        out.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
