"""Indikatorer: the figures for the five national goals, per scope and period."""

import datetime as dt
from typing import Literal

from ninja import Field, Query, Router, Schema

from hubro.insights.indicators import compute

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


class IndicatorsOut(Schema):
    scope: str
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
    caller has person-level rights (hosts for their hub, administrators)."""
    figures = compute(params.scope, params.from_, params.to, viewer=request.auth)
    return {
        "scope": params.scope,
        "from": params.from_,
        "to": params.to,
        "figures": [figure.public() for figure in figures],
    }
