"""The geometry of the cluster page's activity chart: grouped bars per year, drawn as
inline SVG. The table beside it carries the same numbers for those who cannot see it."""

from dataclasses import dataclass

BAR_WIDTH = 22
GAP = 4
GROUP_WIDTH = 2 * BAR_WIDTH + GAP + 26
LEFT = 10
TOP = 20
PLOT_HEIGHT = 120
BASELINE = TOP + PLOT_HEIGHT


@dataclass(frozen=True)
class Bar:
    x: int
    y: float
    height: float
    value: int
    kind: str  # "meetings" or "projects"


@dataclass(frozen=True)
class YearGroup:
    year: int
    label_x: int
    bars: tuple[Bar, Bar]


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    baseline: int
    groups: list[YearGroup]


def activity_chart(rows) -> Chart | None:
    """Bars for each ``ActivityRow`` (year, meetings, projects), scaled to the largest
    value; None when there is nothing to draw."""
    if not rows:
        return None
    top = max(1, *(max(row.meetings, row.projects) for row in rows))
    groups = []
    for index, row in enumerate(rows):
        x = LEFT + index * GROUP_WIDTH
        bars = []
        for offset, (kind, value) in enumerate(
            (("meetings", row.meetings), ("projects", row.projects))
        ):
            height = round(PLOT_HEIGHT * value / top, 1)
            bars.append(
                Bar(
                    x=x + offset * (BAR_WIDTH + GAP),
                    y=BASELINE - height,
                    height=height,
                    value=value,
                    kind=kind,
                )
            )
        groups.append(YearGroup(row.year, x + BAR_WIDTH + GAP // 2, (bars[0], bars[1])))
    return Chart(
        width=LEFT * 2 + len(rows) * GROUP_WIDTH,
        height=BASELINE + 24,
        baseline=BASELINE,
        groups=groups,
    )
