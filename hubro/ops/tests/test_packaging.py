"""Finding 10: a wheel, installed into a fresh virtual environment away from the source
tree, gives a working server and a working `hubro loaddemo`: it carries the front-end
assets (no node_modules at run time), the register's fixtures, the templates and the
compiled translations."""

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import hubro

from .conftest import Server, get, hubro_env, run

ROOT = Path(hubro.__file__).resolve().parent.parent
# The wheel does not depend on the test database: build and install it once, in the
# SQLite run of `make test`.
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="database-independent; runs in the SQLite run",
    ),
]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    (path,) = out.glob("hubro-*.whl")
    return path


def test_the_wheel_carries_assets_fixtures_templates_and_translations(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in (
        "hubro/static/vendor/designsystemet-css/index.css",
        "hubro/static/vendor/designsystemet-theme/digdir.css",
        "hubro/static/vendor/htmx/htmx.min.js",
        "hubro/static/vendor/inter/files/inter-latin-wght-normal.woff2",
        "hubro/registry/fixtures/2025-01-15/enheter_alle.json",
        "hubro/registry/fixtures/2025-06-15/underenheter_alle.csv",
        "hubro/templates/base.html",
        "hubro/locale/nn/LC_MESSAGES/django.mo",
        "hubro/locale/en/LC_MESSAGES/django.mo",
        "hubro/ops/gunicorn.conf.py",
        "hubro/ops/deploy/hubro-web.service",
    ):
        assert expected in names, expected


def test_an_installed_wheel_serves_pages_with_their_css_and_loads_the_demo(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = str(venv / "bin" / "python")
    install = subprocess.run(
        [python, "-m", "pip", "install", "--quiet", f"{wheel}[prod]"],
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    # Away from the source tree: nothing may come from the checkout or node_modules.
    where = subprocess.run(
        [python, "-c", "import hubro, sys; print(hubro.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert str(venv) in where and str(ROOT) not in where
    var = tmp_path / "var"
    env = hubro_env(HUBRO_VAR_DIR=str(var), DATABASE_URL=f"sqlite:///{var}/hubro.sqlite3")
    env["PATH"] = f"{venv / 'bin'}:{env.get('PATH', '')}"
    for command in (
        ["migrate", "--no-input", "-v", "0"],
        ["collectstatic", "--no-input", "-v", "0"],
    ):
        run(*command, env=env, python=python)
    demo = run("loaddemo", env=env, python=python, timeout=900)
    assert demo.returncode == 0
    server = Server(env, workers=1, python=python, log=tmp_path / "server.log")
    try:
        server.wait()
        status, _, page = get(server.url + "/logg-inn/")
        assert status == 200, page[:500]
        styles = re.findall(rb'<link rel="stylesheet" href="([^"]+)"', page)
        assert styles
        for href in styles:
            status, headers, css = get(server.url + href.decode())
            assert status == 200, href
            assert headers["Content-Type"].startswith("text/css")
            assert css
    finally:
        server.stop()
