"""``hubro registry import``: a full snapshot from the bulk files, in two passes.

Pass 1 reads the main entities (enheter) and keeps only the public-sector ones, as a
compact chain map. Pass 2 reads the local units (underenheter), keeps those whose chain
makes them state, county or municipal units, and writes them.

The import never holds the database for long, so that bookings go on while a national
file is read (on SQLite one writer at a time holds the whole database). The units are
staged under a hidden snapshot (``STAGING_DATE``, see ``CompleteSnapshots``), each
batch in its own short transaction; the file is read between them. The swap – the
real date, the entity table, the changes against the snapshot before – is one short
transaction at the end. A failure anywhere removes the staged rows (in short
transactions too) and leaves the previous snapshots exactly as they were."""

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass, field

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hubro.core.audit import record
from hubro.core.errors import Conflict, Invalid
from hubro.core.models import Municipality

from .changes import recompute_changes, resize_threshold
from .classify import ChainMap, record_orgnr
from .models import STAGING_DATE, Entity, Snapshot, Unit
from .source import Source, SourceError, check_file, is_url
from .units import build_unit, missing_fields

BATCH = 2000
# No import runs this long: a staged snapshot this old was left by a killed one.
ABANDONED_AFTER = dt.timedelta(hours=12)
# The CSV columns the import cannot do without (JSON records are checked one by one).
ENTITY_COLUMNS = (
    "organisasjonsnummer",
    "organisasjonsform.kode",
    "institusjonellSektorkode.kode",
    "overordnetEnhet",
)
UNIT_COLUMNS = (
    "organisasjonsnummer",
    "navn",
    "overordnetEnhet",
    "beliggenhetsadresse.kommunenummer",
)


@dataclass
class ImportResult:
    created: bool
    snapshot: Snapshot | None
    summary: dict = field(default_factory=dict)
    message: str = ""


class _AlreadyImported(Exception):
    def __init__(self, snapshot):
        self.snapshot = snapshot


def _file_hash(location: str) -> str | None:
    if is_url(location):
        return None
    path = check_file(location)
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _combined(units_hash: str, entities_hash: str) -> str:
    return hashlib.sha256(f"{units_hash}:{entities_hash}".encode()).hexdigest()


def read_entities(location: str, *, fmt=None, progress=False) -> tuple[ChainMap, str, int]:
    """Pass 1: the chain map of public-sector main entities, the file's hash, and the
    number of records read."""
    chains = ChainMap()
    with Source(
        location, fmt=fmt, progress=progress, columns=ENTITY_COLUMNS, what="enheter"
    ) as source:
        for rec in source.records():
            if not record_orgnr(rec):
                source.fail("a record has no organisasjonsnummer")
            chains.add_entity_record(rec)
        if source.record_number == 0:
            raise SourceError(f"{source.name}: the file holds no records")
        if not len(chains):
            # Importing on would store an empty snapshot: every unit "closed".
            raise SourceError(
                f"{source.name}: none of its {source.record_number:,} records is a"
                " public-sector main entity (sector 6100 or 6500, or form STAT, ORGL, KOMM,"
                " FYLK …); is this the enheter file?"
            )
        return chains, source.sha256, source.record_number


def run_import(
    units: str,
    entities: str,
    *,
    date: dt.date | None = None,
    fmt: str | None = None,
    progress: bool = False,
    replace: bool = False,
    threshold: float | None = None,
    actor=None,
    notify: bool = True,
) -> ImportResult:
    """Import one snapshot dated ``date`` (default today) from the units and entities
    files (paths or URLs). Returns what it did; raises ``SourceError`` (an ``Invalid``)
    naming the place in the file for unreadable input, ``Conflict`` when another file
    was imported for the same date and ``replace`` is not set."""
    date = date or timezone.localdate()
    threshold = resize_threshold(threshold)
    units_hash = _file_hash(units)
    entities_hash = _file_hash(entities)
    if units_hash and entities_hash:
        existing = Snapshot.objects.filter(
            source_hash=_combined(units_hash, entities_hash)
        ).first()
        if existing:
            return _nothing(existing)
    chains, read_entities_hash, entity_records = read_entities(
        entities, fmt=fmt, progress=progress
    )
    try:
        return _write(
            units,
            entities,
            chains,
            entities_hash=read_entities_hash,
            entity_records=entity_records,
            date=date,
            fmt=fmt,
            progress=progress,
            replace=replace,
            threshold=threshold,
            actor=actor,
            notify=notify,
        )
    except _AlreadyImported as done:
        return _nothing(done.snapshot)


