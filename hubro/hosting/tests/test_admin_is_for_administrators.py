"""The Django admin is for administrators only; hosts work in Hubro's own pages and
reach them from the hub's page and the menu."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_host_has_no_admin_even_with_the_staff_flag(client, vera):
    client.force_login(vera)
    assert client.get("/admin/").status_code == 302  # to the admin's sign-in
    vera.is_staff = True
    vera.save()
    assert client.get("/admin/spaces/hub/").status_code == 302


def test_an_administrator_has_the_admin(client, admin_person):
    client.force_login(admin_person)
    assert client.get("/admin/spaces/hub/").status_code == 200


def test_manage_the_hub_leads_to_the_hosts_workspace_not_the_admin(client, vera, hub):
    client.force_login(vera)
    page = client.get("/huber/testlab/").content.decode()
    assert 'href="/vert/testlab/">Administrer huben</a>' in page
    assert "/admin/" not in page


def test_the_menu_offers_the_workspace_to_hosts_and_the_admin_to_administrators(
    client, vera, admin_person, kari, hub
):
    client.force_login(vera)
    page = client.get("/huber/").content.decode()
    assert 'href="/vert/testlab/">Vertsside</a>' in page and "/admin/" not in page
    client.force_login(kari)
    page = client.get("/huber/").content.decode()
    assert "/vert/" not in page and "/admin/" not in page
    client.force_login(admin_person)
    assert 'href="/admin/"' in client.get("/huber/").content.decode()
