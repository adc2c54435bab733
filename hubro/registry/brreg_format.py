"""Writing records in Enhetsregisteret's published format (JSON array or CSV with
dotted columns), for the shipped fixtures and the benchmark's synthetic files. The
import never uses this module: it reads real and written files the same way."""

import csv
import gzip
import io
import json

API = "https://data.brreg.no/enhetsregisteret/api"

FORMS = {
    "STAT": "Staten",
    "ORGL": "Organisasjonsledd",
    "KOMM": "Kommune",
    "FYLK": "Fylkeskommune",
    "KF": "Kommunalt foretak",
    "AS": "Aksjeselskap",
    "ENK": "Enkeltpersonforetak",
    "FLI": "Forening/lag/innretning",
    "BEDR": "Underenhet til næringsdrivende og offentlig forvaltning",
    "AAFY": "Underenhet til ikke-næringsdrivende",
}
SECTORS = {
    "6100": "Statsforvaltningen",
    "6500": "Kommuneforvaltningen",
    "2100": "Private aksjeselskaper mv.",
    "8200": "Personlig næringsdrivende",
    "7000": "Ideelle organisasjoner",
}
WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)

UNIT_COLUMNS = [
    "organisasjonsnummer",
    "navn",
    "organisasjonsform.kode",
    "organisasjonsform.beskrivelse",
    "naeringskode1.kode",
    "naeringskode1.beskrivelse",
    "harRegistrertAntallAnsatte",
    "antallAnsatte",
    "overordnetEnhet",
    "registreringsdatoEnhetsregisteret",
    "oppstartsdato",
    "nedleggelsesdato",
    "epostadresse",
    "telefon",
    "beliggenhetsadresse.land",
    "beliggenhetsadresse.landkode",
    "beliggenhetsadresse.postnummer",
    "beliggenhetsadresse.poststed",
    "beliggenhetsadresse.adresse",
    "beliggenhetsadresse.kommune",
    "beliggenhetsadresse.kommunenummer",
]
ENTITY_COLUMNS = [
    "organisasjonsnummer",
    "navn",
    "organisasjonsform.kode",
    "organisasjonsform.beskrivelse",
    "institusjonellSektorkode.kode",
    "institusjonellSektorkode.beskrivelse",
    "overordnetEnhet",
    "naeringskode1.kode",
    "naeringskode1.beskrivelse",
    "harRegistrertAntallAnsatte",
    "antallAnsatte",
    "registreringsdatoEnhetsregisteret",
    "forretningsadresse.land",
    "forretningsadresse.landkode",
    "forretningsadresse.postnummer",
    "forretningsadresse.poststed",
    "forretningsadresse.adresse",
    "forretningsadresse.kommune",
    "forretningsadresse.kommunenummer",
]


def check_digit(first8: str) -> int | None:
    remainder = sum(int(d) * w for d, w in zip(first8, WEIGHTS, strict=True)) % 11
    digit = 0 if remainder == 0 else 11 - remainder
    return None if digit == 10 else digit


def orgnr_from(number: int) -> str:
    """A valid (MOD11) organisasjonsnummer near ``number`` (eight digits, < 10^8)."""
    while True:
        first8 = f"{number % 100_000_000:08d}"
        digit = check_digit(first8)
        if digit is not None and first8[0] in "89":
            return first8 + str(digit)
        if first8[0] not in "89":
            number = 80_000_000 + number % 20_000_000
        else:
            number += 1


def _form(code):
    return {
        "kode": code,
        "beskrivelse": FORMS.get(code, code),
        "_links": {"self": {"href": f"{API}/organisasjonsformer/{code}"}},
    }


def _address(street, postcode, place, kommune, number):
    return {
        "land": "Norge",
        "landkode": "NO",
        "postnummer": postcode,
        "poststed": place,
        "adresse": [street] if street else [],
        "kommune": kommune,
        "kommunenummer": number,
    }