def _nothing(snapshot) -> ImportResult:
    return ImportResult(
        created=False,
        snapshot=snapshot,
        summary=snapshot.summary,
        message=_("Disse filene er allerede importert (øyeblikksbildet %(date)s).")
        % {"date": snapshot.date.isoformat()},
    )


def _write(
    units,
    entities,
    chains,
    *,
    entities_hash,
    entity_records,
    date,
    fmt,
    progress,
    replace,
    threshold,
    actor,
    notify,
) -> ImportResult:
    municipalities = dict(Municipality.objects.values_list("number", "name"))
    kept: Counter[str] = Counter()
    skipped: Counter[str] = Counter()
    unknown_municipality: Counter[str] = Counter()
    seen: set[str] = set()
    snapshot = _stage(f"{units} + {entities}")
    try:
        insert = _Inserter(Unit, snapshot_id=snapshot.pk)
        batch: list[tuple] = []
        with Source(
            units, fmt=fmt, progress=progress, columns=UNIT_COLUMNS, what="underenheter"
        ) as source:
            for rec in source.records():
                missing = missing_fields(rec)
                if missing:
                    source.fail("a record is missing required fields (" + ", ".join(missing) + ")")
                unit, reason = build_unit(rec, chains, municipalities)
                if unit is None:
                    skipped[reason] += 1
                    continue
                if unit["orgnr"] in seen:
                    skipped["duplicate"] += 1
                    continue
                seen.add(unit["orgnr"])
                kept[unit["sector"]] += 1
                if not unit["municipality_known"]:
                    unknown_municipality[unit["municipality_number"] or "-"] += 1
                batch.append(insert.row(unit))
                if len(batch) >= BATCH:
                    insert.many_in_transaction(batch)
                    batch.clear()
            if batch:
                insert.many_in_transaction(batch)
            unit_records = source.record_number
            if unit_records == 0:
                raise SourceError(f"{source.name}: the file holds no records")
            if not kept:
                raise SourceError(
                    f"{source.name}: none of its {unit_records:,} records belongs to a"
                    " public-sector main entity of the enheter file; are these the"
                    " underenheter and enheter files of the same day?"
                )
            source_hash = _combined(source.sha256, entities_hash)
        summary = {
            "unit_records": unit_records,
            "entity_records": entity_records,
            "entities_kept": len(chains),
            "kept": dict(sorted(kept.items())),
            "skipped": dict(sorted(skipped.items())),
            "unknown_municipality": dict(sorted(unknown_municipality.items())),
            "resize_threshold": threshold,
        }
        with transaction.atomic():
            _swap_in(
                snapshot,
                chains,
                date=date,
                source_hash=source_hash,
                summary=summary,
                replace=replace,
                threshold=threshold,
                actor=actor,
                notify=notify,
            )
    except BaseException:
        _discard(snapshot)
        raise
    return ImportResult(created=True, snapshot=snapshot, summary=summary)


def _stage(source: str) -> Snapshot:
    """The hidden snapshot the units are written under. One import at a time; a staged
    snapshot older than ``ABANDONED_AFTER`` was left by a killed import and goes."""
    stale = Snapshot.with_staged.filter(
        date=STAGING_DATE, imported_at__lt=timezone.now() - ABANDONED_AFTER
    ).first()
    if stale is not None:
        _discard(stale)
    try:
        with transaction.atomic():
            return Snapshot.with_staged.create(
                date=STAGING_DATE,
                kind=Snapshot.Kind.FULL,
                source=source[:500],
                # Replaced by the real hash at the swap; unique meanwhile.
                source_hash=f"staging-{timezone.now().timestamp()}"[:64],
            )
    except IntegrityError:
        raise Conflict(
            _("En annen import av registeret pågår. Prøv igjen når den er ferdig."),
            code="import_running",
        ) from None


