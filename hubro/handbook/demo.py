"""What `hubro loaddemo` adds to the handbook (see ``hubro.core.demo.EXTENSIONS``).

Thirteen published lessons drawn from the findings of the Statens hus evaluation,
written in the project's own words, and two drafts by the demo employee (so that "Mine
utkast" has something to show, and nobody else sees them). Lessons point at the demo's
hubs, projects, pilots and assessments where those exist; a missing one is left out.

Each lesson is keyed on its title and author; one that exists is left alone, so a second
run creates nothing."""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from hubro.community.models import Project
from hubro.core.demo.base import DemoContext
from hubro.core.demo.hubs import LISTER, NARVIK, NORDFJORDEID, ORKLAND

from .actions import create_lesson
from .models import Lesson

T = Lesson.Theme
P = Lesson.Phase
K = Lesson.HubKind
S = Lesson.PlaceSize


@dataclass
class Spec:
    title: str
    summary: str
    context: str
    tried: str
    outcome: str
    advice: str
    theme: str
    published: dt.date | None
    phase: str = ""
    hub_kind: str = ""
    place_size: str = ""
    hub: str | None = None
    project: str | None = None
    pilot_hub: str | None = None  # the pilot is found by its hub's slug
    assessment: str | None = None  # milestone of that pilot's assessment


