"""What `hubro loaddemo` adds for this app (see ``hubro.core.demo.EXTENSIONS``): the
Statens hus programme owned by the ministry (KDD), its five national goals, the four
pilots with phases, steering groups, project leaders (with one change of leader),
local goals, sub-projects with their real histories, monthly status reports,
assessments at midway and at the end, and a self-assessment of RegionLab Lister by two
scorers who disagree on financing.

Every sentence is written for Hubro; the facts come from the evaluation (see
``/work/shared/DOMAIN.md``). Running it again creates nothing: rows are keyed on slugs,
emails and natural keys, and a sub-project's history is written only when the project
is created."""

import datetime as dt
from decimal import Decimal

from django.core.files.base import ContentFile

from hubro.community.models import Project
from hubro.core.demo import organizations as orgs
from hubro.core.demo.base import EMAIL_DOMAIN, DemoContext
from hubro.core.demo.hubs import LISTER
from hubro.core.models import Membership, Person, Region

from . import actions
from .demo_data import GOAL_TEXTS, PILOTS, D, PilotSpec
from .demo_followup import (
    ASSESSMENTS,
    GOAL_TEXT_BY_SCORE,
    MILESTONE_DATES,
    REPORT_MONTHS,
    REPORT_TEXT,
)
from .models import (
    Assessment,
    LocalGoal,
    Phase,
    PhaseApproval,
    PhaseDocument,
    Pilot,
    PilotLeader,
    PilotSubProject,
    Programme,
    ProgrammeGoal,
    ProgrammeRole,
    SelfAssessmentResponse,
    SelfAssessmentRound,
    StatusReport,
    SteeringGroupMember,
    SteeringGroupOrganization,
)

OWNER_EMAIL = f"departement@{EMAIL_DOMAIN}"
EVALUATOR_EMAIL = f"evaluator@{EMAIL_DOMAIN}"
PROGRAMME_SLUG = "statens-hus"


def _pdf(lines: list[str]) -> bytes:
    """A one-page PDF with a few lines of text: enough to stand in for a real report."""
    text = "BT /F1 14 Tf 72 760 Td 18 TL " + " ".join(
        "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") '"
        for line in lines
    )
    stream = text.encode("latin-1", "replace") + b" ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


# --- Building -----------------------------------------------------------------------------


def _person(ctx, email, name, organization):
    from django.contrib.auth.hashers import make_password

    from hubro.core.demo import DEMO_PASSWORD

    person = Person.objects.filter(email=email).first()
    if person is None:
        person = Person.objects.create(
            email=email, name=name, password=make_password(DEMO_PASSWORD)
        )
        ctx.tally.add("people", True)
    if not Membership.objects.filter(person=person).exists():
        Membership.objects.create(person=person, organization=organization, is_primary=True)
        ctx.tally.add("memberships", True)
    return person


def _people_of(ctx, orgnr):
    return [p.person for p in ctx.people if p.organization.orgnr == orgnr]


def _organization(ctx, key):
    if key == "ipr":
        return orgs.lister_ipr(ctx.organizations) or ctx.organizations[orgs.LYNGDAL]
    return ctx.organizations[key]


def _programme(ctx) -> Programme:
    programme, created = Programme.objects.get_or_create(
        slug=PROGRAMME_SLUG,
        defaults={
            "name": "Statens hus",
            "description": (
                "Et pilotprogram for sterkere offentlige fagmiljøer utenfor de store byene: "
                "samlokalisering, kontorfellesskap og kompetanseklynger i fire regioner."
            ),
            "owner": ctx.organizations[orgs.KDD],
            "starts_on": D(2021, 1, 1),
            "ends_on": D(2025, 6, 30),
            "original_ends_on": D(2024, 12, 31),
            "budget": Decimal("16000000"),
            "budget_note": "bevilget i 2021; perioden ble forlenget med seks måneder",
        },
    )
    ctx.tally.add("programmes", created)
    for goal, text in GOAL_TEXTS.items():
        _, created = ProgrammeGoal.objects.get_or_create(
            programme=programme, number=goal.value, defaults={"text": text}
        )
        ctx.tally.add("national goals", created)
    return programme


