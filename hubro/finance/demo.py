"""What `hubro loaddemo` adds for the finance app (see ``hubro.core.demo.EXTENSIONS``).

- RegionLab Lister: costs 2023–2027 (rent, operation, host, services, and a fit-out
  spread over three years). Every member organization pays a share under the year's
  key: signed for 2023–2024, letters of intent for 2025–2027. The projects based at
  the lab pay overhead through 2026. So the rent and the rest are covered through 2027.
- Sentrumsgården Narvik: about 1 MNOK the first year (fit-out, symbolic rent,
  operation, host), full rent from the summer of 2025, and agreements that end in the
  summer of 2025, so the hub runs out of covered funding in 2025 and the runway
  warning shows.
- The demo's coordinator of Lyngdal kommune (listed by ``accounts()``) sees the
  municipality's agreements and statements.

Every row is keyed on a natural key, so a second run creates nothing."""

import datetime as dt
from decimal import Decimal

from hubro.core.demo import organizations as orgs
from hubro.core.demo.base import EMAIL_DOMAIN, DemoContext
from hubro.core.models import Membership

from .models import Agreement, CostLine, EmployeeCount, SharingKey

LISTER = "regionlab-lister"
NARVIK = "sentrumsgarden-narvik"

C = CostLine.Category
LISTER_YEARS = range(2023, 2028)
LISTER_YEARLY = [
    (C.RENT, "Leie av lokaler", "640000"),
    (C.OPERATION, "Strøm, renhold og IKT", "185000"),
    (C.STAFF, "Vertsfunksjon", "350000"),
    (C.SERVICES, "Kaffe, faglunsjer og arrangementer", "60000"),
]
# Actual figures for the years that are closed.
LISTER_ACTUAL = {2023: {C.OPERATION: "178420.50"}, 2024: {C.OPERATION: "191230.00"}}

NARVIK_LINES = [
    (2024, C.FIT_OUT, "Ombygging og møblering", "420000", "431250.00"),
    (2024, C.RENT, "Symbolsk leie", "12000", "12000.00"),
    (2024, C.OPERATION, "Strøm, renhold og IKT", "340000", "336800.00"),
    (2024, C.STAFF, "Vertsfunksjon", "200000", "200000.00"),
    (2024, C.SERVICES, "Tjenester", "30000", "24150.00"),
    (2025, C.RENT, "Symbolsk leie januar–juni", "6000", None),
    (2025, C.RENT, "Leie juli–desember", "240000", None),
    (2025, C.OPERATION, "Strøm, renhold og IKT", "340000", None),
    (2025, C.STAFF, "Vertsfunksjon", "200000", None),
    (2025, C.SERVICES, "Tjenester", "30000", None),
    *[
        (year, category, text, amount, None)
        for year in (2026, 2027)
        for category, text, amount in [
            (C.RENT, "Leie av lokaler", "480000"),
            (C.OPERATION, "Strøm, renhold og IKT", "340000"),
            (C.STAFF, "Vertsfunksjon", "200000"),
            (C.SERVICES, "Tjenester", "30000"),
        ]
    ],
]

S = Agreement.Status
NARVIK_AGREEMENTS = [
    # orgnr, from, to, status, yearly amount, note
    (orgs.NARVIK, "2024-01-01", "2025-06-30", S.SIGNED, "450000", "Vertskommunens bidrag."),
    (orgs.KDD, "2024-01-01", "2024-12-31", S.SIGNED, "420000", "Pilotmidler til ombygging."),
    (orgs.NORDLAND_FK, "2024-01-01", "2025-06-30", S.INTENT, "80000", ""),
    (orgs.SF_NORDLAND, "2024-01-01", "2024-12-31", S.SIGNED, "60000", ""),
]

# Employees in Lister per organization, entered by hand (no register snapshot yet).
LISTER_EMPLOYEES = {
    orgs.NAV: 46,
    orgs.SKATTEETATEN: 31,
    orgs.LYNGDAL: 640,
    orgs.FARSUND: 790,
    orgs.FLEKKEFJORD: 710,
    orgs.KVINESDAL: 530,
    orgs.HAGEBOSTAD: 120,
    orgs.SIRDAL: 215,
    orgs.AGDER_FK: 260,
    orgs.SF_AGDER: 38,
}

# Project slug → (basis, amount or percentage, status)
PROJECT_OVERHEAD = {
    "stimulab": (Agreement.Basis.PERCENT, "8", S.SIGNED),
    "sure": (Agreement.Basis.FIXED, "30000", S.INTENT),
    "skole-plivo": (Agreement.Basis.FIXED, "20000", S.SIGNED),
}


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _agreement(ctx, hub, *, organization=None, project=None, starts_on, **fields):
    _obj, created = Agreement.objects.get_or_create(
        hub=hub,
        organization=organization,
        project=project,
        starts_on=starts_on,
        defaults=fields,
    )
    ctx.tally.add("agreements", created)