LESSONS = [
    Spec(
        title="Et kontor folk faktisk bruker",
        summary="Huben fikk liv fordi noen allerede satt i bygget, og fordi grupper fikk faste "
        "dager der.",
        context="RegionLab Lister åpnet i januar 2023 i et bygg der NAV, Skatteetaten og "
        "Listersamarbeidet hadde kontorer fra før. Det var folk i huset fra første dag.",
        tried="Landbrukskontorene i regionen fikk faste arbeidsdager i laben. Faglunsjer og "
        "fagsamlinger ble lagt dit, slik at folk fra flere etater hadde en grunn til å komme.",
        outcome="Kommune- og fylkesansatte ble de faste brukerne, og stadig flere som har "
        "arbeidsgiveren sin et annet sted, begynte å jobbe derfra. Huben ble et sted der noe "
        "skjer, ikke bare et ledig kontor.",
        advice="Legg huben der noen allerede jobber, og gi grupper faste dager. Et tomt "
        "kontor trekker ingen; et kontor med folk og aktiviteter gjør det.",
        theme=T.CO_LOCATION,
        phase=P.OPERATION,
        hub_kind=K.HUB,
        place_size=S.MEDIUM,
        hub=LISTER,
        pilot_hub=LISTER,
        published=dt.date(2024, 3, 12),
    ),
    Spec(
        title="Forankre huben i regionens politiske råd",
        summary="Da Lister-regionen sto bak som helhet, ble det lettere å bli hørt og å bli "
        "enige om drift.",
        context="Piloten startet i én kommune, men én kommune alene har lite å stille opp med "
        "overfor store statlige virksomheter.",
        tried="Arbeidet ble løftet opp til det interkommunale politiske rådet (IPR) i Lister, og "
        "fra 1. juli 2025 ble driften av huben lagt til IPR-ets administrative leder.",
        outcome="Seks kommuner talte med én stemme. Det ga tyngde i møte med etatene og gjorde "
        "det enklere å avtale hvem som skal eie og drive huben etter pilotperioden.",
        advice="Knytt huben til regionens IPR så tidlig som mulig, og avklar skriftlig hvem som "
        "eier driften når prosjektet er over.",
        theme=T.ANCHORING,
        phase=P.EXTENSION,
        hub_kind=K.HUB,
        place_size=S.MEDIUM,
        hub=LISTER,
        pilot_hub=LISTER,
        published=dt.date(2025, 5, 20),
    ),
    Spec(
        title="Alle som bruker huben, betaler inn",
        summary="En finansiering der hver partner betaler sin del, gjør huben til et felles "
        "ansvar.",
        context="Prosjektmidlene fra departementet dekket oppstarten, men ikke husleie og drift "
        "år etter år.",
        tried="Aktørene bak RegionLab Lister skrev under intensjonsavtaler om årlig "
        "finansiering av huben fram til og med 2027, og av prosjektene ut 2026.",
        outcome="Husleien er dekket. At partnerne ble enige om finansiering, er i seg selv et "
        "tegn på at de opplever huben som nyttig.",
        advice="Lag en finansieringsmodell der hver partner betaler sin del, og få den signert "
        "før prosjektpengene tar slutt. Den som betaler, bruker også huben.",
        theme=T.FINANCING,
        phase=P.EXTENSION,
        hub_kind=K.HUB,
        place_size=S.MEDIUM,
        hub=LISTER,
        pilot_hub=LISTER,
        assessment="final",
        published=dt.date(2025, 6, 2),
    ),
    Spec(
        title="Uten tall på bruken kommer ingen finansiering",
        summary="I Narvik ble lokalene lite brukt, behovet ble aldri dokumentert, og ingen ville "
        "betale videre.",
        context="Kontorfellesskapet i Sentrumsgården i Narvik åpnet i 2024 med sju "
        "cellekontorer, tre møterom og fellesarealer. Innredning, leie og drift det første "
        "året kostet rundt én million kroner, og leien var symbolsk fram til sommeren 2025.",
        tried="Lokalene ble gjort klare og tilbudt de statlige etatene i byen, i håp om at "
        "bruken ville komme av seg selv.",
        outcome="Få tok plassene i bruk. Uten tall som viste et behov, var det vanskelig å få "
        "noen til å forplikte seg, og ved slutten av piloten fantes det ingen "
        "finansieringsmodell.",
        advice="Dokumenter behovet før dere skriver under leiekontrakten, og tell bruken fra "
        "første uke. Tallene er det sterkeste argumentet når finansieringen skal på plass.",
        theme=T.FINANCING,
        phase=P.OPERATION,
        hub_kind=K.OFFICE_COMMUNITY,
        place_size=S.REGIONAL_CENTRE,
        hub=NARVIK,
        project="finansieringsmodell-sentrumsgarden",
        pilot_hub=NARVIK,
        published=dt.date(2025, 4, 8),
    ),
    Spec(
        title="Mål bruken fra første dag",
        summary="Bestem i forprosjektet hva som skal telles, og la systemet telle for dere.",
        context="Det var vanskelig å vise hva pilotene oppnådde. Ingen av hubene hadde "
        "ordnede tall for bruken fra starten av.",
        tried="Noen piloter brukte spørreundersøkelser for å kartlegge behovet, men få fulgte "
        "opp med jevnlige målinger etter at dørene åpnet.",
        outcome="Da spørsmålet om videre drift kom, manglet flere det beste argumentet: tall som "
        "viser hvem som bruker huben, fra hvilke virksomheter og hvor ofte.",
        advice="Velg allerede i forprosjektet hva dere vil følge med på, for eksempel "
        "bookinger, brukere fra virksomheter som holder til andre steder, og arrangementer. "
        "Når plassene bookes i Hubro, telles dette av seg selv.",
        theme=T.LEARNING,
        phase=P.PRE_PROJECT,
        published=dt.date(2025, 2, 3),
    ),
    Spec(
        title="Færre delprosjekter gir mer fremdrift",
        summary="Pilotene som skar ned til noen få delprosjekter, fikk mer ut av dem som var "
        "igjen.",
        context="Flere piloter startet hovedprosjektet med fire delprosjekter eller flere. "
        "Midtveisevalueringen rådet dem til å spisse innsatsen.",
        tried="Prosjektlederne konsentrerte arbeidet: Lyngdal samlet seg om laben, Narvik la "
        "ett delprosjekt på is og gikk fra fire til tre, og Orkland slo sammen to "
        "delprosjekter med et kommunalt program.",
        outcome="Konsentrasjonen ga bedre måloppnåelse og mer nyskaping i de delprosjektene "
        "som fikk fortsette.",
        advice="Velg to eller tre delprosjekter som alle partnerne eier. Avslutt heller et "
        "delprosjekt med en skrevet begrunnelse enn å la det leve videre uten fremdrift.",
        theme=T.SHARED_GOALS,
        phase=P.MAIN_PROJECT,
        hub_kind=K.OFFICE_COMMUNITY,
        place_size=S.REGIONAL_CENTRE,
        pilot_hub=NARVIK,
        assessment="midway",
        published=dt.date(2024, 6, 18),
    ),
    Spec(
        title="Når prosjektlederen byttes",
        summary="En pilot over flere år skifter nesten alltid leder; det som er skrevet ned, "
        "overlever byttet.",
        context="Pilotene varte i fire år. I så lange løp er det vanlig at prosjektlederen "
        "byttes minst én gang, og hvert bytte koster tid.",
        tried="Forprosjektrapporten, statusrapportene til departementet og de månedlige "
        "kaffemøtene mellom prosjektlederne og departementet holdt tråden mellom lederne.",
        outcome="Beslutninger som var skrevet ned med begrunnelse, kunne en ny leder bygge "
        "videre på. Det som bare fantes i hodet på den som gikk, måtte finnes ut på nytt.",
        advice="Før en enkel logg over leder, delprosjekter og beslutninger fra første dag, "
        "og legg inn noen uker der gammel og ny leder overlapper.",
        theme=T.GUIDANCE,
        phase=P.MAIN_PROJECT,
        published=dt.date(2024, 10, 1),
    ),
    Spec(
        title="Diskuter de nasjonale målene, ikke bare de lokale",
        summary="De lokale målene tok plassen; målet om ny kunnskap til lokaliseringspolitikken "
        "ble glemt.",
        context="Programmet hadde fem nasjonale mål. Pilotene var, naturlig nok, mest opptatt "
        "av målene de selv hadde satt lokalt.",
        tried="De lokale målene ble koblet til de nasjonale da planene ble skrevet, men de "
        "nasjonale kom sjelden opp igjen i møtene etterpå.",
        outcome="Særlig målet om kunnskap til lokaliseringspolitikken for mindre steder fikk "
        "lite oppmerksomhet underveis.",
        advice="Sett de nasjonale målene fast på dagsordenen i styringsgruppen og i "
        "statusmøtene, og vis for hvert lokalt mål hvilket nasjonalt mål det tjener.",
        theme=T.SHARED_GOALS,
        phase=P.MAIN_PROJECT,
        pilot_hub=LISTER,
        published=dt.date(2025, 6, 16),
    ),
    Spec(
        title="Samlokalisering i nytt bygg trenger politisk ryggdekning",
        summary="I Stad flyttet fire virksomheter inn i ett hus; det tok år og krevde tung "
        "forankring.",
        context="I Stad flyttet NAV, Skatteetaten, Politiet og kommunen inn i Statens hus på "
        "Nordfjordeid, som åpnet i april 2025.",
        tried="Byggeprosjektet hadde bred politisk støtte fra starten, og Distriktshub Vestland "
        "ble lagt inn i huset med hospitering og fleksible arbeidsplasser.",
        outcome="Arbeidet med bygget førte etatene tettere sammen, og huset gir plass til "
        "samarbeid som ikke var mulig da de satt hver for seg.",
        advice="Regn med at en samlokalisering tar flere år. Skaff politisk ryggdekning tidlig, "
        "og planlegg fellesarealer for samarbeid, ikke bare kontorplasser.",
        theme=T.CO_LOCATION,
        phase=P.MAIN_PROJECT,
        hub_kind=K.CO_LOCATION,
        place_size=S.MEDIUM,
        hub=NORDFJORDEID,
        project="hospitering-distriktshub-vestland",
        pilot_hub=NORDFJORDEID,
        published=dt.date(2025, 5, 5),
    ),
    Spec(
        title="Avklar hva piloten er før styringsgruppen settes",
        summary="Uklart oppdrag ga feil forventninger: flere trodde det skulle bygges et hus.",
        context="Da pilotene startet, var det uklart hva oppdraget gikk ut på. Flere trodde at "
        "det handlet om å flytte etatene sammen i ett bygg, og noen var negative av den grunn.",
        tried="Styringsgruppene ble satt sammen før formålet var avklart, og mange av "
        "medlemmene hadde ansvar for eiendom og bygg.",
        outcome="Det tok tid å snu forventningene, og fremdriften var svakest der "
        "misforståelsen satt lengst.",
        advice="Bruk forprosjektet til å skrive ned hva piloten er og ikke er. Sett sammen "
        "styringsgruppen etter det, med folk som kan beslutte det piloten faktisk skal gjøre.",
        theme=T.SHARED_GOALS,
        phase=P.PRE_PROJECT,
        hub_kind=K.OFFICE_COMMUNITY,
        place_size=S.REGIONAL_CENTRE,
        pilot_hub=NARVIK,
        published=dt.date(2023, 9, 14),
    ),
    Spec(
        title="En klynge som leverer noe konkret, trekker flere med",
        summary="Landbruksklyngen i Lister endte i en felles veterinærvakt og ble forbilde for "
        "nye klynger.",
        context="Klyngen «Bærekraftig landbruk i Lister» samlet landbruket, Statsforvalteren og "
        "fylkeskommunen rundt felles utfordringer.",
        tried="Landbrukskontorene i regionen fikk faste arbeidsdager i RegionLab Lister og løste "
        "oppgaver sammen i stedet for hver for seg.",
        outcome="Samarbeidet førte til en felles veterinærvaktordning, og klyngen ble mønster "
        "for nye klynger, blant annet en om kunstig intelligens.",
        advice="Start med én klynge som kan vise et håndfast resultat. Det er lettere å få folk "
        "med på neste når de har sett at det virker.",
        theme=T.LEARNING,
        phase=P.OPERATION,
        hub_kind=K.HUB,
        place_size=S.MEDIUM,
        hub=LISTER,
        project="felles-veterinaervakt-lister",
        published=dt.date(2024, 11, 25),
    ),
    Spec(
        title="Koble dere på arbeid som allerede har fart",
        summary="Orkland la delprosjekter inn i et kommunalt program i stedet for å drive dem "
        "ved siden av.",
        context="I Orkland overlappet to delprosjekter med et kommunalt program mot utenforskap "
        "som allerede hadde folk og engasjement.",
        tried="Delprosjektene om samarbeid og tjenesteforbedring ble slått sammen og lagt inn i "
        "programmet.",
        outcome="Koblingen ga nye samarbeid mellom etatene, og en utredning viste solide grunner "
        "for en offentlig innovasjonshub. Finansieringen av oppstart og drift var likevel "
        "ikke avklart da piloten sluttet.",
        advice="Se etter arbeid i kommunen eller regionen som allerede har fart, og bygg videre "
        "på det. Lov ikke åpning av en ny hub før finansieringen er avklart.",
        theme=T.ANCHORING,
        phase=P.MAIN_PROJECT,
        hub_kind=K.INNOVATION_HUB,
        place_size=S.MEDIUM,
        hub=ORKLAND,
        project="forstudie-innovasjonshub-orkland",
        pilot_hub=ORKLAND,
        published=dt.date(2025, 3, 10),
    ),
    Spec(
        title="Bygg videre på det andre har lært",
        summary="Nye utviklingsprosjekter har brukt tid på problemer andre alt hadde løst.",
        context="Departementet har kjørt flere utviklingsprosjekter for distriktene de siste "
        "årene, men nye prosjekter har ofte begynt forfra og møtt de samme hindrene igjen.",
        tried="Erfaringene fra Statens hus er samlet i denne håndboken, ordnet etter tema, fase, "
        "type hub og stedets størrelse.",
        outcome="Den som skal starte en ny hub, kan lese hva andre lærte om forprosjekt, "
        "forankring og finansiering før de setter i gang.",
        advice="Les siden «Starte en ny hub» før forprosjektet begynner, og skriv egne "
        "erfaringer mens dere jobber, ikke først når prosjektet er over.",
        theme=T.LEARNING,
        phase=P.PRE_PROJECT,
        published=dt.date(2025, 6, 27),
    ),
]

