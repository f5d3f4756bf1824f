"""Under CI=true a test skipped for want of Chromium, Redis or PostgreSQL fails."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ci_strict import missing_service, needs, wrong_database

ROOT = Path(__file__).resolve().parent.parent

SUITE = """
import pytest

from tests.ci_strict import needs

redis = pytest.mark.skipif(True, reason=needs("Redis", "nothing answers"))


def test_browser():
    pytest.skip(needs("Chromium", "/usr/bin/chromium is missing"))


@redis
def test_cache():
    pass


def test_postgres_only():
    pytest.skip(needs("PostgreSQL", "the test database is SQLite"))


def test_not_applicable():
    pytest.skip("the route accepts no GET")


def test_passes():
    pass
"""


def run_suite(tmp_path, **env):
    (tmp_path / "test_suite.py").write_text(SUITE)
    (tmp_path / "conftest.py").write_text(
        "from tests.ci_strict import pytest_runtest_makereport  # noqa: F401\n"
    )
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    environ = {k: v for k, v in os.environ.items() if k not in {"CI", "CI_DATABASE"}}
    command = [sys.executable, "-m", "pytest", "-p", "no:django", "-p", "no:xdist", "-rfEs"]
    return subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [*command, "-p", "no:cacheprovider", "-c", str(tmp_path / "pytest.ini"), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        env=environ | {"PYTHONPATH": str(ROOT)} | env,
    )


def test_outside_ci_missing_services_skip(tmp_path):
    result = run_suite(tmp_path)
    assert result.returncode == 0, result.stdout
    assert "1 passed, 4 skipped" in result.stdout


def test_under_ci_a_missing_service_is_a_failure(tmp_path):
    result = run_suite(tmp_path, CI="true")
    assert result.returncode == 1, result.stdout
    assert "2 failed, 1 passed, 1 skipped, 1 error" in result.stdout  # setup: an error
    assert "the CI machine must provide Chromium" in result.stdout
    assert "the CI machine must provide Redis" in result.stdout
    assert "the CI machine must provide PostgreSQL" in result.stdout


def test_ci_sqlite_pass_lets_postgresql_tests_skip(tmp_path):
    result = run_suite(tmp_path, CI="true", CI_DATABASE="sqlite")
    assert result.returncode == 1, result.stdout
    assert "1 failed, 1 passed, 2 skipped, 1 error" in result.stdout
    assert "must provide PostgreSQL" not in result.stdout


@pytest.mark.parametrize(
    ("reason", "environ", "service"),
    [
        ("needs Chromium: /usr/bin/chromium is missing", {}, "Chromium"),
        ("needs Redis", {}, "Redis"),
        ("needs PostgreSQL (set DATABASE_URL)", {}, "PostgreSQL"),
        ("needs PostgreSQL: SQLite", {"CI_DATABASE": "postgresql"}, "PostgreSQL"),
        ("needs PostgreSQL: SQLite", {"CI_DATABASE": "sqlite"}, None),
        ("the demo content gives no 'slug'", {}, None),
        ("SQLite backend: the test database is not SQLite", {}, None),
    ],
)
def test_missing_service_is_read_from_the_skip_reason(reason, environ, service):
    assert missing_service(reason, environ) == service


def test_needs_refuses_an_unknown_service():
    with pytest.raises(ValueError, match="unknown service"):
        needs("Elasticsearch")


@pytest.mark.parametrize(
    ("environ", "engine", "problem"),
    [
        ({}, "django.db.backends.sqlite3", None),
        ({"CI_DATABASE": "postgresql"}, "django.db.backends.sqlite3", None),  # not CI
        ({"CI": "true"}, "django.db.backends.sqlite3", None),
        ({"CI": "true", "CI_DATABASE": "sqlite"}, "django.db.backends.sqlite3", None),
        ({"CI": "true", "CI_DATABASE": "postgresql"}, "django.db.backends.postgresql", None),
        (
            {"CI": "true", "CI_DATABASE": "postgresql"},
            "django.db.backends.sqlite3",
            "CI_DATABASE=postgresql but the test database engine is django.db.backends.sqlite3",
        ),
        (
            {"CI": "true", "CI_DATABASE": "mysql"},
            "django.db.backends.mysql",
            "CI_DATABASE='mysql' is neither 'sqlite' nor 'postgresql'",
        ),
    ],
)
def test_a_declared_ci_database_must_be_the_test_database(environ, engine, problem):
    assert wrong_database(engine, environ) == problem


def test_a_hung_test_fails_after_the_configured_timeout(pytestconfig):
    assert pytestconfig.pluginmanager.hasplugin("timeout")
    assert float(pytestconfig.getini("timeout")) == 120
