"""How an organization's amount is worked out, step by step, so that a coordinator can
check it: the key, the organization's basis and the total basis, the resulting
percentage, and the amount (and, for an agreement that covers part of the year, the
part of the year it covers).

The figures come from the same computation as the amounts (``sharing.compute_year``
through ``coverage.year_coverage``); nothing here computes a share of its own."""

import calendar
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

from .models import Agreement, SharingKey
from .money import ZERO, allocate, to_ore
from .sharing import Source, YearShares

PERCENT = Decimal("0.01")

# What each key divides by, in words.
BASIS_LABELS = {
    SharingKey.Kind.EQUAL: _("like andeler (én per organisasjon)"),
    SharingKey.Kind.FIXED: _("avtalte faste andeler"),
    SharingKey.Kind.USAGE: _("persondager i huben"),
    SharingKey.Kind.BASE_USAGE: _("persondager i huben (for delen etter bruk)"),
    SharingKey.Kind.EMPLOYEES: _("ansatte i regionen"),
}


def percent_of(part, whole) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(PERCENT, rounding=ROUND_HALF_UP)


@dataclass
class KeyShare:
    """One organization's share of a year's costs under a key."""

    kind: str
    key_label: str
    basis_label: str
    own_basis: Decimal
    total_basis: Decimal
    participants: int
    costs: Decimal
    deducted: Decimal
    to_share: Decimal
    amount: Decimal
    # Base plus usage: the part shared equally, and the organization's two parts.
    base_percent: Decimal | None = None
    base_part: Decimal | None = None
    usage_part: Decimal | None = None
    # Where the employee numbers come from (register or entered by the host).
    employees_source: str = ""
    # Nobody had any basis, so the key split equally.
    split_equally: bool = False

    @property
    def basis_percent(self) -> Decimal | None:
        """The organization's part of the basis, in percent."""
        return percent_of(self.own_basis, self.total_basis)

    @property
    def percent(self) -> Decimal | None:
        """The resulting part of the costs to share, in percent."""
        return percent_of(self.amount, self.to_share)

    @property
    def employees_source_label(self) -> str:
        return str(SOURCE_LABELS.get(self.employees_source, "")) if self.employees_source else ""


def _basis(kind: str, participant) -> Decimal:
    if kind == SharingKey.Kind.EQUAL:
        return Decimal(1)
    if kind == SharingKey.Kind.FIXED:
        return Decimal(participant.fixed_weight)
    if kind == SharingKey.Kind.EMPLOYEES:
        return Decimal(participant.employees)
    return Decimal(participant.person_days)


def key_share(shares: YearShares, organization, kind: str | None = None) -> KeyShare | None:
    """How ``organization``'s share under ``kind`` (default: the chosen key) comes
    about, or None when it does not share the costs under that key."""
    kind = kind or shares.chosen
    if not kind or kind not in shares.shares:
        return None
    rows = shares.shares[kind]
    index = next((i for i, row in enumerate(rows) if row.organization.pk == organization.pk), None)
    if index is None:
        return None
    participant = shares.participants[index]
    own = _basis(kind, participant)
    total = sum((_basis(kind, p) for p in shares.participants), Decimal(0))
    key = shares.keys.get(kind)
    result = KeyShare(
        kind=kind,
        key_label=str(SharingKey.Kind(kind).label),
        basis_label=str(BASIS_LABELS[kind]),
        own_basis=own,
        total_basis=total,
        participants=len(rows),
        costs=shares.costs,
        deducted=shares.deducted,
        to_share=shares.to_share,
        amount=rows[index].amount,
        split_equally=kind != SharingKey.Kind.EQUAL and total == 0,
    )
    if kind == SharingKey.Kind.EMPLOYEES:
        result.employees_source = participant.employees_source
    if kind == SharingKey.Kind.BASE_USAGE:
        # As ``sharing.key_shares`` splits it: the base equally, the rest by use.
        base_percent = Decimal(key.base_percent if key else 50)
        base = min(to_ore(Decimal(shares.to_share) * base_percent / 100), shares.to_share)
        result.base_percent = base_percent
        result.base_part = allocate(base, [1] * len(rows))[index]
        result.usage_part = result.amount - result.base_part
    return result


@dataclass
class LineExplanation:
    """How one line of a statement (one agreement, or the computed share) comes about."""

    basis: str  # Agreement.Basis, or "share" for a computed share without agreement
    full_year: Decimal  # the amount for a whole year
    days: int  # days of the year the agreement covers
    days_in_year: int
    amount: Decimal
    key: KeyShare | None = None
    percentage: Decimal | None = None  # of a project's granted funding
    granted: Decimal | None = None

    @property
    def part_of_year(self) -> bool:
        return self.days < self.days_in_year


def explain_line(agreement: Agreement | None, amount, year: int, shares, organization):
    """Explain a statement line: ``agreement`` (None for a share without agreement)
    whose amount in ``year`` is ``amount``."""
    days_in_year = 366 if calendar.isleap(year) else 365
    if agreement is None:
        key = key_share(shares, organization)
        return LineExplanation("share", amount, days_in_year, days_in_year, amount, key=key)
    days = agreement.days_in(year)
    if agreement.basis == Agreement.Basis.FIXED:
        full = agreement.yearly_amount or ZERO
        return LineExplanation(agreement.basis, full, days, days_in_year, amount)
    if agreement.basis == Agreement.Basis.PERCENT:
        from .coverage import granted_funding

        granted = granted_funding(agreement.project, year) if agreement.project_id else ZERO
        full = granted * (agreement.percentage or 0) / 100
        return LineExplanation(
            agreement.basis,
            full.quantize(PERCENT, rounding=ROUND_HALF_UP),
            days,
            days_in_year,
            amount,
            percentage=agreement.percentage,
            granted=granted,
        )
    key = key_share(shares, organization)
    full = key.amount if key else ZERO
    return LineExplanation(agreement.basis, full, days, days_in_year, amount, key=key)


SOURCE_LABELS = {
    Source.REGISTER: _("fra arbeidsplassregisteret"),
    Source.MANUAL: _("lagt inn av verten"),
    Source.MISSING: _("mangler"),
}