DRAFTS = [
    Spec(
        title="Faglunsj om kunstig intelligens",
        summary="En kort faglunsj samlet folk fra fem virksomheter; noen ble med i KI-klyngen "
        "etterpå.",
        context="Vi ville finne ut om det var interesse for en klynge om kunstig intelligens.",
        tried="Vi holdt en faglunsj på 45 minutter i RegionLab Lister med en innleder fra en "
        "av etatene.",
        outcome="",
        advice="",
        theme=T.LEARNING,
        phase=P.OPERATION,
        hub=LISTER,
        published=None,
    ),
    Spec(
        title="Kaffemøtene med departementet",
        summary="Korte, faste digitale møter holdt prosjektlederne i kontakt med departementet "
        "og hverandre.",
        context="",
        tried="",
        outcome="",
        advice="Hold møtene korte og faste, og la hver pilot dele én ting som gikk bra og én "
        "som ikke gjorde det.",
        theme=T.GUIDANCE,
        phase=P.MAIN_PROJECT,
        published=None,
    ),
]


def _pilot(hub_slug):
    from hubro.programme.models import Pilot

    return Pilot.objects.filter(hub__slug=hub_slug).order_by("pk").first() if hub_slug else None


def _assessment(pilot, milestone):
    from hubro.programme.models import Assessment

    if pilot is None or not milestone:
        return None
    return Assessment.objects.filter(pilot=pilot, milestone=milestone).first()


