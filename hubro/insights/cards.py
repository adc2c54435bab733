"""The five goals at a glance: one card per goal with its headline figure, the change
from the previous period and a small trend over months.

Presentation only: every number comes from ``indicators.compute_for`` (the same
figures, suppressed the same way, as the tables below the cards); a month of the trend
is one more call for that calendar month."""

import datetime as dt
from dataclasses import dataclass, field

from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .charts import sparkline
from .definitions import GOALS
from .figure import Figure, display
from .indicators import _add_months, _month_end, compute_for

# The headline of each measured goal, and the figures the card names beside it.
HEADLINES = {
    1: ("active_organizations", ("cross_sector_days_2",)),
    2: ("returning_users", ("state_share",)),
    3: ("remote_person_days", ("remote_state_agencies",)),
    4: ("active_clusters", ("cluster_meetings",)),
}
MIN_TREND_MONTHS = 6
MAX_TREND_MONTHS = 12
RUNNING = gettext_lazy("pågår")


@dataclass
class TrendPoint:
    month: dt.date  # the first day of the month
    text: str  # the value as shown ("12", "<5", "–")
    value: float | int | None
    incomplete: bool = False  # the running month: not over yet

    @property
    def label(self) -> str:
        text = formats.date_format(self.month, "M Y")
        return f"{text} ({RUNNING})" if self.incomplete else text


@dataclass
class Change:
    text: str
    direction: str = ""  # up, down, same, or "" when there is nothing to compare


@dataclass
class GoalCard:
    goal: int
    title: str
    headline: Figure | None = None
    others: list[Figure] = field(default_factory=list)
    change: Change | None = None
    trend: list[TrendPoint] = field(default_factory=list)
    svg: str = ""
    summary: str = ""
    evidence: object = None  # goal 5: the programme's own assessments

    @property
    def anchor(self) -> str:
        return f"goal-{self.goal}"


def running_month(today: dt.date) -> dt.date:
    return today.replace(day=1)


def is_running(month_start: dt.date, today: dt.date) -> bool:
    """Whether the month that starts on ``month_start`` is under way (not over today)."""
    return month_start <= today < _month_end(month_start)


def trend_months(start: dt.date, end: dt.date, today: dt.date) -> list[dt.date]:
    """The calendar months of the trend: those of the period up to the running month,
    at least six (reaching back before a short period) and at most the last twelve."""
    last = min(end, today).replace(day=1)
    if last < start.replace(day=1):
        return []
    months = []
    month = start.replace(day=1)
    while month <= last:
        months.append(month)
        month = _add_months(month, 1)
    while len(months) < MIN_TREND_MONTHS:
        months.insert(0, _add_months(months[0], -1))
    return months[-MAX_TREND_MONTHS:]


def change(figure: Figure) -> Change:
    """The change from the previous period, in words (never colour alone)."""
    if figure.suppressed or figure.previous_suppressed:
        return Change(_("Endringen kan ikke vises av personvernhensyn."))
    if figure.value is None or figure.previous is None:
        return Change(_("Ingen tall for forrige periode."))
    before = figure.previous_display
    diff = figure.value - figure.previous
    if figure.unit == "ratio":
        points = formats.number_format(abs(diff) * 100, 1)
        amount = _("%(points)s prosentpoeng") % {"points": points}
    else:
        amount = display(abs(diff), figure.unit, False)
    if abs(diff) < 1e-9:
        return Change(_("Uendret fra forrige periode (%(before)s)") % {"before": before}, "same")
    if diff > 0:
        text = _("Opp %(amount)s fra forrige periode (%(before)s)")
        return Change(text % {"amount": amount, "before": before}, "up")
    text = _("Ned %(amount)s fra forrige periode (%(before)s)")
    return Change(text % {"amount": amount, "before": before}, "down")


def _trend_summary(title: str, points: list[TrendPoint]) -> str:
    shown = [p for p in points if p.value is not None and not p.incomplete]
    parts = []
    if len(shown) >= 2:
        parts.append(
            _("%(title)s: fra %(first)s i %(start)s til %(last)s i %(end)s.")
            % {
                "title": title,
                "first": shown[0].text,
                "start": shown[0].label,
                "last": shown[-1].text,
                "end": shown[-1].label,
            }
        )
    elif shown:
        parts.append(
            _("%(title)s: %(value)s i %(month)s.")
            % {
                "title": title,
                "value": shown[0].text,
                "month": shown[0].label,
            }
        )
    else:
        parts.append(_("%(title)s: ingen viste verdier.") % {"title": title})
    running = [p for p in points if p.incomplete]
    if running:
        parts.append(
            _("%(month)s pågår (%(value)s så langt): tallet gjelder ikke hele måneden.")
            % {
                "month": capfirst(formats.date_format(running[0].month, "F Y")),
                "value": running[0].text,
            }
        )
    hidden = sum(1 for p in points if p.value is None)
    if hidden:
        parts.append(_("%(count)s måneder er skjult av personvernhensyn.") % {"count": hidden})
    return " ".join(parts)


def monthly_figures(scope, months: list[dt.date]) -> dict[dt.date, dict[str, Figure]]:
    """The figures of each calendar month of the trend, by key (one computation a
    month, shared by all the cards)."""
    return {
        month: {
            figure.key: figure
            for figure in compute_for(scope, month, _month_end(month), compare=False)
        }
        for month in months
    }


def _trend(monthly, key: str, today: dt.date) -> list[TrendPoint]:
    points = []
    for month, figures in monthly.items():
        figure = figures.get(key)
        running = is_running(month, today)
        if figure is None:
            points.append(TrendPoint(month, "", None, running))
            continue
        value = None if figure.suppressed else figure.value
        points.append(TrendPoint(month, figure.display, value, running))
    return points


def goal_cards(scope, figures, start, end, today, *, evidence=None) -> list[GoalCard]:
    """One card per national goal; goal 5 carries the programme's own assessments."""
    by_key = {figure.key: figure for figure in figures}
    monthly = monthly_figures(scope, trend_months(start, end, today))
    cards = []
    for goal in (1, 2, 3, 4):
        key, other_keys = HEADLINES[goal]
        card = GoalCard(goal, str(GOALS[goal]), by_key.get(key))
        card.others = [by_key[k] for k in other_keys if k in by_key]
        if card.headline is not None:
            card.change = change(card.headline)
            card.trend = _trend(monthly, key, today)
            card.summary = _trend_summary(card.headline.label, card.trend)
            card.svg = sparkline(card.trend, f"spark-{goal}", card.headline.label, card.summary)
        cards.append(card)
    card = GoalCard(5, str(GOALS[5]), evidence=evidence)
    card.others = [f for f in figures if f.goal == 5 and "." not in f.key]
    if evidence is not None and evidence.trend:
        card.summary = _("Snittet av evaluatorenes karakterer for mål 5: %(points)s.") % {
            "points": "; ".join(f"{p.label} {p.text}" for p in evidence.trend)
        }
        card.svg = sparkline(
            evidence.trend, "spark-5", _("Programmets vurdering av mål 5"), card.summary
        )
    cards.append(card)
    return cards
