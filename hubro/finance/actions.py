"""Every write of the finance app: atomic, audited, validated with clear errors.

Each action takes the ``actor`` and refuses (``NotFound``, as if the hub were not
there) when the actor may not edit the hub's finances."""

from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from hubro.core.audit import record
from hubro.core.errors import Conflict, Invalid, NotFound
from hubro.core.uploads import MAX_PDF_BYTES, check_pdf
from hubro.spaces.models import Hub

from .models import (
    FIRST_YEAR,
    LAST_YEAR,
    Agreement,
    AgreementDocument,
    CostLine,
    EmployeeCount,
    FixedShare,
    SharingKey,
)
from .money import ORE
from .queries import may_edit

MAX_DOCUMENT_BYTES = MAX_PDF_BYTES
MAX_SPREAD_YEARS = 30


def _require_host(actor, hub):
    if not may_edit(actor, hub):
        raise NotFound()


def _year(value, field: str = "year") -> int:
    try:
        year = int(value)
    except (TypeError, ValueError):
        raise Invalid(_("Ugyldig år."), code="invalid_year", field=field) from None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Invalid(
            _("Året må være mellom %(first)s og %(last)s.")
            % {"first": FIRST_YEAR, "last": LAST_YEAR},
            code="year_out_of_range",
            field=field,
        )
    return year


def _money(value, field: str, *, required=True) -> Decimal | None:
    if value is None or value == "":
        if required:
            raise Invalid(_("Beløpet mangler."), code="missing_amount", field=field)
        return None
    try:
        amount = Decimal(str(value))
    except ArithmeticError:
        raise Invalid(_("Ugyldig beløp."), code="invalid_amount", field=field) from None
    if not amount.is_finite():
        raise Invalid(_("Ugyldig beløp."), code="invalid_amount", field=field)
    if amount < 0:
        raise Invalid(_("Beløpet kan ikke være negativt."), code="negative_amount", field=field)
    if amount != amount.quantize(ORE):
        raise Invalid(
            _("Beløp kan ha høyst to desimaler (øre)."), code="too_many_decimals", field=field
        )
    return amount.quantize(ORE)


# --- Cost lines ---------------------------------------------------------------------------


@transaction.atomic
def save_cost_line(hub, *, actor, line: CostLine | None = None, **fields) -> CostLine:
    """Create a cost line for ``hub`` (or change ``line``): year, category, description,
    planned, actual (optional), spread_years (default 1)."""
    _require_host(actor, hub)
    if line is not None and line.hub_id != hub.pk:
        raise NotFound()
    planned = _money(fields.get("planned"), "planned")
    actual = _money(fields.get("actual"), "actual", required=False)
    year = _year(fields.get("year"))
    spread = int(fields.get("spread_years") or 1)
    if not 1 <= spread <= MAX_SPREAD_YEARS:
        raise Invalid(
            _("Kan fordeles over fra ett til %(max)s år.") % {"max": MAX_SPREAD_YEARS},
            code="invalid_spread",
            field="spread_years",
        )
    if year + spread - 1 > LAST_YEAR:
        raise Invalid(
            _("Fordelingen kan ikke gå forbi år %(last)s.") % {"last": LAST_YEAR},
            code="year_out_of_range",
            field="spread_years",
        )
    category = fields.get("category")
    if category not in CostLine.Category.values:
        raise Invalid(_("Ukjent kategori."), code="invalid_category", field="category")
    if spread > 1 and category != CostLine.Category.FIT_OUT:
        raise Invalid(
            _("Bare tilpasning og innredning kan fordeles over flere år."),
            code="spread_only_fit_out",
            field="spread_years",
        )
    creating = line is None
    line = line or CostLine(hub=hub)
    line.year = year
    line.category = category
    line.description = fields.get("description") or ""
    line.planned = planned
    line.actual = actual
    line.spread_years = spread
    line.save()
    record(
        actor,
        "costline.create" if creating else "costline.update",
        line,
        hub=hub,
        changes={"planned": str(planned), "actual": str(actual) if actual is not None else None},
    )
    return line


@transaction.atomic
def delete_cost_line(line: CostLine, *, actor) -> None:
    _require_host(actor, line.hub)
    record(actor, "costline.delete", line, hub=line.hub)
    line.delete()


# --- Agreements ---------------------------------------------------------------------------


