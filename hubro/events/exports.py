"""Participant lists as CSV and XLSX for the people who run an event: each
participant's name, email, organization, sector, status, when they signed up and
whether they came."""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from .queries import participants


def _attended(registration) -> str:
    if registration.attended is None:
        return ""
    return _("Ja") if registration.attended else _("Nei")


def participant_rows(event) -> tuple[list[str], list[list]]:
    """The header and one row per active registration (registered, then waiting)."""
    header = [
        _("Navn"),
        _("E-post"),
        _("Organisasjon"),
        _("Sektor"),
        _("Status"),
        _("Meldt på"),
        _("Møtte"),
    ]
    rows = []
    for registration in participants(event):
        organization = registration.organization
        if registration.person_id:
            name, email = registration.person.get_full_name(), registration.person.email
        else:
            name, email = registration.guest_name, registration.guest_email
        org_name = organization.name if organization else registration.guest_organization
        sector = organization.get_sector_display() if organization else ""
        rows.append(
            [
                name,
                email,
                org_name,
                str(sector),
                str(registration.get_status_display()),
                timezone.localtime(registration.created_at).strftime("%Y-%m-%d %H:%M"),
                _attended(registration),
            ]
        )
    return header, rows


def _safe(value):
    # A cell starting with = + - @ is a formula to a spreadsheet program; a guest could
    # type one into the form (CSV injection), so such text is prefixed with a quote.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def participants_csv(event) -> bytes:
    header, rows = participant_rows(event)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_safe(value) for value in row])
    # A BOM so that Excel reads the file as UTF-8 (æ, ø, å).
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def participants_xlsx(event) -> bytes:
    header, rows = participant_rows(event)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Deltakere")[:31]
    sheet.append(header)
    for row in rows:
        sheet.append([_safe(value) for value in row])
    for index, title in enumerate(header, start=1):
        width = max([len(str(title)), *(len(str(row[index - 1])) for row in rows)], default=10)
        sheet.column_dimensions[get_column_letter(index)].width = min(60, width + 2)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
