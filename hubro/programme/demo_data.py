"""The facts the programme demo is built from, in Hubro's own words (see
``hubro.programme.demo``). Dates and outcomes follow the evaluation of Statens hus."""

import datetime as dt
from dataclasses import dataclass, field

from hubro.core.demo import organizations as orgs
from hubro.core.demo.hubs import LISTER, NARVIK, NORDFJORDEID, ORKLAND

from .criteria import NationalGoal

GOAL_TEXTS = {
    NationalGoal.COMPETENCE_ENVIRONMENT: (
        "Et sterkere og faglig samlet offentlig kompetansemiljø i regionene."
    ),
    NationalGoal.RETAIN_RECRUIT: (
        "Lettere for statlige virksomheter å beholde og rekruttere kompetanse på mindre steder."
    ),
    NationalGoal.DECENTRALISED: (
        "Flere statlige virksomheter kan rekruttere og ansette folk som jobber desentralt."
    ),
    NationalGoal.CLUSTERS: "Sterkere samarbeid i kompetanseklynger.",
    NationalGoal.KNOWLEDGE: (
        "Ny kunnskap som kan brukes når lokaliseringspolitikken for mindre steder utvikles."
    ),
}


# --- The pilots --------------------------------------------------------------------------


@dataclass
class Change:
    on: dt.date
    to: str
    reason: str
    merged_into: str = ""  # slug
    handed_over_to: str = ""  # orgnr, or "ipr" for the Lister council


@dataclass
class SubProject:
    slug: str
    title: str
    created_on: dt.date
    description: str
    changes: list[Change] = field(default_factory=list)


@dataclass
class PilotSpec:
    slug: str
    name: str
    host_orgnr: str
    region: str
    hub: str
    description: str
    phases: list  # (kind, start, end)
    steering: list  # (orgnr, role)
    local_goals: list  # (title, [goal numbers])
    sub_projects: list[SubProject]
    existing_projects: list = field(default_factory=list)  # community slugs
    leader_change: dt.date | None = None
    active_2025: list = field(default_factory=list)  # slugs reported on monthly


