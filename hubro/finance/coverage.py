"""Coverage and runway: a hub's costs per year against the income its agreements bring.

- Costs: each cost line counts its actual amount once entered, else its budget; a line
  spread over several years counts an equal part (to the øre) in each.
- Income: drafts count nothing; intent agreements count as intended income, signed and
  ended ones as signed income. A yearly amount counts pro rata by the days of the year
  the agreement's period covers. A project's percentage applies to the project's
  *granted* funding lines of that year. A "share" agreement brings the organization's
  share under the key the host chose for the year (nothing when none is chosen).
- Coverage = (signed + intended income) / costs; gap = costs − that income, never
  below zero. The hub runs out of covered funding in the first year with a gap."""

import calendar
import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal

from django.db.models import Sum
from django.utils import timezone

from .models import FIRST_YEAR, LAST_YEAR, Agreement, CostLine
from .money import ZERO, to_ore
from .sharing import YearShares, compute_year

SIGNED = (Agreement.Status.SIGNED, Agreement.Status.ENDED)


def _days_in_year(year: int) -> int:
    return 366 if calendar.isleap(year) else 365


def costs_by_year(hub, years) -> dict[int, Decimal]:
    """The counted costs of ``hub`` in each of ``years``."""
    years = list(years)
    result = dict.fromkeys(years, ZERO)
    if not years:
        return result
    lines = CostLine.objects.filter(hub=hub, year__lte=max(years))
    for line in lines:
        for offset, part in enumerate(line.parts()):
            if line.year + offset in result:
                result[line.year + offset] += part
    return result


def granted_funding(project, year: int) -> Decimal:
    from hubro.community.models import FundingLine

    total = FundingLine.objects.filter(
        project=project, year=year, status=FundingLine.Status.GRANTED
    ).aggregate(total=Sum("amount"))["total"]
    return total or ZERO


def agreement_income(agreement: Agreement, year: int, shares: YearShares | None) -> Decimal:
    """What ``agreement`` brings in ``year`` (before looking at its status)."""
    days = agreement.days_in(year)
    if not days:
        return ZERO
    if agreement.basis == Agreement.Basis.FIXED:
        full = agreement.yearly_amount or ZERO
    elif agreement.basis == Agreement.Basis.PERCENT:
        if agreement.project_id is None:
            return ZERO
        full = granted_funding(agreement.project, year) * (agreement.percentage or 0) / 100
    else:
        share = (
            shares.share_of(agreement.organization) if shares and agreement.organization else None
        )
        full = share or ZERO
    return to_ore(Decimal(full) * days / _days_in_year(year))


@dataclass
class YearCoverage:
    year: int
    costs: Decimal
    income_signed: Decimal
    income_intent: Decimal
    shares: YearShares
    income_by_agreement: dict[int, Decimal] = field(default_factory=dict)

    @property
    def income(self) -> Decimal:
        return self.income_signed + self.income_intent

    @property
    def coverage(self) -> Decimal | None:
        """(signed + intended income) / costs, to four places, rounded down (so that a
        year with a gap never shows as fully covered); None without costs."""
        if not self.costs:
            return None
        return (self.income / self.costs).quantize(Decimal("0.0001"), rounding=ROUND_DOWN)

    @property
    def coverage_percent(self) -> Decimal | None:
        ratio = self.coverage
        if ratio is None:
            return None
        return (ratio * 100).quantize(Decimal("1"), rounding=ROUND_DOWN)

    @property
    def gap(self) -> Decimal:
        return max(self.costs - self.income, ZERO)

    @property
    def covered(self) -> bool:
        return self.gap == 0


def year_coverage(hub, year: int, *, costs: Decimal | None = None, all_keys=False):
    """Costs, income and shares of ``hub`` in ``year``."""
    if costs is None:
        costs = costs_by_year(hub, [year])[year]
    agreements = list(
        Agreement.objects.filter(
            hub=hub, starts_on__lte=dt.date(year, 12, 31), ends_on__gte=dt.date(year, 1, 1)
        )
        .exclude(status=Agreement.Status.DRAFT)
        .select_related("organization", "project")
    )
    income = {}
    for agreement in agreements:
        if agreement.basis != Agreement.Basis.SHARE:
            income[agreement.pk] = agreement_income(agreement, year, None)
    deducted = sum(income.values(), ZERO)
    shares = compute_year(hub, year, costs=costs, deducted=deducted, all_keys=all_keys)
    for agreement in agreements:
        if agreement.basis == Agreement.Basis.SHARE:
            income[agreement.pk] = agreement_income(agreement, year, shares)
    signed = sum((income[a.pk] for a in agreements if a.status in SIGNED), ZERO)
    intent = sum((income[a.pk] for a in agreements if a.status == Agreement.Status.INTENT), ZERO)
    return YearCoverage(year, costs, signed, intent, shares, income)


@dataclass
class Runway:
    rows: list[YearCoverage]
    runs_out_in: int | None
    next_year: YearCoverage

    @property
    def next_year_uncovered(self) -> bool:
        return self.next_year.gap > 0 or (self.next_year.costs == 0 and self.next_year.income == 0)

    @property
    def warning(self) -> bool:
        """Next year has costs that its income does not cover."""
        return self.next_year.gap > 0


def budget_years(hub, today: dt.date | None = None) -> list[int]:
    """From the first year with costs or agreements to the last, and at least through
    next year."""
    today = today or timezone.localdate()
    years = {today.year, today.year + 1}
    for line in CostLine.objects.filter(hub=hub).only("year", "spread_years"):
        years.update({line.year, line.last_year})
    for starts, ends in Agreement.objects.filter(hub=hub).values_list("starts_on", "ends_on"):
        years.update({starts.year, ends.year})
    # The actions keep every year within these bounds; older rows outside them must not
    # turn the overview into thousands of years (or a year Python dates cannot hold).
    years = {year for year in years if FIRST_YEAR <= year <= LAST_YEAR} | {
        today.year,
        today.year + 1,
    }
    return list(range(min(years), max(years) + 1))


def runway(hub, *, today: dt.date | None = None) -> Runway:
    """Coverage of every budget year, the year funding runs out, and next year."""
    today = today or timezone.localdate()
    years = budget_years(hub, today)
    costs = costs_by_year(hub, years)
    rows = [year_coverage(hub, year, costs=costs[year]) for year in years]
    runs_out = next((row.year for row in rows if row.gap > 0), None)
    next_year = next(row for row in rows if row.year == today.year + 1)
    return Runway(rows, runs_out, next_year)
