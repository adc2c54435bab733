"""A NUL character in a slug or filter (query string or API path) answers like any
unknown value, never a 500: PostgreSQL refuses NUL in a query."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/prosjekter/?cluster=%00&hub=%00",
        "/prosjekter/?cluster=landbruk%00",
        "/prosjekter/ny/?hub=%00&klynge=%00",
    ],
)
def test_a_nul_character_in_a_page_filter_is_ignored(path, cluster, project_at_hub, vera):
    client = Client(raise_request_exception=False)
    client.force_login(vera)
    response = client.get(path)
    assert response.status_code == 200


@pytest.mark.parametrize(
    "path, status, code",
    [
        ("/api/v1/projects?hub=%00", 422, "unknown_hub"),
        ("/api/v1/projects?cluster=%00", 422, "unknown_cluster"),
        ("/api/v1/clusters/landbruk%00", 404, "not_found"),
        ("/api/v1/projects/x%00", 404, "not_found"),
        ("/api/v1/regions/lister%00", 404, "not_found"),
    ],
)
def test_a_nul_character_in_the_api_is_an_ordinary_error(
    path, status, code, cluster, project_at_hub, kari, api_as
):
    api = api_as(kari)
    api.client.raise_request_exception = False
    response = api.get(path)
    assert response.status_code == status
    assert response.json()["code"] == code


def test_a_home_hub_id_past_64_bits_is_a_field_error(world, vera):
    client = Client(raise_request_exception=False)
    client.force_login(vera)
    response = client.post(
        "/klynger/ny/", {"name": "Stor id", "home_hubs": "99999999999999999999999"}
    )
    assert response.status_code in (200, 422)
    assert 'id="id_home_hubs-error"' in response.content.decode()
