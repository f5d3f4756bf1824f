"""The data migration that gives existing topics and issues their owner, and the role
rights it grants."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group

from newsletters.factories import IssueFactory
from newsletters.models import Issue, Topic

pytestmark = pytest.mark.django_db

owners = importlib.import_module("newsletters.migrations.0004_existing_topics_and_role_rights")


@pytest.fixture
def before_municipalities(db):
    """Topics and issues as they were: regional (no municipality)."""
    IssueFactory(subject="Stary numer")
    Topic.objects.update(municipality=None)
    Issue.objects.update(municipality=None)


def test_a_single_city_portal_keeps_its_topics_and_issues(before_municipalities):
    from municipalities.models import Municipality

    city = Municipality.objects.get()
    owners.assign_owner(apps, None)
    assert set(Topic.objects.values_list("municipality", flat=True)) == {city.pk}
    assert Issue.objects.get().municipality == city
    assert Topic.objects.filter(municipality=city).count() == 17  # 5 kinds + 12 areas


def test_with_a_regional_operator_they_become_regional(before_municipalities):
    from municipalities.kinds import MunicipalityKind
    from municipalities.services import MunicipalityData, add_municipality

    add_municipality(
        MunicipalityData(name="Związek Testowy", kind=MunicipalityKind.ASSOCIATION, slug="zwiazek")
    )
    owners.assign_owner(apps, None)
    assert set(Topic.objects.values_list("municipality", flat=True)) == {None}
    assert Issue.objects.get().municipality is None


def test_without_municipalities_they_stay_regional(before_municipalities):
    from municipalities.models import Municipality

    Municipality.objects.all().delete()
    owners.assign_owner(apps, None)
    assert set(Topic.objects.values_list("municipality", flat=True)) == {None}


def test_backwards_makes_them_regional_again(db):
    owners.make_regional(apps, None)
    assert set(Topic.objects.values_list("municipality", flat=True)) == {None}


def test_editors_and_officials_get_topic_rights_and_officials_send(db):
    def rights(role):
        group = Group.objects.get(name=role)
        return set(
            group.permissions.filter(content_type__app_label="newsletters").values_list(
                "codename", flat=True
            )
        )

    assert {"add_topic", "change_topic", "view_topic"} <= rights("Editor")
    assert {"add_topic", "change_topic", "send_issue", "change_issue"} <= rights("Official")
    assert "delete_topic" not in rights("Editor") | rights("Official") | rights("Administrator")
    owners.revoke(apps, None)
    assert "send_issue" not in rights("Official")
    assert "add_topic" not in rights("Editor")
    owners.grant(apps, None)
    assert "send_issue" in rights("Official")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_migrating_back_and_forth_keeps_the_citys_topics():
    """The real migrations on the test database: back before municipalities, forward."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    def migrate(target):
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate([("newsletters", target)])
        return executor.loader.project_state([("newsletters", target)]).apps

    loader = MigrationExecutor(connection).loader
    (latest,) = [name for app, name in loader.graph.leaf_nodes("newsletters")]
    old = migrate("0002_topics_and_permissions")
    old_topics = old.get_model("newsletters", "Topic").objects
    assert old_topics.count() == 17
    assert "municipality" not in {
        f.name for f in old.get_model("newsletters", "Topic")._meta.fields
    }
    new = migrate(latest)
    municipality_ids = set(
        new.get_model("newsletters", "Topic").objects.values_list("municipality_id", flat=True)
    )
    city = new.get_model("municipalities", "Municipality").objects.get()
    assert municipality_ids == {city.pk}
