"""portal.db.CompiledLookup: one-row queries compiled once, run with new keys."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.factories import UserFactory
from accounts.models import User
from portal.db import CompiledLookup

pytestmark = pytest.mark.django_db


def test_one_key_gives_the_row_or_none():
    lookup = CompiledLookup(lambda pk: User.objects.filter(pk=pk))
    ala, ola = UserFactory(username="ala"), UserFactory(username="ola")
    assert lookup.first(ala.pk) == ala
    assert lookup.first(ola.pk).username == "ola"
    assert lookup.first(ola.pk + 1000) is None


def test_two_keys_land_in_their_own_places():
    lookup = CompiledLookup(
        lambda low, high: User.objects.filter(pk__gte=low, pk__lte=high).order_by("pk"),
        keys=2,
    )
    ala, ola = UserFactory(username="ala"), UserFactory(username="ola")
    assert lookup.first(ala.pk, ola.pk) == ala
    assert lookup.first(ola.pk, ola.pk) == ola
    assert lookup.first(ola.pk, ala.pk) is None  # swapped keys would find someone
    with CaptureQueriesContext(connection) as queries:
        lookup.first(ala.pk, ala.pk)
    assert len(queries) == 1
    with pytest.raises(TypeError):
        lookup.first(ala.pk)


def test_a_key_that_is_not_a_parameter_exactly_once_is_refused():
    with pytest.raises(ValueError):
        CompiledLookup(lambda pk: User.objects.all()).first(1)
    with pytest.raises(ValueError):
        CompiledLookup(lambda pk: User.objects.filter(pk=pk) | User.objects.filter(id=pk)).first(1)
    with pytest.raises(ValueError):
        CompiledLookup(lambda *keys: User.objects.all(), keys=4)
