"""What `hubro loaddemo` adds for clusters and projects (see ``hubro.core.demo.EXTENSIONS``).

RegionLab Lister's two clusters (the agriculture cluster, and an AI cluster being
prepared) and its projects Stimulab, SuRe and Skole-PLIVO, from the evaluation of the
Statens hus pilot, plus a few projects at the other hubs. Amounts are illustrative.

Lister IPR is not a partner row: the demo's organizations have no verified
organization number for it, so it is named in the project descriptions instead.

Each cluster and project is keyed on its slug; one that exists is left alone, so a
second run creates nothing. The objects are left in
``ctx.extra["community"] = {"clusters": {slug: Cluster}, "projects": {slug: Project}}``
for the apps that build after this one."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from hubro.core.demo import organizations as orgs
from hubro.core.demo.base import DemoContext
from hubro.core.demo.hubs import LISTER, NARVIK, NORDFJORDEID, ORKLAND

from .actions import (
    add_cluster_organization,
    add_cluster_person,
    add_funding_line,
    add_project_partner,
    change_project_status,
    create_cluster,
    create_project,
    record_project_outcome,
)
from .models import Cluster, FundingLine, Project, ProjectStatusChange

LANDBRUK = "baerekraftig-landbruk-lister"
KI = "ki-klyngen-lister"
LISTER_MUNICIPALITIES = [
    orgs.LYNGDAL,
    orgs.FARSUND,
    orgs.FLEKKEFJORD,
    orgs.KVINESDAL,
    orgs.HAGEBOSTAD,
    orgs.SIRDAL,
]


@dataclass
class ClusterSpec:
    slug: str
    name: str
    topic: str
    description: str
    hubs: list[str]
    started_on: dt.date | None
    members: list[str]
    # (orgnr, how many of its demo people); the first person listed is the contact.
    people: list[tuple[str, int]] = field(default_factory=list)


CLUSTERS = [
    ClusterSpec(
        slug=LANDBRUK,
        name="Bærekraftig landbruk i Lister",
        topic="Landbruk, klima og beredskap",
        description=(
            "Klyngen samler landbruksforvaltningen i de seks Lister-kommunene, "
            "Statsforvalteren og fylkeskommunen med folk fra næringen. "
            "Landbrukskontorene har faste arbeidsdager i RegionLab Lister. Samarbeidet "
            "har satt i gang flere landbruksprosjekter, blant annet en felles "
            "veterinærvakt for regionen."
        ),
        hubs=[LISTER],
        started_on=dt.date(2023, 2, 1),
        members=[orgs.SF_AGDER, orgs.AGDER_FK, *LISTER_MUNICIPALITIES],
        people=[(orgs.LYNGDAL, 2), (orgs.SF_AGDER, 2), (orgs.AGDER_FK, 1), (orgs.KVINESDAL, 1)],
    ),
    ClusterSpec(
        slug=KI,
        name="KI-klyngen i Lister",
        topic="Kunstig intelligens i offentlig forvaltning",
        description=(
            "En klynge under oppbygging for dem som vil prøve ut og dele erfaringer med "
            "kunstig intelligens i kommunene og de statlige kontorene i Lister. "
            "Forberedelsene startet i 2024, blant annet med en faglunsj om temaet."
        ),
        hubs=[LISTER],
        started_on=None,
        members=[orgs.LYNGDAL, orgs.AGDER_FK, orgs.NAV, orgs.SKATTEETATEN],
        people=[(orgs.AGDER_FK, 1), (orgs.NAV, 1)],
    ),
]


@dataclass
class ProjectSpec:
    slug: str
    title: str
    description: str
    hub: str | None
    cluster: str | None
    created_on: dt.date
    starts_on: dt.date | None
    ends_on: dt.date | None
    # (orgnr, role)
    partners: list[tuple[str, str]]
    # (source, funder orgnr or "", amount, year, status)
    funding: list[tuple[str, str, str, int, str]] = field(default_factory=list)
    # (to_status, changed_on, reason, handed_over_to orgnr or "")
    history: list[tuple[str, dt.date, str, str]] = field(default_factory=list)
    outcome: str = ""


S = Project.Status
F = FundingLine.Status

PROJECTS = [
    ProjectSpec(
        slug="stimulab",
        title="Stimulab – smidigere arealforvaltning",
        description=(
            "Et samarbeid mellom Agder fylkeskommune, Lister IPR og Statsforvalteren om å "
            "gjøre saksbehandlingen av arealsaker enklere og raskere, med brukerne i "
            "sentrum. RegionLab Lister samler partene og gir prosjektet et sted å jobbe."
        ),
        hub=LISTER,
        cluster=None,
        created_on=dt.date(2023, 9, 1),
        starts_on=None,
        ends_on=dt.date(2026, 6, 30),
        partners=[
            (orgs.AGDER_FK, "owner"),
            (orgs.SF_AGDER, "partner"),
            (orgs.LYNGDAL, "partner"),
        ],
        funding=[
            ("Stimulab (stimuleringsordning for innovasjon)", "", "600000", 2024, F.GRANTED),
            ("Egenandel fylkeskommunen", orgs.AGDER_FK, "150000", 2024, F.GRANTED),
            ("Stimulab, videreføring", "", "400000", 2025, F.APPLIED),
        ],
        history=[
            (S.APPLICATION, dt.date(2023, 10, 15), "Søknad sendt til Stimulab.", ""),
            (S.ONGOING, dt.date(2024, 2, 1), "Søknaden ble innvilget; oppstart.", ""),
        ],
    ),
    ProjectSpec(
        slug="sure",
        title="SuRe – konflikter i grønn og digital omstilling",
        description=(
            "Et forprosjekt som skulle gi ny kunnskap om hvorfor grønn og digital omstilling "
            "skaper konflikter lokalt, og hvordan forvaltningen kan møte dem."
        ),
        hub=LISTER,
        cluster=None,
        created_on=dt.date(2023, 8, 15),
        starts_on=dt.date(2023, 9, 1),
        ends_on=None,
        partners=[(orgs.AGDER_FK, "partner"), (orgs.FLEKKEFJORD, "partner")],
        funding=[
            ("Regionale forskningsmidler, forprosjekt", "", "300000", 2023, F.GRANTED),
        ],
        history=[
            (S.ONGOING, dt.date(2023, 9, 1), "Forprosjektet startet.", ""),
            (
                S.HANDED_OVER,
                dt.date(2024, 11, 1),
                "Forprosjektet ga grunnlag for en søknad som ble godkjent; arbeidet går "
                "videre som forskningsprosjektet «Get Engaged».",
                "",
            ),
        ],
        outcome=(
            "Forprosjektet endte i et godkjent forskningsprosjekt, «Get Engaged», som "
            "bygger videre på innsikten om lokale konflikter i omstillingen."
        ),
    ),
    ProjectSpec(
        slug="skole-plivo",
        title="Skole-PLIVO",
        description=(
            "Utvikler en felles metode for hvordan skolene i Listersamarbeidet skal "
            "håndtere pågående livstruende vold, sammen med nødetatene."
        ),
        hub=LISTER,
        cluster=None,
        created_on=dt.date(2024, 1, 10),
        starts_on=None,
        ends_on=None,
        partners=[
            (orgs.LYNGDAL, "owner"),
            (orgs.FARSUND, "partner"),
            (orgs.KVINESDAL, "partner"),
            (orgs.POLITIET, "partner"),
        ],
        funding=[("Kommunale midler, Lister", "", "120000", 2024, F.GRANTED)],
        history=[(S.ONGOING, dt.date(2024, 3, 1), "Arbeidsgruppen er satt ned.", "")],
    ),
    ProjectSpec(
        slug="felles-veterinaervakt-lister",
        title="Felles veterinærvakt i Lister",
        description=(
            "Landbruksklyngen tok initiativ til én felles vaktordning for veterinærer i "
            "Lister-kommunene, slik at dyreeiere får hjelp hele døgnet."
        ),
        hub=None,
        cluster=LANDBRUK,
        created_on=dt.date(2023, 6, 1),
        starts_on=None,
        ends_on=None,
        partners=[
            *[(orgnr, "partner") for orgnr in LISTER_MUNICIPALITIES],
            (orgs.SF_AGDER, "funder"),
        ],
        funding=[
            ("Tilskudd til interkommunal veterinærvakt", orgs.SF_AGDER, "250000", 2024, F.GRANTED),
            ("Tilskudd til interkommunal veterinærvakt", orgs.SF_AGDER, "250000", 2025, F.APPLIED),
        ],
        history=[
            (
                S.ONGOING,
                dt.date(2023, 11, 1),
                "Kommunene ble enige om å utrede en felles ordning.",
                "",
            ),
        ],
    ),
    ProjectSpec(
        slug="ki-i-saksbehandling",
        title="KI i saksbehandling – forprosjekt",
        description="Idé fra KI-klyngen: prøve språkmodeller på enkle henvendelser.",
        hub=None,
        cluster=KI,
        created_on=dt.date(2025, 3, 1),
        starts_on=None,
        ends_on=None,
        partners=[(orgs.LYNGDAL, "owner"), (orgs.AGDER_FK, "partner")],
    ),
    ProjectSpec(
        slug="hospitering-distriktshub-vestland",
        title="Hospitering i Distriktshub Vestland",
        description=(
            "Ansatte i staten, kommunene og fylkeskommunen hospiterer hos hverandre i "
            "Statens hus på Nordfjordeid."
        ),
        hub=NORDFJORDEID,
        cluster=None,
        created_on=dt.date(2025, 1, 15),
        starts_on=None,
        ends_on=dt.date(2026, 12, 31),
        partners=[
            (orgs.STAD, "owner"),
            (orgs.VESTLAND_FK, "partner"),
            (orgs.NAV, "partner"),
            (orgs.SKATTEETATEN, "partner"),
        ],
        funding=[("Regionale utviklingsmidler", orgs.VESTLAND_FK, "200000", 2025, F.GRANTED)],
        history=[(S.ONGOING, dt.date(2025, 4, 1), "Start da Statens hus åpnet.", "")],
    ),
    ProjectSpec(
        slug="finansieringsmodell-sentrumsgarden",
        title="Finansieringsmodell for Sentrumsgården",
        description=(
            "Utreder hvordan kontorfellesskapet i Narvik kan finansieres når den "
            "symbolske leien tar slutt, og hvordan behovet kan dokumenteres."
        ),
        hub=NARVIK,
        cluster=None,
        created_on=dt.date(2025, 2, 1),
        starts_on=None,
        ends_on=None,
        partners=[(orgs.NARVIK, "owner"), (orgs.NORDLAND_FK, "partner")],
        funding=[("Regionale utviklingsmidler", orgs.NORDLAND_FK, "150000", 2025, F.REJECTED)],
        history=[
            (S.APPLICATION, dt.date(2025, 3, 1), "Søknad om utviklingsmidler.", ""),
            (S.IDEA, dt.date(2025, 6, 15), "Søknaden fikk avslag; ideen bearbeides.", ""),
        ],
    ),
    ProjectSpec(
        slug="forstudie-innovasjonshub-orkland",
        title="Forstudie: Innovasjonshub Orkland",
        description="Forstudie av behovet for en offentlig innovasjonshub i Trøndelag sørvest.",
        hub=ORKLAND,
        cluster=None,
        created_on=dt.date(2023, 10, 1),
        starts_on=None,
        ends_on=None,
        partners=[(orgs.ORKLAND, "owner"), (orgs.TRONDELAG_FK, "partner")],
        funding=[("Forstudiemidler", orgs.TRONDELAG_FK, "250000", 2024, F.GRANTED)],
        history=[
            (S.ONGOING, dt.date(2024, 1, 8), "Forstudien startet.", ""),
            (S.COMPLETED, dt.date(2024, 9, 30), "Rapporten er levert.", ""),
        ],
        outcome=(
            "Forstudien fant godt grunnlag for en offentlig innovasjonshub, men "
            "finansiering av etablering og drift er ikke avklart."
        ),
    ),
]


def _people_of(ctx: DemoContext, orgnr: str, count: int):
    found = [p.person for p in ctx.people if p.organization.orgnr == orgnr]
    return found[:count]


def _build_cluster(ctx: DemoContext, spec: ClusterSpec) -> Cluster:
    cluster = Cluster.objects.filter(slug=spec.slug).first()
    if cluster is not None:
        return cluster
    cluster = create_cluster(
        name=spec.name,
        slug=spec.slug,
        topic=spec.topic,
        description=spec.description,
        home_hubs=[ctx.hubs[slug] for slug in spec.hubs],
        started_on=spec.started_on,
        actor=None,
    )
    ctx.tally.add("clusters", True)
    for orgnr in spec.members:
        add_cluster_organization(
            cluster,
            organization=ctx.organizations[orgnr],
            joined_on=spec.started_on,
            actor=None,
        )
    first = True
    for orgnr, count in spec.people:
        for person in _people_of(ctx, orgnr, count):
            add_cluster_person(
                cluster,
                person=person,
                organization=ctx.organizations[orgnr],
                is_contact=first,
                joined_on=spec.started_on,
                actor=None,
            )
            first = False
    return cluster


def _build_project(ctx: DemoContext, spec: ProjectSpec, clusters: dict) -> Project:
    project = Project.objects.filter(slug=spec.slug).first()
    if project is not None:
        return project
    project = create_project(
        title=spec.title,
        slug=spec.slug,
        description=spec.description,
        hub=ctx.hubs[spec.hub] if spec.hub else None,
        cluster=clusters[spec.cluster] if spec.cluster else None,
        starts_on=spec.starts_on,
        ends_on=spec.ends_on,
        created_on=spec.created_on,
        actor=None,
    )
    ctx.tally.add("projects", True)
    for orgnr, role in spec.partners:
        add_project_partner(project, organization=ctx.organizations[orgnr], role=role, actor=None)
    for source, funder, amount, year, status in spec.funding:
        add_funding_line(
            project,
            source=source,
            funder=ctx.organizations[funder] if funder else None,
            amount=Decimal(amount),
            year=year,
            status=status,
            actor=None,
        )
    for to_status, changed_on, reason, handed_over_to in spec.history:
        change_project_status(
            project,
            to_status=to_status,
            changed_on=changed_on,
            reason=reason,
            handed_over_to=ctx.organizations[handed_over_to] if handed_over_to else None,
            actor=None,
        )
    if spec.outcome:
        record_project_outcome(project, outcome=spec.outcome, actor=None)
    return project


def build(ctx: DemoContext) -> None:
    """Add the clusters and projects; running it again changes nothing."""
    clusters = {spec.slug: _build_cluster(ctx, spec) for spec in CLUSTERS}
    projects = {spec.slug: _build_project(ctx, spec, clusters) for spec in PROJECTS}
    ctx.extra["community"] = {"clusters": clusters, "projects": projects}


def counts() -> dict[str, int]:
    return {
        "clusters": Cluster.objects.count(),
        "projects": Project.objects.count(),
        "project status changes": ProjectStatusChange.objects.count(),
        "funding lines": FundingLine.objects.count(),
    }
