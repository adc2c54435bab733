"""SVG charts drawn on the server: no script, no external service. Each chart is an
image with a title and a text summary; the data table beside it carries the values."""

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

BAR_HEIGHT = 22
LABEL_WIDTH = 190
PLOT_WIDTH = 360
DASHES = ["", "6 3", "2 3", "10 4 2 4", "1 5", "12 3"]


def bar_chart(table, chart_id: str) -> str:
    """Horizontal bars of the table's second column, one per row; a hidden value
    shows its text (e.g. "<5") instead of a bar."""
    rows = table.rows
    values = [row[1].value for row in rows if isinstance(row[1].value, (int, float))]
    top = max(values, default=0) or 1
    height = BAR_HEIGHT * len(rows) + 10
    width = LABEL_WIDTH + PLOT_WIDTH + 80
    parts = [
        f'<svg class="insights-chart" id="{chart_id}" role="img" width="100%" '
        f'viewBox="0 0 {width} {height}" aria-labelledby="{chart_id}-t {chart_id}-d">',
        f'<title id="{chart_id}-t">{escape(table.title)}</title>',
        f'<desc id="{chart_id}-d">{escape(table.summary)}</desc>',
    ]
    for index, row in enumerate(rows):
        y = 5 + index * BAR_HEIGHT
        label, cell = row[0].text, row[1]
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + 15}" text-anchor="end" '
            f'class="insights-chart__label">{escape(label[:28])}</text>'
        )
        length = 0
        # The running month is drawn as an outline, not as a (misleadingly short) bar.
        incomplete = row[0].incomplete
        bar_class = "insights-chart__bar--incomplete" if incomplete else "insights-chart__bar"
        if isinstance(cell.value, (int, float)) and cell.value > 0:
            length = max(1, round(PLOT_WIDTH * cell.value / top))
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{length}" height="{BAR_HEIGHT - 6}"'
                f' class="{bar_class}"/>'
            )
        parts.append(
            f'<text x="{LABEL_WIDTH + length + 6}" y="{y + 15}" '
            f'class="insights-chart__value">{escape(cell.text)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def line_chart(table, chart_id: str) -> str:
    """One line per row over the columns (months), told apart by dash pattern and a
    label at the line's end, not by colour alone. Hidden values break the line."""
    months = table.columns[1:]
    width, height, left, right, top_pad, bottom = 660, 260, 50, 190, 10, 40
    values = [
        cell.value
        for row in table.rows
        for cell in row[1:]
        if isinstance(cell.value, (int, float))
    ]
    top = max(values, default=0) or 1
    step = (width - left - right) / max(len(months) - 1, 1)

    def xy(i, value):
        x = left + i * step
        y = top_pad + (height - top_pad - bottom) * (1 - value / top)
        return round(x, 1), round(y, 1)

    parts = [
        f'<svg class="insights-chart" id="{chart_id}" role="img" width="100%" '
        f'viewBox="0 0 {width} {height}" aria-labelledby="{chart_id}-t {chart_id}-d">',
        f'<title id="{chart_id}-t">{escape(table.title)}</title>',
        f'<desc id="{chart_id}-d">{escape(table.summary)}</desc>',
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - right}" y2="{height - bottom}" '
        'class="insights-chart__axis"/>',
        f'<text x="{left - 6}" y="{top_pad + 10}" text-anchor="end" '
        f'class="insights-chart__label">{round(top)}</text>',
        f'<text x="{left - 6}" y="{height - bottom}" text-anchor="end" '
        'class="insights-chart__label">0</text>',
    ]
    for i, month in enumerate(months):
        if len(months) <= 13 or i % 3 == 0:
            x, _y = xy(i, 0)
            parts.append(
                f'<text x="{x}" y="{height - bottom + 16}" text-anchor="middle" '
                f'class="insights-chart__label">{escape(month[2:7])}</text>'
            )
    running = table.incomplete_column  # index among the months, or None
    if running is not None:
        x, _y = xy(running, 0)
        parts.append(
            f'<rect x="{x - step / 2:.1f}" y="{top_pad}" width="{step:.1f}" '
            f'height="{height - top_pad - bottom}" class="insights-chart__running"/>'
            f'<text x="{x}" y="{height - bottom + 30}" text-anchor="middle" '
            f'class="insights-chart__label">{escape(_("pågår"))}</text>'
        )
    for index, row in enumerate(table.rows):
        dash = DASHES[index % len(DASHES)]
        segments, current, last = [], [], None
        for i, cell in enumerate(row[1:]):
            if i == running:
                break
            if isinstance(cell.value, (int, float)):
                current.append(xy(i, cell.value))
                last = current[-1]
            elif current:
                segments.append(current)
                current = []
        if current:
            segments.append(current)
        for segment in segments:
            points = " ".join(f"{x},{y}" for x, y in segment)
            parts.append(
                f'<polyline points="{points}" class="insights-chart__line" '
                f'stroke-dasharray="{dash}"/>'
            )
        if running is not None and isinstance(row[1 + running].value, (int, float)):
            # The running month: a hollow point, not joined to the line, so that a month
            # that is not over does not read as a drop.
            x, y = xy(running, row[1 + running].value)
            parts.append(f'<circle cx="{x}" cy="{y}" r="4" class="insights-chart__open"/>')
        if last:
            # The names stand right of the running month's column, when there is one.
            label_x = last[0] + 6 if running is None else xy(running, 0)[0] + step / 2 + 4
            parts.append(
                f'<text x="{label_x:.1f}" y="{last[1] + 4 + (index % 3) * 4}" '
                f'class="insights-chart__label">{escape(row[0].text[:24])}</text>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def sparkline(points, chart_id: str, title: str, summary: str) -> str:
    """A small trend line for a goal card. ``points`` have ``value`` (None when hidden)
    and ``incomplete`` (the running month): hidden values break the line, and the
    running month is a hollow point joined by a dotted line, not a drop. The text
    ``summary`` and the card's table carry the same numbers for screen readers."""
    width, height, pad = 160, 48, 5
    values = [p.value for p in points if p.value is not None]
    if len(points) < 2 or not values:
        return ""
    low, high = min(0, *values), max(values) or 1
    step = (width - 2 * pad) / (len(points) - 1)

    def xy(i, value):
        y = pad + (height - 2 * pad) * (1 - (value - low) / ((high - low) or 1))
        return round(pad + i * step, 1), round(y, 1)

    parts = [
        f'<svg class="insights-spark" id="{chart_id}" role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(summary)}</desc>',
        f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" '
        'class="insights-chart__axis"/>',
    ]
    segments, current = [], []
    for i, point in enumerate(points):
        if point.value is None:
            if current:
                segments.append(current)
            current = []
            continue
        here = xy(i, point.value)
        if point.incomplete:
            # Not joined to the line: a month that is not over is not a drop.
            parts.append(
                f'<circle cx="{here[0]}" cy="{here[1]}" r="3" class="insights-chart__open"/>'
            )
            continue
        current.append(here)
    if current:
        segments.append(current)
    for segment in segments:
        if len(segment) == 1:
            x, y = segment[0]
            parts.append(f'<circle cx="{x}" cy="{y}" r="2.5" class="insights-spark__dot"/>')
            continue
        coords = " ".join(f"{x},{y}" for x, y in segment)
        parts.append(f'<polyline points="{coords}" class="insights-spark__line"/>')
    parts.append("</svg>")
    return mark_safe("".join(parts))


def chart_for(table) -> str:
    chart_id = f"chart-{table.id}"
    if table.chart == "bar":
        return bar_chart(table, chart_id)
    if table.chart == "lines":
        return line_chart(table, chart_id)
    return ""