def _cost_line(ctx, hub, year, category, description, planned, actual=None, spread=1):
    _obj, created = CostLine.objects.get_or_create(
        hub=hub,
        year=year,
        category=category,
        description=description,
        defaults={
            "planned": Decimal(planned),
            "actual": Decimal(actual) if actual is not None else None,
            "spread_years": spread,
        },
    )
    ctx.tally.add("cost lines", created)


def _build_lister(ctx: DemoContext, hub) -> None:
    _cost_line(ctx, hub, 2023, C.FIT_OUT, "Innredning og møteromsutstyr", "450000", "462300.00", 3)
    for year in LISTER_YEARS:
        for category, text, amount in LISTER_YEARLY:
            actual = LISTER_ACTUAL.get(year, {}).get(category)
            if actual is None and year in LISTER_ACTUAL:
                actual = amount
            _cost_line(ctx, hub, year, category, text, amount, actual)
    members = set(hub.member_organizations.all()) | {hub.host_organization}
    for organization in sorted(members, key=lambda org: org.name):
        for starts, ends, status in [
            ("2023-01-01", "2024-12-31", S.SIGNED),
            ("2025-01-01", "2027-12-31", S.INTENT),
        ]:
            _agreement(
                ctx,
                hub,
                organization=organization,
                starts_on=_date(starts),
                ends_on=_date(ends),
                status=status,
                basis=Agreement.Basis.SHARE,
                vat_category=Agreement.VatCategory.EXEMPT,
            )
        employees = LISTER_EMPLOYEES.get(organization.orgnr)
        if employees is None and organization.pk == hub.host_organization_id:
            employees = 8  # the IPR's own secretariat
        for year in LISTER_YEARS:
            if employees is not None:
                _obj, created = EmployeeCount.objects.get_or_create(
                    hub=hub,
                    year=year,
                    organization=organization,
                    defaults={"employees": employees},
                )
                ctx.tally.add("employee counts", created)
    for year in LISTER_YEARS:
        for kind in ("equal", "usage", "base_usage", "employees"):
            _obj, created = SharingKey.objects.get_or_create(
                hub=hub,
                year=year,
                kind=kind,
                defaults={"base_percent": Decimal(40), "is_chosen": kind == "employees"},
            )
            ctx.tally.add("sharing keys", created)
    _build_project_overhead(ctx, hub)


def _project(ctx: DemoContext, slug: str):
    from hubro.community.models import Project

    project = ctx.extra.get("community", {}).get("projects", {}).get(slug)
    return project or Project.objects.filter(slug=slug).first()


def _build_project_overhead(ctx: DemoContext, hub) -> None:
    for slug, (basis, value, status) in PROJECT_OVERHEAD.items():
        project = _project(ctx, slug)
        if project is None or project.hub_id not in (None, hub.pk):
            continue
        _agreement(
            ctx,
            hub,
            project=project,
            starts_on=dt.date(2024, 1, 1),
            ends_on=dt.date(2026, 12, 31),
            status=status,
            basis=basis,
            yearly_amount=Decimal(value) if basis == Agreement.Basis.FIXED else None,
            percentage=Decimal(value) if basis == Agreement.Basis.PERCENT else None,
            notes="Prosjektets andel av felleskostnadene (overhead).",
        )


def _build_narvik(ctx: DemoContext, hub) -> None:
    for year, category, text, planned, actual in NARVIK_LINES:
        _cost_line(ctx, hub, year, category, text, planned, actual)
    for orgnr, starts, ends, status, amount, note in NARVIK_AGREEMENTS:
        organization = ctx.organizations.get(orgnr)
        if organization is None:
            continue
        _agreement(
            ctx,
            hub,
            organization=organization,
            starts_on=_date(starts),
            ends_on=_date(ends),
            status=status,
            basis=Agreement.Basis.FIXED,
            yearly_amount=Decimal(amount),
            reference=f"NARVIK-{starts[:4]}-{orgnr}",
            notes=note,
        )


def build(ctx: DemoContext) -> None:
    """Add the finance demo rows; running it again changes nothing."""
    if LISTER in ctx.hubs:
        _build_lister(ctx, ctx.hubs[LISTER])
    if NARVIK in ctx.hubs:
        _build_narvik(ctx, ctx.hubs[NARVIK])


def counts() -> dict[str, int]:
    hubs = {"hub__slug__in": [LISTER, NARVIK]}
    return {
        "cost lines": CostLine.objects.filter(**hubs).count(),
        "agreements": Agreement.objects.filter(**hubs).count(),
        "sharing keys": SharingKey.objects.filter(**hubs).count(),
    }


def accounts() -> list[tuple[str, str]]:
    """The demo already has one coordinator per organization; name Lyngdal kommune's,
    who sees the municipality's agreements and statements for RegionLab Lister."""
    coordinator = (
        Membership.objects.filter(
            organization__orgnr=orgs.LYNGDAL,
            role=Membership.Role.COORDINATOR,
            person__email__endswith=EMAIL_DOMAIN,
        )
        .select_related("person")
        .order_by("pk")
        .first()
    )
    if coordinator is None:
        return []
    return [
        (
            coordinator.person.email,
            "coordinator, Lyngdal kommune (finance: agreements, statements)",
        )
    ]
