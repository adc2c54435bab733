"""Finding 12: schemathesis generates requests for every operation of the served
OpenAPI schema against a live server and finds no status that the schema does not list,
and no server error. Bounded: a few examples per operation."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache

from hubro.core.actions import issue_api_token

# Once per `make test`, on the production database (where a NUL byte used to be a 500).
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.slow,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="runs in the PostgreSQL run of make test",
    ),
]


def test_schemathesis_finds_no_undocumented_status_and_no_server_error(
    live_server, hub, desk, kari, settings, tmp_path
):
    settings.HUBRO_API_RATE_PER_TOKEN = 100_000
    settings.HUBRO_API_RATE_PER_ADDRESS = 100_000
    cache.clear()
    token = issue_api_token(kari)
    result = subprocess.run(
        [
            str(Path(sys.executable).with_name("schemathesis")),
            "run",
            f"{live_server.url}/api/v1/openapi.json",
            "--url",
            live_server.url,
            "--header",
            f"Authorization: Bearer {token}",
            "--checks",
            "status_code_conformance,not_a_server_error",
            "--max-examples",
            "5",
            "--phases",
            "examples,coverage,fuzzing",
            "--generation-deterministic",
            "--request-timeout",
            "30",
            "--no-color",
        ],
        capture_output=True,
        text=True,
        timeout=1200,
        cwd=tmp_path,
        env={**os.environ, "SCHEMATHESIS_HOOKS": ""},
    )
    summary = result.stdout[-6000:]
    assert result.returncode == 0, summary
