"""The hub's day view: a timeline of half hours per space, and a list for phones."""

import datetime as dt

import pytest
from django.test.html import Element, parse_html
from django.utils import timezone

from conftest import ApiClient, at
from hubro.bookings.actions import create_booking
from hubro.spaces.models import OpeningHours
from hubro.spaces.timeline import build_timeline, columns_for

pytestmark = pytest.mark.django_db


# --- A little DOM reading on top of Django's own HTML parser ---------------------------
def _elements(node):
    for child in getattr(node, "children", []):
        if isinstance(child, Element):
            yield child
            yield from _elements(child)


def _attr(element, name):
    return dict(element.attributes).get(name)


def _classes(element):
    return (_attr(element, "class") or "").split()


def _text(node):
    if isinstance(node, str):
        return node
    return " ".join(_text(child) for child in node.children).replace("  ", " ").strip()


def find_all(node, tag, cls=None):
    return [e for e in _elements(node) if e.name == tag and (cls is None or cls in _classes(e))]


def timeline_table(response, kind_label="Åpen kontorplass"):
    dom = parse_html(response.text)
    for table in find_all(dom, "table", "hubro-timeline"):
        if kind_label in _text(find_all(table, "caption")[0]):
            return table
    raise AssertionError(f"no timeline table for {kind_label}")


def body_rows(table):
    return find_all(find_all(table, "tbody")[0], "tr")


def slot_cells(row):
    return [td for td in find_all(row, "td") if "hubro-slot" in _classes(td)]


def columns_covered(row):
    """(state, first column, last column) of each cell in a row, from their colspans."""
    spans, col = [], 0
    for td in slot_cells(row):
        span = int(_attr(td, "colspan") or 1)
        (state,) = {"free", "busy", "past"} & {
            c.removeprefix("hubro-slot--") for c in _classes(td)
        }
        spans.append((state, col, col + span - 1))
        col += span
    return spans


@pytest.fixture
def lister_hours(hub):
    """Open 07:30–17:00 every day, like RegionLab Lister on weekdays."""
    OpeningHours.objects.filter(hub=hub).update(opens=dt.time(7, 30), closes=dt.time(17))
    return hub


def day_url(day=None):
    return "/huber/testlab/" + (f"?date={day.isoformat()}" if day else "")


# --- The table -----------------------------------------------------------------------
def test_the_table_has_a_column_per_half_hour_of_the_opening_hours(
    client, kari, lister_hours, desk, tomorrow
):
    client.force_login(kari)
    response = client.get(day_url(tomorrow))
    assert "{#" not in response.text and "{%" not in response.text
    table = timeline_table(response)
    headers = find_all(find_all(table, "thead")[0], "th")
    # The space, 07:30 … 16:30 (19 half hours), the free periods.
    assert len(headers) == 2 + 19
    assert [_text(h) for h in headers[1:4]] == ["07:30", "08:00", "08:30"]
    assert _text(headers[-2]) == "16:30"
    assert all(_attr(h, "scope") == "col" for h in headers)
    (row,) = body_rows(table)
    assert _attr(find_all(row, "th")[0], "scope") == "row"
    assert len(slot_cells(row)) == 19


def test_a_booked_slot_is_busy_and_not_linked(client, kari, ola, lister_hours, desk, tomorrow):
    create_booking(
        space=desk, person=ola, start=at(tomorrow, 8), end=at(tomorrow, 15, 30), actor=ola
    )
    client.force_login(kari)
    (row,) = body_rows(timeline_table(client.get(day_url(tomorrow))))

    # 07:30 free; 08:00–15:30 is exactly columns 1–15, one cell; 15:30, 16:00, 16:30 free.
    assert columns_covered(row) == [
        ("free", 0, 0),
        ("busy", 1, 15),
        ("free", 16, 16),
        ("free", 17, 17),
        ("free", 18, 18),
    ]
    busy = slot_cells(row)[1]
    assert find_all(busy, "a") == []
    assert "Opptatt" in _text(busy) and "08:00–15:30" in _text(busy)
    starts = [
        _attr(a, "href").split("start=")[1][:5] for a in find_all(row, "a", "hubro-slot__link")
    ]
    assert starts == ["07:30", "15:30", "16:00", "16:30"]


