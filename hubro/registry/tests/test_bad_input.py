import gzip
import json
from pathlib import Path

import pytest
from django.core.management import ManagementUtility

from hubro.registry.importer import check_date, run_import
from hubro.registry.models import Snapshot, Unit
from hubro.registry.source import SourceError

from .conftest import SECOND, files


def truncated_gzip(tmp_path, source):
    data = gzip.compress(Path(source).read_bytes())
    target = tmp_path / "underenheter_alle.json.gz"
    target.write_bytes(data[: len(data) // 2])
    return str(target)


@pytest.mark.django_db
def test_a_truncated_gzip_fails_clearly_and_leaves_the_previous_snapshot_intact(first, tmp_path):
    units_before = list(Unit.objects.order_by("pk").values_list("pk", "orgnr", "employees"))
    units, entities = files(SECOND)
    broken = truncated_gzip(tmp_path, units)
    with pytest.raises(SourceError) as error:
        run_import(broken, entities, date=check_date(SECOND))
    message = str(error.value.detail)
    assert "underenheter_alle.json.gz" in message
    assert "truncated" in message
    assert "record " in message and "byte" in message
    assert list(Snapshot.objects.all()) == [first]
    assert (
        list(Unit.objects.order_by("pk").values_list("pk", "orgnr", "employees")) == units_before
    )


@pytest.mark.django_db
def test_invalid_json_names_the_record_and_the_byte_offset(first, tmp_path):
    units, entities = files(SECOND)
    text = Path(units).read_text(encoding="utf-8")
    cut = text.index('{"organisasjonsnummer"', 2000)
    broken = tmp_path / "underenheter.json"
    broken.write_text(text[:cut] + '{"organisasjonsnummer": 12,,' + text[cut:], encoding="utf-8")
    with pytest.raises(SourceError) as error:
        run_import(str(broken), entities, date=check_date(SECOND))
    message = str(error.value.detail)
    assert "invalid JSON" in message
    assert "record " in message and "near byte" in message
    assert Snapshot.objects.count() == 1


@pytest.mark.django_db
def test_a_record_missing_required_fields_names_its_number(first, tmp_path):
    units, entities = files(SECOND)
    records = json.loads(Path(units).read_text(encoding="utf-8"))
    del records[4]["navn"]
    broken = tmp_path / "underenheter.json"
    broken.write_text(json.dumps(records), encoding="utf-8")
    with pytest.raises(SourceError) as error:
        run_import(str(broken), entities, date=check_date(SECOND))
    assert "missing required fields (navn)" in str(error.value.detail)
    assert "record 5" in str(error.value.detail)
    assert Snapshot.objects.count() == 1


def run_cli(capsys, *argv):
    """The command as `hubro registry ...` runs it: the exit code and the output."""
    with pytest.raises(SystemExit) as exit_info:
        ManagementUtility(["hubro", "registry", *argv]).execute()
    captured = capsys.readouterr()
    return exit_info.value.code, captured.out, captured.err


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (
            ["--units", "/nowhere/units.json", "--entities", "/nowhere/entities.json"],
            "no such file",
        ),
        (
            ["--units", "http://127.0.0.1:9/u.json", "--entities", "http://127.0.0.1:9/e.json"],
            "cannot download",
        ),
        (["--units", "htp:/bad url", "--entities", "htp:/bad url"], "no such file"),
    ],
)
def test_cli_bad_input_prints_one_clear_line_and_exits_non_zero(places, capsys, argv, expected):
    code, out, err = run_cli(capsys, "import", "--no-progress", *argv)
    assert code != 0
    assert "Traceback" not in err + out
    lines = [line for line in err.strip().splitlines() if line.strip()]
    assert len(lines) == 1
    assert expected in lines[0]


@pytest.mark.django_db
def test_cli_invalid_json_prints_one_line(places, capsys, tmp_path):
    broken = tmp_path / "enheter.json"
    broken.write_text('[{"organisasjonsnummer": "974760673", "navn": }]')
    units, _entities = files(SECOND)
    code, _out, err = run_cli(
        capsys, "import", "--no-progress", "--units", units, "--entities", str(broken)
    )
    assert code != 0
    lines = [line for line in err.strip().splitlines() if line.strip()]
    assert len(lines) == 1 and "invalid JSON" in lines[0] and "record 1" in lines[0]
    assert "Traceback" not in err


@pytest.mark.django_db
def test_cli_import_prints_a_summary_and_a_progress_bar_on_stderr(places, capsys):
    units, entities = files(SECOND)
    code = None
    try:
        ManagementUtility(
            [
                "hubro",
                "registry",
                "import",
                "--units",
                units,
                "--entities",
                entities,
                "--date",
                SECOND,
            ]
        ).execute()
    except SystemExit as exc:
        code = exc.code
    captured = capsys.readouterr()
    assert code in (None, 0)
    assert "Units kept: county 1, municipal 6, state 21 (total 28)" in captured.out
    assert "Units skipped: not public sector 2" in captured.out
    assert "1805 (1)" in captured.out
    assert "100.0%" in captured.err and "underenheter_alle.json" in captured.err


@pytest.mark.django_db
def test_cli_update_without_a_snapshot_says_so(places, capsys, tmp_path):
    from .conftest import FIXTURES

    code, _out, err = run_cli(
        capsys,
        "update",
        "--feed",
        str(FIXTURES / "feed" / "pages"),
        "--records",
        str(FIXTURES / "feed" / "records"),
    )
    assert code != 0
    assert "full import" in err.lower() or "full import" in err


