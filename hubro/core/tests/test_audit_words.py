"""Issue 15: the audit log speaks in words, in the reader's language."""

import re
from pathlib import Path

from django.utils import translation

from hubro.core.audit_words import action_in_words, has_words
from hubro.core.models import AuditEntry

SOURCE = Path(__file__).resolve().parents[2]
# A literal action code handed to the audit log: "booking.cancel", "programme.phase.approve".
CODE = re.compile(r"""record(?:_event)?\(\s*[^,()]+,\s*f?["']([a-z_]+(?:\.[a-z_]+)+)["']""")


def _codes_in_source() -> set[str]:
    codes = set()
    for path in SOURCE.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        codes.update(CODE.findall(path.read_text(encoding="utf-8")))
    return codes


def test_every_action_code_in_the_source_has_words():
    codes = _codes_in_source()
    # The scan finds the codes (it would pass vacuously otherwise).
    assert {"booking.create", "event.register", "person.login_failed"} <= codes
    assert not sorted(code for code in codes if not has_words(code))


def test_the_words_follow_the_readers_language():
    entry = AuditEntry(action="event.register", object_type="events.registration")
    with translation.override("nb"):
        assert entry.action_label == "Påmeldt arrangement"
    with translation.override("nn"):
        assert entry.action_label == "Påmeld til arrangement"
    with translation.override("en"):
        assert entry.action_label == "Signed up for an event"
    booking = AuditEntry(action="booking.cancel", object_type="bookings.booking")
    with translation.override("nb"):
        assert booking.action_label == "Booking avbestilt"


def test_an_unknown_code_is_shown_as_it_is_rather_than_hidden():
    assert action_in_words("thing.frobnicate", "nowhere.thing") == "thing.frobnicate"
