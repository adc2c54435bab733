import pytest
from django.core import mail

from conftest import make_person
from hubro.core.models import Membership, Municipality, Organization, Region
from hubro.registry.actions import subscribe
from hubro.registry.changes import is_resized, recompute_changes
from hubro.registry.feed import apply_feed
from hubro.registry.models import Change, Snapshot

from .conftest import FIXTURES, SECOND, import_snapshot
from .expected import CHANGES_FEED, CHANGES_SECOND, change_set


@pytest.mark.django_db
def test_two_fixture_snapshots_give_exactly_the_expected_changes(both):
    _first, second = both
    assert change_set(Change.objects.filter(snapshot=second)) == CHANGES_SECOND


@pytest.mark.django_db
def test_the_resize_threshold_is_configurable(both, settings):
    _first, second = both
    changes = recompute_changes(second, threshold=30)
    resized = {c.name for c in changes if c.kind == "resized"}
    # Narvik lost 25 %, Stad grew 33 %: only Stad passes a 30 % threshold.
    assert resized == {"SKATTEETATEN STAD"}
    settings.HUBRO_REGISTRY_RESIZE_PERCENT = 10
    resized = {c.name for c in recompute_changes(second) if c.kind == "resized"}
    assert resized == {"NAV NARVIK", "SKATTEETATEN STAD", "LYNGDAL UNGDOMSSKOLE"}


def test_small_changes_are_not_resizes():
    assert not is_resized(1, 2, 20)
    assert not is_resized(None, 10, 20)
    assert is_resized(40, 30, 20)
    assert not is_resized(10, 11, 20)


@pytest.fixture
def lister_leader(places):
    kvinesdal = Organization.objects.create(
        orgnr="964964076",
        name="Kvinesdal kommune",
        sector="municipal",
        municipality=Municipality.objects.get(number="4227"),
    )
    return make_person(
        "leder@kvinesdal.test", kvinesdal, name="Liv Leder", role=Membership.Role.COORDINATOR
    )


@pytest.mark.django_db
def test_a_region_subscriber_gets_an_email_for_a_closure(
    first, lister_leader, django_capture_on_commit_callbacks
):
    subscribe(lister_leader, region=Region.objects.get(slug="lister"))
    with django_capture_on_commit_callbacks(execute=True):
        import_snapshot(SECOND)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["leder@kvinesdal.test"]
    # Readable in the e-mail; the register's own "NAV SIRDAL" stays in exports and the API.
    assert "Nav Sirdal" in message.body
    assert "Skatteetaten Flekkefjord" in message.body
    # A move inside the region is not a move away.
    assert "MATTILSYNET" not in message.body
    # Municipal units are context, not alerts.
    assert "KULTURHUS" not in message.body


@pytest.mark.django_db
def test_a_municipality_subscriber_hears_of_a_move_away(
    first, lister_leader, django_capture_on_commit_callbacks
):
    subscribe(lister_leader, municipality=Municipality.objects.get(number="4227"))
    with django_capture_on_commit_callbacks(execute=True):
        import_snapshot(SECOND)
    assert len(mail.outbox) == 1
    assert "Mattilsynet Kvinesdal" in mail.outbox[0].body
    assert "fra kommune Kvinesdal til Lyngdal" in mail.outbox[0].body
    html = mail.outbox[0].alternatives[0][0]
    assert "<strong>Mattilsynet Kvinesdal</strong>" in html


@pytest.mark.django_db
def test_no_email_when_nothing_alarming_happened_in_the_area(
    first, django_capture_on_commit_callbacks, admin_person
):
    subscribe(admin_person, municipality=Municipality.objects.get(number="4651"))
    with django_capture_on_commit_callbacks(execute=True):
        import_snapshot(SECOND)
    assert mail.outbox == []


@pytest.mark.django_db
def test_only_leaders_of_the_area_may_subscribe(places, kari, lister_leader):
    from hubro.core.errors import NotFound

    with pytest.raises(NotFound):
        subscribe(kari, municipality=Municipality.objects.get(number="4227"))
    with pytest.raises(NotFound):
        subscribe(lister_leader, municipality=Municipality.objects.get(number="1806"))
    assert subscribe(lister_leader, municipality=Municipality.objects.get(number="4227"))