def _roles(ctx, programme):
    kdd = ctx.organizations[orgs.KDD]
    owner = _person(ctx, OWNER_EMAIL, "Demo Departement", kdd)
    evaluator = _person(ctx, EVALUATOR_EMAIL, "Demo Evaluator", kdd)
    for person, role in ((owner, "owner"), (evaluator, "evaluator")):
        _, created = ProgrammeRole.objects.get_or_create(
            programme=programme, person=person, role=role
        )
        ctx.tally.add("programme roles", created)
    return owner, evaluator


def _pilot(ctx, programme, spec: PilotSpec) -> Pilot:
    host = ctx.organizations[spec.host_orgnr]
    pilot, created = Pilot.objects.get_or_create(
        slug=spec.slug,
        defaults={
            "programme": programme,
            "name": spec.name,
            "description": spec.description,
            "host_municipality": host.municipality,
            "region": Region.objects.filter(slug=spec.region).first(),
            "hub": ctx.hubs.get(spec.hub),
        },
    )
    ctx.tally.add("pilots", created)
    for kind, start, end in spec.phases:
        _, created = Phase.objects.get_or_create(
            pilot=pilot, kind=kind, defaults={"starts_on": start, "ends_on": end}
        )
        ctx.tally.add("phases", created)
    for orgnr, role in spec.steering:
        _, created = SteeringGroupOrganization.objects.get_or_create(
            pilot=pilot, organization=ctx.organizations[orgnr], defaults={"role": role}
        )
        ctx.tally.add("steering organizations", created)
    for index, (title, numbers) in enumerate(spec.local_goals):
        goal, created = LocalGoal.objects.get_or_create(
            pilot=pilot, title=title, defaults={"position": index}
        )
        if created:
            goal.national_goals.set(programme.goals.filter(number__in=numbers))
        ctx.tally.add("local goals", created)
    return pilot


def _people(ctx, pilot, spec: PilotSpec):
    """The steering group (one person per organization, the host's as chair), and the
    project leader(s) from the host municipality."""
    host_people = _people_of(ctx, spec.host_orgnr)
    position = [p.slug for p in PILOTS].index(spec.slug)
    for orgnr, _role in spec.steering:
        candidates = _people_of(ctx, orgnr)
        if not candidates:
            continue
        # The host's coordinator chairs; other organizations send a different person to
        # each pilot where they can.
        person = candidates[0 if orgnr == spec.host_orgnr else position % len(candidates)]
        role = "chair" if orgnr == spec.host_orgnr else "member"
        _, created = SteeringGroupMember.objects.get_or_create(
            pilot=pilot,
            person=person,
            defaults={"organization": ctx.organizations[orgnr], "role": role},
        )
        ctx.tally.add("steering members", created)
    if spec.hub == LISTER:
        # The demo host account sits in the Lister steering group, so that a visitor can
        # file a status report.
        _, created = SteeringGroupMember.objects.get_or_create(
            pilot=pilot,
            person=ctx.fixed.vert,
            defaults={
                "role": "secretary",
                "organization": ctx.fixed.vert.primary_membership.organization,
            },
        )
        ctx.tally.add("steering members", created)
    if pilot.leaders.exists() or len(host_people) < 3:
        return
    first_start = spec.phases[0][1]
    host = ctx.organizations[spec.host_orgnr]
    leaders = [host_people[1]] + ([host_people[2]] if spec.leader_change else [])
    PilotLeader.objects.create(
        pilot=pilot, person=leaders[0], organization=host, starts_on=first_start
    )
    ctx.tally.add("pilot leaders", True)
    if spec.leader_change:
        actions.change_leader(
            pilot,
            person=leaders[1],
            organization=host,
            starts_on=spec.leader_change,
            note="Ny prosjektleder etter at den første gikk over i annen stilling.",
            actor=None,
        )
        ctx.tally.add("pilot leaders", True)


