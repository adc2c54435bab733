"""Background work for surveys (Django's tasks framework; ids, never instances)."""

from django.tasks import task

from .notifications import send_survey_email_now


@task
def send_survey_email(survey_id: int, person_id: int, token: str) -> bool:
    """E-mail one recipient their link to the survey, in their language."""
    return send_survey_email_now(survey_id, person_id, token)
