"""Participant lists as CSV and XLSX for the people who run an event: each
participant's name, email, organization, sector, status, when they signed up and
whether they came."""

from django.utils import timezone
from django.utils.translation import gettext as _

from hubro.core.tabular import csv_bytes, xlsx_bytes

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


def participants_csv(event) -> bytes:
    return csv_bytes(*participant_rows(event))


def participants_xlsx(event) -> bytes:
    return xlsx_bytes(*participant_rows(event), title=_("Deltakere"))
