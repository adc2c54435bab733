"""``{{ name|orgname }}``: a register name in ordinary spelling (see registry/names.py)."""

from django import template

from ..names import readable

register = template.Library()


@register.filter
def orgname(name):
    return readable(str(name)) if name else name
