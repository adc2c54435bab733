"""Finding 7: the API is rate-limited per token and per client address, and answers
429 with Retry-After in the {code, detail} shape. The counters live in the default
cache (test_scale_out.py shows them shared between two servers through Redis)."""

import pytest
from django.test import Client

from hubro.core.actions import issue_api_token

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_counters(fresh_cache):
    """Each test counts its own requests."""


def statuses(client, n, path="/api/v1/hubs"):
    return [client.get(path).status_code for _ in range(n)]


def test_a_token_over_its_limit_gets_429_with_retry_after(hub, kari, ola, settings):
    settings.HUBRO_API_RATE_PER_TOKEN = 3
    kari_client = Client(headers={"Authorization": f"Bearer {issue_api_token(kari)}"})
    assert statuses(kari_client, 3) == [200, 200, 200]
    refused = kari_client.get("/api/v1/hubs")
    assert refused.status_code == 429
    assert refused.json()["code"] == "rate_limited"
    assert 1 <= int(refused["Retry-After"]) <= 60
    # Another token from the same address has its own count.
    ola_client = Client(headers={"Authorization": f"Bearer {issue_api_token(ola)}"})
    assert statuses(ola_client, 1) == [200]


def test_an_address_over_its_limit_gets_429_whatever_the_token(hub, kari, settings):
    settings.HUBRO_API_RATE_PER_ADDRESS = 4
    guessing = Client(REMOTE_ADDR="192.0.2.7")
    answers = [
        guessing.get("/api/v1/hubs", headers={"Authorization": f"Bearer guess-{n}"}).status_code
        for n in range(6)
    ]
    assert answers == [401, 401, 401, 401, 429, 429]
    elsewhere = Client(
        REMOTE_ADDR="192.0.2.8", headers={"Authorization": f"Bearer {issue_api_token(kari)}"}
    )
    assert statuses(elsewhere, 1) == [200]
