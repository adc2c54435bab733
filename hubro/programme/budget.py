"""Reads of a pilot's meetings, decisions and money, scoped like status reports
(``access.may_see_meetings``): what the steering group granted the pilot and its
sub-projects, what was spent and what is left, against the programme's budget."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Sum

from hubro.core.errors import NotFound

from . import access
from .meetings import programme_granted
from .models import Decision, Expense, Meeting

ZERO = Decimal("0.00")


def meetings_for(person, pilot):
    if not access.may_see_meetings(person, pilot):
        raise NotFound(code="meetings_not_found")
    return (
        Meeting.objects.filter(pilot=pilot)
        .select_related("recorded_by")
        .prefetch_related("decisions__sub_project__project")
    )


def get_meeting_for(person, pilot, pk) -> Meeting:
    meeting = meetings_for(person, pilot).filter(pk=pk).first()
    if meeting is None:
        raise NotFound(code="meeting_not_found")
    return meeting


@dataclass
class BudgetLine:
    """Granted, spent and left for the pilot itself or one sub-project."""

    label: str
    slug: str | None
    granted: Decimal = ZERO
    spent: Decimal = ZERO

    @property
    def left(self) -> Decimal:
        return self.granted - self.spent


@dataclass
class PilotBudget:
    programme_budget: Decimal | None
    programme_granted: Decimal
    lines: list[BudgetLine] = field(default_factory=list)
    grants: list = field(default_factory=list)
    expenses: list = field(default_factory=list)

    @property
    def granted(self) -> Decimal:
        return sum((line.granted for line in self.lines), ZERO)

    @property
    def spent(self) -> Decimal:
        return sum((line.spent for line in self.lines), ZERO)

    @property
    def left(self) -> Decimal:
        return self.granted - self.spent

    @property
    def programme_not_granted(self) -> Decimal | None:
        if self.programme_budget is None:
            return None
        return self.programme_budget - self.programme_granted

    @property
    def share_of_programme(self) -> Decimal | None:
        """The pilot's grants as a percentage of the programme's budget."""
        if not self.programme_budget:
            return None
        return (self.granted * 100 / self.programme_budget).quantize(Decimal("0.1"))


def pilot_budget(person, pilot, *, pilot_label: str) -> PilotBudget:
    """The pilot's money: one line for the pilot itself (``pilot_label``) and one per
    sub-project, each with granted, spent and left; the grants and the spending."""
    if not access.may_see_meetings(person, pilot):
        raise NotFound(code="budget_not_found")
    budget = PilotBudget(
        programme_budget=pilot.programme.budget,
        programme_granted=programme_granted(pilot.programme),
    )
    own = BudgetLine(label=pilot_label, slug=None)
    lines = {None: own}
    for link in pilot.sub_projects.select_related("project").order_by("position", "pk"):
        lines[link.pk] = BudgetLine(label=link.project.title, slug=link.project.slug)
    granted = (
        Decision.objects.filter(meeting__pilot=pilot, amount__isnull=False)
        .values("sub_project_id")
        .annotate(total=Sum("amount"))
    )
    for row in granted:
        lines[row["sub_project_id"]].granted = row["total"].quantize(ZERO)
    spent = (
        Expense.objects.filter(pilot=pilot).values("sub_project_id").annotate(total=Sum("amount"))
    )
    for row in spent:
        lines[row["sub_project_id"]].spent = row["total"].quantize(ZERO)
    budget.lines = list(lines.values())
    budget.grants = list(
        Decision.objects.filter(meeting__pilot=pilot, amount__isnull=False)
        .select_related("meeting", "sub_project__project")
        .order_by("meeting__held_on", "position", "pk")
    )
    budget.expenses = list(
        Expense.objects.filter(pilot=pilot).select_related("sub_project__project")
    )
    return budget