def _discard(snapshot: Snapshot) -> None:
    """Remove a staged snapshot and its units, a batch per short transaction."""
    while True:
        with transaction.atomic():
            ids = list(
                Unit.objects.filter(snapshot_id=snapshot.pk).values_list("pk", flat=True)[:BATCH]
            )
            if not ids:
                Snapshot.with_staged.filter(pk=snapshot.pk, date=STAGING_DATE).delete()
                return
            Unit.objects.filter(pk__in=ids).delete()


def _swap_in(
    snapshot, chains, *, date, source_hash, summary, replace, threshold, actor, notify
) -> None:
    """The short transaction that makes the staged snapshot the one of ``date``."""
    if Snapshot.objects.filter(source_hash=source_hash).exists():
        raise _AlreadyImported(Snapshot.objects.get(source_hash=source_hash))
    same_day = Snapshot.objects.filter(date=date).first()
    if same_day is not None and not replace:
        raise Conflict(
            _(
                "Det finnes allerede et øyeblikksbilde for %(date)s fra andre filer."
                " Bruk --replace for å erstatte det."
            )
            % {"date": date.isoformat()},
            code="snapshot_exists",
        )
    if same_day is not None:
        same_day.delete()
    _replace_entities(chains)
    snapshot.date = date
    snapshot.source_hash = source_hash
    snapshot.summary = summary
    snapshot.save(update_fields=["date", "source_hash", "summary"])
    changes = recompute_changes(snapshot, threshold=threshold)
    later = Snapshot.objects.filter(date__gt=date).order_by("date").first()
    if later is not None:
        recompute_changes(later, threshold=threshold)
    summary["changes"] = dict(Counter(change.kind for change in changes))
    snapshot.save(update_fields=["summary"])
    record(actor, "snapshot.create", snapshot, changes={"summary": summary})
    if notify and later is None:
        from .notifications import notify_subscribers

        notify_subscribers(snapshot)


class _Inserter:
    """Plain INSERTs through Django's cursor, many rows per statement: the ORM's
    per-object work would cost more than parsing the file. Values are adapted by the
    backend's own operations, so the same code serves SQLite and PostgreSQL."""

    def __init__(self, model, **fixed):
        self.fields = [f for f in model._meta.concrete_fields if not f.primary_key]
        self.fixed = fixed
        self.dates = {f.attname for f in self.fields if f.get_internal_type() == "DateField"}
        columns = ", ".join(connection.ops.quote_name(f.column) for f in self.fields)
        self.sql = (
            f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({columns})"
            f" VALUES ({', '.join(['%s'] * len(self.fields))})"
        )
        self.adapt_date = connection.ops.adapt_datefield_value

    def row(self, values: dict) -> tuple:
        out = []
        for f in self.fields:
            name = f.attname
            value = self.fixed[name] if name in self.fixed else values.get(name)
            if name in self.dates:
                value = self.adapt_date(value)
            out.append(value)
        return tuple(out)

    def many(self, rows) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(self.sql, rows)

    def many_in_transaction(self, rows) -> None:
        """One batch in a transaction of its own: the write lock is held for one batch."""
        with transaction.atomic():
            self.many(rows)


def _replace_entities(chains: ChainMap) -> None:
    """The entity table mirrors the latest import's public-sector main entities."""
    Entity.objects.all().delete()
    insert = _Inserter(Entity)
    rows = []
    for orgnr, (name, form, sector_code, parent) in chains.entities.items():
        placement = chains.place(orgnr)
        if placement is None:
            continue
        rows.append(
            insert.row(
                {
                    "orgnr": orgnr[:9],
                    "name": name[:300],
                    "form": form[:10],
                    "sector_code": sector_code[:4],
                    "parent_orgnr": parent[:9],
                    "sector": placement.sector,
                    "agency_orgnr": placement.agency_orgnr,
                    "chain": placement.chain[:200],
                }
            )
        )
        if len(rows) >= BATCH:
            insert.many(rows)
            rows.clear()
    if rows:
        insert.many(rows)


def chains_from_table() -> ChainMap:
    """The chain map as the last import left it, for the update feed."""
    chains = ChainMap()
    for orgnr, name, form, sector_code, parent in Entity.objects.values_list(
        "orgnr", "name", "form", "sector_code", "parent_orgnr"
    ):
        chains.consider(orgnr, name, form, sector_code, parent)
    return chains


def check_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise Invalid(f"not a date (YYYY-MM-DD): {value!r}", code="invalid_date") from None
