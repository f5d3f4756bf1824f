"""/healthz: database and cache checks as JSON; 503 when the database is gone, a
degraded 200 when only the cache is; no error text; one query."""

import importlib
import json
import logging

import pytest
from django.db import OperationalError, connections

from tests.portal.test_redis_down import redis_down  # noqa: F401 - fixture
from tests.redis_support import requires_redis

pytestmark = pytest.mark.django_db


def test_healthy_site_answers_200_with_both_checks(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache"}
    assert all(check["ok"] and check["ms"] >= 0 for check in body["checks"].values())


def test_database_down_answers_503_without_the_error_text(client, monkeypatch, caplog):
    secret = "could not connect to db.internal as okienko password=hunter2"

    def broken_cursor(*args, **kwargs):
        raise OperationalError(secret)

    monkeypatch.setattr(connections["default"], "cursor", broken_cursor)
    caplog.set_level(logging.WARNING, logger="portal.health")
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "fail"
    assert body["checks"]["database"]["ok"] is False
    assert body["checks"]["cache"]["ok"] is True
    assert "hunter2" not in response.content.decode() and "db.internal" not in json.dumps(body)
    logged = [r.getMessage() for r in caplog.records if r.name == "portal.health"]
    assert logged == ["Health check database failed"]


def test_redis_down_is_reported_as_degraded(client, redis_down):  # noqa: F811
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["checks"]["cache"]["ok"] is False
    assert body["checks"]["database"]["ok"] is True


@requires_redis
def test_live_redis_passes_the_cache_check(client, settings):
    settings.CACHES = {
        "default": {"BACKEND": "portal.cache.RedisCache", "LOCATION": "redis://127.0.0.1:6379/6"},
        "pages": settings.CACHES["pages"],
    }
    body = client.get("/healthz").json()
    assert body == {"status": "ok", "checks": body["checks"]}
    assert body["checks"]["cache"]["ok"] is True


def test_only_get_is_answered(client):
    assert client.post("/healthz").status_code == 405


def test_probe_over_plain_http_is_answered_not_redirected(client, settings, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "s" * 60)
    monkeypatch.setenv("ALLOWED_HOSTS", "okienko.example.org")
    production = importlib.import_module("portal.settings.production")
    settings.SECURE_SSL_REDIRECT = production.SECURE_SSL_REDIRECT
    settings.SECURE_REDIRECT_EXEMPT = production.SECURE_REDIRECT_EXEMPT
    assert client.get("/healthz").status_code == 200
    assert client.get("/konto/login/").status_code == 301