def assert_nothing_changed(first, units_before):
    assert list(Snapshot.objects.all()) == [first]
    assert (
        list(Unit.objects.order_by("pk").values_list("pk", "orgnr", "employees")) == units_before
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"_embedded": {"underenheter": []}}', "not a JSON array of records"),
        ("", "not a JSON array of records (it is empty)"),
        ("[]", "the file holds no records"),
    ],
)
def test_a_units_file_that_is_not_an_array_of_records_is_refused(
    first, tmp_path, content, expected
):
    # Imported, such a file would be an empty snapshot: every unit "closed", alerts sent.
    units_before = list(Unit.objects.order_by("pk").values_list("pk", "orgnr", "employees"))
    _units, entities = files(SECOND)
    broken = tmp_path / "underenheter_alle.json"
    broken.write_text(content, encoding="utf-8")
    with pytest.raises(SourceError) as error:
        run_import(str(broken), entities, date=check_date(SECOND))
    assert expected in str(error.value.detail)
    assert "underenheter_alle.json" in str(error.value.detail)
    assert_nothing_changed(first, units_before)


@pytest.mark.django_db
def test_swapped_files_are_refused_with_a_hint(first):
    units_before = list(Unit.objects.order_by("pk").values_list("pk", "orgnr", "employees"))
    units, entities = files(SECOND)
    with pytest.raises(SourceError) as error:
        run_import(entities, units, date=check_date(SECOND))
    message = str(error.value.detail)
    assert "none of its 30 records is a public-sector main entity" in message
    assert "is this the enheter file?" in message
    assert_nothing_changed(first, units_before)


@pytest.mark.django_db
def test_units_of_another_register_are_refused_rather_than_stored_empty(first, tmp_path):
    units_before = list(Unit.objects.order_by("pk").values_list("pk", "orgnr", "employees"))
    units, entities = files(SECOND)
    records = json.loads(Path(units).read_text(encoding="utf-8"))
    for record in records:
        record["overordnetEnhet"] = "999999999"
    foreign = tmp_path / "underenheter_alle.json"
    foreign.write_text(json.dumps(records), encoding="utf-8")
    with pytest.raises(SourceError) as error:
        run_import(str(foreign), entities, date=check_date(SECOND))
    assert "none of its 30 records belongs to a public-sector main entity" in str(
        error.value.detail
    )
    assert_nothing_changed(first, units_before)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("which", "dropped", "expected"),
    [
        (
            "units",
            ["overordnetEnhet"],
            "lacks the column overordnetEnhet (is this the underenheter",
        ),
        (
            "units",
            ["beliggenhetsadresse.kommunenummer", "navn"],
            "lacks the columns navn, beliggenhetsadresse.kommunenummer",
        ),
        ("entities", ["institusjonellSektorkode.kode"], "(is this the enheter file?)"),
    ],
)
def test_a_csv_file_without_a_needed_column_is_refused(first, tmp_path, which, dropped, expected):
    import csv

    units_before = list(Unit.objects.order_by("pk").values_list("pk", "orgnr", "employees"))
    paths = dict(zip(("units", "entities"), files(SECOND, "csv"), strict=True))
    with open(paths[which], encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    target = tmp_path / Path(paths[which]).name
    with open(target, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, [c for c in rows[0] if c not in dropped])
        writer.writeheader()
        for row in rows:
            writer.writerow({k: v for k, v in row.items() if k not in dropped})
    paths[which] = str(target)
    with pytest.raises(SourceError) as error:
        run_import(paths["units"], paths["entities"], date=check_date(SECOND))
    assert expected in str(error.value.detail)
    assert target.name in str(error.value.detail)
    assert_nothing_changed(first, units_before)


@pytest.mark.django_db
def test_a_damaged_gzip_header_fails_clearly(first, tmp_path):
    units_before = list(Unit.objects.order_by("pk").values_list("pk", "orgnr", "employees"))
    units, entities = files(SECOND)
    broken = tmp_path / "underenheter_alle.json.gz"
    broken.write_bytes(gzip.compress(Path(units).read_bytes())[:10])
    with pytest.raises(SourceError) as error:
        run_import(str(broken), entities, date=check_date(SECOND))
    assert "underenheter_alle.json.gz: the gzip file is truncated" in str(error.value.detail)
    assert_nothing_changed(first, units_before)


@pytest.mark.django_db
def test_cli_a_directory_is_named_as_such(places, capsys, tmp_path):
    _units, entities = files(SECOND)
    code, out, err = run_cli(
        capsys, "import", "--no-progress", "--units", str(tmp_path), "--entities", entities
    )
    assert code != 0
    lines = [line for line in err.strip().splitlines() if line.strip()]
    assert len(lines) == 1 and "is a directory, not a file" in lines[0]
    assert "Traceback" not in err + out


def test_the_format_follows_the_name_or_else_the_content(tmp_path):
    from hubro.registry.source import Source

    api = "https://data.brreg.no/enhetsregisteret/api/underenheter/lastned"
    assert Source(api + "/csv").fmt == "csv"
    assert Source("underenheter_alle.csv.gz").fmt == "csv"
    assert Source("underenheter_alle.json.gz").fmt == "json"
    assert Source(api).fmt is None  # decided by the content when opened
    units_csv, _entities = files(SECOND, "csv")
    units_json, _entities = files(SECOND)
    for source_path, expected in ((units_csv, "csv"), (units_json, "json")):
        nameless = tmp_path / f"download-{expected}"
        nameless.write_bytes(gzip.compress(Path(source_path).read_bytes()))
        with Source(str(nameless)) as source:
            assert source.fmt == expected
            assert sum(1 for _ in source.records()) == 30


def test_the_place_in_a_large_file_is_written_with_thousands_separators():
    from hubro.registry.source import Source

    source = Source("underenheter_alle.json.gz")
    source.record_number = 412_330
    assert source.where().startswith("record 412,331, near byte 0 of")
