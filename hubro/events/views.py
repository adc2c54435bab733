"""Event pages: the list, an event with sign-up, the host's form, participants with
attendance and exports, invitations, and the coordinator's overview."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from hubro.core.errors import DomainError, NotFound
from hubro.core.tabular import download
from hubro.core.timeutil import format_day
from hubro.spaces.models import Hub

from . import exports, ical
from .abuse import guest_rate_limited
from .actions import (
    cancel_event,
    cancel_registration,
    confirm_guest_place,
    create_event,
    create_event_series,
    invite,
    invite_state_unit_leaders,
    mark_attendance,
    register,
    request_guest_place,
    update_event,
)
from .actions.guests import read_guest_token
from .actions.invitations import parse_emails
from .actions.registrations import registration_closed
from .forms import EventForm, GuestForm, InviteForm, StateUnitsForm, initial_for
from .models import Event, Registration
from .permissions import coordinated_organizations, may_create_events, may_manage
from .queries import (
    active_registration,
    events_for_list,
    free_places,
    get_event_for,
    participants,
    registrations_of,
    registrations_of_organizations,
    told_when_cancelled,
    waitlist_position,
)


def _event_or_404(request, pk) -> Event:
    try:
        return get_event_for(request.user, pk)
    except NotFound:
        raise Http404 from None


def _managed_or_404(request, pk) -> Event:
    event = _event_or_404(request, pk)
    if not may_manage(request.user, event):
        raise Http404
    return event


def _show_error(form, exc: DomainError) -> None:
    form.add_error(exc.field if exc.field in form.fields else None, str(exc.detail))


@require_safe
def event_list(request):
    past = request.GET.get("vis") == "tidligere"
    hub = request.GET.get("hub") or None
    kind = request.GET.get("type") or None
    if kind not in Event.Kind.values:
        kind = None
    events = events_for_list(request.user, hub=hub, kind=kind, past=past)[:200]
    return render(
        request,
        "events/list.html",
        {
            "events": [{"event": e, "free": free_places(e)} for e in events],
            "past": past,
            "hubs": Hub.objects.filter(is_active=True).order_by("name"),
            "kinds": Event.Kind.choices,
            "selected_hub": hub or "",
            "selected_kind": kind or "",
            "may_create": may_create_events(request.user),
        },
    )


@require_safe
def detail(request, pk):
    event = _event_or_404(request, pk)
    registration = active_registration(event, request.user)
    return render(
        request,
        "events/detail.html",
        {
            "event": event,
            "organizers": event.organizers.order_by("name"),
            "free": free_places(event),
            "registration": registration,
            "position": waitlist_position(registration),
            "closed": registration_closed(event),
            "may_manage": may_manage(request.user, event),
            "guests_welcome": event.audience == Event.Audience.OPEN,
            "now": timezone.now(),
        },
    )


@login_required
@require_POST
def sign_up(request, pk):
    event = _event_or_404(request, pk)
    try:
        registration = register(event, request.user, actor=request.user)
    except DomainError as exc:
        messages.error(request, str(exc.detail))
    else:
        if registration.status == Registration.Status.WAITLISTED:
            messages.warning(
                request,
                _("Arrangementet er fullt. Du står på venteliste, plass %(n)s.")
                % {"n": waitlist_position(registration)},
            )
        else:
            messages.success(request, _("Du er påmeldt."))
    return redirect("events:detail", pk=event.pk)


@login_required
@require_POST
def sign_off(request, pk):
    event = _event_or_404(request, pk)
    registration = active_registration(event, request.user)
    if registration is None:
        messages.info(request, _("Du var ikke påmeldt."))
        return redirect("events:detail", pk=event.pk)
    try:
        cancel_registration(registration, actor=request.user)
    except DomainError as exc:
        messages.error(request, str(exc.detail))
    else:
        messages.success(request, _("Du er meldt av."))
    return redirect("events:detail", pk=event.pk)


def guest(request, pk):
    """Sign-up for someone without an account; open events only. The form sends a link
    to the address; the place is held only when the guest follows it (``guest_confirm``).
    Each client address may ask for ``HUBRO_GUEST_SIGNUPS_PER_HOUR`` links an hour."""
    event = _event_or_404(request, pk)
    if event.audience != Event.Audience.OPEN:
        raise Http404
    status = 200
    if request.method == "POST":
        form = GuestForm(request.POST)
        if form.is_valid():
            wait = guest_rate_limited(request, form.cleaned_data["email"])
            if wait:
                form.add_error(
                    None,
                    _("For mange påmeldinger herfra. Prøv igjen om %(minutes)s minutter.")
                    % {"minutes": max(1, wait // 60)},
                )
                status = 429
            else:
                try:
                    request_guest_place(
                        event, **form.cleaned_data, language=translation.get_language()
                    )
                except DomainError as exc:
                    _show_error(form, exc)
                else:
                    return render(
                        request,
                        "events/guest_check_email.html",
                        {"event": event, "email": form.cleaned_data["email"]},
                    )
        status = status if status != 200 else 422
    else:
        form = GuestForm()
    return render(
        request,
        "events/guest.html",
        {"event": event, "form": form, "closed": registration_closed(event)},
        status=status,
    )


def guest_confirm(request, pk, token):
    """The link in the guest's e-mail: a button that holds the place. A GET changes
    nothing, so that mail scanners that follow links hold no place."""
    event = _event_or_404(request, pk)
    status = 200
    problem = None
    try:
        details = read_guest_token(event, token)
    except DomainError as exc:
        details, problem, status = None, str(exc.detail), 400
    if details and request.method == "POST":
        try:
            registration = confirm_guest_place(event, token)
        except DomainError as exc:
            problem, status = str(exc.detail), 422
        else:
            return render(
                request,
                "events/guest_done.html",
                {
                    "event": event,
                    "registration": registration,
                    "position": waitlist_position(registration),
                },
            )
    return render(
        request,
        "events/guest_confirm.html",
        {"event": event, "details": details, "problem": problem},
        status=status,
    )


@login_required
def create(request):
    if not may_create_events(request.user):
        raise Http404
    status = 200
    if request.method == "POST":
        form = EventForm(request.POST, person=request.user)
        if form.is_valid():
            try:
                return _create(request, form)
            except DomainError as exc:
                _show_error(form, exc)
        status = 422
    else:
        form = EventForm(person=request.user, initial={"kind": Event.Kind.LUNCH_TALK})
    return render(request, "events/form.html", {"form": form, "event": None}, status=status)


def _create(request, form):
    data = form.cleaned_data
    common = {
        "actor": request.user,
        "organizers": data["organizers"],
        "override": data.get("override", False),
        **form.event_fields(),
    }
    if data.get("freq"):
        result = create_event_series(freq=data["freq"], count=data["count"], **common)
        messages.success(
            request,
            ngettext(
                "Opprettet %(count)s arrangement i serien.",
                "Opprettet %(count)s arrangementer i serien.",
                len(result.created),
            )
            % {"count": len(result.created)},
        )
        for day, exc in result.skipped:
            messages.warning(
                request,
                _("Hoppet over %(day)s: %(why)s")
                % {"day": format_day(day, "medium"), "why": exc.detail},
            )
        return redirect("events:detail", pk=result.created[0].pk)
    event = create_event(**common)
    messages.success(request, _("Arrangementet er opprettet."))
    return redirect("events:detail", pk=event.pk)


@login_required
def edit(request, pk):
    event = _managed_or_404(request, pk)
    status = 200
    if request.method == "POST":
        form = EventForm(request.POST, person=request.user, event=event)
        if form.is_valid():
            try:
                update_event(
                    event,
                    actor=request.user,
                    organizers=form.cleaned_data["organizers"],
                    override=form.cleaned_data.get("override", False),
                    **form.event_fields(),
                )
            except DomainError as exc:
                _show_error(form, exc)
            else:
                messages.success(request, _("Endringene er lagret."))
                return redirect("events:detail", pk=event.pk)
        status = 422
    else:
        form = EventForm(person=request.user, event=event, initial=initial_for(event))
    return render(request, "events/form.html", {"form": form, "event": event}, status=status)


@login_required
def cancel(request, pk):
    """GET asks, saying how many people will be told; POST cancels."""
    event = _managed_or_404(request, pk)
    if request.method == "GET":
        told = told_when_cancelled(event)
        return render(
            request,
            "events/cancel_confirm.html",
            {
                "event": event,
                "registered": told.filter(status=Registration.Status.REGISTERED).count(),
                "waitlisted": told.filter(status=Registration.Status.WAITLISTED).count(),
                "active": event.cancelled_at is None and event.end > timezone.now(),
            },
        )
    if request.method != "POST":
        return HttpResponseNotAllowed(["GET", "POST"])
    if event.cancelled_at is not None:
        messages.info(request, _("Arrangementet var allerede avlyst."))
        return redirect("events:detail", pk=event.pk)
    told = told_when_cancelled(event).count()
    try:
        cancel_event(event, actor=request.user)
    except DomainError as exc:
        messages.error(request, str(exc.detail))
    else:
        messages.success(
            request,
            ngettext(
                "Arrangementet er avlyst. %(count)s person får beskjed på e-post.",
                "Arrangementet er avlyst. %(count)s personer får beskjed på e-post.",
                told,
            )
            % {"count": told},
        )
    return redirect("events:detail", pk=event.pk)


@login_required
def participants_page(request, pk):
    event = _managed_or_404(request, pk)
    if request.method == "POST":
        # Only this event's registrations: any other number (even one too large for
        # the database) is ignored.
        ours = {str(pk) for pk in event.registrations.values_list("pk", flat=True)}
        shown = [int(v) for v in request.POST.getlist("shown") if v in ours]
        came = {int(v) for v in request.POST.getlist("attended") if v in ours}
        try:
            changed = mark_attendance(event, {pk: pk in came for pk in shown}, actor=request.user)
        except DomainError as exc:
            messages.error(request, str(exc.detail))
        else:
            messages.success(
                request,
                ngettext(
                    "Oppmøte lagret for %(n)s deltaker.",
                    "Oppmøte lagret for %(n)s deltakere.",
                    changed,
                )
                % {"n": changed},
            )
        return redirect("events:participants", pk=event.pk)
    rows = list(participants(event))
    return render(
        request,
        "events/participants.html",
        {
            "event": event,
            "registered": [r for r in rows if r.status == Registration.Status.REGISTERED],
            "waiting": [r for r in rows if r.status == Registration.Status.WAITLISTED],
            "invitations": event.invitations.select_related("person", "organization").order_by(
                "name", "email"
            ),
            "started": event.start <= timezone.now(),
            "invite_form": InviteForm(),
            "state_units_form": StateUnitsForm(),
        },
    )


@login_required
@require_safe
def export_csv(request, pk):
    event = _managed_or_404(request, pk)
    return download(exports.participants_csv(event), f"deltakere-{event.pk}.csv")


@login_required
@require_safe
def export_xlsx(request, pk):
    event = _managed_or_404(request, pk)
    return download(exports.participants_xlsx(event), f"deltakere-{event.pk}.xlsx")


@login_required
@require_POST
def invite_view(request, pk):
    event = _managed_or_404(request, pk)
    form = InviteForm(request.POST)
    if form.is_valid():
        try:
            emails = parse_emails(form.cleaned_data["emails"])
            added = invite(
                event,
                actor=request.user,
                emails=emails,
                organizations=form.cleaned_data["organizations"],
            )
        except DomainError as exc:
            messages.error(request, str(exc.detail))
        else:
            messages.success(
                request,
                ngettext("%(n)s ny invitert.", "%(n)s nye inviterte.", added) % {"n": added},
            )
    else:
        messages.error(request, _("Kunne ikke lese invitasjonene. Sjekk feltene."))
    return redirect("events:participants", pk=event.pk)


@login_required
@require_POST
def invite_state_units(request, pk):
    event = _managed_or_404(request, pk)
    form = StateUnitsForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Velg en region."))
        return redirect("events:participants", pk=event.pk)
    region = form.cleaned_data["region"]
    try:
        found, added = invite_state_unit_leaders(event, region, actor=request.user)
    except DomainError as exc:
        messages.error(request, str(exc.detail))
    else:
        if not found:
            messages.warning(
                request,
                _(
                    "Arbeidsstedsregisteret har ingen statlige enheter i %(region)s ennå. "
                    "Inviter lederne med e-post i stedet."
                )
                % {"region": region.name},
            )
        else:
            messages.success(
                request,
                _("Fant %(found)s statlige enheter i %(region)s; %(added)s nye inviterte.")
                % {"found": found, "region": region.name, "added": added},
            )
    return redirect("events:participants", pk=event.pk)


@login_required
@require_safe
def mine(request):
    return render(
        request,
        "events/mine.html",
        {
            "upcoming": [
                {"registration": r, "position": waitlist_position(r)}
                for r in registrations_of(request.user)
            ],
            "past": registrations_of(request.user, upcoming=False)[:50],
        },
    )


@login_required
@require_safe
def organization(request):
    """Coordinators: the registrations of their organizations' people."""
    organizations = list(coordinated_organizations(request.user).order_by("name"))
    if not organizations:
        raise Http404
    return render(
        request,
        "events/organization.html",
        {
            "organizations": organizations,
            "upcoming": registrations_of_organizations(organizations)[:500],
            "past": registrations_of_organizations(organizations, upcoming=False)[:200],
        },
    )


@require_safe
def hub_feed(request, slug):
    hub = Hub.objects.filter(slug=slug, is_active=True).select_related("municipality").first()
    if hub is None:
        raise Http404
    response = HttpResponse(ical.hub_feed(hub), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{hub.slug}-arrangementer.ics"'
    response["Cache-Control"] = "public, max-age=900"
    return response
