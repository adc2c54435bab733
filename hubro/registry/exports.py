"""CSV and XLSX exports of the units in a municipality or a region."""

import csv
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook


def columns():
    return [
        _("Organisasjonsnummer"),
        _("Navn"),
        _("Virksomhet"),
        _("Virksomhetens organisasjonsnummer"),
        _("Sektor"),
        _("Kommunenummer"),
        _("Kommune"),
        _("Ansatte"),
        _("Adresse"),
        _("Postnummer"),
        _("Poststed"),
        _("Næringskode"),
        _("E-post"),
        _("Telefon"),
    ]


def rows(units):
    for u in units:
        yield [
            u.orgnr,
            u.name,
            u.agency_name,
            u.agency_orgnr,
            u.get_sector_display(),
            u.municipality_number,
            u.municipality_name,
            u.employees if u.employees is not None else "",
            u.address,
            u.postcode,
            u.place,
            u.nace,
            u.email,
            u.phone,
        ]


def as_csv(units) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns())
    writer.writerows(rows(units))
    # A BOM so that spreadsheet programs read the file as UTF-8.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def as_xlsx(units, *, title: str) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31] or "Enheter"
    sheet.append(columns())
    for row in rows(units):
        # Organisation numbers stay text, so that no leading digit is lost.
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
