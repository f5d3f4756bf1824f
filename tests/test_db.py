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


def test_prepared_cursor_is_logged_and_translates_errors():
    from django.db import IntegrityError

    from portal.db import prepared_cursor

    with CaptureQueriesContext(connection) as queries, prepared_cursor() as cursor:
        cursor.execute("SELECT %s + 1", [41])
        assert cursor.fetchone()[0] == 42
    assert len(queries) == 1
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction

    table = ContentType._meta.db_table
    existing = ContentType.objects.get_for_model(User).pk
    with pytest.raises(IntegrityError), transaction.atomic(), prepared_cursor() as cursor:
        sql = f'INSERT INTO "{table}" (id, app_label, model) SELECT id, app_label, model '
        sql += f'FROM "{table}" WHERE id = %s'  # noqa: S608 (the name is model metadata)
        cursor.execute(sql, [existing])


def test_on_postgresql_a_repeated_lookup_is_planned_once():
    """psycopg prepares a statement of prepared_cursor() after prepare_threshold runs
    (settings: 5); PostgreSQL then runs it from its plan cache."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: prepared statements are a psycopg feature")
    lookup = CompiledLookup(lambda pk: User.objects.filter(pk=pk))
    ala = UserFactory(username="ala")
    for _ in range(8):
        assert lookup.first(ala.pk) == ala
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT generic_plans + custom_plans FROM pg_prepared_statements "
            "WHERE statement LIKE %s",
            [f'SELECT "{User._meta.db_table}".%'],
        )
        rows = cursor.fetchall()
    assert rows and rows[0][0] >= 2, rows


def _row(instance):
    return {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}


def test_later_runs_build_the_same_instance_as_the_first():
    """The first run goes through Model.objects.raw(); later ones reuse its plan of the
    columns: the same fields, converted values (JSON) and annotations."""
    from django.db.models import Value

    from accounts.factories import OrganisationFactory
    from accounts.models import Organisation

    organisation = OrganisationFactory(areas=["social", "health"])
    lookup = CompiledLookup(lambda pk: Organisation.objects.annotate(seven=Value(7)).filter(pk=pk))
    first, second = lookup.first(organisation.pk), lookup.first(organisation.pk)
    assert _row(first) == _row(second) == _row(Organisation.objects.get(pk=organisation.pk))
    assert second.areas == ["social", "health"] and second.seven == first.seven == 7
    assert second.get_deferred_fields() == set() and second._state.db == "default"
    assert lookup.first(organisation.pk + 1000) is None
