"""The Wagtail and Django admin screens, by rule: every route, every role.

Too many routes (300+) for an entry each; the rule covers new ones as they appear.
Arguments are placeholders (id 1, "x"), so staff mostly get "not found": what the
rule checks is who gets in at all.
"""

import pytest
from django.core.cache import cache

from tests.security.conftest import ROLES
from tests.security.matrix import ADMIN_PREFIXES
from tests.security.routes import all_routes

ADMIN_ROUTES = [r for r in all_routes() if r.pattern.startswith(ADMIN_PREFIXES)]
OUTSIDERS = ["anonymous", "unverified", "resident", "ngo"]
STAFF = ["editor", "official", "administrator"]
# Login forms and the static helpers they need: open to anyone.
OPEN_TO_ALL = {"admin/login/", "admin/sprite/", "admin/jsi18n/", "django-admin/login/"}
# Wagtail's "failwhale" page raises on purpose, to test error reporting.
RAISES_ON_PURPOSE = {"admin/failwhale/"}


def test_the_rule_covers_every_role_and_its_exceptions_exist():
    assert sorted(OUTSIDERS + STAFF) == sorted(ROLES)
    assert {r.pattern for r in ADMIN_ROUTES} >= OPEN_TO_ALL | RAISES_ON_PURPOSE


def test_failwhale_is_for_staff_only(clients):
    for role in OUTSIDERS:
        assert clients[role].get("/admin/failwhale/").status_code == 302


@pytest.mark.parametrize("role", ROLES)
def test_admin_screens_answer_by_rule(role, clients):
    """Outsiders never get an admin screen (sent to a login page, refused or not found);
    nobody gets the Django admin (no account is staff there); staff never get a 500."""
    client = clients[role]
    let_in = []
    for route in ADMIN_ROUTES:
        if route.pattern in OPEN_TO_ALL | RAISES_ON_PURPOSE:
            continue
        path = route.path({})
        cache.clear()
        status = client.get(path).status_code
        django_admin = route.pattern.startswith("django-admin/")
        if role in OUTSIDERS or django_admin:
            if status not in (302, 403, 404, 405):
                let_in.append((path, status))
        elif status >= 500:
            let_in.append((path, status))
    assert let_in == [], "\n".join(f"{path} {status}" for path, status in let_in)