def _sub_projects(ctx, pilot, spec: PilotSpec):
    """Create the pilot's projects through the community actions, then replay their
    status changes in date order (a merge needs its target still open)."""
    from hubro.community.actions import change_project_status, create_project

    hub = ctx.hubs.get(spec.hub)
    pending = []
    for sub in sorted(spec.sub_projects, key=lambda sp: sp.created_on):
        project = Project.objects.filter(slug=sub.slug).first()
        if project is None:
            project = create_project(
                title=sub.title,
                hub=hub,
                description=sub.description,
                status="ongoing",
                starts_on=sub.created_on,
                slug=sub.slug,
                created_on=sub.created_on,
                actor=None,
            )
            ctx.tally.add("projects", True)
            pending.extend((change, project) for change in sub.changes)
        _link(ctx, pilot, project, sub.created_on)
    for change, project in sorted(pending, key=lambda item: item[0].on):
        change_project_status(
            project,
            to_status=change.to,
            changed_on=change.on,
            reason=change.reason,
            merged_into=(
                Project.objects.get(slug=change.merged_into) if change.merged_into else None
            ),
            handed_over_to=(
                _organization(ctx, change.handed_over_to) if change.handed_over_to else None
            ),
            actor=None,
        )
        ctx.tally.add("project status changes", True)
    for slug in spec.existing_projects:
        project = Project.objects.filter(slug=slug).first()
        if project is not None:
            _link(ctx, pilot, project, D(2024, 1, 1))


def _link(ctx, pilot, project, added_on):
    if PilotSubProject.objects.filter(project=project).exists():
        return
    actions.link_sub_project(pilot, project, added_on=added_on, actor=None)
    ctx.tally.add("sub-projects", True)


def _pre_project_report(ctx, pilot, spec):
    phase = pilot.phases.get(kind="pre_project")
    if phase.documents.exists():
        return
    document = PhaseDocument(
        phase=phase,
        kind=PhaseDocument.Kind.PRE_PROJECT_REPORT,
        title=f"Forprosjektrapport {spec.name}",
    )
    lines = [
        f"Forprosjektrapport: {spec.name}",
        "Demodokument laget av Hubro.",
        "Forslag til delprosjekter:",
        *(
            f"- {sub.title}"
            for sub in spec.sub_projects
            if sub.created_on <= phase.ends_on + dt.timedelta(days=1)
        ),
    ]
    document.file.save(f"forprosjekt-{spec.slug}.pdf", ContentFile(_pdf(lines)), save=False)
    document.save()
    ctx.tally.add("phase documents", True)
    PhaseApproval.objects.create(
        phase=phase,
        document=document,
        decision=PhaseApproval.Decision.APPROVED,
        decided_on=phase.ends_on + dt.timedelta(days=1),
        decided_by_organization=pilot.programme.owner,
        note="Hovedprosjektet kan starte.",
    )
    ctx.tally.add("phase approvals", True)


def _status_reports(ctx, pilot, spec):
    leader = pilot.leaders.filter(ends_on__isnull=True).first()
    if leader is None:
        return
    projects = {p.slug: p for p in Project.objects.filter(slug__in=spec.active_2025)}
    for year, month in REPORT_MONTHS:
        start = D(year, month, 1)
        end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        if StatusReport.objects.filter(pilot=pilot, period_start=start, period_end=end).exists():
            continue
        summary, risk = REPORT_TEXT[month]
        actions.file_status_report(
            pilot,
            period_start=start,
            period_end=end,
            summary=summary,
            risks=risk,
            needs=(
                "Svar på om departementet vil bidra til å dele erfaringene nasjonalt."
                if month % 2
                else "Ingen nye behov denne måneden."
            ),
            progress={
                project.pk: f"{project.title}: arbeidet går etter planen i {start:%m/%Y}."
                for project in projects.values()
            },
            actor=leader.person,
        )
        ctx.tally.add("status reports", True)


def _assessments(ctx, pilot, evaluator):
    for milestone, content in ASSESSMENTS[pilot.slug].items():
        if Assessment.objects.filter(pilot=pilot, milestone=milestone).exists():
            continue
        actions.record_assessment(
            pilot,
            milestone=milestone,
            assessed_on=MILESTONE_DATES[milestone],
            summary=content["summary"],
            recommendations=content["recommendations"],
            goal_scores={
                number: (score, content.get("texts", {}).get(number, GOAL_TEXT_BY_SCORE[score]))
                for number, score in content["scores"].items()
            },
            success_factors={code: "" for code in content["factors"]},
            barriers={code: "" for code in content["barriers"]},
            actor=evaluator,
        )
        ctx.tally.add("assessments", True)


