"""``hubro registry update``: follow the daily changes through the update feed
(``/api/oppdateringer/underenheter``) instead of downloading the bulk file again.

The feed lists, per unit, an ``endringstype``: Ny and Endring need the unit's current
record (fetched from the API, or read from a directory of saved records named
``<orgnr>.json``); Sletting and Fjernet remove the unit; Ukjent is counted and skipped.
Entries up to the snapshot's last applied ``oppdateringsid`` are skipped, so applying
the same pages twice adds nothing.

The changes land in a new snapshot dated by the newest entry (copied from the latest
snapshot), or in the latest snapshot itself when the entries are not newer than it."""

import datetime as dt
import hashlib
import json
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hubro.core.audit import record
from hubro.core.errors import Invalid
from hubro.core.models import Municipality

from .changes import recompute_changes, resize_threshold
from .importer import chains_from_table
from .models import Snapshot, Unit
from .source import USER_AGENT, SourceError, is_url
from .units import build_unit, missing_fields

RECORDS_URL = "https://data.brreg.no/enhetsregisteret/api/underenheter"
FEED_URL = "https://data.brreg.no/enhetsregisteret/api/oppdateringer/underenheter"
KINDS = ("Ny", "Endring", "Sletting", "Fjernet", "Ukjent")
MAX_PAGES = 10_000
# The API pages at most this deep (page x size); beyond, the rest waits for the next run,
# which starts after the last applied oppdateringsid.
MAX_DEPTH = 10_000
PAGE_SIZE = 1_000


def start_url(feed: str, latest: Snapshot) -> str:
    """The feed URL to read, for a URL without its own starting point: from the entry
    after the last applied ``oppdateringsid``, or else from the snapshot's date (the
    API's default would be today's changes only)."""
    parts = urllib.parse.urlsplit(feed)
    query = urllib.parse.parse_qs(parts.query)
    if parts.scheme not in ("http", "https") or "dato" in query or "oppdateringsid" in query:
        return feed
    extra = {"size": str(PAGE_SIZE)} if "size" not in query else {}
    if latest.last_update_id is not None:
        extra["oppdateringsid"] = str(latest.last_update_id + 1)
    else:
        extra["dato"] = f"{latest.date.isoformat()}T00:00:00.000Z"
    joined = "&".join(filter(None, [parts.query, urllib.parse.urlencode(extra)]))
    return urllib.parse.urlunsplit(parts._replace(query=joined))


@dataclass
class UpdateResult:
    created: bool
    snapshot: Snapshot | None
    summary: dict = field(default_factory=dict)
    message: str = ""


