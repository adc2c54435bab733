"""Who may do what with surveys: one place. The hub's hosts (and administrators) make,
send and read a hub's surveys and approve free text; whoever may see the hub's
statistics may read the results (suppressed, like every result)."""

from hubro.core.permissions import is_admin, is_host
from hubro.spaces.models import Hub


def may_manage(person, survey) -> bool:
    return is_host(person, survey.hub)


def hosted_hubs(person):
    """The hubs ``person`` may make surveys for."""
    if is_admin(person):
        return Hub.objects.order_by("name")
    if not (person and person.is_authenticated):
        return Hub.objects.none()
    return Hub.objects.filter(hosts=person).order_by("name")


def may_view_results(person, survey) -> bool:
    from hubro.insights.indicators import may_view_hub

    if survey.status != survey.Status.SENT:
        return may_manage(person, survey)
    return may_manage(person, survey) or may_view_hub(person, survey.hub)
