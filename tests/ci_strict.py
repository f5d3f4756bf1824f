"""CI that cannot be green by accident: a test skipped for want of a service fails in CI.

Some tests need a service a developer's machine may lack: Chromium (the browser tests),
Redis, PostgreSQL. There they skip, and say so with a reason that starts with
"needs <service>" (`needs()` writes it). Under ``CI=true`` such a skip is a failure, so a
CI machine without Chromium turns red instead of passing 89 fewer tests.

PostgreSQL-only tests do skip in CI's SQLite pass, which ``.ci/run`` declares with
``CI_DATABASE=sqlite``; in any other CI run a "needs PostgreSQL" skip fails. A run that
declares ``CI_DATABASE=postgresql`` on another database stops before the first test.

Plain pytest, no Django: tests/conftest.py wires the hooks in.
"""

import os

import pytest

SERVICES = ("Chromium", "Redis", "PostgreSQL")
ENGINES = {"sqlite": "sqlite3", "postgresql": "postgresql"}


def needs(service: str, detail: str = "") -> str:
    """The skip reason of a test that cannot run without `service`."""
    if service not in SERVICES:
        raise ValueError(f"unknown service {service!r}; known: {', '.join(SERVICES)}")
    return f"needs {service}: {detail}" if detail else f"needs {service}"


def ci_enabled(environ=None) -> bool:
    value = (os.environ if environ is None else environ).get("CI", "")
    return value.strip().lower() in {"1", "true", "yes"}


def missing_service(reason: str, environ=None) -> str | None:
    """The service whose absence made a test skip with `reason`, if CI must have it."""
    environ = os.environ if environ is None else environ
    for service in SERVICES:
        if reason.startswith(f"needs {service}"):
            if service == "PostgreSQL" and environ.get("CI_DATABASE") == "sqlite":
                return None  # CI's SQLite pass: these run in the PostgreSQL pass
            return service
    return None


def skip_reason(report) -> str:
    longrepr = report.longrepr
    message = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
    return message.removeprefix("Skipped: ")


def wrong_database(engine: str, environ=None) -> str | None:
    """A message when the run declares CI_DATABASE but the test database is another."""
    environ = os.environ if environ is None else environ
    declared = environ.get("CI_DATABASE")
    if not ci_enabled(environ) or not declared:
        return None
    expected = ENGINES.get(declared)
    if expected is None:
        return f"CI_DATABASE={declared!r} is neither 'sqlite' nor 'postgresql'"
    if not engine.endswith(expected):
        return f"CI_DATABASE={declared} but the test database engine is {engine}"
    return None


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.skipped and ci_enabled() and not hasattr(report, "wasxfail"):
        reason = skip_reason(report)
        service = missing_service(reason)
        if service:
            report.outcome = "failed"
            report.longrepr = (
                f"CI=true and {item.nodeid} was skipped ({reason}): "
                f"the CI machine must provide {service}."
            )
    return report
