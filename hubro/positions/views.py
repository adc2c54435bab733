"""Pages for positions: the open ones for everyone signed in, and the coordinator's
register, change and hire forms."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from hubro.core.errors import DomainError, NotFound

from .access import managed_organizations, may_manage
from .actions import change_position, record_hires, register_position
from .forms import HireForm, PositionForm
from .queries import get_position, managed_positions, open_positions


def _apply(form, call):
    """Run the action; put its error on the form's field. True when it went through."""
    try:
        call()
    except DomainError as exc:
        field = exc.field if exc.field in form.fields else None
        form.add_error(field, str(exc.detail))
        return False
    return True


@login_required
def position_list(request):
    return render(
        request,
        "positions/list.html",
        {
            "positions": open_positions(),
            "managed": managed_positions(request.user),
            "may_register": managed_organizations(request.user).exists(),
        },
    )


@login_required
def position_create(request):
    if not managed_organizations(request.user).exists():
        raise Http404
    form = PositionForm(request.POST if request.method == "POST" else None, actor=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        created = {}

        def call():
            created["position"] = register_position(actor=request.user, **data)

        if _apply(form, call):
            messages.success(request, _("Stillingen er registrert."))
            return redirect("positions:detail", pk=created["position"].pk)
    status = 422 if form.errors else 200
    return render(request, "positions/form.html", {"form": form}, status=status)


def _position_or_404(pk):
    try:
        return get_position(pk)
    except NotFound:
        raise Http404 from None


@login_required
def position_edit(request, pk):
    position = _position_or_404(pk)
    if not may_manage(request.user, position.organization):
        raise Http404
    initial = {
        "title": position.title,
        "organization": position.organization,
        "hubs": list(position.hubs.all()),
        "announcement_url": position.announcement_url,
        "announced_on": position.announced_on,
        "deadline": position.deadline,
    }
    form = PositionForm(
        request.POST if request.method == "POST" else None, actor=request.user, initial=initial
    )
    form.fields["organization"].disabled = True
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "organization"}
        data["announced_on"] = data["announced_on"] or position.announced_on
        if _apply(form, lambda: change_position(position, actor=request.user, **data)):
            messages.success(request, _("Endringene er lagret."))
            return redirect("positions:detail", pk=position.pk)
    status = 422 if form.errors else 200
    return render(
        request, "positions/form.html", {"form": form, "position": position}, status=status
    )


@login_required
def position_detail(request, pk):
    position = _position_or_404(pk)
    manages = may_manage(request.user, position.organization)
    if not position.is_open and not manages:
        raise Http404
    form = None
    status = 200
    if manages:
        form = HireForm(request.POST if request.method == "POST" else None, position=position)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            if _apply(
                form,
                lambda: record_hires(
                    position,
                    actor=request.user,
                    hub=data["hub"],
                    count=data["count"],
                    hired_on=data["hired_on"],
                ),
            ):
                messages.success(request, _("Ansettelsen er registrert."))
                return redirect("positions:detail", pk=position.pk)
        status = 422 if form.errors else 200
    elif request.method == "POST":
        raise Http404
    return render(
        request,
        "positions/detail.html",
        {
            "position": position,
            "manages": manages,
            "form": form,
            "hires": position.hires.select_related("hub") if manages else [],
        },
        status=status,
    )
