"""With Redis unreachable the portal keeps serving: pages render, login works (the
sessions live in the database too), forms post, and one warning says what happened."""

import logging
import socket

import pytest
from django.contrib.sessions.models import Session

from consultations.factories import ConsultationIndexPageFactory
from consultations.models import ConsultationComment
from newsletters.models import Subscriber
from tests.consultations.conftest import clauses_of, make_consultation
from tests.redis_support import requires_redis


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens once the socket is closed


@pytest.fixture
def redis_down(settings, caplog):
    from portal import cache as portal_cache

    portal_cache.reset_outages()
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/6",
            "KEY_PREFIX": "okienko-test",
        },
        "pages": settings.CACHES["pages"],
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    caplog.set_level(logging.WARNING, logger="portal.cache")
    yield
    portal_cache.reset_outages()


def outage_warnings(caplog):
    return [r for r in caplog.records if r.name == "portal.cache" and r.levelno == logging.WARNING]


def test_pages_render_and_one_warning_is_logged(client, redis_down, caplog, home_page):
    consultation = make_consultation(ConsultationIndexPageFactory(parent=home_page))
    for url in [
        home_page.url,
        consultation.url,
        "/konto/login/",
        "/newsletter/",
        "/szukaj/?q=uchwała",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
    assert len(outage_warnings(caplog)) == 1
    assert "127.0.0.1" in outage_warnings(caplog)[0].getMessage()


def test_login_works_with_sessions_in_the_database(client, redis_down, resident, caplog):
    response = client.post(
        "/konto/login/", {"login": resident.email, "password": "haslo-testowe-123"}
    )
    assert response.status_code == 302
    assert Session.objects.count() == 1
    profile = client.get("/konto/profil/")
    assert profile.status_code == 200
    assert profile.wsgi_request.user == resident
    assert len(outage_warnings(caplog)) == 1


def test_comment_and_newsletter_forms_post(client, redis_down, resident, home_page, caplog):
    consultation = make_consultation(ConsultationIndexPageFactory(parent=home_page))
    client.force_login(resident)
    clause = clauses_of(consultation)[0]
    response = client.post(
        f"/konsultacje/{consultation.pk}/komentarz/",
        {"clause": clause.pk, "comment": "Termin jest za krótki."},
    )
    assert response.status_code == 302
    assert ConsultationComment.objects.get().comment == "Termin jest za krótki."
    client.logout()
    response = client.post("/newsletter/", {"email": "ala@example.org", "topics": ["news"]})
    assert response.status_code == 302
    assert Subscriber.objects.get().email == "ala@example.org"
    assert client.get(consultation.url).status_code == 200
    assert len(outage_warnings(caplog)) == 1


def test_redis_is_not_asked_again_during_an_outage(redis_down, monkeypatch):
    from django.core.cache import caches
    from django.core.cache.backends.redis import RedisCacheClient

    calls = []
    original = RedisCacheClient.get

    def counting_get(self, *args, **kwargs):
        calls.append(args)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(RedisCacheClient, "get", counting_get)
    cache = caches["default"]
    assert [cache.get("a"), cache.get("b", "nic"), cache.get("c")] == [None, "nic", None]
    assert len(calls) == 1
    assert cache.add("d", 1) is True
    with pytest.raises(ValueError):
        cache.incr("d")


@requires_redis
def test_recovery_forgets_sessions_cached_before_the_outage(monkeypatch, caplog):
    from portal import cache as portal_cache

    portal_cache.reset_outages()
    cache = portal_cache.RedisCache("redis://127.0.0.1:6379/6", {"KEY_PREFIX": "okienko-test"})
    cache.set("django.contrib.sessions.cached_dbabc", {"_auth_user_id": "1"})
    cache.set("inne", "zostaje")
    monkeypatch.setattr(portal_cache, "OUTAGE_RETRY_SECONDS", 0)
    cache.note_outage(ConnectionError("test"))
    caplog.clear()
    assert cache.get("inne") == "zostaje"
    assert cache.get("django.contrib.sessions.cached_dbabc") is None
    assert [r.getMessage() for r in caplog.records] == ["Redis at 127.0.0.1:6379/6 answers again."]
    cache.delete("inne")
