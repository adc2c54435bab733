"""SVG charts drawn on the server: no script, no external service. Each chart is an
image with a title and a text summary; the data table beside it carries the values."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

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
        if isinstance(cell.value, (int, float)) and cell.value > 0:
            length = max(1, round(PLOT_WIDTH * cell.value / top))
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{length}" height="{BAR_HEIGHT - 6}"'
                ' class="insights-chart__bar"/>'
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
    width, height, left, right, top_pad, bottom = 640, 260, 50, 170, 10, 40
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
                f'class="insights-chart__label">{escape(month[2:])}</text>'
            )
    for index, row in enumerate(table.rows):
        dash = DASHES[index % len(DASHES)]
        segments, current, last = [], [], None
        for i, cell in enumerate(row[1:]):
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
        if last:
            parts.append(
                f'<text x="{last[0] + 6}" y="{last[1] + 4 + (index % 3) * 4}" '
                f'class="insights-chart__label">{escape(row[0].text[:24])}</text>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def chart_for(table) -> str:
    chart_id = f"chart-{table.id}"
    if table.chart == "bar":
        return bar_chart(table, chart_id)
    if table.chart == "lines":
        return line_chart(table, chart_id)
    return ""
