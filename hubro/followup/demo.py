"""What `hubro loaddemo` adds for the follow-up (after ``hubro.programme.demo``): requests
made from the pilots' status reports, some answered, some still waiting, and the
follow-up of a few recommendations. A second run adds nothing."""

import datetime as dt

from hubro.core.demo.base import DemoContext
from hubro.core.demo.organizations import NAV
from hubro.core.models import Organization
from hubro.programme.models import StatusReport

from . import actions
from .models import ProgrammeRequest, Recommendation

# (pilot, report month in 2025, subject, agency orgnr or None for the ministry,
#  days waited, reply or "" while open)
REQUESTS = [
    (
        "lyngdal-lister",
        1,
        "Deling av erfaringer nasjonalt",
        None,
        120,
        "Departementet tar erfaringene med i sluttrapporten og inviterer pilotene til et "
        "erfaringsseminar i juni.",
    ),
    ("lyngdal-lister", 3, "Statlige arbeidsplasser i RegionLab Lister", NAV, 45, ""),
    ("narvik-ofoten", 3, "Finansiering etter symbolsk husleie", None, 60, ""),
    ("stad-nordfjord", 5, "Hospitering fra andre regioner", None, 12, ""),
]

FOLLOW_UPS = [
    # (pilot, milestone, number, status, response, action)
    (
        "lyngdal-lister",
        "midway",
        1,
        Recommendation.Status.DONE,
        "Enig. Innsatsen samles om RegionLab Lister.",
        "Samlokaliseringen ble slått sammen med laben i 2023.",
    ),
    (
        "narvik-ofoten",
        "midway",
        1,
        Recommendation.Status.IN_PROGRESS,
        "Vi teller bruken hver måned fra høsten 2024.",
        "Bookinger og arrangementer registreres i Hubro.",
    ),
]


def _report(pilot, month):
    start = dt.date(2025, month, 1)
    return StatusReport.objects.filter(pilot=pilot, period_start=start).first()


def build(ctx: DemoContext) -> None:
    data = ctx.extra.get("programme")
    if not data:
        return
    pilots, owner = data["pilots"], data["owner"]
    for slug, month, subject, orgnr, days, reply in REQUESTS:
        pilot = pilots.get(slug)
        report = _report(pilot, month) if pilot else None
        if (
            report is None
            or ProgrammeRequest.objects.filter(pilot=pilot, subject=subject).exists()
        ):
            continue
        addressee = Organization.objects.filter(orgnr=orgnr).first() if orgnr else None
        request = actions.make_request(
            pilot,
            subject=subject,
            body=report.needs,
            addressee=addressee,
            status_report=report,
            actor=None,
        )
        sent = ctx.now - dt.timedelta(days=days)
        ProgrammeRequest.objects.filter(pk=request.pk).update(
            created_by=report.filed_by, created_at=sent
        )
        if reply:
            actions.answer_request(request, reply=reply, actor=None)
            ProgrammeRequest.objects.filter(pk=request.pk).update(
                replied_by=owner, replied_at=sent + dt.timedelta(days=9)
            )
        ctx.tally.add("requests", True)
    for slug, milestone, number, status, response, action in FOLLOW_UPS:
        item = Recommendation.objects.filter(
            assessment__pilot__slug=slug, assessment__milestone=milestone, number=number
        ).first()
        if item is None or item.status != Recommendation.Status.NOT_STARTED:
            continue
        actions.follow_up_recommendation(
            item, response=response, action=action, status=status, actor=None
        )
        ctx.tally.add("recommendation follow-ups", True)


def counts() -> dict[str, int]:
    return {
        "requests": ProgrammeRequest.objects.count(),
        "recommendations": Recommendation.objects.count(),
    }
