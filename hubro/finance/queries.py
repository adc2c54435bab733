"""Who may see what of a hub's finances, and the reads scoped to that.

- Hosts of a hub and administrators see and edit everything of the hub.
- A coordinator of an organization sees the organization's agreements (not drafts)
  and its yearly statements, and the key page (read only) of every hub and year where
  the organization shares the costs under the key; nothing else.
- Everyone else sees nothing: every fetch raises ``NotFound`` (a 404 in UI and API)."""

from django.db.models import Q

from hubro.core.errors import NotFound
from hubro.core.models import Membership, Organization
from hubro.core.permissions import is_admin, is_coordinator, is_host
from hubro.spaces.models import Hub

from .models import Agreement, AgreementDocument


def hosted_hubs(person):
    """The hubs whose finances ``person`` may edit."""
    if not (person and person.is_authenticated):
        return Hub.objects.none()
    if is_admin(person):
        return Hub.objects.all()
    return Hub.objects.filter(hosts=person)


def coordinated_organizations(person):
    if not (person and person.is_authenticated):
        return Organization.objects.none()
    return Organization.objects.filter(
        memberships__person=person, memberships__role=Membership.Role.COORDINATOR
    )


def may_edit(person, hub) -> bool:
    return is_host(person, hub)


def may_see_anything(person) -> bool:
    """For the menu: a host, an administrator, or a coordinator with an agreement."""
    if hosted_hubs(person).exists():
        return True
    return visible_agreements(person).exists()


def get_hub_for_host(person, slug: str) -> Hub:
    """The hub ``slug`` when ``person`` may edit its finances; else ``NotFound``."""
    hub = hosted_hubs(person).filter(slug=slug).first()
    if hub is None:
        raise NotFound()
    return hub


def visible_agreements(person):
    """Every agreement ``person`` may see."""
    if not (person and person.is_authenticated):
        return Agreement.objects.none()
    if is_admin(person):
        return Agreement.objects.all()
    own = Q(organization__in=coordinated_organizations(person)) & ~Q(status=Agreement.Status.DRAFT)
    return Agreement.objects.filter(Q(hub__hosts=person) | own).distinct()


def get_agreement_for(person, pk) -> Agreement:
    agreement = (
        visible_agreements(person)
        .select_related("hub", "organization", "project")
        .filter(pk=pk)
        .first()
    )
    if agreement is None:
        raise NotFound()
    return agreement


def get_document_for(person, pk) -> AgreementDocument:
    document = AgreementDocument.objects.filter(
        pk=pk, agreement__in=visible_agreements(person)
    ).first()
    if document is None:
        raise NotFound()
    return document


def get_statement_party(person, slug: str, year: int, orgnr: str):
    """The hub and organization of a statement ``person`` may see: hosts of the hub
    see every organization's, a coordinator the own organization's."""
    hub = Hub.objects.filter(slug=slug).first()
    organization = Organization.objects.filter(orgnr=orgnr).first()
    if hub is None or organization is None:
        raise NotFound()
    if is_host(person, hub):
        return hub, organization
    if is_coordinator(person, organization) and _takes_part(hub, organization):
        return hub, organization
    raise NotFound()


def _takes_part(hub, organization) -> bool:
    """Whether ``organization`` shares ``hub``'s costs or has an agreement with it (not a
    draft): a coordinator sees no statement, and so nothing of the finances, of a hub
    their organization has nothing to do with."""
    if organization.pk == hub.host_organization_id:
        return True
    if hub.member_organizations.filter(pk=organization.pk).exists():
        return True
    return (
        Agreement.objects.filter(hub=hub, organization=organization)
        .exclude(status=Agreement.Status.DRAFT)
        .exists()
    )


def statements_for(person):
    """(hub, organization, year) of every statement a coordinator may open: one per
    year of each of their organizations' agreements (drafts excepted)."""
    seen = []
    agreements = (
        Agreement.objects.filter(organization__in=coordinated_organizations(person))
        .exclude(status=Agreement.Status.DRAFT)
        .select_related("hub", "organization")
        .order_by("hub__name", "organization__name", "starts_on")
    )
    for agreement in agreements:
        for year in agreement.years:
            entry = (agreement.hub, agreement.organization, year)
            if entry not in seen:
                seen.append(entry)
    return seen


def cost_lines_in_year(hub, year: int) -> list:
    """The cost lines that count in ``year``: the year's own, and fit-outs spread into
    it from earlier years. Each line's ``part_in(year)`` is what it counts there."""
    from .models import CostLine

    lines = CostLine.objects.filter(hub=hub, year__lte=year).order_by("year", "pk")
    return [line for line in lines if line.last_year >= year]


def key_readers_organizations(person, hub, year: int) -> list[Organization]:
    """The organizations ``person`` coordinates that share ``hub``'s costs in ``year``
    (they pay under that year's key); empty for anyone else."""
    from .sharing import participants_of

    coordinated = set(coordinated_organizations(person).values_list("pk", flat=True))
    if not coordinated:
        return []
    return [org for org in participants_of(hub, year) if org.pk in coordinated]


def continuation_summary(hub, *, today=None) -> dict:
    """What the programme's owner and evaluators see of ``hub``'s finances, read-only:
    the same runway the hub's finance page shows (coverage this year, the year the
    money runs out, costs against signed and intended income per year), and how many
    agreements are signed and intended, in totals. No single agreement, organization
    or amount of one agreement is in it. The caller checks who may see it
    (``hubro.programme.access.may_see_continuation``)."""
    from django.utils import timezone

    from .coverage import SIGNED, runway

    today = today or timezone.localdate()
    result = runway(hub, today=today)
    current = next(row for row in result.rows if row.year == today.year)
    running = Agreement.objects.filter(hub=hub, ends_on__gte=today)
    return {
        "hub": hub,
        "today": today,
        "current": current,
        "runway": result,
        "signed_agreements": running.filter(status__in=SIGNED).count(),
        "intended_agreements": running.filter(status=Agreement.Status.INTENT).count(),
    }
