"""The programme demo's follow-up: the evaluators' assessments at midway and at the
end, and the monthly status reports, in Hubro's own words (see
``hubro.programme.demo``)."""

import datetime as dt

D = dt.date


# Scores per pilot and goal at (midway, final), in Hubro's own words.
ASSESSMENTS = {
    "lyngdal-lister": {
        "midway": {
            "summary": "Mange spor på en gang; laben peker seg ut som det som gir mest.",
            "scores": {1: 3, 2: 2, 3: 3, 4: 3, 5: 2},
            "factors": ["leadership", "collaboration"],
            "barriers": ["silos", "short_funding"],
            "recommendations": "Konsentrer innsatsen om kontorfellesskapet og få delprosjekter.",
        },
        "final": {
            "summary": "Laben er i bruk, har en finansieringsmodell og et regionalt eierskap.",
            "texts": {
                1: "Etater, kommuner og fylket jobber side om side i laben, og flere grupper "
                "har faste dager der.",
                2: "Laben gjør det lettere å bli boende i regionen med en statlig jobb, men "
                "effekten er ikke målt.",
                3: "Stadig flere med arbeidsgiver et annet sted bruker laben som fast "
                "arbeidsplass.",
                4: "Landbruksklyngen ga en felles veterinærvakt; en KI-klynge er på vei.",
                5: "Erfaringene med å forankre huben i IPR er nyttige for andre regioner.",
            },
            "scores": {1: 4, 2: 3, 3: 4, 4: 4, 5: 3},
            "factors": ["leadership", "financing", "collaboration", "networks"],
            "barriers": ["measuring"],
            "recommendations": "Mål bruken jevnlig og del erfaringene med nye huber.",
        },
    },
    "stad-nordfjord": {
        "midway": {
            "summary": "Tydelig rød tråd og sterk politisk forankring; bygget tar tid.",
            "scores": {1: 3, 2: 3, 3: 2, 4: 2, 5: 3},
            "factors": ["purpose", "leadership"],
            "barriers": ["governance"],
            "recommendations": "Hold fast ved de tre delprosjektene og planlegg driften tidlig.",
        },
        "final": {
            "summary": "Statens hus er åpnet med fire virksomheter og en distriktshub i bygget.",
            "texts": {
                1: "Fire virksomheter under samme tak gir et samlet fagmiljø som andre kan lære"
                " av.",
                2: "Et nytt, felles bygg gjør det enklere å holde på folk i de lokale enhetene.",
                3: "Distriktshuben har plass til folk som jobber for virksomheter andre steder,"
                " men bruken har så vidt begynt.",
                4: "Samarbeidet skjer mest mellom de samlokaliserte; klynger er ikke etablert "
                "ennå.",
                5: "Veien fra idé til ferdig bygg gir kunnskap om hva samlokalisering krever.",
            },
            "scores": {1: 5, 2: 4, 3: 3, 4: 3, 5: 4},
            "factors": ["purpose", "leadership", "participation"],
            "barriers": ["distance"],
            "recommendations": "Bruk distriktshuben aktivt til hospitering fra andre regioner.",
        },
    },
    "narvik-ofoten": {
        "midway": {
            "summary": "Bred involvering, men uklart eierskap og for mange spor.",
            "scores": {1: 2, 2: 2, 3: 2, 4: 3, 5: 2},
            "factors": ["participation"],
            "barriers": ["governance", "competence"],
            "recommendations": "Reduser antall delprosjekter og samle arbeidsgruppene.",
        },
        "final": {
            "summary": "Samhandlingen ga resultater; kontorfellesskapet brukes lite og mangler "
            "finansiering.",
            "texts": {
                1: "Lederne for de statlige enhetene og kommunen møtes jevnlig, og det "
                "fortsetter.",
                2: "Kontorfellesskapet har ikke trukket nye folk til de statlige enhetene.",
                3: "Få fra virksomheter utenfor byen har brukt kontorplassene i Sentrumsgården.",
                4: "Felles kurs har samlet etatene, men uten faste klynger.",
                5: "Viser hvor vanskelig det er å få finansiering når bruken ikke er dokumentert.",
            },
            "scores": {1: 3, 2: 2, 3: 2, 4: 3, 5: 3},
            "factors": ["participation", "collaboration"],
            "barriers": ["short_funding", "measuring", "governance"],
            "recommendations": "Vis behovet med tall før neste runde med finansiering.",
        },
    },
    "orkland-trondelag-sorvest": {
        "midway": {
            "summary": "Godt samarbeid om utenforskap; samlokaliseringen står stille.",
            "scores": {1: 3, 2: 2, 3: 2, 4: 3, 5: 2},
            "factors": ["collaboration"],
            "barriers": ["inertia", "silos"],
            "recommendations": "Spiss innsatsen til to delprosjekter.",
        },
        "final": {
            "summary": "To tydelige delprosjekter og et godt grunnlag for en innovasjonshub.",
            "texts": {
                1: "Arbeidet mot utenforskap samler kommunen og de statlige etatene om felles "
                "saker.",
                2: "Utredningen av huben peker på kompetansebehovene, men tiltakene er ikke "
                "satt i gang.",
                3: "Ingen samlokalisering ennå, så lite nytt for desentral rekruttering.",
                4: "Samarbeidet går gjennom kommunens eget program heller enn egne klynger.",
                5: "Å legge piloten inn i et kommunalt program er en modell andre kan se på.",
            },
            "scores": {1: 4, 2: 3, 3: 2, 4: 3, 5: 4},
            "factors": ["collaboration", "culture"],
            "barriers": ["short_funding"],
            "recommendations": "Avklar forankring, organisering og finansiering av huben.",
        },
    },
}
GOAL_TEXT_BY_SCORE = {
    1: "Lite å vise til ennå.",
    2: "Noen spede tegn, men ikke mer.",
    3: "Tydelig bidrag på deler av målet.",
    4: "Godt bidrag med konkrete resultater.",
    5: "Sterkt bidrag som andre kan lære av.",
}
MILESTONE_DATES = {"midway": D(2023, 3, 15), "final": D(2025, 5, 20)}
REPORT_MONTHS = [(2025, month) for month in range(1, 6)]
REPORT_TEXT = {
    1: ("Oppstart etter forlengelsen; planene for våren er lagt.", "Lite tid igjen av perioden."),
    2: ("Godt besøk på faglunsjen om kunstig intelligens.", "Nøkkelpersoner er sykmeldt."),
    3: ("Arbeid med hvordan driften skal fortsette.", "Finansieringen etter juni er uavklart."),
    4: ("Workshop med partnerne om veien videre.", "Få brukere fra statlige etater."),
    5: ("Sluttrapporten skrives.", "Erfaringene kan gå tapt når prosjektet avsluttes."),
}
