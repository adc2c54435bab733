"""``hubro deployfiles DIR``: the systemd units (and an nginx site) for this
installation, with the path of this ``hubro`` and of the environment file filled in."""

import shutil
import sys
from pathlib import Path

from django.core.management.base import BaseCommand

TEMPLATES = Path(__file__).resolve().parents[2] / "deploy"


class Command(BaseCommand):
    help = "Write Hubro's systemd units and an nginx site for this installation into DIR."

    def add_arguments(self, parser):
        parser.add_argument("directory")
        parser.add_argument("--env-file", default="/etc/hubro/hubro.env")
        parser.add_argument("--user", default="hubro")

    def handle(self, *args, directory, env_file, user, **options):
        out = Path(directory)
        out.mkdir(parents=True, exist_ok=True)
        hubro = shutil.which("hubro", path=str(Path(sys.executable).parent)) or "hubro"
        values = {"@HUBRO@": hubro, "@ENV_FILE@": env_file, "@USER@": user}
        for template in sorted(TEMPLATES.iterdir()):
            if template.suffix not in {".service", ".timer", ".conf"}:
                continue
            text = template.read_text(encoding="utf-8")
            for placeholder, value in values.items():
                text = text.replace(placeholder, value)
            (out / template.name).write_text(text, encoding="utf-8")
            self.stdout.write(str(out / template.name))
