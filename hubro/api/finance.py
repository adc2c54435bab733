"""Økonomi: a hub's budget, agreements, shares under each key, coverage and statements.

Hosts of the hub and administrators see everything of a hub; a coordinator sees the
own organization's agreements and statements; anyone else gets 404. Amounts are
decimal strings in NOK with two decimals."""

import datetime as dt
from decimal import ROUND_DOWN, Decimal

from django.utils import timezone
from ninja import Path, Router, Schema

from hubro.core.errors import NotFound
from hubro.finance.coverage import costs_by_year, runway, year_coverage
from hubro.finance.models import Agreement
from hubro.finance.money import nok
from hubro.finance.queries import (
    cost_lines_in_year,
    get_agreement_for,
    get_hub_for_host,
    get_statement_party,
    visible_agreements,
)
from hubro.finance.sharing import KEY_ORDER
from hubro.finance.statements import build_statement
from hubro.spaces.models import Hub

from .schemas import ErrorOut

router = Router(tags=["finance"])

NOT_FOUND = {404: ErrorOut}


class ShareOut(Schema):
    orgnr: str
    name: str
    amount: str


class FinanceYearOut(Schema):
    year: int
    costs_total: str
    income_signed: str
    income_intent: str
    coverage: str | None
    gap: str
    shares: dict[str, list[ShareOut]]


class CoverageYearOut(Schema):
    year: int
    costs_total: str
    income_signed: str
    income_intent: str
    coverage: str | None
    gap: str


class CoverageOut(Schema):
    runs_out_in: int | None
    next_year: int
    next_year_covered: bool
    years: list[CoverageYearOut]


class CostLineOut(Schema):
    id: int
    year: int
    category: str
    description: str
    planned: str
    actual: str | None
    spread_years: int
    counted_this_year: str


class BudgetOut(Schema):
    year: int
    costs_total: str
    lines: list[CostLineOut]


class KeyShareOut(ShareOut):
    person_days: int
    per_person_day: str | None


class SharesOut(Schema):
    year: int
    costs_total: str
    deducted: str
    to_share: str
    chosen: str | None
    set_up: list[str]
    keys: dict[str, list[KeyShareOut]]


class AgreementOut(Schema):
    id: int
    hub: str
    orgnr: str | None
    organization: str | None
    project: str | None
    starts_on: dt.date
    ends_on: dt.date
    status: str
    basis: str
    yearly_amount: str | None
    percentage: str | None
    reference: str
    vat_category: str
    documents: int


class PartyOut(Schema):
    orgnr: str
    name: str


class KeyShareOut(Schema):
    """How the organization's share under the year's key is worked out."""

    key: str
    basis: str
    own_basis: str
    total_basis: str
    participants: int
    basis_percent: str | None
    costs: str
    deducted: str
    to_share: str
    percent: str | None
    amount: str


class StatementLineOut(Schema):
    description: str
    quantity: int
    amount: str
    vat_category: str
    vat_label: str
    vat_rate: int
    vat: str
    status: str
    agreement: int | None


class StatementOut(Schema):
    hub: str
    year: int
    period_start: dt.date
    period_end: dt.date
    seller: PartyOut
    buyer: PartyOut
    reference: str
    language: str
    currency: str = "NOK"
    lines: list[StatementLineOut]
    total: str
    vat_total: str
    total_with_vat: str
    key_share: KeyShareOut | None
    person_days: int
    cost_per_person_day: str | None


def _ratio(value) -> str | None:
    # Rounded down, as on the pages: a year with a gap never reads "1.00".
    return None if value is None else str(value.quantize(Decimal("0.01"), rounding=ROUND_DOWN))


def _coverage_row(row) -> dict:
    return {
        "year": row.year,
        "costs_total": nok(row.costs),
        "income_signed": nok(row.income_signed),
        "income_intent": nok(row.income_intent),
        "coverage": _ratio(row.coverage),
        "gap": nok(row.gap),
    }


def _agreement_out(agreement: Agreement) -> dict:
    return {
        "id": agreement.pk,
        "hub": agreement.hub.slug,
        "orgnr": agreement.organization.orgnr if agreement.organization else None,
        "organization": agreement.organization.name if agreement.organization else None,
        "project": agreement.project.slug if agreement.project else None,
        "starts_on": agreement.starts_on,
        "ends_on": agreement.ends_on,
        "status": agreement.status,
        "basis": agreement.basis,
        "yearly_amount": nok(agreement.yearly_amount)
        if agreement.yearly_amount is not None
        else None,
        "percentage": str(agreement.percentage) if agreement.percentage is not None else None,
        "reference": agreement.reference,
        "vat_category": agreement.vat_category,
        "documents": agreement.documents.count(),
    }


@router.get("/hubs/{slug}/finance/coverage", response={200: CoverageOut, 404: ErrorOut})
def coverage(request, slug: str):
    """Costs against signed and intended income for every budget year, the coverage
    ratio (income / costs, two decimals), the gap in NOK, the first year with a gap
    (``runs_out_in``) and whether next year is covered. Hosts and administrators."""
    hub = get_hub_for_host(request.auth, slug)
    today = timezone.localdate()
    result = runway(hub, today=today)
    return {
        "runs_out_in": result.runs_out_in,
        "next_year": today.year + 1,
        "next_year_covered": not result.warning,
        "years": [_coverage_row(row) for row in result.rows],
    }


