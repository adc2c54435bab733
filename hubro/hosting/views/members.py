"""Member organizations (a plain searchable list that works without JavaScript) and
co-hosts."""

from django.contrib import messages
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hubro.core.errors import DomainError
from hubro.core.models import Organization, Person, normalize_orgnr
from hubro.hosting.actions import members as actions
from hubro.hosting.forms import CohostForm, OrganizationSearchForm

from .common import host_view, show_error

SEARCH_LIMIT = 25


def _search(hub, text: str):
    text = (text or "").strip()
    if not text:
        return []
    digits = normalize_orgnr(text)
    match = Q(name__icontains=text) | (Q(orgnr=digits) if digits.isdigit() else Q(pk__in=[]))
    return list(
        Organization.objects.filter(match)
        .exclude(pk=hub.host_organization_id)
        .exclude(pk__in=hub.member_organizations.values("pk"))
        .order_by("name")[:SEARCH_LIMIT]
    )


@host_view
def members(request, hub):
    search = OrganizationSearchForm(request.GET or None)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    cohost_form = CohostForm(request.POST if "cohost" in request.POST else None)
    if request.method == "POST" and "cohost" in request.POST and cohost_form.is_valid():
        try:
            actions.add_cohost(hub, cohost_form.cleaned_data["email"], actor=request.user)
        except DomainError as exc:
            show_error(cohost_form, exc)
        else:
            messages.success(
                request,
                _("%(name)s er nå vert for huben.")
                % {"name": cohost_form.cleaned_data["email"].get_full_name()},
            )
            return redirect("hosting:members", slug=hub.slug)
    return render(
        request,
        "hosting/members.html",
        {
            "hub": hub,
            "members": hub.member_organizations.order_by("name"),
            "search": search,
            "query": query,
            "found": _search(hub, query),
            "hosts": Person.objects.filter(host_assignments__hub=hub).order_by("name", "email"),
            "cohost_form": cohost_form,
        },
        status=422 if request.method == "POST" else 200,
    )


@host_view
@require_POST
def member_change(request, hub):
    organization = Organization.objects.filter(pk=request.POST.get("organization") or 0).first()
    if organization is None:
        raise Http404
    if request.POST.get("action") == "remove":
        if actions.remove_member_organization(hub, organization, actor=request.user):
            messages.success(
                request, _("%(name)s er ikke lenger medlem.") % {"name": organization}
            )
    elif actions.add_member_organization(hub, organization, actor=request.user):
        messages.success(request, _("%(name)s er nå medlem.") % {"name": organization})
    return redirect("hosting:members", slug=hub.slug)


@host_view
@require_POST
def cohost_remove(request, hub):
    person = Person.objects.filter(
        pk=request.POST.get("person") or 0, host_assignments__hub=hub
    ).first()
    if person is None:
        raise Http404
    try:
        actions.remove_cohost(hub, person, actor=request.user)
    except DomainError as exc:
        messages.error(request, str(exc.detail))
    else:
        messages.success(request, _("%(name)s er ikke lenger vert.") % {"name": person})
    if person.pk == request.user.pk:
        return redirect("spaces:hub_day", slug=hub.slug)
    return redirect("hosting:members", slug=hub.slug)