def _links(ctx: DemoContext, spec: Spec) -> dict:
    projects = (ctx.extra.get("community") or {}).get("projects") or {}
    pilot = _pilot(spec.pilot_hub)
    return {
        "hub": ctx.hubs.get(spec.hub) if spec.hub else None,
        "project": (
            projects.get(spec.project) or Project.objects.filter(slug=spec.project).first()
            if spec.project
            else None
        ),
        "pilot": pilot,
        "assessment": _assessment(pilot, spec.assessment),
    }


def _write(ctx: DemoContext, spec: Spec, author) -> Lesson | None:
    if Lesson.objects.filter(title=spec.title, author=author).exists():
        return None
    lesson = create_lesson(
        author=author,
        publish=spec.published is not None,
        title=spec.title,
        summary=spec.summary,
        context=spec.context,
        tried=spec.tried,
        outcome=spec.outcome,
        advice=spec.advice,
        theme=spec.theme,
        phase=spec.phase,
        hub_kind=spec.hub_kind,
        place_size=spec.place_size,
        **_links(ctx, spec),
    )
    if spec.published:
        # The lessons were learnt over the pilot period, not on the day the demo loads.
        moment = dt.datetime.combine(
            spec.published, dt.time(10), tzinfo=timezone.get_default_timezone()
        )
        Lesson.objects.filter(pk=lesson.pk).update(
            published_at=moment, created_at=moment, updated_at=moment
        )
    return lesson


def build(ctx: DemoContext) -> None:
    """Write the demo lessons (by the host of RegionLab Lister) and drafts (by the demo
    employee); running it again changes nothing."""
    for spec in LESSONS:
        ctx.tally.add("lessons", _write(ctx, spec, ctx.fixed.vert) is not None)
    for spec in DRAFTS:
        ctx.tally.add("lesson drafts", _write(ctx, spec, ctx.fixed.ansatt) is not None)
    published = Lesson.objects.filter(
        author=ctx.fixed.vert, title__in=[spec.title for spec in LESSONS]
    )
    ctx.extra["handbook"] = {"lessons": {lesson.title: lesson for lesson in published}}


def counts() -> dict[str, int]:
    return {
        "lessons": Lesson.objects.filter(status=Lesson.Status.PUBLISHED).count(),
        "lesson drafts": Lesson.objects.filter(status=Lesson.Status.DRAFT).count(),
    }