def test_a_booking_that_starts_mid_cell_marks_the_whole_cell_busy(
    client, kari, ola, hub, desk, tomorrow
):
    create_booking(
        space=desk, person=ola, start=at(tomorrow, 9, 15), end=at(tomorrow, 10), actor=ola
    )
    client.force_login(kari)
    (row,) = body_rows(timeline_table(client.get(day_url(tomorrow))))

    busy = [cell for cell in columns_covered(row) if cell[0] == "busy"]
    assert busy == [("busy", 4, 5)]  # 09:00–09:30 (partly) and 09:30–10:00
    (td,) = [td for td in slot_cells(row) if "hubro-slot--busy" in _classes(td)]
    assert "hubro-slot--partial" in _classes(td)
    # The free quarter before it can still be booked, through the free periods.
    runs = find_all(find_all(row, "td", "hubro-timeline__runs")[0], "a")
    assert "start=07:00&end=09:15" in _attr(runs[0], "href")
    assert _text(runs[0]) == "Book 07:00–09:15 (Plass 1)"


def test_free_cells_link_to_the_booking_form_with_their_slot(client, kari, hub, desk, tomorrow):
    client.force_login(kari)
    (row,) = body_rows(timeline_table(client.get(day_url(tomorrow))))
    links = find_all(row, "a", "hubro-slot__link")
    assert len(links) == 22  # 07:00–18:00
    nine = links[4]
    assert _text(nine) == "Book Plass 1, 09:00–09:30 (ledig)"
    href = _attr(nine, "href")
    assert href == (
        f"/huber/testlab/rom/{desk.pk}/book/?date={tomorrow.isoformat()}&start=09:00&end=09:30"
    )

    form = client.get(href)
    assert form.status_code == 200
    assert 'name="start" value="09:00' in form.text
    assert 'name="end" value="09:30' in form.text


def test_a_free_period_is_one_link_for_the_whole_range(client, kari, ola, hub, desk, tomorrow):
    create_booking(space=desk, person=ola, start=at(tomorrow, 12), end=at(tomorrow, 13), actor=ola)
    client.force_login(kari)
    (row,) = body_rows(timeline_table(client.get(day_url(tomorrow))))
    runs = find_all(find_all(row, "td", "hubro-timeline__runs")[0], "a")
    assert [_text(a) for a in runs] == ["Book 07:00–12:00 (Plass 1)", "Book 13:00–18:00 (Plass 1)"]
    assert _attr(runs[1], "href").endswith(f"date={tomorrow.isoformat()}&start=13:00&end=18:00")


def test_spaces_are_grouped_by_kind_in_tables_of_their_own(
    client, kari, hub, desk, meeting_room, tomorrow
):
    client.force_login(kari)
    response = client.get(day_url(tomorrow))
    room = timeline_table(response, "Møterom")
    assert [_text(find_all(r, "th")[0]) for r in body_rows(room)] == [
        "Møterom Lister (10 plasser)"
    ]
    assert len(body_rows(timeline_table(response, "Åpen kontorplass"))) == 1


def test_the_day_shows_no_names_of_who_booked(client, kari, ola, hub, desk, tomorrow):
    create_booking(space=desk, person=ola, start=at(tomorrow, 9), end=at(tomorrow, 10), actor=ola)
    client.force_login(kari)
    text = client.get(day_url(tomorrow)).text
    assert "Opptatt" in text
    assert "Ola" not in text and "ola@lyngdal.test" not in text


def test_the_hours_that_are_over_cannot_be_picked(client, kari, hub, desk):
    two_days_ago = timezone.localdate() - dt.timedelta(days=2)
    client.force_login(kari)
    (row,) = body_rows(timeline_table(client.get(day_url(two_days_ago))))
    assert columns_covered(row) == [("past", 0, 21)]
    assert find_all(row, "a") == []
    assert "Passert" in _text(row)


# --- The list for phones -------------------------------------------------------------
def test_the_list_gives_each_space_its_free_periods_as_links_and_busy_times_as_text(
    client, kari, ola, hub, desk, tomorrow
):
    create_booking(space=desk, person=ola, start=at(tomorrow, 12), end=at(tomorrow, 13), actor=ola)
    client.force_login(kari)
    dom = parse_html(client.get(day_url(tomorrow)).text)
    (item,) = find_all(find_all(dom, "ul", "hubro-daylist")[0], "li", "hubro-daylist__space")
    links = find_all(item, "a")
    assert [_text(a) for a in links] == [
        "Book 07:00–12:00 (Plass 1)",
        "Book 13:00–18:00 (Plass 1)",
    ]
    assert "Opptatt: 12:00–13:00" in _text(find_all(item, "p", "hubro-daylist__busy")[0])


