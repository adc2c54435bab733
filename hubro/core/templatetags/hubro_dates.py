"""Dates written the way each UI language writes them.

Django's ``date`` filter takes one pattern for every language, and Norwegian and English
order and capitalise dates differently ("mandag 30. november 2026" against "Monday
30 November 2026"). ``{{ value|dayformat:"long" }}`` picks the pattern for the active
language."""

from django import template

from hubro.core.timeutil import format_day

register = template.Library()


@register.filter
def dayformat(value, style="long"):
    return format_day(value, style)
