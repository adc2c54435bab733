"""Small helpers for the community templates."""

from django import template
from django.urls import NoReverseMatch

register = template.Library()


@register.filter
def event_url(event) -> str:
    """The event's page, if the events app gives it one (``Event.get_absolute_url``)."""
    getter = getattr(event, "get_absolute_url", None)
    if getter is None:
        return ""
    try:
        return getter()
    except NoReverseMatch:
        return ""
