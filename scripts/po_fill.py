"""Fill the nynorsk and English catalogues from a table, and list what is missing.

    python scripts/po_fill.py gaps              # every msgid without nn or en text
    python scripts/po_fill.py fill table.tsv    # msgid<TAB>nynorsk<TAB>english per line

Run `make messages` first, so that the catalogues hold every msgid in the code. Filling
clears the "fuzzy" flag that msgmerge sets on its guesses. A plural entry takes its
forms separated by " || " (singular || plural). Lines starting with # are comments.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parents[1] / "hubro" / "locale"
TARGETS = ("nn", "en")


def _catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"), wrapwidth=79)


def _rewrap(path: Path) -> None:
    # polib wraps lines its own way; msgcat gives back gettext's, as `make messages` does,
    # so that filling a catalogue does not reflow entries it did not touch.
    if shutil.which("msgcat"):
        subprocess.run(["msgcat", "-o", str(path), str(path)], check=True)


def gaps() -> int:
    missing = 0
    for language in TARGETS:
        for entry in _catalogue(language):
            if entry.obsolete:
                continue
            forms = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
            if entry.fuzzy or not all(forms):
                missing += 1
                print(f"{language}\t{entry.msgid}")
    return 1 if missing else 0


def fill(table: Path) -> int:
    rows = {}
    for number, line in enumerate(table.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            print(f"{table}:{number}: expected msgid<TAB>nn<TAB>en, got {len(parts)} columns")
            return 2
        rows[parts[0]] = {"nn": parts[1], "en": parts[2]}
    for language in TARGETS:
        po = _catalogue(language)
        changed = 0
        for entry in po:
            row = rows.get(entry.msgid)
            if row is None or entry.obsolete:
                continue
            text = row[language]
            if entry.msgid_plural:
                forms = text.split(" || ")
                entry.msgstr_plural = {i: forms[min(i, len(forms) - 1)] for i in range(2)}
            else:
                entry.msgstr = text
            if entry.fuzzy:
                entry.flags.remove("fuzzy")
            entry.previous_msgid = None
            entry.previous_msgid_plural = None
            changed += 1
        po.save()
        _rewrap(Path(po.fpath))
        print(f"{language}: {changed} entries filled")
    unknown = [msgid for msgid in rows if msgid not in {e.msgid for e in _catalogue("nn")}]
    for msgid in unknown:
        print(f"not in the catalogue (run `make messages`?): {msgid}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 2 and sys.argv[1] == "gaps":
        sys.exit(gaps())
    if len(sys.argv) == 3 and sys.argv[1] == "fill":
        sys.exit(fill(Path(sys.argv[2])))
    print(__doc__)
    sys.exit(2)