@pytest.mark.django_db
def test_the_update_feed_gives_the_expected_changes_and_is_applied_once(both):
    result = apply_feed(str(FIXTURES / "feed" / "pages"), str(FIXTURES / "feed" / "records"))
    assert result.created
    assert result.snapshot.date.isoformat() == "2025-07-01"
    assert result.snapshot.kind == Snapshot.Kind.UPDATE
    assert change_set(Change.objects.filter(snapshot=result.snapshot)) == CHANGES_FEED
    assert result.summary["update"]["outcome"] == {
        "added": 1,
        "updated": 1,
        "removed": 1,
        "unknown_kind": 1,
    }
    again = apply_feed(str(FIXTURES / "feed" / "pages"), str(FIXTURES / "feed" / "records"))
    assert not again.created
    assert Snapshot.objects.count() == 3


@pytest.mark.django_db
def test_the_update_feed_follows_next_links_from_a_url(both, tmp_path):
    import json

    page = json.loads((FIXTURES / "feed" / "pages" / "page-0001.json").read_text())
    entries = page["_embedded"]["oppdaterteUnderenheter"]
    second = tmp_path / "page-2.json"
    second.write_text(json.dumps({"_embedded": {"oppdaterteUnderenheter": entries[2:]}}))
    first = tmp_path / "page-1.json"
    first.write_text(
        json.dumps(
            {
                "_embedded": {"oppdaterteUnderenheter": entries[:2]},
                "_links": {"next": {"href": second.as_uri()}},
            }
        )
    )
    result = apply_feed(first.as_uri(), str(FIXTURES / "feed" / "records"))
    assert change_set(Change.objects.filter(snapshot=result.snapshot)) == CHANGES_FEED


@pytest.mark.django_db
def test_the_feed_url_starts_after_the_last_applied_update(both):
    from hubro.registry.feed import FEED_URL, start_url

    latest = Snapshot.objects.order_by("-date").first()
    # After a full import: the changes since the snapshot's day, not the API's default.
    assert start_url(FEED_URL, latest) == (
        FEED_URL + "?size=1000&dato=2025-06-15T00%3A00%3A00.000Z"
    )
    latest.last_update_id = 104
    assert start_url(FEED_URL, latest) == FEED_URL + "?size=1000&oppdateringsid=105"
    # A URL with its own starting point, and saved pages, are read as given.
    own = FEED_URL + "?oppdateringsid=7&size=20"
    assert start_url(own, latest) == own
    assert start_url("file:///tmp/page-1.json", latest) == "file:///tmp/page-1.json"


@pytest.mark.django_db
def test_the_feed_stops_at_the_api_paging_depth(tmp_path):
    import json

    from hubro.registry.feed import feed_pages

    second = tmp_path / "page-2.json"
    second.write_text(json.dumps({"page": {"size": 6000, "number": 1}}))
    first = tmp_path / "page-1.json"
    first.write_text(
        json.dumps(
            {"page": {"size": 6000, "number": 0}, "_links": {"next": {"href": second.as_uri()}}}
        )
    )
    # Page 2 of 6,000 would go past the API's 10,000 deep limit: the next run goes on.
    assert [url for url, _page in feed_pages(first.as_uri())] == [first.as_uri()]


@pytest.mark.django_db
def test_a_saved_record_that_is_not_an_object_fails_clearly(both, tmp_path):
    import shutil

    from hubro.registry.source import SourceError

    records = tmp_path / "records"
    shutil.copytree(FIXTURES / "feed" / "records", records)
    (records / "970021205.json").write_text("[1]")
    before = Snapshot.objects.count()
    with pytest.raises(SourceError) as error:
        apply_feed(str(FIXTURES / "feed" / "pages"), str(records))
    assert "970021205.json: not a unit record" in str(error.value.detail)
    assert Snapshot.objects.count() == before
