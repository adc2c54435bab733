"""The hub's spaces: the list with up/down buttons, and a form to add or edit one."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hubro.core.errors import DomainError
from hubro.hosting.access import get_space_at
from hubro.hosting.actions import spaces as actions
from hubro.hosting.forms import SpaceForm
from hubro.spaces.models import Space

from .common import host_view, or_404, show_error


@host_view
def space_list(request, hub):
    spaces = list(
        Space.objects.filter(hub=hub)
        .prefetch_related("features")
        .order_by("-is_active", "kind", "position", "name")
    )
    groups = []
    for kind, label in Space.Kind.choices:
        rows = [s for s in spaces if s.kind == kind and s.is_active]
        if rows:
            groups.append({"label": label, "spaces": rows})
    inactive = [s for s in spaces if not s.is_active]
    return render(
        request, "hosting/spaces.html", {"hub": hub, "groups": groups, "inactive": inactive}
    )


def _space_form(request, hub, space=None):
    initial = {"capacity": 1, "kind": Space.Kind.DESK}
    if space is not None:
        initial = {
            "name": space.name,
            "kind": space.kind,
            "capacity": space.capacity,
            "description": space.description,
            "features": space.feature_codes,
        }
    form = SpaceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if space is None:
                saved = actions.create_space(hub, **form.cleaned_data, actor=request.user)
                messages.success(request, _("%(name)s er lagt til.") % {"name": saved.name})
            else:
                saved = actions.update_space(space, **form.cleaned_data, actor=request.user)
                messages.success(request, _("%(name)s er lagret.") % {"name": saved.name})
        except DomainError as exc:
            show_error(form, exc)
        else:
            return redirect("hosting:spaces", slug=hub.slug)
    return render(
        request,
        "hosting/space_form.html",
        {"hub": hub, "space": space, "form": form},
        status=422 if request.method == "POST" else 200,
    )


@host_view
def space_new(request, hub):
    return _space_form(request, hub)


@host_view
def space_edit(request, hub, pk):
    return _space_form(request, hub, or_404(get_space_at, hub, pk))


@host_view
@require_POST
def space_action(request, hub, pk):
    """Up, down, deactivate or activate one space, then back to the list (to the row's
    buttons, so that keyboard users keep their place)."""
    space = or_404(get_space_at, hub, pk)
    action = request.POST.get("action", "")
    if action in ("up", "down"):
        if not actions.move_space(space, action, actor=request.user):
            messages.info(
                request, _("%(name)s står allerede øverst eller nederst.") % {"name": space.name}
            )
        else:
            messages.success(request, _("%(name)s er flyttet.") % {"name": space.name})
    elif action in ("deactivate", "activate"):
        actions.set_space_active(space, action == "activate", actor=request.user)
        if action == "activate":
            messages.success(request, _("%(name)s kan bookes igjen.") % {"name": space.name})
        else:
            messages.success(
                request,
                _("%(name)s kan ikke lenger bookes. Bookinger som er gjort, står.")
                % {"name": space.name},
            )
    return redirect(reverse("hosting:spaces", args=[hub.slug]) + f"#space-{space.pk}")
