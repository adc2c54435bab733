"""The written definition of every indicator: what it counts, the goal it serves and its
caveats. The definitions page, docs/indicators.md and the API labels read from here."""

from dataclasses import dataclass

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from hubro.programme.criteria import NationalGoal

UNITS = (
    "people",
    "organizations",
    "person_days",
    "days",
    "hours",
    "events",
    "clusters",
    "projects",
    "ratio",
    "nok",
)

# The goals' labels are the programme's (``programme.criteria.NationalGoal``), so the
# dashboard and the programme page name each goal the same way.
GOALS = {
    goal.value: format_lazy(_("Mål {number}: {label}"), number=goal.value, label=goal.label)
    for goal in NationalGoal
}
GOALS[None] = _("Drift")

PRESENT = _(
    "«Til stede» betyr innsjekket der huben bruker innsjekking (innstillingen «frigi "
    "bookinger uten innsjekking» er slått på), og en bekreftet booking ellers. En "
    "booking teller på den lokale dagen den starter, også om den varer over midnatt."
)
PERSON_DAY = _(
    "Et persondøgn er én person til stede på én hub på én dag, uansett hvor mange "
    "bookinger personen har den dagen."
)


@dataclass(frozen=True)
class Definition:
    key: str
    label: object
    goal: int | None
    unit: str
    text: object
    caveat: object = ""


DEFINITIONS = [
    Definition(
        "active_organizations",
        _("Aktive organisasjoner"),
        1,
        "organizations",
        _(
            "Organisasjoner som minst én person var til stede for i perioden, i alt og per "
            "sektor. Organisasjonen er den bookingen ble gjort for."
        ),
        _("En person med to arbeidsgivere teller for den organisasjonen hver booking gjelder."),
    ),
    Definition(
        "cross_sector_days",
        _("Tverrsektorielle dager"),
        1,
        "days",
        _(
            "Hub-dager der personer fra minst to (og minst tre) sektorer var til stede "
            "samtidig på samme hub. I programvisningen telles hver hub for seg."
        ),
        _("Sier ikke om folkene faktisk snakket sammen."),
    ),
    Definition(
        "organization_pairs",
        _("Par av organisasjoner på samme dag"),
        1,
        "organizations",
        _(
            "Antall ulike par av organisasjoner som var til stede på samme hub samme dag "
            "minst én gang i perioden."
        ),
        _("Enheten er par, ikke organisasjoner."),
    ),
    Definition(
        "events",
        _("Arrangementer og tverrsektorielle arrangementer"),
        1,
        "events",
        _(
            "Arrangementer på hubene som ikke ble avlyst, og de av dem der deltakerne "
            "(påmeldte som ikke er registrert som fraværende) kom fra minst to sektorer."
        ),
        _("Gjester uten kjent organisasjon telles ikke i sektorene."),
    ),
    Definition(
        "returning_users",
        _("Tilbakevendende brukere"),
        2,
        "people",
        _(
            "Personer som var til stede i minst tre av de seks siste kalendermånedene, "
            "regnet fra måneden perioden slutter i."
        ),
        _("Vinduet er alltid seks måneder, uansett hvor lang perioden er."),
    ),
    Definition(
        "state_share",
        _("Statsansattes andel"),
        2,
        "ratio",
        _(
            "Andelen av persondøgnene som gjelder statlige virksomheter, for perioden og "
            "per måned (trend)."
        ),
        _("En høy andel kan komme av én stor etat på huset."),
    ),
    Definition(
        "remote_person_days",
        _("Persondøgn for arbeidsgivere i en annen region"),
        3,
        "person_days",
        _(
            "Persondøgn av personer som booket for en organisasjon med hjemkommune utenfor "
            "hubens region (utenfor hubens kommune når huben ikke har region)."
        ),
        _("Hjemkommunen er organisasjonens registrerte kommune, ikke personens bosted."),
    ),
    Definition(
        "remote_state_agencies",
        _("Statlige virksomheter med desentrale arbeidstakere"),
        3,
        "organizations",
        _(
            "Ulike statlige virksomheter med hjemkommune utenfor hubens region som hadde "
            "minst ett persondøgn på huben."
        ),
    ),
    Definition(
        "clusters",
        _("Aktive klynger og medlemmer"),
        4,
        "clusters",
        _(
            "Klynger med en hjemmehub i utvalget som var i gang i perioden, deres "
            "medlemsorganisasjoner per sektor, og klynger med medlemmer fra minst to "
            "sektorer."
        ),
        _("Klynger uten startdato regnes som i gang."),
    ),
    Definition(
        "cluster_meetings",
        _("Klyngemøter"),
        4,
        "events",
        _("Arrangementer knyttet til en klynge, ikke avlyst, med start i perioden."),
    ),
    Definition(
        "cluster_projects",
        _("Prosjekter fra klynger og finansiering"),
        4,
        "projects",
        _(
            "Prosjekter som hører til en klynge i utvalget og hadde startet innen "
            "periodens slutt, og summen av innvilgede finansieringslinjer for årene "
            "perioden berører."
        ),
        _("Finansiering føres per år; en kort periode viser hele årets beløp."),
    ),
    Definition(
        "occupancy",
        _("Belegg per romtype"),
        None,
        "ratio",
        _(
            "Bookede timer (ikke avbestilt) og innsjekkede timer delt på åpne timer: "
            "hubens åpningstid de åpne dagene i perioden ganger antall aktive rom av typen."
        ),
        _(
            "Et møterom for tolv teller som ett rom. Innsjekket belegg finnes bare der "
            "huben bruker innsjekking."
        ),
    ),
    Definition(
        "no_show_rate",
        _("Andel ikke møtt"),
        None,
        "ratio",
        _(
            "Av bookingene som hadde startet på huber som bruker innsjekking: andelen som "
            "ikke ble sjekket inn."
        ),
    ),
    Definition(
        "unique_users",
        _("Unike brukere og persondøgn"),
        None,
        "people",
        _(
            "Ulike personer til stede i perioden, og persondøgn i alt, per sektor, per hub, "
            "per måned, per ukedag og per klokketime (timen personens første booking den "
            "dagen startet)."
        ),
    ),
]

BY_KEY = {definition.key: definition for definition in DEFINITIONS}
