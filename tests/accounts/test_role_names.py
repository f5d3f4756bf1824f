"""Role questions about one user object read its groups once (User.role_names); a change
of its groups through that object counts at once."""

import pytest
from django.contrib.auth.models import Group

from accounts.models import Role
from accounts.permissions import is_administrator, is_editor, is_official

pytestmark = pytest.mark.django_db


def test_several_role_questions_read_the_groups_once(django_assert_num_queries, official):
    with django_assert_num_queries(1):
        assert is_official(official)
        assert not is_editor(official)
        assert not is_administrator(official)


def test_a_role_given_or_taken_through_the_same_object_counts_at_once(resident):
    assert not is_official(resident)
    resident.groups.add(Group.objects.get_or_create(name=Role.OFFICIAL)[0])
    assert is_official(resident)
    resident.groups.clear()
    assert not is_official(resident)


def test_a_logged_in_request_reads_a_role_change_made_elsewhere(client, resident):
    from django.contrib.auth import get_user

    client.force_login(resident)
    assert not is_official(get_user(client.get("/").wsgi_request))
    Group.objects.get_or_create(name=Role.OFFICIAL)[0].user_set.add(resident)
    assert is_official(get_user(client.get("/").wsgi_request))
