"""The wheel's build step (pyproject.toml holds everything else): copy the front-end
packages from node_modules into the wheel's hubro/static/vendor/ and compile the
translations, so that an installed Hubro needs neither node_modules nor gettext.

Build with `python -m build --wheel` after `npm ci` (docs/production.md)."""

import importlib.util
import shutil
import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


def _vendor_map():
    spec = importlib.util.spec_from_file_location("hubro_vendor", ROOT / "hubro" / "vendor.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.PACKAGES, module.SUFFIXES


class BuildWithAssets(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            # `pip install -e .` (make install) serves from the checkout: settings.py
            # finds the assets in node_modules, which may not be installed yet.
            return
        target = Path(self.build_lib) / "hubro"
        self._copy_vendor(target / "static" / "vendor")
        self._compile_messages(target / "locale")

    def _copy_vendor(self, out: Path):
        packages, suffixes = _vendor_map()
        node_modules = ROOT / "node_modules"
        for name, source in packages.items():
            origin = node_modules / source
            if not origin.is_dir():
                raise SystemExit(f"{origin} is missing: run `npm ci` before building the wheel")
            for path in origin.rglob("*"):
                if path.is_file() and path.suffix in suffixes:
                    destination = out / name / path.relative_to(origin)
                    destination.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(path, destination)

    def _compile_messages(self, out: Path):
        for po in (ROOT / "hubro" / "locale").glob("*/LC_MESSAGES/django.po"):
            mo = out / po.relative_to(ROOT / "hubro" / "locale").with_suffix(".mo")
            mo.parent.mkdir(parents=True, exist_ok=True)
            if shutil.which("msgfmt") is None:
                raise SystemExit("msgfmt (GNU gettext) is needed to build the wheel")
            subprocess.run(["msgfmt", "--check", "-o", str(mo), str(po)], check=True)


setup(cmdclass={"build_py": BuildWithAssets})