def entity_record(
    orgnr,
    name,
    form,
    sector,
    *,
    parent=None,
    municipality=("0301", "OSLO"),
    employees=None,
    nace=("84.110", "Generell offentlig administrasjon"),
    registered="2000-01-01",
    street="Postboks 1",
    postcode="0030",
    place="OSLO",
):
    record = {
        "organisasjonsnummer": orgnr,
        "navn": name,
        "organisasjonsform": _form(form),
        "postadresse": _address(street, postcode, place, municipality[1], municipality[0]),
        "registreringsdatoEnhetsregisteret": registered,
        "registrertIMvaregisteret": False,
        "naeringskode1": {"kode": nace[0], "beskrivelse": nace[1]},
        "harRegistrertAntallAnsatte": employees is not None,
        "forretningsadresse": _address(street, postcode, place, municipality[1], municipality[0]),
        "institusjonellSektorkode": {"kode": sector, "beskrivelse": SECTORS.get(sector, "")},
        "registrertIForetaksregisteret": False,
        "registrertIStiftelsesregisteret": False,
        "registrertIFrivillighetsregisteret": False,
        "konkurs": False,
        "underAvvikling": False,
        "underTvangsavviklingEllerTvangsopplosning": False,
        "maalform": "Bokmål",
        "_links": {"self": {"href": f"{API}/enheter/{orgnr}"}},
    }
    if employees is not None:
        record["antallAnsatte"] = employees
    if parent:
        record["overordnetEnhet"] = parent
        record["_links"]["overordnetEnhet"] = {"href": f"{API}/enheter/{parent}"}
    return record


def unit_record(
    orgnr,
    name,
    parent,
    municipality,
    *,
    employees=None,
    form="BEDR",
    nace=(
        "84.120",
        "Offentlig administrasjon tilknyttet helsestell, sosial"
        " virksomhet, undervisning, kirke, kultur og miljøvern",
    ),
    street="Storgata 1",
    postcode="4580",
    place="LYNGDAL",
    registered="2005-03-01",
    started="2005-03-01",
    closed=None,
    email=None,
    phone=None,
):
    record = {
        "organisasjonsnummer": orgnr,
        "navn": name,
        "organisasjonsform": _form(form),
        "registreringsdatoEnhetsregisteret": registered,
        "registrertIMvaregisteret": False,
        "naeringskode1": {"kode": nace[0], "beskrivelse": nace[1]},
        "harRegistrertAntallAnsatte": employees is not None,
        "overordnetEnhet": parent,
        "oppstartsdato": started,
        "beliggenhetsadresse": _address(street, postcode, place, municipality[1], municipality[0]),
        "_links": {
            "self": {"href": f"{API}/underenheter/{orgnr}"},
            "overordnetEnhet": {"href": f"{API}/enheter/{parent}"},
        },
    }
    if employees is not None:
        record["antallAnsatte"] = employees
    if closed:
        record["nedleggelsesdato"] = closed
    if email:
        record["epostadresse"] = email
    if phone:
        record["telefon"] = phone
    return record


def flatten(record: dict, columns: list[str]) -> list[str]:
    row = []
    for column in columns:
        value = record
        for part in column.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if value is None:
            row.append("")
        elif isinstance(value, bool):
            row.append("true" if value else "false")
        elif isinstance(value, list):
            row.append(", ".join(value))
        else:
            row.append(str(value))
    return row


class JsonArrayWriter:
    """Writes records as one JSON array, streaming, optionally gzip-compressed."""

    def __init__(self, path, *, compress=False, level=6):
        raw = open(path, "wb")  # noqa: SIM115
        self.raw = raw
        self.out = gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=level) if compress else raw
        self.first = True
        self.out.write(b"[")

    def write(self, record):
        data = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode()
        self.out.write(data if self.first else b"," + data)
        self.first = False

    def close(self):
        self.out.write(b"]")
        if self.out is not self.raw:
            self.out.close()
        self.raw.close()


class CsvWriter:
    def __init__(self, path, columns, *, compress=False, level=6):
        raw = open(path, "wb")  # noqa: SIM115
        self.raw = raw
        self.binary = (
            gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=level) if compress else raw
        )
        self.text = io.TextIOWrapper(self.binary, encoding="utf-8", newline="")
        self.columns = columns
        self.writer = csv.writer(self.text)
        self.writer.writerow(columns)

    def write(self, record):
        self.writer.writerow(flatten(record, self.columns))

    def close(self):
        self.text.flush()
        self.text.detach()
        if self.binary is not self.raw:
            self.binary.close()
        self.raw.close()
