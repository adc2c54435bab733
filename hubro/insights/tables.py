"""The figures arranged as the tables of the dashboard, the report and the exports.

Every chart is drawn from one of these tables, and every table can be exported, so the
chart, its data table and the exported file always show the same (suppressed) values."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


@dataclass
class Cell:
    text: str
    value: object = None  # the raw number for exports (None when suppressed or a label)
    suppressed: bool = False
    incomplete: bool = False  # a row label: the running month, not over yet


@dataclass
class Table:
    id: str
    title: str
    goal: int | None
    columns: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    chart: str = ""  # "bar" (second column per row label) or "lines" (hub × month)
    summary: str = ""
    incomplete_column: int | None = None  # "lines": the running month's index

    @property
    def caption(self) -> str:
        return self.title


LIST_TABLES = {
    "goal1": (gettext_lazy("Nøkkeltall for mål 1"), 1),
    "goal2": (gettext_lazy("Nøkkeltall for mål 2"), 2),
    "goal3": (gettext_lazy("Nøkkeltall for mål 3"), 3),
    "goal4": (gettext_lazy("Nøkkeltall for mål 4"), 4),
    "operations": (gettext_lazy("Nøkkeltall for drift"), None),
}


def _cell(figure, previous=False) -> Cell:
    if previous:
        return Cell(figure.previous_display, figure.previous, figure.previous_suppressed)
    return Cell(figure.display, figure.value, figure.suppressed)


def _by_dim(figures, table, dim):
    rows: dict[str, dict] = {}
    for figure in figures:
        if figure.table == table:
            rows.setdefault(figure.dims[dim], {})[figure.key.split(".")[0]] = figure
    return rows


def _summary_bar(rows: list[list[Cell]]) -> str:
    shown = [(row[0].text, row[1].value) for row in rows if row[1].value is not None]
    if not shown:
        return _("Ingen verdier å vise for perioden.")
    top = max(shown, key=lambda item: item[1])
    hidden = sum(1 for row in rows if row[1].suppressed)
    text = _("Høyest: %(label)s (%(value)s).") % {
        "label": top[0],
        "value": next(row[1].text for row in rows if row[0].text == top[0]),
    }
    if hidden:
        text += " " + _("%(count)s verdier er skjult av personvernhensyn.") % {"count": hidden}
    return text


def _month_cell(month: str, running: str) -> Cell:
    """A month's label; the running month says it is not over (so that its low figure
    does not read as a drop)."""
    if month == running:
        return Cell(_("%(month)s (pågår)") % {"month": month}, incomplete=True)
    return Cell(month)


def build_tables(figures, *, running: str = "") -> list[Table]:
    """The tables of a list of figures, in dashboard order. ``running`` is the running
    month (``YYYY-MM``), marked as incomplete in the monthly tables."""
    tables: list[Table] = []
    head = [_("Indikator"), _("Perioden"), _("Forrige periode")]

    def list_table(table_id):
        title, goal = LIST_TABLES[table_id]
        rows = [
            [Cell(f.label), _cell(f), _cell(f, previous=True)]
            for f in figures
            if f.table == table_id
        ]
        if rows:
            tables.append(Table(table_id, str(title), goal, head, rows))

    list_table("goal1")
    sectors = _by_dim(figures, "sectors", "sector")
    if sectors:
        rows = [
            [
                Cell(name),
                _cell(f["active_organizations"]),
                _cell(f["users"]),
                _cell(f["person_days"]),
            ]
            for name, f in sectors.items()
        ]
        tables.append(
            Table(
                "sectors",
                _("Per sektor"),
                1,
                [_("Sektor"), _("Aktive organisasjoner"), _("Brukere"), _("Persondøgn")],
                rows,
                chart="bar",
                summary=_summary_bar([[r[0], r[3]] for r in rows]),
            )
        )
    list_table("goal2")
    months = _by_dim(figures, "months", "month")
    if months:
        rows = [
            [
                _month_cell(month, running),
                _cell(f["month_person_days"]),
                _cell(f["month_state_share"]),
            ]
            for month, f in sorted(months.items())
        ]
        tables.append(
            Table(
                "months",
                _("Persondøgn og statsansattes andel per måned"),
                2,
                [_("Måned"), _("Persondøgn"), _("Statsansattes andel")],
                rows,
                chart="bar",
                summary=_summary_bar(rows),
            )
        )
    list_table("goal3")
    list_table("goal4")
    members = _by_dim(figures, "cluster_members", "sector")
    if members:
        rows = [[Cell(name), _cell(f["cluster_members"])] for name, f in members.items()]
        tables.append(
            Table(
                "cluster_members",
                _("Klyngemedlemmer per sektor"),
                4,
                [_("Sektor"), _("Organisasjoner")],
                rows,
            )
        )
    list_table("operations")
    occupancy = _by_dim(figures, "occupancy", "kind")
    if occupancy:
        rows = [
            [
                Cell(kind),
                _cell(f["occupancy_booked"]),
                _cell(f["occupancy_checked_in"]),
                _cell(f["open_hours"]),
            ]
            for kind, f in occupancy.items()
        ]
        tables.append(
            Table(
                "occupancy",
                _("Belegg per romtype"),
                None,
                [_("Romtype"), _("Booket"), _("Innsjekket"), _("Åpne romtimer")],
                rows,
                chart="bar",
                summary=_summary_bar(rows),
            )
        )
    for table_id, title, first in (
        ("weekdays", _("Persondøgn per ukedag"), _("Ukedag")),
        ("hours", _("Persondøgn etter timen dagens første booking startet"), _("Time")),
    ):
        rows = [[Cell(f.label), _cell(f)] for f in figures if f.table == table_id]
        if rows:
            tables.append(
                Table(
                    table_id,
                    title,
                    None,
                    [first, _("Persondøgn")],
                    rows,
                    chart="bar",
                    summary=_summary_bar(rows),
                )
            )
    hubs = _by_dim(figures, "hubs", "hub")
    if hubs:
        rows = [
            [Cell(name), _cell(f["hub_person_days"]), _cell(f["hub_users"])]
            for name, f in hubs.items()
        ]
        tables.append(
            Table(
                "hubs",
                _("Per hub"),
                None,
                [_("Hub"), _("Persondøgn"), _("Brukere")],
                rows,
                chart="bar",
                summary=_summary_bar(rows),
            )
        )
    series: dict[str, dict[str, object]] = {}
    month_set: set[str] = set()
    for f in figures:
        if f.table == "hub_months":
            series.setdefault(f.dims["hub"], {})[f.dims["month"]] = f
            month_set.add(f.dims["month"])
    if series:
        month_list = sorted(month_set)
        rows = []
        for hub in sorted(series):
            row = [Cell(hub)]
            for month in month_list:
                figure = series[hub].get(month)
                row.append(_cell(figure) if figure else Cell("0", 0))
            rows.append(row)
        tables.append(
            Table(
                "hub_months",
                _("Persondøgn per hub og måned"),
                None,
                [_("Hub"), *(_month_cell(month, running).text for month in month_list)],
                rows,
                chart="lines",
                summary=_trend_summary(rows, month_list, running),
                incomplete_column=month_list.index(running) if running in month_list else None,
            )
        )
    return tables


def _trend_summary(rows, months, running="") -> str:
    """The lines in words, up to the last whole month; the running month is named as
    not over."""
    whole = len(months) - 1 if months and months[-1] == running else len(months)
    parts = []
    for row in rows:
        values = [cell.value for cell in row[1 : whole + 1] if cell.value is not None]
        if not values or whole == 0:
            parts.append(_("%(hub)s: ingen viste verdier") % {"hub": row[0].text})
            continue
        first, last = row[1].text, row[whole].text
        parts.append(
            _("%(hub)s: fra %(first)s i %(start)s til %(last)s i %(end)s")
            % {
                "hub": row[0].text,
                "first": first,
                "start": months[0],
                "last": last,
                "end": months[whole - 1],
            }
        )
    text = "; ".join(parts) + "."
    if whole < len(months):
        text += " " + _("%(month)s pågår og er ikke med i sammendraget.") % {"month": running}
    return text