def _get_json(url: str, *, what: str):
    request = urllib.request.Request(
        url, headers={"User-Agent": USER_AGENT, "Accept": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.load(response)
    except urllib.error.HTTPError as exc:
        if exc.code in (404, 410):
            return None
        raise SourceError(f"{url}: the server answered {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise SourceError(f"{url}: cannot download {what} ({exc.reason})") from None
    except (ValueError, OSError) as exc:
        raise SourceError(f"{url}: cannot read {what} ({exc})") from None


def _read_json_file(path: Path):
    try:
        with path.open("rb") as handle:
            return json.load(handle)
    except json.JSONDecodeError as exc:
        raise SourceError(
            f"{path}: invalid JSON ({exc.msg}) at line {exc.lineno}, column {exc.colno}"
        ) from None
    except OSError as exc:
        raise SourceError(f"{path}: cannot read ({exc.strerror})") from None


def feed_pages(location: str):
    """The feed pages: every ``*.json`` in a directory (by name), one file, or a URL
    and the pages its ``_links.next`` lead to."""
    if is_url(location):
        url, pages = location, 0
        while url and pages < MAX_PAGES:
            page = _get_json(url, what="the update feed")
            if page is None:
                raise SourceError(f"{url}: no such feed page")
            yield url, page
            pages += 1
            url = ((page.get("_links") or {}).get("next") or {}).get("href")
            info = page.get("page") if isinstance(page, dict) else None
            size = info.get("size") if isinstance(info, dict) else None
            if (
                isinstance(size, int)
                and size > 0
                and (info.get("number", 0) + 2) * size > MAX_DEPTH
            ):
                return
        return
    path = Path(location)
    if path.is_dir():
        files = sorted(path.glob("*.json"))
        if not files:
            raise SourceError(f"{location}: no feed pages (*.json) in this directory")
    elif path.is_file():
        files = [path]
    else:
        raise SourceError(f"{location}: no such file or directory")
    for file in files:
        yield str(file), _read_json_file(file)


def feed_entries(location: str) -> list[dict]:
    entries = []
    for where, page in feed_pages(location):
        if not isinstance(page, dict):
            raise SourceError(f"{where}: not an update feed page (expected a JSON object)")
        embedded = page.get("_embedded") or {}
        if not isinstance(embedded, dict):
            raise SourceError(f"{where}: not an update feed page (_embedded is not an object)")
        for number, entry in enumerate(embedded.get("oppdaterteUnderenheter") or [], 1):
            try:
                entries.append(
                    {
                        "id": int(entry["oppdateringsid"]),
                        "orgnr": str(entry["organisasjonsnummer"]),
                        "kind": str(entry["endringstype"]),
                        "date": dt.datetime.fromisoformat(
                            str(entry["dato"]).replace("Z", "+00:00")
                        ),
                    }
                )
            except (KeyError, TypeError, ValueError) as exc:
                raise SourceError(
                    f"{where}: update entry {number} is missing or has a bad field ({exc})"
                ) from None
    return entries


def _record(records: str, orgnr: str):
    if is_url(records):
        where = f"{records.rstrip('/')}/{orgnr}"
        data = _get_json(where, what=f"unit {orgnr}")
    else:
        path = Path(records) / f"{orgnr}.json"
        if not path.is_file():
            return None
        where, data = str(path), _read_json_file(path)
    if data is not None and not isinstance(data, dict):
        raise SourceError(f"{where}: not a unit record (expected a JSON object)")
    return data


def apply_feed(
    feed: str = FEED_URL,
    records: str = RECORDS_URL,
    *,
    threshold: float | None = None,
    actor=None,
    notify: bool = True,
) -> UpdateResult:
    """Apply the update feed at ``feed`` to the latest snapshot; records for new and
    changed units come from ``records`` (a directory of saved records or the API)."""
    threshold = resize_threshold(threshold)
    if records and not is_url(records) and not Path(records).is_dir():
        raise SourceError(f"{records}: no such directory of saved records")
    latest = Snapshot.objects.order_by("-date").first()
    if latest is None:
        raise Invalid(
            _("Det finnes ingen øyeblikksbilder ennå. Kjør en full import først."),
            code="no_snapshot",
        )
    if is_url(feed):
        feed = start_url(feed, latest)
    entries = sorted(feed_entries(feed), key=lambda e: e["id"])
    if latest.last_update_id is not None:
        entries = [e for e in entries if e["id"] > latest.last_update_id]
    counts: Counter[str] = Counter()
    if not entries:
        return UpdateResult(False, latest, {}, _("Ingen nye oppdateringer."))
    # The last entry per unit decides.
    final: dict[str, dict] = {}
    for entry in entries:
        final[entry["orgnr"]] = entry
    fetched: dict[str, dict | None] = {}
    for orgnr, entry in final.items():
        counts[entry["kind"] if entry["kind"] in KINDS else "Ukjent"] += 1
        if entry["kind"] in ("Ny", "Endring"):
            fetched[orgnr] = _record(records, orgnr)
    newest = max(timezone.localdate(e["date"]) for e in entries)
    digest = hashlib.sha256(
        json.dumps([[e["id"], e["orgnr"], e["kind"]] for e in entries]).encode()
    ).hexdigest()
    municipalities = dict(Municipality.objects.values_list("number", "name"))
    chains = chains_from_table()
    outcome: Counter[str] = Counter()
    with transaction.atomic():
        if newest > latest.date:
            target = Snapshot.objects.create(
                date=newest,
                kind=Snapshot.Kind.UPDATE,
                source=feed[:500],
                source_hash=digest,
            )
            copies = [
                Unit(
                    **{
                        f.attname: getattr(u, f.attname)
                        for f in Unit._meta.concrete_fields
                        if f.attname not in ("id", "snapshot_id")
                    },
                    snapshot=target,
                )
                for u in Unit.objects.filter(snapshot=latest).iterator(chunk_size=2000)
            ]
            Unit.objects.bulk_create(copies, batch_size=2000)
        else:
            target = latest
        for orgnr, entry in final.items():
            existing = Unit.objects.filter(snapshot=target, orgnr=orgnr)
            if entry["kind"] in ("Sletting", "Fjernet"):
                outcome["removed" if existing.delete()[0] else "not_kept"] += 1
                continue
            if entry["kind"] not in ("Ny", "Endring"):
                outcome["unknown_kind"] += 1
                continue
            data = fetched.get(orgnr)
            if data is None:
                outcome["record_not_found"] += 1
                continue
            missing = missing_fields(data)
            if missing:
                raise SourceError(
                    f"record {orgnr}: missing required fields ({', '.join(missing)})"
                )
            unit, reason = build_unit(data, chains, municipalities)
            if unit is None:
                outcome["removed" if existing.delete()[0] else reason] += 1
                continue
            existing.delete()
            Unit.objects.create(snapshot=target, **unit)
            outcome["updated" if entry["kind"] == "Endring" else "added"] += 1
        target.last_update_id = entries[-1]["id"]
        summary = dict(target.summary or {})
        summary["update"] = {"entries": dict(counts), "outcome": dict(outcome)}
        target.summary = summary
        target.save(update_fields=["last_update_id", "summary"])
        changes = recompute_changes(target, threshold=threshold)
        summary["changes"] = dict(Counter(c.kind for c in changes))
        target.save(update_fields=["summary"])
        record(actor, "snapshot.update", target, changes={"update": summary["update"]})
        if notify:
            from .notifications import notify_subscribers

            notify_subscribers(target)
    return UpdateResult(True, target, summary)