def _check_agreement(agreement: Agreement) -> None:
    """The rules an agreement must follow, with a field for each error."""
    if (agreement.organization_id is None) == (agreement.project_id is None):
        raise Invalid(
            _("Velg enten en organisasjon eller et prosjekt."),
            code="one_party",
            field="organization",
        )
    _year(agreement.starts_on.year, "starts_on")
    _year(agreement.ends_on.year, "ends_on")
    if agreement.ends_on < agreement.starts_on:
        raise Invalid(
            _("Perioden kan ikke slutte før den begynner."),
            code="ends_before_start",
            field="ends_on",
        )
    if agreement.basis == Agreement.Basis.FIXED and agreement.yearly_amount is None:
        raise Invalid(
            _("Et fast årlig beløp må fylles inn."), code="missing_amount", field="yearly_amount"
        )
    if agreement.basis == Agreement.Basis.PERCENT:
        if agreement.project_id is None:
            raise Invalid(
                _("Prosent av innvilgede midler gjelder bare prosjekter."),
                code="percent_needs_project",
                field="basis",
            )
        if agreement.percentage is None or not (0 <= agreement.percentage <= 100):
            raise Invalid(
                _("Prosenten må være mellom 0 og 100."),
                code="invalid_percentage",
                field="percentage",
            )
    if agreement.basis == Agreement.Basis.SHARE and agreement.organization_id is None:
        raise Invalid(
            _("Et prosjekt betaler et fast beløp eller en prosent, ikke en andel."),
            code="share_needs_organization",
            field="basis",
        )
    party = (
        {"organization_id": agreement.organization_id}
        if agreement.organization_id
        else {"project_id": agreement.project_id}
    )
    overlapping = (
        Agreement.objects.filter(
            hub_id=agreement.hub_id,
            starts_on__lte=agreement.ends_on,
            ends_on__gte=agreement.starts_on,
            **party,
        )
        .exclude(pk=agreement.pk)
        .first()
    )
    if overlapping is not None:
        raise Conflict(
            _("Det finnes allerede en avtale for samme part i perioden (%(from)s–%(to)s).")
            % {"from": overlapping.starts_on.isoformat(), "to": overlapping.ends_on.isoformat()},
            code="overlapping_agreement",
            field="starts_on",
        )


AGREEMENT_FIELDS = (
    "organization",
    "project",
    "starts_on",
    "ends_on",
    "status",
    "basis",
    "yearly_amount",
    "percentage",
    "reference",
    "vat_category",
    "notes",
)


@transaction.atomic
def save_agreement(hub, *, actor, agreement: Agreement | None = None, **fields) -> Agreement:
    """Create an agreement of ``hub`` (or change ``agreement``). Refuses negative
    amounts, a period that ends before it starts, and a period that overlaps another
    agreement of the same organization or project at the hub."""
    _require_host(actor, hub)
    if agreement is not None and agreement.hub_id != hub.pk:
        raise NotFound()
    # One writer of a hub's agreements at a time, so that two overlapping ones cannot
    # both pass the overlap check (PostgreSQL; SQLite writes one at a time anyway).
    Hub.objects.select_for_update().filter(pk=hub.pk).first()
    creating = agreement is None
    agreement = agreement or Agreement(hub=hub)
    for name in AGREEMENT_FIELDS:
        if name in fields:
            setattr(agreement, name, fields[name])
    agreement.yearly_amount = _money(agreement.yearly_amount, "yearly_amount", required=False)
    if agreement.percentage is not None:
        agreement.percentage = Decimal(str(agreement.percentage))
    if agreement.basis not in Agreement.Basis.values:
        raise Invalid(_("Ukjent grunnlag."), code="invalid_basis", field="basis")
    if agreement.status not in Agreement.Status.values:
        raise Invalid(_("Ukjent status."), code="invalid_status", field="status")
    if agreement.project_id and agreement.project.hub_id not in (None, hub.pk):
        raise Invalid(
            _("Prosjektet hører til en annen hub."), code="project_other_hub", field="project"
        )
    _check_agreement(agreement)
    agreement.save()
    record(
        actor,
        "agreement.create" if creating else "agreement.update",
        agreement,
        hub=hub,
        changes={"status": agreement.status, "basis": agreement.basis},
    )
    return agreement


@transaction.atomic
def delete_agreement(agreement: Agreement, *, actor) -> None:
    _require_host(actor, agreement.hub)
    record(actor, "agreement.delete", agreement, hub=agreement.hub)
    files = [(document.file.storage, document.file.name) for document in agreement.documents.all()]
    agreement.delete()
    # The files go only once the rows are gone for good (as in ``delete_document``).
    for storage, name in files:
        transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))


