import gzip
import shutil
from pathlib import Path

import pytest

from hubro.registry.importer import check_date, run_import

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
FIRST, SECOND = "2025-01-15", "2025-06-15"


def files(date, fmt="json"):
    directory = FIXTURES / date
    return str(directory / f"underenheter_alle.{fmt}"), str(directory / f"enheter_alle.{fmt}")


def import_snapshot(date, fmt="json", **options):
    units, entities = files(date, fmt)
    return run_import(units, entities, date=check_date(date), **options)


@pytest.fixture
def first(places):
    return import_snapshot(FIRST).snapshot


@pytest.fixture
def both(first):
    return first, import_snapshot(SECOND).snapshot


@pytest.fixture
def gzipped(tmp_path):
    """The fixture files of a snapshot, gzip-compressed, in tmp_path."""

    def make(date, fmt="json"):
        out = []
        for path in files(date, fmt):
            target = tmp_path / (Path(path).name + ".gz")
            with open(path, "rb") as source, gzip.open(target, "wb") as sink:
                shutil.copyfileobj(source, sink)
            out.append(str(target))
        return out

    return make
