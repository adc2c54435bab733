"""The e-mail that asks someone to answer a survey, in their language, with their own
one-time link. ``tasks.send_survey_email`` calls it; nothing here imports tasks."""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.handler import DEFAULT_MAILER_ALIAS
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from hubro.core.links import absolute_url
from hubro.core.models import Person
from hubro.core.timeutil import format_day

from .models import Survey

logger = logging.getLogger(__name__)


def build_survey_email(survey, person, token: str) -> EmailMultiAlternatives:
    language = person.language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "language": language,
            "name": person.get_short_name(),
            "survey": survey,
            "closes": format_day(survey.closes_on, "long"),
            "answer_url": absolute_url(reverse("surveys:answer", args=[token])),
        }
        subject = " ".join(render_to_string("surveys/email/ask_subject.txt", context).split())
        text = render_to_string("surveys/email/ask.txt", context)
        html = render_to_string("surveys/email/ask.html", context)
    message = EmailMultiAlternatives(
        subject=subject, body=text, to=[person.email], headers={"Content-Language": language}
    )
    message.attach_alternative(html, "text/html")
    return message


def send_survey_email_now(survey_id: int, person_id: int, token: str) -> bool:
    survey = Survey.objects.select_related("hub").filter(pk=survey_id).first()
    person = Person.objects.filter(pk=person_id, is_active=True).first()
    if survey is None or person is None:
        logger.warning("No survey e-mail: survey %s or person %s is gone", survey_id, person_id)
        return False
    build_survey_email(survey, person, token).send(using=DEFAULT_MAILER_ALIAS)
    return True