# --- Days that are not ordinary --------------------------------------------------------
def test_a_closed_day_shows_the_closed_message_and_no_timeline(client, kari, hub, desk, tomorrow):
    OpeningHours.objects.filter(hub=hub, weekday=tomorrow.weekday()).delete()
    client.force_login(kari)
    response = client.get(day_url(tomorrow))
    assert response.status_code == 200
    assert "Huben er stengt denne dagen." in response.text
    assert find_all(parse_html(response.text), "table") == []


@pytest.mark.parametrize("value", ["banana", "2026-02-30", "0001-01-01", "9999-12-31"])
def test_a_date_that_is_no_date_gives_a_clear_message_and_today(client, kari, hub, desk, value):
    client.force_login(kari)
    response = client.get("/huber/testlab/", {"date": value})
    assert response.status_code == 200
    assert "Viser i dag." in response.text
    assert f'value="{timezone.localdate().isoformat()}"' in response.text


def test_a_bad_date_is_explained_inside_the_htmx_partial_too(client, kari, hub, desk):
    client.force_login(kari)
    response = client.get("/huber/testlab/?date=banana", headers={"HX-Request": "true"})
    assert "«banana» er ikke en dato. Viser i dag." in response.text


def test_the_htmx_request_gets_only_the_day(client, kari, hub, desk, tomorrow):
    client.force_login(kari)
    response = client.get(day_url(tomorrow), headers={"HX-Request": "true"})
    assert response.status_code == 200
    text = response.text.strip()
    assert text.startswith('<section id="day"') and text.endswith("</section>")
    assert "<html" not in text and "hubro-header" not in text
    assert "hubro-timeline" in text and "Neste dag" in text


def test_hosts_keep_their_links_to_the_admin_and_the_audit_log(client, vera, kari, hub, desk):
    client.force_login(vera)
    assert "/huber/testlab/logg/" in client.get(day_url()).text
    client.force_login(kari)
    assert "/huber/testlab/logg/" not in client.get(day_url()).text


# --- The grid itself -----------------------------------------------------------------
def test_columns_follow_the_clock_and_cut_the_first_one_at_opening(hub):
    day = dt.date(2026, 3, 10)
    columns = columns_for(at(day, 7, 15), at(day, 9))
    assert [(c.start.strftime("%H:%M"), c.end.strftime("%H:%M")) for c in columns] == [
        ("07:15", "07:30"),
        ("07:30", "08:00"),
        ("08:00", "08:30"),
        ("08:30", "09:00"),
    ]


def test_the_grid_has_its_usual_half_hours_on_the_day_summer_time_starts(hub):
    day = dt.date(2026, 3, 29)  # clocks go from 02:00 to 03:00 in the night
    columns = columns_for(at(day, 7), at(day, 18))
    assert len(columns) == 22
    assert {c.end - c.start for c in columns} == {dt.timedelta(minutes=30)}
    assert columns[0].start.strftime("%H:%M %z") == "07:00 +0200"


def test_a_closed_day_has_no_columns(hub, desk):
    from hubro.bookings.queries import SpaceDay

    timeline = build_timeline([SpaceDay(desk)], None)
    assert timeline.columns == []
    assert timeline.groups[0].rows[0].cells == []


def test_a_public_holiday_shows_as_closed_with_its_name(client, kari, hub, desk):
    hub.observe_public_holidays = True
    hub.save()
    may_17 = dt.date(timezone.localdate().year + 1, 5, 17)
    client.force_login(kari)
    response = client.get(f"/huber/testlab/?date={may_17.isoformat()}")
    assert "Huben er stengt denne dagen: " in response.text
    assert "Grunnlovsdag" in response.text
    api = ApiClient(kari).get("/api/v1/hubs/testlab/availability", date=may_17.isoformat())
    assert api.json() == [{"space": desk.pk, "free": []}]


def test_a_closed_day_shows_its_reason(client, kari, hub, desk, tomorrow):
    from hubro.spaces.models import ClosedDay

    ClosedDay.objects.create(hub=hub, date=tomorrow, reason="Flytting")
    client.force_login(kari)
    response = client.get(f"/huber/testlab/?date={tomorrow.isoformat()}")
    assert "Huben er stengt denne dagen: Flytting." in response.text
