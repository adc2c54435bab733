"""Cost-sharing keys: what each organization would pay of a hub's costs in a year.

Who shares: the hub's host organization and member organizations, except those that
pay a fixed yearly amount by agreement that year. What they share: the year's costs
less the income from fixed-amount and project agreements (intent or signed). The
usage key reads person-days from ``hubro.insights.queries``, the employee key the
workplace register (``hubro.registry.queries``) and, where it has no number, the
numbers the host entered by hand."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from hubro.core.models import Organization

from .models import Agreement, EmployeeCount, FixedShare, SharingKey
from .money import ORE, ZERO, allocate, per_unit, to_ore

KEY_ORDER = [kind.value for kind in SharingKey.Kind]


class Source:
    REGISTER = "register"
    MANUAL = "manual"
    MISSING = "missing"


@dataclass
class Participant:
    organization: Organization
    person_days: int = 0
    employees: int = 0
    employees_source: str = Source.MISSING
    fixed_weight: Decimal = ZERO
    manual_employees: int | None = None  # what the host entered, used without a register


@dataclass
class ShareRow:
    organization: Organization
    amount: Decimal
    person_days: int

    @property
    def per_person_day(self) -> Decimal | None:
        return per_unit(self.amount, self.person_days)


@dataclass
class YearShares:
    """The shares of one hub and year under every key the host set up."""

    year: int
    costs: Decimal
    deducted: Decimal  # income from fixed-amount and project agreements
    participants: list[Participant]
    keys: dict[str, SharingKey] = field(default_factory=dict)
    shares: dict[str, list[ShareRow]] = field(default_factory=dict)

    @property
    def to_share(self) -> Decimal:
        return max(self.costs - self.deducted, ZERO)

    @property
    def chosen(self) -> str | None:
        for kind, key in self.keys.items():
            if key.is_chosen:
                return kind
        return None

    def share_of(self, organization, kind: str | None = None) -> Decimal | None:
        """The organization's share under ``kind`` (default: the chosen key)."""
        kind = kind or self.chosen
        for row in self.shares.get(kind or "", []):
            if row.organization.pk == organization.pk:
                return row.amount
        return None


def key_shares(
    kind: str,
    total: Decimal,
    participants: Sequence[Participant],
    *,
    base_percent: Decimal = Decimal(50),
) -> list[Decimal]:
    """Split ``total`` over ``participants`` under one key; a pure function.

    ``base_usage`` splits ``base_percent`` % of the total equally and the rest by
    person-days. A key whose weights are all zero (no use yet, no numbers entered)
    splits equally, as ``allocate`` does."""
    count = len(participants)
    if kind == SharingKey.Kind.EQUAL:
        return allocate(total, [1] * count)
    if kind == SharingKey.Kind.FIXED:
        return allocate(total, [p.fixed_weight for p in participants])
    if kind == SharingKey.Kind.USAGE:
        return allocate(total, [p.person_days for p in participants])
    if kind == SharingKey.Kind.EMPLOYEES:
        return allocate(total, [p.employees for p in participants])
    if kind == SharingKey.Kind.BASE_USAGE:
        base = to_ore(Decimal(total) * Decimal(base_percent) / 100)
        base = min(base, Decimal(total)).quantize(ORE)
        equal = allocate(base, [1] * count)
        used = allocate(Decimal(total) - base, [p.person_days for p in participants])
        return [a + b for a, b in zip(equal, used, strict=True)]
    raise ValueError(f"unknown key {kind!r}")


def year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def participants_of(hub, year: int) -> list[Organization]:
    """The organizations that share the hub's costs in ``year`` (see the module doc)."""
    fixed_payers = set(
        Agreement.objects.filter(
            hub=hub,
            organization__isnull=False,
            basis=Agreement.Basis.FIXED,
            starts_on__lte=dt.date(year, 12, 31),
            ends_on__gte=dt.date(year, 1, 1),
        )
        .exclude(status=Agreement.Status.DRAFT)
        .values_list("organization_id", flat=True)
    )
    ids = set(hub.member_organizations.values_list("pk", flat=True)) | {hub.host_organization_id}
    return list(Organization.objects.filter(pk__in=ids - fixed_payers).order_by("name", "pk"))


def gather_participants(hub, year: int, organizations=None) -> list[Participant]:
    """Participants with their person-days, employees (and source) and fixed weights."""
    from hubro.insights.queries import person_days_by_organization
    from hubro.registry.queries import employees_by_organization

    organizations = participants_of(hub, year) if organizations is None else organizations
    start, end = year_bounds(year)
    days = person_days_by_organization(hub, start, end)
    register = {}
    if hub.region_id is not None and organizations:
        register = employees_by_organization(hub.region, [o.orgnr for o in organizations]) or {}
    manual = dict(
        EmployeeCount.objects.filter(hub=hub, year=year).values_list(
            "organization_id", "employees"
        )
    )
    weights = dict(
        FixedShare.objects.filter(hub=hub, year=year).values_list("organization_id", "weight")
    )
    result = []
    for organization in organizations:
        participant = Participant(
            organization=organization,
            person_days=int(days.get(organization.pk, 0)),
            fixed_weight=weights.get(organization.pk, ZERO),
            manual_employees=manual.get(organization.pk),
        )
        if organization.orgnr in register:
            participant.employees = int(register[organization.orgnr])
            participant.employees_source = Source.REGISTER
        elif organization.pk in manual:
            participant.employees = manual[organization.pk]
            participant.employees_source = Source.MANUAL
        result.append(participant)
    return result


def compute_year(hub, year: int, *, costs: Decimal, deducted: Decimal, all_keys=False):
    """The shares of ``hub``'s costs in ``year`` under the keys the host set up (or,
    with ``all_keys``, under every key, for the side-by-side comparison)."""
    keys = {key.kind: key for key in SharingKey.objects.filter(hub=hub, year=year)}
    result = YearShares(
        year=year,
        costs=costs,
        deducted=deducted,
        participants=gather_participants(hub, year),
        keys=keys,
    )
    kinds = KEY_ORDER if all_keys else [kind for kind in KEY_ORDER if kind in keys]
    for kind in kinds:
        key = keys.get(kind)
        base = key.base_percent if key else Decimal(50)
        amounts = (
            key_shares(kind, result.to_share, result.participants, base_percent=base)
            if result.participants
            else []
        )
        result.shares[kind] = [
            ShareRow(p.organization, amount, p.person_days)
            for p, amount in zip(result.participants, amounts, strict=True)
        ]
    return result
