"""Who gets what from every URL of the portal: status per (route, role), GET and POST.

The routes come from the resolver (tests/security/routes.py); a route without an
entry in tests/security/matrix.py fails `test_every_route_has_an_entry`, and an entry
whose route is gone fails as well. Each role's requests run in a transaction that is
rolled back, so one role's POST (an erased subscription, a withdrawn membership)
does not change what the next role sees.
"""

import os

import pytest
from django.core.cache import cache
from django.db import transaction

from tests.security.conftest import ROLES
from tests.security.matrix import ADMIN_PREFIXES, MATRIX, XTD_PREFIX, expand, values_for
from tests.security.routes import all_routes

ROUTES = all_routes()
PORTAL_ROUTES = [r for r in ROUTES if not r.pattern.startswith((*ADMIN_PREFIXES, XTD_PREFIX))]


def test_every_route_has_an_entry():
    missing = [r.pattern for r in PORTAL_ROUTES if r.pattern not in MATRIX]
    assert missing == [], "routes without an entry in tests/security/matrix.py"
    stale = sorted(set(MATRIX) - {r.pattern for r in PORTAL_ROUTES})
    assert stale == [], "entries in tests/security/matrix.py whose route is gone"


def answers(client, path, post: dict | None) -> tuple[int, int | None]:
    """(GET status, POST status or None), leaving the database as it was."""
    with transaction.atomic():
        cache.clear()  # rate limits and cached pages start empty for every role
        got = client.get(path).status_code
        posted = client.post(path, post).status_code if post is not None else None
        transaction.set_rollback(True)
    return got, posted


@pytest.mark.parametrize("route", PORTAL_ROUTES, ids=lambda r: r.pattern)
def test_route_answers_each_role_as_the_matrix_says(route, world, clients):
    entry = MATRIX.get(route.pattern)
    if entry is None:
        pytest.fail(f"no entry for {route.pattern} in tests/security/matrix.py")
    path = route.path(values_for(world, entry))
    assert route.reached_by(path), f"{path} does not reach {route.pattern}"
    observed_get, observed_post = {}, {}
    for role in ROLES:
        observed_get[role], observed_post[role] = answers(
            clients[role], path, (entry.data or {}) if entry.post else None
        )
    if os.environ.get("MATRIX_RECORD"):
        print(f"\n{route.pattern!r}: GET {observed_get} POST {observed_post}")  # noqa: T201
    assert observed_get == expand(entry.get), f"GET {path}"
    if entry.post:
        assert observed_post == expand(entry.post), f"POST {path}"