@router.get("/hubs/{slug}/finance/agreements", response={200: list[AgreementOut], 404: ErrorOut})
def hub_agreements(request, slug: str):
    """The hub's agreements: all of them for hosts, the own organization's (drafts
    excepted) for coordinators. 404 for anyone who may see none."""
    hub = Hub.objects.filter(slug=slug).first()
    if hub is None:
        raise NotFound()
    agreements = (
        visible_agreements(request.auth)
        .filter(hub=hub)
        .select_related("hub", "organization", "project")
        .order_by("starts_on", "pk")
    )
    if not agreements.exists():
        get_hub_for_host(request.auth, slug)  # a host sees an empty list, others 404
    return [_agreement_out(agreement) for agreement in agreements]


@router.get("/finance/agreements/{agreement_id}", response={200: AgreementOut, 404: ErrorOut})
def agreement_detail(request, agreement_id: int):
    """One agreement, for the hub's hosts and the organization's coordinators."""
    return _agreement_out(get_agreement_for(request.auth, agreement_id))


@router.get("/hubs/{slug}/finance/{year}", response={200: FinanceYearOut, 404: ErrorOut})
def finance_year(request, slug: str, year: int = Path(..., ge=2000, le=2100)):
    """A hub's year at a glance: costs, signed and intended income, coverage ratio,
    gap, and the shares under each key the host has set up (``equal``, ``fixed``,
    ``usage``, ``base_usage``, ``employees``). Hosts and administrators."""
    hub = get_hub_for_host(request.auth, slug)
    row = year_coverage(hub, year)
    return {
        **_coverage_row(row),
        "shares": {
            kind: [
                {
                    "orgnr": r.organization.orgnr,
                    "name": r.organization.name,
                    "amount": nok(r.amount),
                }
                for r in rows
            ]
            for kind, rows in row.shares.shares.items()
        },
    }


@router.get("/hubs/{slug}/finance/{year}/budget", response={200: BudgetOut, 404: ErrorOut})
def budget(request, slug: str, year: int = Path(..., ge=2000, le=2100)):
    """The cost lines that count in ``year``: the year's own and fit-outs spread into
    it. ``counted_this_year`` is the part of the line that counts in the year."""
    hub = get_hub_for_host(request.auth, slug)
    out = []
    for line in cost_lines_in_year(hub, year):
        out.append(
            {
                "id": line.pk,
                "year": line.year,
                "category": line.category,
                "description": line.description,
                "planned": nok(line.planned),
                "actual": nok(line.actual) if line.actual is not None else None,
                "spread_years": line.spread_years,
                "counted_this_year": nok(line.part_in(year)),
            }
        )
    return {"year": year, "costs_total": nok(costs_by_year(hub, [year])[year]), "lines": out}


@router.get("/hubs/{slug}/finance/{year}/shares", response={200: SharesOut, 404: ErrorOut})
def shares(request, slug: str, year: int = Path(..., ge=2000, le=2100)):
    """What each organization would pay under every key, set up or not, with its
    person-days and the amount per person-day of its own use (null without use)."""
    hub = get_hub_for_host(request.auth, slug)
    row = year_coverage(hub, year, all_keys=True)
    result = row.shares
    return {
        "year": year,
        "costs_total": nok(result.costs),
        "deducted": nok(result.deducted),
        "to_share": nok(result.to_share),
        "chosen": result.chosen,
        "set_up": [kind for kind in KEY_ORDER if kind in result.keys],
        "keys": {
            kind: [
                {
                    "orgnr": r.organization.orgnr,
                    "name": r.organization.name,
                    "amount": nok(r.amount),
                    "person_days": r.person_days,
                    "per_person_day": nok(r.per_person_day)
                    if r.per_person_day is not None
                    else None,
                }
                for r in rows
            ]
            for kind, rows in result.shares.items()
        },
    }


@router.get(
    "/hubs/{slug}/finance/{year}/statements/{orgnr}",
    response={200: StatementOut, 404: ErrorOut},
)
def statement(request, slug: str, orgnr: str, year: int = Path(..., ge=2000, le=2100)):
    """An organization's yearly statement, structured for a later EHF invoice (seller
    and buyer by orgnr, a reference, lines with a VAT category). Hosts of the hub and
    the organization's coordinators."""
    hub, organization = get_statement_party(request.auth, slug, year, orgnr)
    result = build_statement(hub, organization, year)
    return {
        "hub": hub.slug,
        "year": year,
        "period_start": result.period[0],
        "period_end": result.period[1],
        "seller": result.seller.__dict__,
        "buyer": result.buyer.__dict__,
        "reference": result.reference,
        "language": result.language,
        "lines": [
            {
                "description": line.description,
                "quantity": line.quantity,
                "amount": nok(line.amount),
                "vat_category": line.vat_category,
                "vat_label": line.vat_label,
                "vat_rate": line.vat_rate,
                "vat": nok(line.vat),
                "status": line.status,
                "agreement": line.agreement_id,
            }
            for line in result.lines
        ],
        "total": nok(result.total),
        "vat_total": nok(result.vat_total),
        "total_with_vat": nok(result.total_with_vat),
        "key_share": _key_share(result.key_share),
        "person_days": result.person_days,
        "cost_per_person_day": nok(result.cost_per_person_day)
        if result.cost_per_person_day is not None
        else None,
    }


def _key_share(share) -> dict | None:
    if share is None:
        return None
    return {
        "key": share.kind,
        "basis": share.basis_label,
        "own_basis": str(share.own_basis.normalize()),
        "total_basis": str(share.total_basis.normalize()),
        "participants": share.participants,
        "basis_percent": str(share.basis_percent) if share.basis_percent is not None else None,
        "costs": nok(share.costs),
        "deducted": nok(share.deducted),
        "to_share": nok(share.to_share),
        "percent": str(share.percent) if share.percent is not None else None,
        "amount": nok(share.amount),
    }
