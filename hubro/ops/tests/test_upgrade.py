"""Upgrades: a database made by the previous release – its migrations, with its demo
loaded by its own code – migrates to the current schema, on SQLite and on PostgreSQL,
and the demo still works: nothing lost, no migration pending, pages and the API
answer."""

import json
import subprocess
import tarfile
from pathlib import Path

import pytest

import hubro

from .conftest import Server, get, hubro_env, run, scratch_database

# The release before this one: the last that landed on main before this wave.
PREVIOUS_RELEASE = "9966d20f7bc2010d39d80500a34703a7513f6d17"
ROOT = Path(hubro.__file__).resolve().parent.parent
COUNTS = (
    "import json; from django.apps import apps; "
    "print(json.dumps({m._meta.label: m._base_manager.count() for m in apps.get_models()"
    " if m._meta.app_label.startswith(('core','spaces','bookings','events','community',"
    "'finance','registry','programme','handbook'))}))"
)
pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture(scope="module")
def previous_release(tmp_path_factory):
    """The previous release's source, exported from git (no checkout is touched)."""
    out = tmp_path_factory.mktemp("previous")
    archive = out / "release.tar"
    result = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", "-o", str(archive), PREVIOUS_RELEASE],
        capture_output=True,
        text=True,
    )
    if result.returncode:
        pytest.fail(f"git cannot export the previous release: {result.stderr}")
    with tarfile.open(archive) as tar:
        tar.extractall(out / "src", filter="data")
    (out / "src" / "node_modules").symlink_to(ROOT / "node_modules")
    return out / "src"


@pytest.fixture
def empty_database(tmp_path):
    with scratch_database(tmp_path, "upgrade") as url:
        yield url


def old(previous_release, *args, env):
    """A command of the previous release's code (its own hubro package first)."""
    result = subprocess.run(
        ["python", "-m", "hubro.cli", *args],
        cwd=previous_release,
        env={
            **env,
            "PYTHONPATH": str(previous_release),
            "PATH": f"{ROOT / '.venv/bin'}:/usr/bin:/bin",
        },
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def test_a_database_of_the_previous_release_with_its_demo_upgrades(
    previous_release, empty_database, tmp_path
):
    env = hubro_env(DATABASE_URL=empty_database, HUBRO_VAR_DIR=str(tmp_path / "var"))
    old(previous_release, "migrate", "--no-input", "-v", "0", env=env)
    old(previous_release, "loaddemo", env=env)
    before = json.loads(old(previous_release, "shell", "-v", "0", "-c", COUNTS, env=env).stdout)
    assert before["bookings.Booking"] > 0

    run("migrate", "--no-input", "-v", "1", env=env)
    after = json.loads(run("shell", "-v", "0", "-c", COUNTS, env=env).stdout)
    for label, count in before.items():
        assert after.get(label) == count, label
    run("collectstatic", "--no-input", "-v", "0", env=env)
    token = run("token", "create", "ansatt@demo.hubro.test", env=env).stdout.strip().split()[-1]
    server = Server(env, workers=1, log=tmp_path / "server.log")
    try:
        server.wait()
        status, _, ready = get(server.url + "/readyz")
        assert status == 200, ready
        assert get(server.url + "/arrangementer/")[0] == 200
        status, _, hubs = get(server.url + "/api/v1/hubs", {"Authorization": f"Bearer {token}"})
        assert status == 200
        assert json.loads(hubs), "the demo's hubs are gone"
    finally:
        server.stop()
