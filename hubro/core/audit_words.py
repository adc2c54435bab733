"""The audit log in words, in the reader's language (issue 15): "Påmeldt arrangement"
rather than "Påmelding register event.register".

An entry's action is a code, ``<thing>.<verb>`` (``booking.cancel``) or
``programme.<thing>.<verb>``. Most read well as the object's kind followed by a verb
("Booking avbestilt"); the codes that do not have a phrase of their own in PHRASES. A
new action code needs either a verb below or a phrase; ``test_audit_words`` finds
codes in the source that have neither."""

from django.apps import apps
from django.utils.translation import gettext_lazy as _

# Verbs that follow the kind of object: "Booking" + "avbestilt".
VERBS = {
    "create": _("opprettet"),
    "update": _("endret"),
    "delete": _("slettet"),
    "cancel": _("avbestilt"),
    "release": _("frigitt"),
    "checkin": _("sjekket inn"),
    "override": _("overstyrt"),
    "revoke": _("trukket tilbake"),
    "reset": _("nullstilt"),
    "move": _("flyttet"),
    "publish": _("publisert"),
    "submit": _("sendt inn"),
    "approve": _("godkjent"),
    "attach": _("lagt ved"),
    "link": _("koblet"),
    "change": _("endret"),
    "open": _("åpnet"),
    "record": _("registrert"),
    "file": _("levert"),
    "apply": _("brukt"),
}

# Whole phrases for the codes that the kind + verb would say badly.
PHRASES = {
    "event.register": _("Påmeldt arrangement"),
    "event.register_guest": _("Gjest påmeldt arrangement"),
    "event.unregister": _("Meldt av arrangement"),
    "event.attendance": _("Oppmøte registrert"),
    "event.invite": _("Invitasjoner sendt"),
    "event.promote": _("Flyttet fra venteliste til plass"),
    "event.cancel": _("Arrangement avlyst"),
    "event.series_create": _("Arrangementsserie opprettet"),
    "series.cancel": _("Arrangementsserie avlyst"),
    "series.create": _("Serie opprettet"),
    "person.login": _("Logget inn"),
    "person.login_failed": _("Mislykket innlogging"),
    "person.logout": _("Logget ut"),
    "person.logout_everywhere": _("Logget ut overalt"),
    "person.password_change": _("Passord endret"),
    "person.password_reset": _("Passord tilbakestilt"),
    "person.calendar_issue": _("Kalenderlenke laget"),
    "person.calendar_revoke": _("Kalenderlenke trukket tilbake"),
    "person.language": _("Språk endret"),
    "person.export": _("Egne data lastet ned"),
    "person.erase": _("Konto slettet"),
    "person.presence_visibility": _("Synlighet i «Hvem er her» endret"),
    "retention.apply": _("Gamle opplysninger slettet etter lagringstiden"),
    "statistics_setting.update": _("Statistikkinnstilling endret"),
    "programme.assessment.record": _("Vurdering registrert"),
    "programme.document.attach": _("Dokument lagt ved"),
    "programme.leader.change": _("Prosjektleder byttet"),
    "programme.phase.approve": _("Fase godkjent"),
    "programme.self_assessment.open": _("Egenvurdering åpnet"),
    "programme.self_assessment.submit": _("Egenvurdering sendt inn"),
    "programme.status_report.file": _("Statusrapport levert"),
    "programme.sub_project.link": _("Delprosjekt koblet til"),
    "programme.goals.set": _("Programmets nasjonale mål endret"),
    "position.hire": _("Ansettelser til stilling registrert"),
    "survey.send": _("Undersøkelse sendt"),
}


def _noun(object_type: str, thing: str) -> str:
    try:
        return str(apps.get_model(object_type)._meta.verbose_name)
    except (LookupError, ValueError):
        return thing.replace("_", " ")


def action_in_words(action: str, object_type: str) -> str:
    """The action in words, in the active language; the code itself for an action that
    has no words yet (so that nothing is hidden)."""
    if action in PHRASES:
        return str(PHRASES[action])
    thing, _dot, verb = action.rpartition(".")
    if verb in VERBS:
        return f"{_noun(object_type, thing.rpartition('.')[2]).capitalize()} {VERBS[verb]}"
    return action


def has_words(action: str) -> bool:
    return action in PHRASES or action.rpartition(".")[2] in VERBS