def _self_assessment(ctx):
    """RegionLab Lister scored by its host and a partner, who disagree on financing."""
    from .criteria import Barrier, Criterion

    hub = ctx.hubs.get(LISTER)
    if hub is None:
        return
    partner_orgs = set(hub.member_organizations.values_list("pk", flat=True))
    partner = next(
        (
            p.person
            for p in ctx.people
            if p.organization.pk in partner_orgs
            and p.organization.orgnr == orgs.NAV
            and Membership.objects.filter(
                person=p.person, organization=p.organization, role="coordinator"
            ).exists()
        ),
        None,
    )
    host = ctx.fixed.vert
    if partner is None:
        return
    rounds = [
        ("Høst 2024", D(2024, 10, 15), {"financing": (5, 2)}),
        ("Vår 2025", D(2025, 4, 10), {"financing": (5, 3)}),
    ]
    base_host = {"purpose": 4, "participation": 3, "culture": 3, "collaboration": 4,
                 "leadership": 4, "capacity": 3, "networks": 3}  # fmt: skip
    base_partner = {"purpose": 3, "participation": 3, "culture": 3, "collaboration": 4,
                    "leadership": 3, "capacity": 2, "networks": 3}  # fmt: skip
    barriers_host = {"silos": 2, "governance": 2, "short_funding": 2, "measuring": 4,
                     "competence": 2, "inertia": 3, "distance": 2}  # fmt: skip
    barriers_partner = {"silos": 3, "governance": 2, "short_funding": 5, "measuring": 4,
                        "competence": 2, "inertia": 3, "distance": 3}  # fmt: skip
    comments = {
        ("host", "financing"): "Alle parter har signert intensjonsavtaler om årlige bidrag.",
        ("partner", "financing"): "Bidraget vårt er bare avklart ett år om gangen.",
        ("partner", "short_funding"): "Vi vet ikke om vi kan betale etter 2027.",
        ("host", "measuring"): "Vi teller bookinger, men effekten er vanskelig å vise.",
    }
    for index, (title, held_on, financing) in enumerate(rounds):
        round_, created = SelfAssessmentRound.objects.get_or_create(
            hub=hub, held_on=held_on, defaults={"title": title}
        )
        ctx.tally.add("self-assessment rounds", created)
        for who, person, criteria, barriers in (
            ("host", host, base_host, barriers_host),
            ("partner", partner, base_partner, barriers_partner),
        ):
            if SelfAssessmentResponse.objects.filter(round=round_, scorer=person).exists():
                continue
            scores = {}
            for code in Criterion.values:
                value = (
                    financing["financing"][0 if who == "host" else 1]
                    if code == "financing"
                    else min(5, criteria[code] + index)
                )
                scores[("criterion", code)] = (value, comments.get((who, code), ""))
            for code in Barrier.values:
                scores[("barrier", code)] = (barriers[code], comments.get((who, code), ""))
            membership = Membership.objects.filter(person=person).order_by("-is_primary").first()
            actions.submit_self_assessment(
                round_,
                scorer=person,
                organization=membership.organization if membership else None,
                scores=scores,
                actor=None,
            )
            ctx.tally.add("self-assessments", True)


def build(ctx: DemoContext) -> None:
    """Add the programme, its pilots and everything they recorded; a second run adds
    nothing."""
    programme = _programme(ctx)
    owner, evaluator = _roles(ctx, programme)
    pilots = {}
    for spec in PILOTS:
        pilot = _pilot(ctx, programme, spec)
        _people(ctx, pilot, spec)
        _sub_projects(ctx, pilot, spec)
        _pre_project_report(ctx, pilot, spec)
        _status_reports(ctx, pilot, spec)
        _assessments(ctx, pilot, evaluator)
        pilots[spec.slug] = pilot
    _self_assessment(ctx)
    ctx.extra["programme"] = {
        "programme": programme,
        "pilots": pilots,
        "assessments": {
            (a.pilot.slug, a.milestone): a
            for a in Assessment.objects.filter(pilot__programme=programme).select_related("pilot")
        },
        "owner": owner,
        "evaluator": evaluator,
    }


def counts() -> dict[str, int]:
    return {
        "programmes": Programme.objects.count(),
        "pilots": Pilot.objects.count(),
        "sub-projects": PilotSubProject.objects.count(),
        "status reports": StatusReport.objects.count(),
        "assessments": Assessment.objects.count(),
        "self-assessments": SelfAssessmentResponse.objects.count(),
    }


def accounts() -> list[tuple[str, str]]:
    return [
        (OWNER_EMAIL, "programme owner (the ministry), Statens hus"),
        (EVALUATOR_EMAIL, "evaluator, Statens hus"),
    ]
