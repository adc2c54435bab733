"""Indikatorer: the figures for the five national goals, per scope and period."""

import datetime as dt
from typing import Literal

from ninja import Field, Query, Router, Schema

from hubro.insights.indicators import check_period, compute_for, resolve_scope

from .schemas import ErrorOut

router = Router(tags=["insights"])

Unit = Literal[
    "people",
    "organizations",
    "person_days",
    "days",
    "hours",
    "events",
    "clusters",
    "projects",
    "ratio",
    "nok",
]


class FigureOut(Schema):
    key: str
    label: str
    goal: int | None = Field(None, description="National goal 1–5; null for operations.")
    unit: Unit
    value: float | None = Field(None, description="null when suppressed.")
    suppressed: bool
    table: str = Field("", description="The table of the dashboard the figure belongs to.")
    previous: float | None = Field(None, description="The previous period's value.")
    previous_suppressed: bool = False


class CoverageOut(Schema):
    hubs: int = Field(..., description="How many hubs of the scope the figures cover.")
    of: int = Field(..., description="How many hubs the scope has.")
    partial: bool = Field(..., description="true when the caller may see only some of them.")
    names: list[str] = Field(..., description="The covered hubs, by name.")
    text: str = Field("", description='"3 av 4 huber: …" when partial, in the caller\'s language.')


class IndicatorsOut(Schema):
    scope: str
    coverage: CoverageOut | None = Field(
        None, description="Which hubs the figures cover; null for an organization's scope."
    )
    perturbed: bool = Field(
        False, description="true when counts carry cell-key noise (no person-level rights)."
    )
    from_: dt.date = Field(..., alias="from")
    to: dt.date
    figures: list[FigureOut]


class IndicatorsQuery(Schema):
    scope: str = Field(..., description="hub:<slug>, region:<slug>, all or org:<orgnr>")
    from_: dt.date = Field(..., alias="from", description="First day (inclusive).")
    to: dt.date = Field(..., description="Last day (inclusive).")


@router.get(
    "/indicators",
    response={200: IndicatorsOut, 404: ErrorOut, 422: ErrorOut},
    by_alias=True,
)
def indicators(request, params: Query[IndicatorsQuery]):
    """The indicators of a scope and period, with the previous period for comparison.
    Counts of fewer people than the privacy threshold, and values that would let
    someone work them out, have ``value: null`` and ``suppressed: true`` unless the
    caller has person-level rights (hosts for their hub, administrators); the other
    counts carry a small fixed noise (``perturbed``). A scope of which the caller may see
    no hub is a 422 ``no_visible_hubs`` with a message, never zeros; ``coverage`` says
    which hubs the figures cover when the caller sees only some."""
    check_period(params.from_, params.to)  # bad input first, then rights
    scope = resolve_scope(params.scope, request.auth)
    figures = compute_for(scope, params.from_, params.to)
    coverage = scope.coverage
    return {
        "scope": params.scope,
        "coverage": {**coverage.as_dict(), "text": coverage.text} if coverage else None,
        "perturbed": not scope.person_rights,
        "from": params.from_,
        "to": params.to,
        "figures": [figure.public() for figure in figures],
    }
