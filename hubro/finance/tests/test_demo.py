"""The finance demo: idempotent, and its coordinator sees the own statement."""

import datetime as dt

import pytest
from django.urls import reverse

from hubro.core.demo import build_demo
from hubro.core.demo import organizations as orgs
from hubro.core.models import Person
from hubro.finance import demo


@pytest.mark.django_db
def test_the_demo_is_idempotent_and_its_coordinator_sees_the_statement(places, client):
    build_demo(today=dt.date(2026, 11, 28))
    again = build_demo(today=dt.date(2026, 11, 28))
    assert not again.created_anything, again.new
    assert again.counts["agreements"] > 20
    ((email, _description),) = demo.accounts()
    assert (email, _description) in again.accounts
    client.force_login(Person.objects.get(email=email))
    assert client.get(reverse("finance:index")).status_code == 200
    url = reverse("finance:statement", args=["regionlab-lister", 2026, orgs.LYNGDAL])
    response = client.get(url)
    assert response.status_code == 200
    assert "Lyngdal kommune" in response.content.decode()
    other = reverse("finance:statement", args=["regionlab-lister", 2026, orgs.FARSUND])
    assert client.get(other).status_code == 404
    assert client.get(reverse("finance:hub", args=["regionlab-lister"])).status_code == 404
