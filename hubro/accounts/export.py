"""Everything Hubro holds about a person (GDPR art. 15 and 20), as data.

The export walks every table that refers to the person, so that a new kind of record
is included without changes here, plus the audit entries about them. Secrets (the
password hash, token hashes, second-factor keys, session keys) are named but not
shown."""

import datetime as dt
import decimal
import uuid

from django.db.models import Q
from django.utils import timezone

from hubro.core.models import AuditEntry, Person

SECRET_FIELDS = {"password", "key_hash", "calendar_token", "session_key", "secret", "data"}
SECRET_TEXT = "(hemmelig, ikke vist)"
PERSON_FIELDS = [
    "email",
    "name",
    "language",
    "show_presence",
    "is_active",
    "is_staff",
    "date_joined",
    "last_login",
]


def _plain(value):
    if isinstance(value, dt.datetime):
        return (
            timezone.localtime(value).isoformat()
            if timezone.is_aware(value)
            else value.isoformat()
        )
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    return value


def _row(obj, skip: str) -> dict:
    row = {}
    for field in obj._meta.concrete_fields:
        if field.name == skip:
            continue
        if field.name in SECRET_FIELDS:
            row[field.name] = SECRET_TEXT if field.value_from_object(obj) else None
        elif field.is_relation:
            target = getattr(obj, field.name)
            row[field.name] = str(target) if target is not None else None
        else:
            row[field.name] = _plain(field.value_from_object(obj))
    return row


def collect(person: Person) -> dict:
    """The person's data: their own fields, then one list per kind of record that
    refers to them, then the audit entries by or about them."""
    data = {
        "exported_at": timezone.localtime().isoformat(),
        "person": {name: _plain(getattr(person, name)) for name in PERSON_FIELDS},
        "records": {},
    }
    data["person"]["password"] = SECRET_TEXT if person.has_usable_password() else None
    for relation in Person._meta.related_objects:
        model = relation.related_model
        if model is AuditEntry or relation.many_to_many:
            continue
        field = relation.field
        rows = model._base_manager.filter(**{field.name: person})
        fk_names = [
            f.name for f in model._meta.concrete_fields if f.is_relation and f.name != field.name
        ]
        if fk_names:
            rows = rows.select_related(*fk_names)
        rows = [_row(obj, field.name) for obj in rows[:10_000]]
        if rows:
            key = f"{model._meta.label_lower}.{field.name}"
            data["records"][key] = {
                "title": str(model._meta.verbose_name_plural),
                "field": str(field.verbose_name),
                "rows": rows,
            }
    audit = AuditEntry.objects.filter(
        Q(actor=person) | Q(object_type="core.person", object_id=str(person.pk))
    ).order_by("at")
    data["audit"] = [
        {
            "at": _plain(entry.at),
            "action": entry.action,
            "object": entry.object_repr,
            "by": entry.actor_label,
            "details": entry.changes,
        }
        for entry in audit[:10_000]
    ]
    return data


def readable(data: dict) -> list[dict]:
    """The export as sections of a page: a title, column names and rows."""
    sections = []
    for key, record in data["records"].items():
        columns = list(record["rows"][0]) if record["rows"] else []
        sections.append(
            {
                "key": key,
                "title": record["title"],
                "columns": columns,
                "rows": [[row.get(c) for c in columns] for row in record["rows"]],
            }
        )
    return sections
