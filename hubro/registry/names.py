"""Register names as people write them (issue 15).

Enhetsregisteret spells most names in capitals ("NAV LISTER", "ARBEIDS- OG
VELFERDSETATEN"). Pages show them in ordinary Norwegian spelling: the first letter
capital, place names capital (the names of the municipalities and regions Hubro knows),
well-known abbreviations in capitals, the rest small ("Nav Lister", "Arbeids- og
velferdsetaten"). Exports and the API keep the register's own spelling."""

import re

from django.core.cache import cache

# Abbreviations that stay in capitals; company forms and common agencies.
ABBREVIATIONS = frozenset(
    [
        "AS",
        "ASA",
        "ANS",
        "DA",
        "IKS",
        "KF",
        "HF",
        "RHF",
        "SA",
        "SF",
        "BA",
        "NUF",
        "IKT",
        "NTNU",
        "UIB",
        "UIO",
        "UIT",
        "UIA",
        "NMBU",
        "OSLOMET",
        "HVL",
        "USN",
        "NVE",
        "NRK",
        "SSB",
        "DSB",
        "DFØ",
        "FHI",
        "UDI",
        "UDIR",
        "IMDI",
        "NKOM",
        "NHO",
        "LO",
        "KS",
        "PST",
        "NSM",
        "NIBIO",
        "NINA",
        "NGU",
        "NAV",
    ]
)
# Names written with only their first letter in capitals, wherever they stand.
PROPER = {"NAV": "Nav", "NORGE": "Norge", "NORGES": "Norges"}
# Small words that a place name may contain but that stay small inside a name.
SMALL = frozenset({"og", "i", "på", "for", "av", "til", "ved", "under", "med"})

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


# The place words are read again after this many seconds: municipalities seldom change.
PLACES_TTL = 600
PLACES_KEY = "hubro.registry.place-words"


def _place_words() -> frozenset[str]:
    words = cache.get(PLACES_KEY)
    if words is not None:
        return words
    from hubro.core.models import Municipality, Region

    names = list(Municipality.objects.values_list("name", flat=True))
    names += list(Region.objects.values_list("name", flat=True))
    words = set()
    for name in names:
        words.update(w.lower() for w in _WORD.findall(name) if w.lower() not in SMALL)
    words = frozenset(words)
    cache.set(PLACES_KEY, words, PLACES_TTL)
    return words


def readable(name: str) -> str:
    """``name`` in ordinary spelling when the register wrote it all in capitals;
    a name that already has small letters is left as it is."""
    if not name or name != name.upper():
        return name
    places = _place_words()
    first = True

    def word(match):
        nonlocal first
        text = match.group(0)
        was_first, first = first, False
        if text in PROPER:
            return PROPER[text]
        if text in ABBREVIATIONS:
            return text
        lower = text.lower()
        if was_first or lower in places:
            return lower[:1].upper() + lower[1:]
        return lower

    return _WORD.sub(word, name)
