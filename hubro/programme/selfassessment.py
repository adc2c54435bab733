"""Combining a hub's self-assessment: each scorer scores alone; the combined view shows
the mean, the lowest and highest score and the spread, and flags disagreement."""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from .criteria import Barrier, Criterion
from .models import SelfAssessmentScore

# A spread of two or more points on a 1–5 scale means the scorers see it differently.
DISAGREEMENT_SPREAD = 2


def items():
    """(kind, code, label) for the eight criteria, then the seven barriers."""
    return [(SelfAssessmentScore.Kind.CRITERION, c.value, c.label) for c in Criterion] + [
        (SelfAssessmentScore.Kind.BARRIER, b.value, b.label) for b in Barrier
    ]


@dataclass
class ScorerEntry:
    scorer: str
    organization: str
    score: int
    comment: str


@dataclass
class CombinedItem:
    kind: str
    code: str
    label: str
    entries: list[ScorerEntry] = field(default_factory=list)

    @property
    def scores(self):
        return [e.score for e in self.entries]

    @property
    def mean(self) -> Decimal | None:
        if not self.entries:
            return None
        value = Decimal(sum(self.scores)) / Decimal(len(self.scores))
        return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    @property
    def lowest(self):
        return min(self.scores) if self.entries else None

    @property
    def highest(self):
        return max(self.scores) if self.entries else None

    @property
    def spread(self) -> int | None:
        return self.highest - self.lowest if self.entries else None

    @property
    def disagree(self) -> bool:
        return len(self.entries) > 1 and self.spread >= DISAGREEMENT_SPREAD

    @property
    def disagreement_text(self) -> str:
        return _("Partnerne er uenige om «%(item)s» (spredning %(spread)s).") % {
            "item": self.label,
            "spread": self.spread,
        }


def combine(round_) -> list[CombinedItem]:
    """Every criterion and barrier of a round, with each scorer's score and the spread."""
    combined = {
        (kind, code): CombinedItem(kind, code, str(label)) for kind, code, label in items()
    }
    scores = (
        SelfAssessmentScore.objects.filter(response__round=round_)
        .select_related("response__scorer", "response__organization")
        .order_by("response__submitted_at", "pk")
    )
    for score in scores:
        item = combined.get((score.kind, score.code))
        if item is None:
            continue
        response = score.response
        item.entries.append(
            ScorerEntry(
                scorer=str(response.scorer),
                organization=str(response.organization or ""),
                score=score.score,
                comment=score.comment,
            )
        )
    return list(combined.values())


def disagreements(combined: list[CombinedItem]) -> list[CombinedItem]:
    return [item for item in combined if item.disagree]


@dataclass
class TrendRow:
    kind: str
    code: str
    label: str
    means: list  # one per round, Decimal or None


def trend(hub) -> tuple[list, list[TrendRow]]:
    """The mean score per criterion and barrier in each of the hub's rounds, oldest first."""
    rounds = list(hub.self_assessment_rounds.order_by("held_on", "pk"))
    per_round = [{(i.kind, i.code): i.mean for i in combine(r)} for r in rounds]
    rows = [
        TrendRow(kind, code, str(label), [values.get((kind, code)) for values in per_round])
        for kind, code, label in items()
    ]
    return rounds, rows


def trend_svg_points(means, *, width=160, height=40) -> str:
    """Polyline points for a small trend line (1 at the bottom, 5 at the top)."""
    values = [(i, m) for i, m in enumerate(means) if m is not None]
    if len(values) < 2:
        return ""
    step = width / max(len(means) - 1, 1)
    return " ".join(
        f"{i * step:.1f},{height - (float(m) - 1) / 4 * height:.1f}" for i, m in values
    )
