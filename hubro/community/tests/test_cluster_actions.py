"""Creating clusters and adding members: the rules and their codes."""

import pytest

from hubro.community.actions import (
    add_cluster_organization,
    add_cluster_person,
    create_cluster,
)
from hubro.core.errors import Conflict, Invalid
from hubro.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_a_cluster_needs_a_name_and_a_home_hub(world):
    with pytest.raises(Invalid) as no_name:
        create_cluster(name=" ", home_hubs=[world], actor=None)
    assert no_name.value.code == "name_required"
    with pytest.raises(Invalid) as no_hub:
        create_cluster(name="KI", home_hubs=[], actor=None)
    assert no_hub.value.code == "home_hub_required"


def test_a_cluster_cannot_end_before_it_starts(world):
    import datetime as dt

    with pytest.raises(Invalid) as error:
        create_cluster(
            name="KI",
            home_hubs=[world],
            started_on=dt.date(2025, 1, 2),
            ended_on=dt.date(2025, 1, 1),
            actor=None,
        )
    assert error.value.code == "ends_before_start"


def test_slugs_fold_norwegian_letters_and_stay_unique(world, vera):
    first = create_cluster(name="Bærekraftig økonomi på Ås", home_hubs=[world], actor=vera)
    second = create_cluster(name="Bærekraftig økonomi på Ås", home_hubs=[world], actor=vera)
    assert first.slug == "baerekraftig-okonomi-pa-as"
    assert second.slug == "baerekraftig-okonomi-pa-as-2"
    assert AuditEntry.objects.filter(action="cluster.create", hub=world).count() == 2


def test_an_organization_or_person_joins_only_once(cluster, nav, kari):
    with pytest.raises(Conflict) as org:
        add_cluster_organization(cluster, organization=nav, actor=None)
    assert org.value.code == "already_member"
    with pytest.raises(Conflict) as person:
        add_cluster_person(cluster, person=kari, actor=None)
    assert person.value.code == "already_member"


def test_a_person_takes_part_only_for_their_own_organization(cluster, agder_fk, vera):
    cluster.people.filter(person__email="vera@lyngdal.test").delete()
    with pytest.raises(Invalid) as error:
        add_cluster_person(cluster, person=vera, organization=agder_fk, actor=None)
    assert error.value.code == "not_member_of_organization"


def test_there_is_one_contact_person(cluster, kari):
    cluster.people.filter(person=kari).delete()
    add_cluster_person(cluster, person=kari, is_contact=True, actor=None)
    cluster.refresh_from_db()
    assert cluster.contact_person == kari
    assert list(cluster.people.filter(is_contact=True).values_list("person", flat=True)) == [
        kari.pk
    ]
