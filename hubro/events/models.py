"""Events at hubs: lunch talks, gatherings, courses, leaders' meetings.

An event placed in a hub's space holds a ``bookings.Booking`` for that space, made with
the booking action, so an event can never clash with a desk or room booking.
Registrations have a status; the waiting list is the registrations with status
``waitlisted`` in the order they came in."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EventSeries(models.Model):
    """A recurring event, such as a monthly status meeting; each date is an ``Event``
    with its own registrations."""

    title = models.CharField(_("tittel"), max_length=200)
    rule = models.CharField(_("gjentakelse"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("opprettet"), default=timezone.now)

    class Meta:
        verbose_name = _("arrangementsserie")
        verbose_name_plural = _("arrangementsserier")

    def __str__(self):
        return self.title


class Event(models.Model):
    class Kind(models.TextChoices):
        LUNCH_TALK = "lunch_talk", _("Faglunsj")
        GATHERING = "gathering", _("Fagsamling")
        WORKSHOP = "workshop", _("Verksted")
        COURSE = "course", _("Kurs")
        LEADERS_MEETING = "leaders_meeting", _("Ledermøte")
        NETWORK_MEETING = "network_meeting", _("Nettverksmøte")
        SOCIAL = "social", _("Sosialt")
        OTHER = "other", _("Annet")

    class Audience(models.TextChoices):
        OPEN = "open", _("Åpent for alle")
        MEMBERS = "members", _("Medlemmer av hubens organisasjoner")
        INVITED = "invited", _("Kun inviterte")

    class Place(models.TextChoices):
        HUB = "hub", _("På huben")
        ONLINE = "online", _("Digitalt")
        ELSEWHERE = "elsewhere", _("Annet sted")

    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("tittel"), max_length=200)
    description = models.TextField(_("beskrivelse"), blank=True)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("slutt"))
    place = models.CharField(_("sted"), max_length=20, choices=Place.choices, default=Place.HUB)
    hub = models.ForeignKey(
        "spaces.Hub",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("hub"),
    )
    space = models.ForeignKey(
        "spaces.Space",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("rom"),
    )
    # The booking that holds the space while the event runs.
    booking = models.OneToOneField(
        "bookings.Booking",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event",
    )
    location = models.CharField(_("stedsbeskrivelse"), max_length=300, blank=True)
    online_url = models.URLField(_("lenke til digitalt møte"), blank=True)
    capacity = models.PositiveIntegerField(_("kapasitet"), null=True, blank=True)
    registration_deadline = models.DateTimeField(_("påmeldingsfrist"), null=True, blank=True)
    organizers = models.ManyToManyField(
        "core.Organization", related_name="organized_events", verbose_name=_("arrangører")
    )
    audience = models.CharField(
        _("publikum"), max_length=20, choices=Audience.choices, default=Audience.OPEN
    )
    cluster = models.ForeignKey(
        "community.Cluster",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("klynge"),
    )
    project = models.ForeignKey(
        "community.Project",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("prosjekt"),
    )
    series = models.ForeignKey(
        EventSeries,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("serie"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="created_events",
    )
    created_at = models.DateTimeField(_("opprettet"), default=timezone.now)
    cancelled_at = models.DateTimeField(_("avlyst"), null=True, blank=True)

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("arrangement")
        verbose_name_plural = _("arrangementer")
        indexes = [models.Index(fields=["hub", "start"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")), name="event_ends_after_start"
            )
        ]

    def __str__(self):
        return self.title


class Registration(models.Model):
    """A person's or a guest's place at an event, or on its waiting list."""

    class Status(models.TextChoices):
        REGISTERED = "registered", _("Påmeldt")
        WAITLISTED = "waitlisted", _("På venteliste")
        CANCELLED = "cancelled", _("Avmeldt")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="event_registrations",
    )
    # The organization the participant comes from; for a guest, possibly unknown to Hubro.
    organization = models.ForeignKey(
        "core.Organization", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    guest_name = models.CharField(_("navn"), max_length=200, blank=True)
    guest_email = models.EmailField(_("e-post"), blank=True)
    guest_organization = models.CharField(_("organisasjon"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    created_at = models.DateTimeField(_("meldt på"), default=timezone.now)
    promoted_at = models.DateTimeField(_("flyttet opp fra venteliste"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("avmeldt"), null=True, blank=True)
    attended = models.BooleanField(_("møtte"), null=True, blank=True)
    attendance_marked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["event", "status"])]
        verbose_name = _("påmelding")
        verbose_name_plural = _("påmeldinger")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person"],
                condition=Q(person__isnull=False) & ~Q(status="cancelled"),
                name="one_active_registration_per_person",
            ),
            models.UniqueConstraint(
                fields=["event", "guest_email"],
                condition=Q(person__isnull=True) & ~Q(status="cancelled"),
                name="one_active_registration_per_guest",
            ),
            models.CheckConstraint(
                condition=Q(person__isnull=False) | ~Q(guest_email=""),
                name="registration_has_person_or_guest_email",
            ),
        ]

    def __str__(self):
        return f"{self.participant_name} – {self.event}"

    @property
    def participant_name(self) -> str:
        if self.person_id:
            return self.person.get_full_name()
        return self.guest_name


class Invitation(models.Model):
    """Someone invited to an event. Invited-only events are visible to invitees only."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="invitations")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="event_invitations",
    )
    email = models.EmailField(_("e-post"), blank=True)
    name = models.CharField(_("navn"), max_length=200, blank=True)
    organization = models.ForeignKey(
        "core.Organization", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("invitasjon")
        verbose_name_plural = _("invitasjoner")
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False) | ~Q(email=""),
                name="invitation_has_person_or_email",
            ),
            models.UniqueConstraint(
                fields=["event", "person"],
                condition=Q(person__isnull=False),
                name="one_invitation_per_person",
            ),
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=Q(person__isnull=True),
                name="one_invitation_per_email",
            ),
        ]

    def __str__(self):
        return f"{self.person or self.email} – {self.event}"
