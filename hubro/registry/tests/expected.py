"""What the shipped fixtures must give (see ``hubro/registry/fixtures/build.py``)."""

NAV, SKATT, POD, MATTIL, NVE = "889640782", "974761076", "982531950", "985399077", "970205039"
KDD, SF_VESTLAND = "972417858", "974760665"

# The open state units of the second snapshot per municipality: (name, agency, employees).
STATE_UNITS_SECOND = {
    "4225": {
        ("NAV LYNGDAL", NAV, 25),
        ("SKATTEETATEN LYNGDAL", SKATT, 12),
        ("MATTILSYNET KVINESDAL", MATTIL, 7),
    },
    "4206": {("NAV FARSUND", NAV, 15)},
    "4207": {("NAV FLEKKEFJORD", NAV, 18), ("LISTER POLITISTASJON", POD, 30)},
    "4227": {("KVINESDAL LENSMANNSKONTOR", POD, None)},
    "4649": {
        ("NAV STAD", NAV, 14),
        ("SKATTEETATEN STAD", SKATT, 16),
        ("NORDFJORDEID LENSMANNSKONTOR", POD, 8),
        ("KDD DISTRIKTSKONTOR STAD", KDD, 3),
        ("STATSFORVALTAREN I VESTLAND NORDFJORDEID", SF_VESTLAND, 4),
    },
    "4651": {("NAV STRYN", NAV, 9), ("MATTILSYNET STRYN", MATTIL, 5)},
    "1806": {
        ("NAV NARVIK", NAV, 30),
        ("SKATTEETATEN NARVIK", SKATT, 20),
        ("NARVIK POLITISTASJON", POD, 45),
        ("NVE NARVIK", NVE, 11),
    },
    "5503": {("NAV HARSTAD", NAV, 35)},
    "1805": {("NVE OFOTEN ANLEGG", NVE, 2)},
}

# Open state units per agency in the second snapshot.
AGENCY_UNITS_SECOND = {NAV: 7, SKATT: 3, POD: 4, MATTIL: 2, NVE: 2, KDD: 1, SF_VESTLAND: 1}

# Changes from the first to the second snapshot:
# (name, kind, municipality before, after, employees before, after, date)
CHANGES_SECOND = {
    ("NAV SIRDAL", "closed", "4228", "4228", 3, 3, "2025-03-31"),
    ("SKATTEETATEN FLEKKEFJORD", "closed", "4207", "", 6, None, "2025-06-15"),
    ("MATTILSYNET KVINESDAL", "moved", "4227", "4225", 7, 7, "2025-06-15"),
    ("NAV NARVIK", "resized", "1806", "1806", 40, 30, "2025-06-15"),
    ("SKATTEETATEN STAD", "resized", "4649", "4649", 12, 16, "2025-06-15"),
    ("STATSFORVALTAREN I VESTLAND NORDFJORDEID", "new", "", "4649", None, 4, "2025-06-15"),
    ("LYNGDAL KULTURHUS", "new", "", "4225", None, 5, "2025-06-15"),
}

# The saved feed applied after the second snapshot.
CHANGES_FEED = {
    ("NAV KVINESDAL", "new", "", "4227", None, 6, "2025-07-01"),
    ("NAV LYNGDAL", "resized", "4225", "4225", 25, 18, "2025-07-01"),
    ("KVINESDAL LENSMANNSKONTOR", "closed", "4227", "", None, None, "2025-07-01"),
}


def change_set(changes):
    return {
        (
            c.name,
            c.kind,
            c.municipality_before,
            c.municipality_after,
            c.employees_before,
            c.employees_after,
            c.date.isoformat(),
        )
        for c in changes
    }
