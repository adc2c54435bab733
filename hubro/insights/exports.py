"""CSV and XLSX files of one table, with the same (suppressed) values as the page,
written by the safe writer (``hubro.core.tabular``)."""

from hubro.core.tabular import csv_bytes, download, xlsx_bytes


def _plain(cell):
    if cell.suppressed:
        return cell.text  # "<5" or "–", never the hidden number
    return cell.value if isinstance(cell.value, (int, float)) else cell.text


def _rows(table):
    return ([_plain(cell) for cell in row] for row in table.rows)


def as_csv(table, filename: str):
    return download(csv_bytes(table.columns, _rows(table)), f"{filename}.csv")


def as_xlsx(table, filename: str):
    return download(xlsx_bytes(table.columns, _rows(table), title=table.id), f"{filename}.xlsx")
