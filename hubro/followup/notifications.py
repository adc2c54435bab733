"""E-mails about requests: to the addressee's people when a request is made, and to its
author when it is answered, each in the recipient's own language. The actions queue
these after commit as tasks (``tasks.py``); nothing here imports the tasks."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from hubro.core.links import absolute_url
from hubro.core.models import Membership, Person
from hubro.programme.models import ProgrammeRole

from .models import ProgrammeRequest


def _request(pk):
    return (
        ProgrammeRequest.objects.select_related(
            "pilot__programme__owner", "addressee", "created_by", "replied_by"
        )
        .filter(pk=pk)
        .first()
    )


def addressee_people(request: ProgrammeRequest) -> list[Person]:
    """Who is told of a new request: the owner's people for a request to the programme
    owner; the agency's coordinators for one to an agency, or the owner's people when
    the agency has no coordinator in Hubro (so that the request reaches someone)."""
    owners = Person.objects.filter(
        is_active=True,
        programme_roles__programme=request.pilot.programme,
        programme_roles__role=ProgrammeRole.Role.OWNER,
    )
    if not request.to_owner:
        coordinators = Person.objects.filter(
            is_active=True,
            memberships__organization=request.addressee,
            memberships__role=Membership.Role.COORDINATOR,
        )
        if coordinators.exists():
            return list(coordinators.distinct().order_by("pk"))
    return list(owners.distinct().order_by("pk"))


def _send(person: Person, request: ProgrammeRequest, kind: str) -> None:
    language = person.language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "person": person,
            "request": request,
            "url": absolute_url(reverse("followup:request", args=[request.pk])),
        }
        subject = " ".join(render_to_string(f"followup/email/{kind}_subject.txt", context).split())
        text = render_to_string(f"followup/email/{kind}.txt", context)
        html = render_to_string(f"followup/email/{kind}.html", context)
    message = EmailMultiAlternatives(subject, text, to=[person.email])
    message.attach_alternative(html, "text/html")
    message.send()


def send_request_made_now(request_id: int) -> int:
    """E-mail the addressee's people about a new request; returns how many."""
    request = _request(request_id)
    if request is None:
        return 0
    people = addressee_people(request)
    for person in people:
        _send(person, request, "request_made")
    return len(people)


def send_request_answered_now(request_id: int) -> bool:
    """E-mail the request's author the reply, in the author's language."""
    request = _request(request_id)
    if request is None or not request.reply:
        return False
    author = request.created_by
    if author is None or not author.is_active:
        return False
    _send(author, request, "request_answered")
    return True
