"""Editing and deleting clusters, projects and partners, for those who own them (the
cluster's contact person, the project lead, the hosts of the hub, administrators).
Anyone else gets a 404, as on the other management pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hubro.core.errors import DomainError
from hubro.spaces.models import Hub

from .actions import (
    delete_cluster,
    delete_project,
    remove_cluster_organization,
    remove_cluster_person,
    remove_project_partner,
    update_cluster,
    update_project,
    update_project_partner,
)
from .forms import ClusterForm, PartnerRoleForm, ProjectEditForm
from .models import ClusterOrganization, ClusterPerson, ProjectPartner
from .views import _cluster_to_manage, _project_to_manage, _show_error


def _form(request, form, *, title, back_url, back_label, submit, status):
    return render(
        request,
        "community/form.html",
        {
            "form": form,
            "title": title,
            "back_url": back_url,
            "back_label": back_label,
            "submit": submit,
        },
        status=status,
    )


def _confirm(request, *, title, text, back_url, back_label, submit):
    return render(
        request,
        "community/confirm_delete.html",
        {
            "title": title,
            "text": text,
            "back_url": back_url,
            "back_label": back_label,
            "submit": submit,
        },
    )


@login_required
def cluster_edit(request, slug):
    cluster = _cluster_to_manage(request, slug)
    initial = {
        "name": cluster.name,
        "topic": cluster.topic,
        "description": cluster.description,
        "home_hubs": list(cluster.home_hubs.all()),
        "started_on": cluster.started_on,
        "ended_on": cluster.ended_on,
    }
    hubs = Hub.objects.filter(is_active=True).order_by("name")
    form = ClusterForm(request.POST or None, initial=initial, hubs=hubs)
    if request.method == "POST" and form.is_valid():
        try:
            update_cluster(cluster, **form.cleaned_data, actor=request.user)
        except DomainError as exc:
            _show_error(form, exc)
        else:
            messages.success(request, _("Klyngen er lagret."))
            return redirect("community:cluster_detail", slug=cluster.slug)
    back = reverse("community:cluster_detail", args=[cluster.slug])
    return _form(
        request,
        form,
        title=_("Endre klyngen %(name)s") % {"name": cluster.name},
        back_url=back,
        back_label=cluster.name,
        submit=_("Lagre"),
        status=422 if request.method == "POST" else 200,
    )


@login_required
def cluster_delete(request, slug):
    cluster = _cluster_to_manage(request, slug)
    if request.method == "POST":
        name = cluster.name
        delete_cluster(cluster, actor=request.user)
        messages.success(request, _("Klyngen %(name)s er slettet.") % {"name": name})
        return redirect("community:cluster_list")
    return _confirm(
        request,
        title=_("Slette klyngen %(name)s?") % {"name": cluster.name},
        text=_(
            "Medlemslistene slettes. Prosjektene og arrangementene blir stående, uten klynge."
            " Slettingen står i revisjonsloggen."
        ),
        back_url=reverse("community:cluster_detail", args=[cluster.slug]),
        back_label=cluster.name,
        submit=_("Slett klyngen"),
    )


@login_required
@require_POST
def cluster_member_remove(request, slug, kind, pk):
    cluster = _cluster_to_manage(request, slug)
    model = {"organisasjon": ClusterOrganization, "person": ClusterPerson}.get(kind)
    if model is None:
        raise Http404
    member = model.objects.filter(cluster=cluster, pk=pk).first()
    if member is None:
        raise Http404
    if model is ClusterOrganization:
        remove_cluster_organization(member, actor=request.user)
    else:
        remove_cluster_person(member, actor=request.user)
    messages.success(request, _("%(name)s er tatt ut av klyngen.") % {"name": member})
    return redirect("community:cluster_members", slug=cluster.slug)


@login_required
def project_edit(request, slug):
    project = _project_to_manage(request, slug)
    initial = {
        name: getattr(project, name)
        for name in ("title", "description", "starts_on", "ends_on", "hub", "cluster", "lead")
    }
    form = ProjectEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            update_project(project, **form.cleaned_data, actor=request.user)
        except DomainError as exc:
            _show_error(form, exc)
        else:
            messages.success(request, _("Prosjektet er lagret."))
            return redirect("community:project_detail", slug=project.slug)
    return _form(
        request,
        form,
        title=_("Endre prosjektet %(title)s") % {"title": project.title},
        back_url=reverse("community:project_detail", args=[project.slug]),
        back_label=project.title,
        submit=_("Lagre"),
        status=422 if request.method == "POST" else 200,
    )


@login_required
def project_delete(request, slug):
    project = _project_to_manage(request, slug)
    back = reverse("community:project_detail", args=[project.slug])
    if request.method == "POST":
        title = project.title
        try:
            delete_project(project, actor=request.user)
        except DomainError as exc:
            messages.error(request, str(exc.detail))
            return redirect(back)
        messages.success(request, _("Prosjektet %(title)s er slettet.") % {"title": title})
        return redirect("community:project_list")
    return _confirm(
        request,
        title=_("Slette prosjektet %(title)s?") % {"title": project.title},
        text=_(
            "Partnere, finansieringslinjer og statushistorikk slettes med prosjektet."
            " Arrangementer blir stående. Vil du heller ta vare på historikken, endre statusen"
            " til stoppet eller fullført."
        ),
        back_url=back,
        back_label=project.title,
        submit=_("Slett prosjektet"),
    )


@login_required
def partner_edit(request, slug, pk):
    project = _project_to_manage(request, slug)
    partner = (
        ProjectPartner.objects.filter(project=project, pk=pk)
        .select_related("organization")
        .first()
    )
    if partner is None:
        raise Http404
    back = reverse("community:project_detail", args=[project.slug])
    if request.method == "POST" and "remove" in request.POST:
        remove_project_partner(partner, actor=request.user)
        messages.success(request, _("%(name)s er fjernet.") % {"name": partner.organization})
        return redirect(back)
    form = PartnerRoleForm(request.POST or None, initial={"role": partner.role})
    if request.method == "POST" and form.is_valid():
        try:
            update_project_partner(partner, role=form.cleaned_data["role"], actor=request.user)
        except DomainError as exc:
            _show_error(form, exc)
        else:
            messages.success(request, _("Rollen er endret."))
            return redirect(back)
    return render(
        request,
        "community/partner_edit.html",
        {"project": project, "partner": partner, "form": form, "back_url": back},
        status=422 if request.method == "POST" else 200,
    )
