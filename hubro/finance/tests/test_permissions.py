"""Hosts and administrators see a hub's finances; coordinators see their own
organization's agreements and statements; anyone else gets a 404, in UI and API."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from conftest import make_person
from hubro.core.models import Membership
from hubro.finance import actions

from .test_validation import PDF


@pytest.fixture
def deals(hub, vera, four):
    nav, farsund, _kvinesdal, _lyngdal = four
    return {
        org: actions.save_agreement(
            hub,
            actor=vera,
            organization=org,
            starts_on=dt.date(2025, 1, 1),
            ends_on=dt.date(2025, 12, 31),
            status="signed",
            basis="fixed",
            yearly_amount=Decimal("1000"),
        )
        for org in (nav, farsund)
    }


@pytest.fixture
def member_of_farsund(farsund):
    return make_person("medlem@farsund.test", farsund, name="Mona Medlem")


@pytest.mark.django_db
def test_a_member_without_rights_gets_404_on_another_organizations_agreement(
    client, api_as, deals, nav, member_of_farsund
):
    nav_deal = deals[nav]
    client.force_login(member_of_farsund)
    assert client.get(reverse("finance:agreement", args=[nav_deal.pk])).status_code == 404
    assert client.get(reverse("finance:agreement_edit", args=[nav_deal.pk])).status_code == 404
    response = api_as(member_of_farsund).get(f"/api/v1/finance/agreements/{nav_deal.pk}")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


@pytest.mark.django_db
def test_a_plain_member_sees_nothing_of_the_finances(
    client, api_as, hub, deals, farsund, member_of_farsund
):
    client.force_login(member_of_farsund)
    own = deals[farsund]
    for url in [
        reverse("finance:index"),
        reverse("finance:hub", args=[hub.slug]),
        reverse("finance:budget", args=[hub.slug, 2025]),
        reverse("finance:keys", args=[hub.slug, 2025]),
        reverse("finance:agreements", args=[hub.slug]),
        reverse("finance:agreement", args=[own.pk]),
        reverse("finance:statement", args=[hub.slug, 2025, farsund.orgnr]),
        reverse("finance:statement_xlsx", args=[hub.slug, 2025, farsund.orgnr]),
    ]:
        assert client.get(url).status_code == 404, url
    api = api_as(member_of_farsund)
    for path in [
        f"/api/v1/hubs/{hub.slug}/finance/2025",
        f"/api/v1/hubs/{hub.slug}/finance/2025/budget",
        f"/api/v1/hubs/{hub.slug}/finance/2025/shares",
        f"/api/v1/hubs/{hub.slug}/finance/coverage",
        f"/api/v1/hubs/{hub.slug}/finance/agreements",
        f"/api/v1/hubs/{hub.slug}/finance/2025/statements/{farsund.orgnr}",
        f"/api/v1/finance/agreements/{own.pk}",
    ]:
        assert api.get(path).status_code == 404, path
    page = client.get(reverse("spaces:hub_list"))
    assert reverse("finance:index") not in page.content.decode()


@pytest.mark.django_db
def test_a_coordinator_sees_the_own_agreement_and_statement_but_not_others(
    client, api_as, hub, deals, nav, farsund, coordinator_farsund
):
    client.force_login(coordinator_farsund)
    assert client.get(reverse("finance:agreement", args=[deals[farsund].pk])).status_code == 200
    assert client.get(reverse("finance:agreement", args=[deals[nav].pk])).status_code == 404
    assert (
        client.get(reverse("finance:statement", args=[hub.slug, 2025, farsund.orgnr])).status_code
        == 200
    )
    assert (
        client.get(reverse("finance:statement", args=[hub.slug, 2025, nav.orgnr])).status_code
        == 404
    )
    # Seeing is not editing: the hub's pages and the edit form stay hidden.
    assert client.get(reverse("finance:hub", args=[hub.slug])).status_code == 404
    assert (
        client.get(reverse("finance:agreement_edit", args=[deals[farsund].pk])).status_code == 404
    )
    index = client.get(reverse("finance:index"))
    assert index.status_code == 200
    assert "Økonomi" in client.get(reverse("spaces:hub_list")).content.decode()
    api = api_as(coordinator_farsund)
    listed = api.get(f"/api/v1/hubs/{hub.slug}/finance/agreements").json()
    assert [row["orgnr"] for row in listed] == [farsund.orgnr]
    assert api.get(f"/api/v1/hubs/{hub.slug}/finance/2025").status_code == 404


@pytest.mark.django_db
def test_a_coordinator_does_not_see_drafts(client, hub, vera, farsund, coordinator_farsund):
    draft = actions.save_agreement(
        hub,
        actor=vera,
        organization=farsund,
        starts_on=dt.date(2025, 1, 1),
        ends_on=dt.date(2025, 12, 31),
        status="draft",
        basis="share",
    )
    client.force_login(coordinator_farsund)
    assert client.get(reverse("finance:agreement", args=[draft.pk])).status_code == 404


@pytest.mark.django_db
def test_documents_are_served_only_to_those_who_see_the_agreement(
    client,
    hub,
    vera,
    deals,
    farsund,
    nav,
    coordinator_farsund,
    coordinator_nav,
    settings,
    tmp_path,
):
    settings.MEDIA_ROOT = tmp_path
    document = actions.attach_document(
        deals[farsund], actor=vera, title="Avtale", upload=SimpleUploadedFile("a.pdf", PDF)
    )
    url = reverse("finance:document", args=[document.pk])
    client.force_login(coordinator_farsund)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF
    client.force_login(coordinator_nav)
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_hosts_and_admins_see_the_menu_entry_and_the_hub(client, hub, vera, admin_person, kari):
    for person in (vera, admin_person):
        client.force_login(person)
        assert client.get(reverse("finance:hub", args=[hub.slug])).status_code == 200
        assert reverse("finance:index") in client.get(reverse("spaces:hub_list")).content.decode()
    client.force_login(kari)
    assert reverse("finance:index") not in client.get(reverse("spaces:hub_list")).content.decode()


@pytest.mark.django_db
def test_a_coordinator_of_another_organization_is_not_a_host(client, hub, nav):
    person = make_person("k2@nav.test", nav, role=Membership.Role.COORDINATOR)
    client.force_login(person)
    assert client.get(reverse("finance:budget", args=[hub.slug, 2025])).status_code == 404


@pytest.mark.django_db
def test_a_coordinator_sees_no_statement_of_a_hub_the_organization_has_nothing_to_do_with(
    client, api_as, hub, lyngdal, lyngdal_kommune, farsund, coordinator_farsund
):
    from hubro.finance.models import CostLine
    from hubro.spaces.models import Hub

    other = Hub.objects.create(
        name="Annen hub", slug="annen", municipality=lyngdal, host_organization=lyngdal_kommune
    )
    CostLine.objects.create(hub=other, year=2025, category="rent", planned=Decimal("777000"))
    client.force_login(coordinator_farsund)
    for name in ("finance:statement", "finance:statement_xlsx"):
        response = client.get(reverse(name, args=[other.slug, 2025, farsund.orgnr]))
        assert response.status_code == 404, name
    response = api_as(coordinator_farsund).get(
        f"/api/v1/hubs/{other.slug}/finance/2025/statements/{farsund.orgnr}"
    )
    assert response.status_code == 404
    # Farsund is a member of the hub of the ``four`` fixture's kind: there it sees its own.
    hub.member_organizations.add(farsund)
    url = reverse("finance:statement", args=[hub.slug, 2025, farsund.orgnr])
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_deleting_an_agreement_removes_its_files_after_commit_and_only_a_host_may(
    client,
    hub,
    vera,
    deals,
    farsund,
    coordinator_farsund,
    settings,
    tmp_path,
    django_capture_on_commit_callbacks,
):
    from hubro.finance.models import Agreement

    settings.MEDIA_ROOT = tmp_path
    deal = deals[farsund]
    document = actions.attach_document(
        deal, actor=vera, title="Avtale", upload=SimpleUploadedFile("a.pdf", PDF)
    )
    stored = tmp_path / document.file.name
    assert stored.exists()
    url = reverse("finance:agreement_delete", args=[deal.pk])
    client.force_login(coordinator_farsund)
    assert client.post(url).status_code == 404
    assert Agreement.objects.filter(pk=deal.pk).exists()
    client.force_login(vera)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert client.post(url).status_code == 302
    assert not Agreement.objects.filter(pk=deal.pk).exists()
    assert stored.exists()  # nothing is removed before the transaction commits
    for callback in callbacks:
        callback()
    assert not stored.exists()
