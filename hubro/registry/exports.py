"""CSV and XLSX exports of the units in a municipality or a region."""

from django.utils.translation import gettext as _

from hubro.core.tabular import csv_bytes, xlsx_bytes


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
    return csv_bytes(columns(), rows(units))


def as_xlsx(units, *, title: str) -> bytes:
    return xlsx_bytes(columns(), rows(units), title=title or _("Enheter"))
