from collections import Counter

import pytest

from hubro.registry.models import Entity, Snapshot, Unit
from hubro.registry.queries import active_units

from .conftest import FIRST, SECOND, import_snapshot
from .expected import AGENCY_UNITS_SECOND, KDD, STATE_UNITS_SECOND


def state_units_by_municipality(snapshot):
    result = {}
    for unit in Unit.objects.filter(snapshot=snapshot, sector="state", closed_on__isnull=True):
        result.setdefault(unit.municipality_number, set()).add(
            (unit.name, unit.agency_orgnr, unit.employees)
        )
    return result


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_fixture_import_gives_exactly_the_expected_units_per_municipality_and_agency(places, fmt):
    import_snapshot(FIRST, fmt)
    result = import_snapshot(SECOND, fmt)
    assert result.created
    assert state_units_by_municipality(result.snapshot) == STATE_UNITS_SECOND
    per_agency = Counter(
        Unit.objects.filter(
            snapshot=result.snapshot, sector="state", closed_on__isnull=True
        ).values_list("agency_orgnr", flat=True)
    )
    assert dict(per_agency) == AGENCY_UNITS_SECOND


@pytest.mark.django_db
def test_gzip_and_plain_files_give_the_same_snapshot(places, gzipped):
    units, entities = gzipped(SECOND)
    from hubro.registry.importer import check_date, run_import

    result = run_import(units, entities, date=check_date(SECOND))
    assert state_units_by_municipality(result.snapshot) == STATE_UNITS_SECOND


@pytest.mark.django_db
def test_summary_counts_kept_units_per_sector_and_the_skipped_ones_with_reasons(first):
    summary = first.summary
    assert summary["kept"] == {"county": 1, "municipal": 5, "state": 21}
    assert summary["skipped"] == {"not_public_sector": 2}
    assert summary["unknown_municipality"] == {"1805": 1}
    assert summary["unit_records"] == 29


@pytest.mark.django_db
def test_an_old_municipality_number_is_kept_and_flagged(first):
    unit = Unit.objects.get(snapshot=first, name="NVE OFOTEN ANLEGG")
    assert unit.municipality_number == "1805"
    assert unit.municipality_known is False
    assert Unit.objects.filter(snapshot=first, municipality_known=False).count() == 1


@pytest.mark.django_db
def test_the_agency_is_resolved_through_several_orgl_levels(first):
    unit = Unit.objects.get(snapshot=first, name="NAV LYNGDAL")
    assert unit.agency_name == "ARBEIDS- OG VELFERDSETATEN"
    # NAV LISTER -> NAV AGDER -> NAV: three levels of ORGL below the ministry.
    assert len(unit.chain.split()) == 3
    assert unit.chain.split()[-1] == "889640782"


@pytest.mark.django_db
def test_a_unit_right_under_a_ministry_belongs_to_the_ministry(first):
    assert Unit.objects.get(snapshot=first, name="KDD DISTRIKTSKONTOR STAD").agency_orgnr == KDD


@pytest.mark.django_db
def test_municipal_and_county_units_are_kept_for_context(first):
    sjukeheim = Unit.objects.get(snapshot=first, name="LYNGDAL SJUKEHEIM")
    assert (sjukeheim.sector, sjukeheim.agency_name) == ("municipal", "LYNGDAL KOMMUNE")
    vgs = Unit.objects.get(snapshot=first, name="LYNGDAL VIDEREGÅENDE SKOLE")
    assert (vgs.sector, vgs.agency_name) == ("county", "AGDER FYLKESKOMMUNE")
    assert not Unit.objects.filter(name__startswith="LISTER BAKERI").exists()
    assert not Unit.objects.filter(name="LISTER SPELEMANNSLAG").exists()


@pytest.mark.django_db
def test_a_unit_without_a_registered_employee_count_has_none(first):
    assert Unit.objects.get(snapshot=first, name="KVINESDAL LENSMANNSKONTOR").employees is None


@pytest.mark.django_db
def test_importing_the_same_files_twice_adds_nothing(first):
    units = Unit.objects.count()
    again = import_snapshot(FIRST)
    assert not again.created
    assert again.snapshot == first
    assert Snapshot.objects.count() == 1
    assert Unit.objects.count() == units


@pytest.mark.django_db
def test_other_files_for_the_same_date_need_replace(first):
    from hubro.core.errors import Conflict
    from hubro.registry.importer import check_date, run_import

    from .conftest import files

    units, entities = files(SECOND)
    with pytest.raises(Conflict):
        run_import(units, entities, date=check_date(FIRST))
    replaced = run_import(units, entities, date=check_date(FIRST), replace=True)
    assert replaced.created
    assert Snapshot.objects.count() == 1


@pytest.mark.django_db
def test_the_entity_table_keeps_the_public_chain_only(first):
    assert Entity.objects.filter(orgnr="889640782", sector="state").exists()
    assert not Entity.objects.filter(name="LISTER BAKERI AS").exists()


@pytest.mark.django_db
def test_closed_units_are_not_counted_as_open(both):
    _first, second = both
    assert not active_units(["4228"], snapshot=second).exists()
    assert (
        Unit.objects.get(snapshot=second, name="NAV SIRDAL").closed_on.isoformat() == "2025-03-31"
    )


@pytest.mark.django_db
def test_import_reads_urls_and_gzipped_csv(places, gzipped):
    from pathlib import Path

    from hubro.registry.importer import check_date, run_import

    units, entities = gzipped(SECOND, "csv")
    result = run_import(
        Path(units).as_uri(), Path(entities).as_uri(), date=check_date(SECOND), progress=True
    )
    assert result.created
    assert state_units_by_municipality(result.snapshot) == STATE_UNITS_SECOND
    # A URL cannot be hashed up front; the same content is still recognised afterwards.
    again = run_import(Path(units).as_uri(), Path(entities).as_uri(), date=check_date(SECOND))
    assert not again.created
