"""Form widgets shared by several apps."""

from django import forms
from django.utils.translation import gettext_lazy as _


class SearchableSelectMultiple(forms.SelectMultiple):
    """A ``<select multiple>`` that ``hubro/multiselect.js`` turns into a combobox with
    search and a list of chosen items, usable by keyboard alone (ARIA 1.2 combobox with
    a multi-selectable listbox). Without JavaScript the plain select still works. The
    script's words come from data attributes, so that they follow the page's language."""

    class Media:
        js = ["hubro/multiselect.js"]
        css = {"all": ["hubro/multiselect.css"]}

    def __init__(self, attrs=None, choices=()):
        defaults = {
            "size": 6,
            "data-hubro-multiselect": "",
            "data-hint": _(
                "Skriv for å søke. Piltastene flytter i lista, Enter velger eller fjerner."
            ),
            "data-chosen": _("Valgt"),
            "data-none-chosen": _("Ingen valgt ennå."),
            "data-remove": _("Fjern"),
            "data-no-match": _("Ingen treff."),
            "data-count": _("%(count)s treff"),
            "data-added": _("%(name)s er valgt."),
            "data-removed": _("%(name)s er fjernet."),
        }
        super().__init__({**defaults, **(attrs or {})}, choices)
