"""CSV and XLSX files of one table, with the same (suppressed) values as the page,
written by the safe writer (``hubro.core.tabular``)."""

from hubro.core.tabular import csv_bytes, download, xlsx_bytes


def _plain(cell):
    if cell.suppressed:
        return cell.text  # "<5" or "–", never the hidden number
    return cell.value if isinstance(cell.value, (int, float)) else cell.text


def coverage_note(coverage, perturbed: bool) -> list[str]:
    """The lines below the table that say which hubs the figures cover (when the
    viewer sees part of the scope) and that counts carry cell-key noise."""
    from django.utils.translation import gettext as _

    lines = []
    if coverage is not None and coverage.partial:
        lines.append(coverage.text)
    if perturbed:
        lines.append(
            _(
                "Små antall er skjult, og tellingene har et lite, fast avvik som vern "
                "av personvernet (se personvernerklæringen)."
            )
        )
    return lines


def _rows(table, note=()):
    yield from ([_plain(cell) for cell in row] for row in table.rows)
    if note:
        yield from ([line] for line in note)


def as_csv(table, filename: str, note=()):
    return download(csv_bytes(table.columns, _rows(table, note)), f"{filename}.csv")


def as_xlsx(table, filename: str, note=()):
    return download(
        xlsx_bytes(table.columns, _rows(table, note), title=table.id), f"{filename}.xlsx"
    )
