"""Pages for clusters, projects, a hub's project portfolio and regions.

Every page needs a signed-in person; the pages that write need a host of the hub in
question or an administrator (``permissions``). A cluster or project someone may not
manage is a 404 on its management pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from hubro.core.errors import DomainError, NotFound
from hubro.spaces.models import Hub
from hubro.spaces.queries import get_hub

from . import queries
from .actions import (
    ALLOWED_TRANSITIONS,
    add_cluster_organization,
    add_cluster_person,
    add_funding_line,
    add_project_partner,
    change_project_status,
    create_cluster,
    create_project,
    record_project_outcome,
)
from .charts import activity_chart
from .forms import (
    ClusterForm,
    ClusterOrganizationForm,
    ClusterPersonForm,
    FundingForm,
    OutcomeForm,
    PartnerForm,
    PortfolioFilterForm,
    ProjectForm,
    StatusForm,
)
from .models import Project
from .permissions import may_create_anything, may_manage_cluster, may_manage_project


def _or_404(fetch, *args):
    try:
        return fetch(*args)
    except NotFound:
        raise Http404 from None


def _show_error(form, exc: DomainError) -> None:
    form.add_error(exc.field if exc.field in form.fields else None, str(exc.detail))


def _form_page(request, form, *, title, intro="", back_url, back_label, submit, status=200):
    return render(
        request,
        "community/form.html",
        {
            "form": form,
            "title": title,
            "intro": intro,
            "back_url": reverse(back_url),
            "back_label": back_label,
            "submit": submit,
        },
        status=status,
    )


# --- Landing --------------------------------------------------------------------------


@login_required
def landing(request):
    return render(
        request,
        "community/landing.html",
        {
            "clusters": queries.clusters_for(request.user),
            "hubs": Hub.objects.filter(is_active=True).order_by("name"),
            "regions": queries.regions_for_list(),
            "may_create": may_create_anything(request.user),
        },
    )


# --- Clusters -------------------------------------------------------------------------


@login_required
def cluster_list(request):
    return render(
        request,
        "community/cluster_list.html",
        {
            "clusters": queries.clusters_for(request.user),
            "states": queries.CLUSTER_STATES,
            "may_create": may_create_anything(request.user),
        },
    )


@login_required
def cluster_detail(request, slug):
    cluster = _or_404(queries.get_cluster_for, request.user, slug)
    overview = queries.cluster_overview(cluster, request.user)
    return render(
        request,
        "community/cluster_detail.html",
        {
            "cluster": cluster,
            "overview": overview,
            "state_label": queries.CLUSTER_STATES[overview.state],
            "chart": activity_chart(overview.activity),
            "can_manage": may_manage_cluster(request.user, cluster),
        },
    )


@login_required
def cluster_create(request):
    hubs = queries.manageable_hubs(request.user)
    if not hubs.exists():
        raise Http404
    form = ClusterForm(request.POST or None, hubs=hubs)
    if request.method == "POST" and form.is_valid():
        try:
            cluster = create_cluster(**form.cleaned_data, actor=request.user)
        except DomainError as exc:
            _show_error(form, exc)
        else:
            messages.success(request, _("Klyngen er opprettet."))
            return redirect("community:cluster_detail", slug=cluster.slug)
    return _form_page(
        request,
        form,
        title=_("Ny klynge"),
        back_url="community:cluster_list",
        back_label=_("Klynger"),
        submit=_("Opprett klynge"),
        status=422 if request.method == "POST" else 200,
    )


def _cluster_to_manage(request, slug):
    cluster = _or_404(queries.get_cluster_for, request.user, slug)
    if not may_manage_cluster(request.user, cluster):
        raise Http404
    return cluster


@login_required
def cluster_members(request, slug):
    """Add member organizations and people; two forms on one page."""
    cluster = _cluster_to_manage(request, slug)
    org_form = ClusterOrganizationForm(prefix="org")
    person_form = ClusterPersonForm(prefix="person")
    status = 200
    if request.method == "POST":
        if "add_organization" in request.POST:
            org_form = ClusterOrganizationForm(request.POST, prefix="org")
            form, add = org_form, _add_organization
        else:
            person_form = ClusterPersonForm(request.POST, prefix="person")
            form, add = person_form, _add_person
        if form.is_valid():
            try:
                add(request, cluster, form.cleaned_data)
            except DomainError as exc:
                _show_error(form, exc)
            else:
                return redirect("community:cluster_members", slug=cluster.slug)
        status = 422
    return render(
        request,
        "community/cluster_members.html",
        {
            "cluster": cluster,
            "overview": queries.cluster_overview(cluster, request.user),
            "org_form": org_form,
            "person_form": person_form,
        },
        status=status,
    )


def _add_organization(request, cluster, data):
    member = add_cluster_organization(
        cluster, organization=data["organization"], joined_on=data["joined_on"], actor=request.user
    )
    messages.success(request, _("%(name)s er med i klyngen.") % {"name": member.organization})


def _add_person(request, cluster, data):
    member = add_cluster_person(
        cluster, person=data["person"], is_contact=data["is_contact"], actor=request.user
    )
    messages.success(request, _("%(name)s er med i klyngen.") % {"name": member.person})


# --- Projects -------------------------------------------------------------------------


def _portfolio(request, *, hub=None):
    filters = queries.ProjectFilter.from_params(request.GET)
    clusters = queries.portfolio_clusters(hub)
    context = {
        "hub": hub,
        "projects": queries.projects_for(request.user, filters, hub=hub),
        "filters": filters,
        "filter_form": PortfolioFilterForm(
            initial={
                "status": filters.status,
                "cluster": filters.cluster,
                "sector": filters.sector,
            },
            clusters=clusters,
        ),
        "hubs": Hub.objects.filter(is_active=True).order_by("name"),
        "may_create": (
            queries.manageable_hubs(request.user).filter(pk=hub.pk).exists()
            if hub is not None
            else may_create_anything(request.user)
        ),
    }
    template = "community/project_list.html"
    if request.headers.get("HX-Request"):
        template += "#results"
    return render(request, template, context)


@login_required
def project_list(request):
    return _portfolio(request)


@login_required
def hub_portfolio(request, slug):
    return _portfolio(request, hub=_or_404(get_hub, slug))


@login_required
def project_detail(request, slug):
    project = _or_404(queries.get_project_for, request.user, slug)
    return render(
        request,
        "community/project_detail.html",
        {
            "project": project,
            "partners": project.partners.all(),
            "funding_lines": queries.funding_lines(project),
            "totals": queries.funding_totals(project),
            "history": queries.status_history(project),
            "events": queries.project_events(project, request.user),
            "can_manage": may_manage_project(request.user, project),
            "has_ended": project.status in Project.ENDED,
            "sector_groups": queries.SECTOR_GROUPS,
        },
    )


@login_required
def project_create(request):
    hubs = queries.manageable_hubs(request.user)
    clusters = queries.manageable_clusters(request.user)
    if not (hubs.exists() or clusters.exists()):
        raise Http404
    initial = {}
    hub = hubs.filter(slug=queries.slug_param(request.GET.get("hub"))).first()
    if hub:
        initial["hub"] = hub
    cluster = clusters.filter(slug=queries.slug_param(request.GET.get("klynge"))).first()
    if cluster:
        initial["cluster"] = cluster
    form = ProjectForm(request.POST or None, initial=initial, hubs=hubs, clusters=clusters)
    if request.method == "POST" and form.is_valid():
        try:
            project = create_project(**form.cleaned_data, actor=request.user)
        except DomainError as exc:
            _show_error(form, exc)
        else:
            messages.success(request, _("Prosjektet er opprettet."))
            return redirect("community:project_detail", slug=project.slug)
    return _form_page(
        request,
        form,
        title=_("Nytt prosjekt"),
        back_url="community:project_list",
        back_label=_("Prosjekter"),
        submit=_("Opprett prosjekt"),
        status=422 if request.method == "POST" else 200,
    )


def _project_to_manage(request, slug):
    project = _or_404(queries.get_project_for, request.user, slug)
    if not may_manage_project(request.user, project):
        raise Http404
    return project


def _project_form(request, slug, form_class, write, *, title, submit, intro="", **form_kwargs):
    """A management form for one project: show it, run ``write`` on valid input, and
    return to the project page."""
    project = _project_to_manage(request, slug)
    if form_class is StatusForm:
        form_kwargs["project"] = project
    form = form_class(request.POST or None, **form_kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            message = write(project, form.cleaned_data)
        except DomainError as exc:
            _show_error(form, exc)
        else:
            messages.success(request, message)
            return redirect("community:project_detail", slug=project.slug)
    return render(
        request,
        "community/form.html",
        {
            "form": form,
            "title": title % {"title": project.title},
            "intro": intro,
            "back_url": reverse("community:project_detail", args=[project.slug]),
            "back_label": project.title,
            "submit": submit,
        },
        status=422 if request.method == "POST" else 200,
    )


@login_required
def project_status(request, slug):
    project = _project_to_manage(request, slug)
    if not ALLOWED_TRANSITIONS[project.status]:
        messages.info(request, _("Prosjektet er avsluttet; statusen kan ikke endres."))
        return redirect("community:project_detail", slug=project.slug)

    def write(project, data):
        change_project_status(project, **data, actor=request.user)
        return _("Status endret til «%(status)s».") % {"status": project.get_status_display()}

    return _project_form(
        request,
        slug,
        StatusForm,
        write,
        title=_("Endre status: %(title)s"),
        submit=_("Endre status"),
        intro=_("Endringen lagres i prosjektets historikk med dato og begrunnelse."),
    )


@login_required
def project_partner_add(request, slug):
    def write(project, data):
        partner = add_project_partner(project, **data, actor=request.user)
        return _("%(name)s er lagt til.") % {"name": partner.organization}

    return _project_form(
        request,
        slug,
        PartnerForm,
        write,
        title=_("Ny partner: %(title)s"),
        submit=_("Legg til partner"),
    )


@login_required
def project_funding_add(request, slug):
    def write(project, data):
        add_funding_line(project, **data, actor=request.user)
        return _("Finansieringslinjen er lagt til.")

    return _project_form(
        request,
        slug,
        FundingForm,
        write,
        title=_("Ny finansieringslinje: %(title)s"),
        submit=_("Legg til"),
    )


@login_required
def project_outcome(request, slug):
    def write(project, data):
        record_project_outcome(project, **data, actor=request.user)
        return _("Resultatet er lagret.")

    project = _project_to_manage(request, slug)
    initial = {"outcome": project.outcome, "taken_over_by": project.taken_over_by}
    return _project_form(
        request,
        slug,
        OutcomeForm,
        write,
        title=_("Resultat: %(title)s"),
        submit=_("Lagre resultat"),
        intro=_("Hva ble det til, og hvem tok det videre?"),
        initial=initial,
    )


# --- Regions --------------------------------------------------------------------------


@login_required
def region_list(request):
    return render(request, "community/region_list.html", {"regions": queries.regions_for_list()})


@login_required
def region_detail(request, slug):
    region = _or_404(queries.get_region, slug)
    return render(
        request,
        "community/region_detail.html",
        {"overview": queries.region_overview(region, request.user), "region": region},
    )