D = dt.date
PILOTS = [
    PilotSpec(
        slug="lyngdal-lister",
        name="Lyngdal / Lister",
        host_orgnr=orgs.LYNGDAL,
        region="lister",
        hub=LISTER,
        description=(
            "Lyngdal og Lister-regionen samlet etter hvert innsatsen om ett kontorfellesskap, "
            "RegionLab Lister, som ble et nav for regionale prosjekter og klynger."
        ),
        phases=[
            ("pre_project", D(2021, 1, 4), D(2021, 3, 31)),
            ("main", D(2021, 4, 1), D(2024, 12, 31)),
            ("extension", D(2025, 1, 1), D(2025, 6, 30)),
            ("ended", D(2025, 7, 1), None),
        ],
        steering=[
            (orgs.LYNGDAL, "host"),
            (orgs.NAV, "member"),
            (orgs.SKATTEETATEN, "member"),
            (orgs.SF_AGDER, "member"),
            (orgs.AGDER_FK, "member"),
        ],
        local_goals=[
            ("Et kontorfellesskap som brukes av stat, kommune og fylke i Lister", [1, 3]),
            ("Regionale prosjekter og klynger får et fast sted å jobbe", [4]),
            ("Statlige stillinger kan lyses ut med kontordager i Lyngdal", [2, 3]),
        ],
        sub_projects=[
            SubProject(
                "lister-regionlab",
                "RegionLab Lister",
                D(2022, 6, 1),
                "Kontorfellesskapet i Lyngdal, åpnet i januar 2023, med cellekontorer, "
                "åpne plasser og møterom.",
                [
                    Change(
                        D(2025, 7, 1),
                        "handed_over",
                        "Den daglige driften går over til Lister-rådet; alle parter har "
                        "signert intensjonsavtaler om årlig finansiering.",
                        handed_over_to="ipr",
                    )
                ],
            ),
            SubProject(
                "lister-samlokalisering",
                "Samlokalisering i Lyngdal",
                D(2021, 4, 1),
                "Utredet om statlige etater i Lyngdal kunne flytte sammen.",
                [
                    Change(
                        D(2023, 1, 1),
                        "merged",
                        "Full samlokalisering ble for krevende; arbeidet fortsetter som "
                        "kontorfellesskapet RegionLab Lister.",
                        merged_into="lister-regionlab",
                    )
                ],
            ),
            SubProject(
                "lister-digitalt-medborgerskap",
                "Digitalt medborgerskap",
                D(2021, 4, 1),
                "Kurs for eldre innbyggere med lite digital erfaring, sammen med bibliotekene, "
                "NAV og Skatteetaten.",
                [
                    Change(
                        D(2023, 1, 1),
                        "handed_over",
                        "Bibliotekene i regionen holder kursene videre uten prosjektmidler.",
                        handed_over_to=orgs.LYNGDAL,
                    )
                ],
            ),
            SubProject(
                "lister-analyse",
                "Felles analyse",
                D(2021, 4, 1),
                "Et felles analysegrunnlag av data fra flere statlige etater.",
                [
                    Change(
                        D(2023, 1, 1),
                        "handed_over",
                        "Fylkeskommunen tar ansvar for å utvikle analysesamarbeidet videre.",
                        handed_over_to=orgs.AGDER_FK,
                    )
                ],
            ),
        ],
        existing_projects=["stimulab", "sure", "skole-plivo"],
        leader_change=D(2021, 6, 1),
        active_2025=["lister-regionlab", "stimulab", "skole-plivo"],
    ),
    PilotSpec(
        slug="stad-nordfjord",
        name="Stad / Nordfjord",
        host_orgnr=orgs.STAD,
        region="nordfjord",
        hub=NORDFJORDEID,
        description=(
            "Stad samlet NAV, Skatteetaten, politiet og kommunen i et nytt Statens hus på "
            "Nordfjordeid, med Distriktshub Vestland i samme bygg."
        ),
        phases=[
            ("pre_project", D(2021, 2, 1), D(2021, 4, 30)),
            ("main", D(2021, 5, 1), D(2024, 12, 31)),
            ("extension", D(2025, 1, 1), D(2025, 6, 30)),
            ("ended", D(2025, 7, 1), None),
        ],
        steering=[
            (orgs.STAD, "host"),
            (orgs.NAV, "member"),
            (orgs.SKATTEETATEN, "member"),
            (orgs.POLITIET, "member"),
            (orgs.VESTLAND_FK, "observer"),
        ],
        local_goals=[
            ("Statlige etater og kommunen under samme tak på Nordfjordeid", [1]),
            ("Hospitering og fleksible arbeidsplasser for staten i distriktet", [2, 3]),
        ],
        sub_projects=[
            SubProject(
                "stad-samlokalisering",
                "Samlokalisering i Statens hus",
                D(2021, 5, 1),
                "Planlegging og innflytting i det nye bygget.",
                [
                    Change(
                        D(2025, 4, 22),
                        "completed",
                        "Bygget er tatt i bruk av NAV, Skatteetaten, politiet og kommunen.",
                    )
                ],
            ),
            SubProject(
                "stad-samarbeidspart",
                "Staten som samarbeidspart og utviklingsaktør",
                D(2021, 5, 1),
                "Etatene som partnere i regional utvikling.",
                [Change(D(2025, 6, 30), "completed", "Pilotperioden er over.")],
            ),
            SubProject(
                "stad-distriktshub",
                "Distriktshub Vestland",
                D(2021, 5, 1),
                "Utvikle og prøve en distriktshub med hospitering og fleksible plasser.",
                [
                    Change(
                        D(2025, 6, 30),
                        "completed",
                        "Huben er i drift i Statens hus og fortsetter der.",
                    )
                ],
            ),
        ],
        active_2025=["stad-samlokalisering", "stad-samarbeidspart", "stad-distriktshub"],
    ),
    PilotSpec(
        slug="narvik-ofoten",
        name="Narvik / Ofoten",
        host_orgnr=orgs.NARVIK,
        region="ofoten",
        hub=NARVIK,
        description=(
            "Narvik prøvde bred involvering med egne arbeidsgrupper og åpnet et "
            "kontorfellesskap i Sentrumsgården i 2024, som foreløpig brukes lite."
        ),
        phases=[
            ("pre_project", D(2021, 6, 1), D(2021, 8, 31)),
            ("main", D(2021, 9, 1), D(2024, 12, 31)),
            ("extension", D(2025, 1, 1), D(2025, 6, 30)),
            ("ended", D(2025, 7, 1), None),
        ],
        steering=[
            (orgs.NARVIK, "host"),
            (orgs.NAV, "member"),
            (orgs.NVE, "member"),
            (orgs.SF_NORDLAND, "member"),
            (orgs.NORDLAND_FK, "observer"),
        ],
        local_goals=[
            ("Narvik som en god vertskommune for statlige arbeidsplasser", [2, 3]),
            ("Felles kompetanseheving for stat og kommune i Ofoten", [1, 4]),
        ],
        sub_projects=[
            SubProject(
                "narvik-samhandling",
                "Samarbeid og samhandling",
                D(2021, 9, 1),
                "Møteplasser og felles tiltak for statlige enheter og kommunen.",
                [
                    Change(
                        D(2025, 6, 30),
                        "completed",
                        "Faste møter mellom kommunedirektøren og lederne for de statlige "
                        "enhetene fortsetter.",
                    )
                ],
            ),
            SubProject(
                "narvik-kompetanse",
                "Kompetanseheving og rekruttering",
                D(2021, 9, 1),
                "Felles kurs og rekruttering på tvers av etatene.",
                [
                    Change(
                        D(2023, 1, 1),
                        "merged",
                        "Etter midtveisevalueringen slås de to første delprosjektene "
                        "sammen: kompetansearbeidet fortsetter i «Samarbeid og samhandling».",
                        merged_into="narvik-samhandling",
                    )
                ],
            ),
            SubProject(
                "narvik-tjenesteutvikling",
                "Tjenesteutvikling og innovasjon",
                D(2021, 9, 1),
                "Ideen om ett felles inngangspunkt for statlige tjenester til innbyggerne.",
                [
                    Change(
                        D(2024, 3, 1),
                        "paused",
                        "Vanskelig å få lokalt engasjement; styringsgruppen vurderer veien "
                        "videre.",
                    ),
                    Change(
                        D(2024, 6, 1),
                        "stopped",
                        "Målet ble for ambisiøst. Et mindre sandkasseprosjekt drives videre "
                        "utenfor piloten av kommunens utviklingsselskap.",
                    ),
                ],
            ),
            SubProject(
                "narvik-vertskap",
                "Vertskap og attraktivitet",
                D(2021, 9, 1),
                "Gjøre det lettere å flytte til og bli i Ofoten, også for medfølgende.",
                [Change(D(2025, 6, 30), "completed", "Pilotperioden er over.")],
            ),
        ],
        leader_change=D(2023, 8, 1),
        active_2025=["narvik-samhandling", "narvik-vertskap"],
    ),
    PilotSpec(
        slug="orkland-trondelag-sorvest",
        name="Orkland / Trøndelag sørvest",
        host_orgnr=orgs.ORKLAND,
        region="trondelag-sorvest",
        hub=ORKLAND,
        description=(
            "Orkland la samarbeidet om utenforskap inn i kommunens eget program og brukte "
            "siste del av perioden på å utrede en offentlig innovasjonshub."
        ),
        phases=[
            ("pre_project", D(2021, 3, 1), D(2021, 5, 31)),
            ("main", D(2021, 6, 1), D(2024, 12, 31)),
            ("extension", D(2025, 1, 1), D(2025, 6, 30)),
            ("ended", D(2025, 7, 1), None),
        ],
        steering=[
            (orgs.ORKLAND, "host"),
            (orgs.NAV, "member"),
            (orgs.POLITIET, "member"),
            (orgs.SKATTEETATEN, "member"),
            (orgs.SF_TRONDELAG, "member"),
        ],
        local_goals=[
            ("Stat og kommune samarbeider om barn og unge i risiko", [1, 4]),
            ("Grunnlag for en felles innovasjonshub i Orkland", [1, 5]),
        ],
        sub_projects=[
            SubProject(
                "orkland-utenforskap",
                "Samarbeid mot utenforskap",
                D(2022, 6, 1),
                "Pilotens innsats inne i kommunens eget utenforskapsprogram, med et "
                "tverretatlig familiekoordineringsprogram fra 2024.",
                [Change(D(2025, 6, 30), "completed", "Pilotperioden er over.")],
            ),
            SubProject(
                "orkland-samarbeid",
                "Samarbeid",
                D(2021, 6, 1),
                "Flere samarbeidsflater mellom etatene for bedre tjenester.",
                [
                    Change(
                        D(2022, 6, 1),
                        "merged",
                        "Kommunen startet sitt eget utenforskapsprogram; arbeidet flyttes dit.",
                        merged_into="orkland-utenforskap",
                    )
                ],
            ),
            SubProject(
                "orkland-tjenesteforbedring",
                "Tjenesteforbedring og offentlig innovasjon",
                D(2021, 6, 1),
                "Sømløse tjenester på tvers av etatene.",
                [
                    Change(
                        D(2022, 6, 1),
                        "merged",
                        "Slått sammen med samarbeidet i kommunens utenforskapsprogram.",
                        merged_into="orkland-utenforskap",
                    )
                ],
            ),
            SubProject(
                "orkland-samlokalisering",
                "Samlokalisering",
                D(2021, 6, 1),
                "Utrede om etatene kan flytte sammen med kommunen.",
                [
                    Change(
                        D(2022, 6, 1),
                        "paused",
                        "Satt på vent: politiet utreder nye lokaler, og flere etater er "
                        "bundet av leieavtaler.",
                    )
                ],
            ),
            SubProject(
                "orkland-attraktivitet",
                "Attraktivitet – næringsvekst som drivkraft",
                D(2021, 6, 1),
                "Vekstscenarier, kompetansebehov i staten og utredning av en innovasjonshub.",
                [
                    Change(
                        D(2025, 6, 30),
                        "completed",
                        "Utredningen fant godt grunnlag for en innovasjonshub; finansiering "
                        "er ikke avklart.",
                    )
                ],
            ),
        ],
        active_2025=["orkland-utenforskap", "orkland-attraktivitet"],
    ),
]