@transaction.atomic
def attach_document(agreement: Agreement, *, actor, title: str, upload) -> AgreementDocument:
    """Store a PDF for ``agreement`` with Django's storage API. Only PDFs (the content
    must start with ``%PDF-``) up to 10 MB are accepted."""
    _require_host(actor, agreement.hub)
    check_pdf(upload, max_bytes=MAX_DOCUMENT_BYTES)
    document = AgreementDocument(
        agreement=agreement,
        title=(title or "").strip() or _("Avtaledokument"),
        size=upload.size,
        uploaded_by=actor,
    )
    document.file.save("document.pdf", ContentFile(upload.read()), save=False)
    document.save()
    record(actor, "agreementdocument.create", document, hub=agreement.hub)
    return document


@transaction.atomic
def delete_document(document: AgreementDocument, *, actor) -> None:
    agreement = document.agreement
    _require_host(actor, agreement.hub)
    record(actor, "agreementdocument.delete", document, hub=agreement.hub)
    name = document.file.name
    storage = document.file.storage
    document.delete()
    transaction.on_commit(lambda: storage.delete(name))


# --- Sharing keys -------------------------------------------------------------------------


@transaction.atomic
def set_up_key(hub, year: int, kind: str, *, actor, base_percent=None) -> SharingKey:
    """Set up (or adjust) a cost-sharing key for ``hub`` and ``year``."""
    _require_host(actor, hub)
    if kind not in SharingKey.Kind.values:
        raise Invalid(_("Ukjent fordelingsnøkkel."), code="invalid_key", field="kind")
    key, created = SharingKey.objects.get_or_create(hub=hub, year=year, kind=kind)
    if base_percent is not None:
        base = Decimal(str(base_percent))
        if not (0 <= base <= 100):
            raise Invalid(
                _("Grunnbeløpet må være mellom 0 og 100 prosent."),
                code="invalid_percentage",
                field="base_percent",
            )
        key.base_percent = base
        key.save()
    record(actor, "sharingkey.create" if created else "sharingkey.update", key, hub=hub)
    return key


@transaction.atomic
def remove_key(key: SharingKey, *, actor) -> None:
    _require_host(actor, key.hub)
    record(actor, "sharingkey.delete", key, hub=key.hub)
    key.delete()


@transaction.atomic
def choose_key(hub, year: int, kind: str, *, actor) -> SharingKey:
    """Make ``kind`` the key that ``hub`` uses in ``year`` (setting it up if needed)."""
    _require_host(actor, hub)
    key = set_up_key(hub, year, kind, actor=actor)
    SharingKey.objects.filter(hub=hub, year=year, is_chosen=True).exclude(pk=key.pk).update(
        is_chosen=False
    )
    key.is_chosen = True
    key.save(update_fields=["is_chosen"])
    record(actor, "sharingkey.update", key, hub=hub, changes={"is_chosen": True})
    return key


@transaction.atomic
def set_fixed_share(hub, year: int, organization, weight, *, actor) -> FixedShare | None:
    """The hand-agreed share (a weight, e.g. a percentage) of ``organization``; an empty
    weight removes it."""
    _require_host(actor, hub)
    if weight is None or weight == "":
        FixedShare.objects.filter(hub=hub, year=year, organization=organization).delete()
        return None
    weight = Decimal(str(weight))
    if weight < 0:
        raise Invalid(_("En andel kan ikke være negativ."), code="negative_amount", field="weight")
    share, _created = FixedShare.objects.update_or_create(
        hub=hub, year=year, organization=organization, defaults={"weight": weight}
    )
    record(actor, "fixedshare.update", share, hub=hub, changes={"weight": str(weight)})
    return share


@transaction.atomic
def set_employee_count(hub, year: int, organization, employees, *, actor):
    """Employees of ``organization`` in the hub's region in ``year``, entered by hand;
    an empty number removes it."""
    _require_host(actor, hub)
    if employees is None or employees == "":
        EmployeeCount.objects.filter(hub=hub, year=year, organization=organization).delete()
        return None
    employees = int(employees)
    if employees < 0:
        raise Invalid(
            _("Antall ansatte kan ikke være negativt."), code="negative_amount", field="employees"
        )
    count, _created = EmployeeCount.objects.update_or_create(
        hub=hub, year=year, organization=organization, defaults={"employees": employees}
    )
    record(actor, "employeecount.update", count, hub=hub, changes={"employees": employees})
    return count
