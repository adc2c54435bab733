"""Positions announced and hires beside the person-days of goals 2 and 3."""

from django.urls import reverse
from django.utils.translation import gettext as _

from hubro.insights.beside import Section, suppressed_unless_rights
from hubro.insights.figure import Figure

from .queries import counts


def positions_section(scope, start, end) -> Section:
    """Positions announced in the period that can be held from the scope's hubs, and the
    people hired to them to work from those hubs. Hires are counts of people: suppressed
    below the threshold for viewers without person-level rights."""
    announced, hired = counts(
        hub_ids=scope.hub_ids, organization=scope.organization, start=start, end=end
    )
    figures = [
        Figure(
            key="positions_announced",
            label=_("Stillinger utlyst med kontorsted på huben"),
            goal=3,
            unit="count",
            value=announced,
        ),
        Figure(
            key="positions_hired",
            label=_("Ansatt i slike stillinger"),
            goal=3,
            unit="count",
            value=hired,
            people=hired,
        ),
    ]
    return Section(
        key="positions",
        title=_("Stillinger som kan ha kontorsted på huben (mål 2 og 3)"),
        goals=(2, 3),
        figures=suppressed_unless_rights(scope, figures),
        note=_(
            "Registrert av virksomhetenes koordinatorer. Vises ved siden av persondøgnene:"
            " utlysninger og ansettelser der stillingen kan ha kontorsted på en hub."
        ),
        link=reverse("positions:list"),
        link_label=_("Ledige stillinger"),
    )
