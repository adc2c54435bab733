"""Yearly statements: what an organization pays for a hub in a year, what it used, and
what that is per person-day. The amounts and parties are kept as an invoice needs them
(organisasjonsnummer, reference, lines with a VAT category), so that an EHF / Peppol
BIS Billing 3.0 invoice can be made from a ``Statement`` later."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from hubro.core.models import Membership
from hubro.core.tabular import XlsxSheet

from .coverage import year_coverage
from .explain import explain_line, key_share
from .models import Agreement
from .money import ZERO, per_unit, to_ore
from .sharing import year_bounds


@dataclass
class Party:
    orgnr: str
    name: str


@dataclass
class StatementLine:
    description: str
    amount: Decimal  # excluding VAT
    vat_category: str  # UNCL5305: S, E, O
    vat_rate: int
    status: str  # the agreement's status, or "computed" for a share without agreement
    agreement_id: int | None = None
    quantity: int = 1
    # How the amount was worked out (``explain.LineExplanation``), for the coordinator.
    explanation: object = None

    @property
    def status_label(self) -> str:
        return status_label(self.status)

    @property
    def vat_label(self) -> str:
        """The VAT category in words (the code alone, "E", tells a reader nothing)."""
        return str(Agreement.VatCategory(self.vat_category).label)

    @property
    def vat(self) -> Decimal:
        return to_ore(self.amount * self.vat_rate / 100)


@dataclass
class Statement:
    hub_name: str
    year: int
    period: tuple[dt.date, dt.date]
    seller: Party
    buyer: Party
    reference: str
    language: str
    person_days: int
    costs_total: Decimal
    key: str | None
    key_label: str
    lines: list[StatementLine] = field(default_factory=list)
    # The organization's share under the chosen key, step by step (``explain.KeyShare``).
    key_share: object = None

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), ZERO)

    @property
    def vat_total(self) -> Decimal:
        return sum((line.vat for line in self.lines), ZERO)

    @property
    def total_with_vat(self) -> Decimal:
        return self.total + self.vat_total

    @property
    def cost_per_person_day(self) -> Decimal | None:
        return per_unit(self.total, self.person_days)

    @property
    def agreed(self) -> bool:
        return any(line.agreement_id for line in self.lines)


def statement_language(organization) -> str:
    """The organization's language: the one most of its coordinators chose in their
    profile (ties: the first coordinator's), else the site's default."""
    languages = list(
        Membership.objects.filter(organization=organization, role=Membership.Role.COORDINATOR)
        .order_by("pk")
        .values_list("person__language", flat=True)
    )
    if not languages:
        return settings.LANGUAGE_CODE
    counts = Counter(languages)
    best = max(counts.values())
    return next(language for language in languages if counts[language] == best)


def build_statement(hub, organization, year: int, *, language: str | None = None) -> Statement:
    """The statement of ``organization`` for ``hub`` in ``year``, with its texts in
    ``language`` (default: the organization's language)."""
    language = language or statement_language(organization)
    coverage = year_coverage(hub, year)
    shares = coverage.shares
    agreements = (
        Agreement.objects.filter(
            hub=hub,
            organization=organization,
            starts_on__lte=dt.date(year, 12, 31),
            ends_on__gte=dt.date(year, 1, 1),
        )
        .exclude(status=Agreement.Status.DRAFT)
        .order_by("starts_on", "pk")
    )
    with translation.override(language):
        key = shares.chosen
        key_label = str(shares.keys[key].get_kind_display()) if key else _("ingen valgt")
        lines = []
        for agreement in agreements:
            amount = coverage.income_by_agreement.get(agreement.pk, ZERO)
            lines.append(
                StatementLine(
                    description=_("%(hub)s %(year)s: %(basis)s")
                    % {"hub": hub.name, "year": year, "basis": agreement.get_basis_display()},
                    amount=amount,
                    vat_category=agreement.vat_category,
                    vat_rate=Agreement.VAT_RATES[agreement.vat_category],
                    status=agreement.status,
                    agreement_id=agreement.pk,
                    explanation=explain_line(agreement, amount, year, shares, organization),
                )
            )
        if not lines:
            share = shares.share_of(organization)
            if share is not None:
                lines.append(
                    StatementLine(
                        description=_("%(hub)s %(year)s: beregnet andel uten avtale")
                        % {"hub": hub.name, "year": year},
                        amount=share,
                        vat_category=Agreement.VatCategory.EXEMPT,
                        vat_rate=0,
                        status="computed",
                        explanation=explain_line(None, share, year, shares, organization),
                    )
                )
    references = [a.reference for a in agreements if a.reference]
    participant = next(
        (p for p in shares.participants if p.organization.pk == organization.pk), None
    )
    if participant is not None:
        person_days = participant.person_days
    else:
        from hubro.insights.queries import person_days_by_organization

        person_days = person_days_by_organization(hub, *year_bounds(year)).get(organization.pk, 0)
    return Statement(
        hub_name=hub.name,
        year=year,
        period=year_bounds(year),
        seller=Party(hub.host_organization.orgnr, hub.host_organization.name),
        buyer=Party(organization.orgnr, organization.name),
        reference=references[0] if references else f"HUBRO-{hub.slug}-{year}-{organization.orgnr}",
        language=language,
        person_days=person_days,
        costs_total=coverage.costs,
        key=key,
        key_label=key_label,
        lines=lines,
        key_share=key_share(shares, organization),
    )


def statement_xlsx(statement: Statement) -> bytes:
    """The statement as an XLSX workbook, labelled in the statement's language. Amounts
    are numbers with two decimals (exact: written from the ``Decimal``). Written through
    the safe writer: a reference or name that looks like a formula stays text."""
    from openpyxl.styles import Font

    money = "#,##0.00"
    with translation.override(statement.language):
        book = XlsxSheet(_("Oppgjør"))
        sheet = book.sheet
        bold = Font(bold=True)
        book.append(
            [_("Oppgjør %(year)s – %(hub)s") % {"year": statement.year, "hub": statement.hub_name}]
        )
        sheet["A1"].font = Font(bold=True, size=14)
        rows = [
            (_("Organisasjon"), statement.buyer.name),
            (_("Organisasjonsnummer"), statement.buyer.orgnr),
            (_("Vertsorganisasjon"), statement.seller.name),
            (_("Vertens organisasjonsnummer"), statement.seller.orgnr),
            (_("Referanse"), statement.reference),
            (_("Periode"), f"{statement.period[0]:%Y-%m-%d} – {statement.period[1]:%Y-%m-%d}"),
            (_("Fordelingsnøkkel"), statement.key_label),
        ]
        for row in rows:
            book.append([str(value) for value in row])
        book.append([])
        header = book.append([_("Beskrivelse"), _("Status"), _("Mva-kategori"), _("Beløp (kr)")])
        for cell in sheet[header]:
            cell.font = bold
        for line in statement.lines:
            row = book.append(
                [line.description, status_label(line.status), line.vat_label, line.amount]
            )
            sheet.cell(row, 4).number_format = money
        row = book.append([_("Sum"), "", "", statement.total])
        sheet.cell(row, 1).font = bold
        sheet.cell(row, 4).number_format = money
        row = book.append([_("Merverdiavgift"), "", "", statement.vat_total])
        sheet.cell(row, 4).number_format = money
        book.append([])
        book.append([_("Persondager i huben"), statement.person_days])
        per_day = statement.cost_per_person_day
        row = book.append(
            [_("Kostnad per persondag (kr)"), per_day if per_day is not None else "–"]
        )
        if per_day is not None:
            sheet.cell(row, 2).number_format = money
        sheet.column_dimensions["A"].width = 48
        sheet.column_dimensions["B"].width = 28
        sheet.column_dimensions["D"].width = 16
    return book.to_bytes()


def status_label(status: str) -> str:
    if status == "computed":
        return _("Beregnet")
    return str(Agreement.Status(status).label)
