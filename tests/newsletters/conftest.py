"""Fixtures for newsletter tests: a real SMTP sink (aiosmtpd) that can refuse addresses."""

import socket

import pytest
from aiosmtpd.controller import Controller

from newsletters.factories import IssueFactory, IssueItemFactory, SubscriberFactory


class SinkHandler:
    """Accepts mail like a relay; answers RCPT for chosen addresses with chosen codes."""

    def __init__(self):
        self.messages = []  # (envelope recipients, raw bytes)
        self.refuse = {}  # address -> list of SMTP answers, used one per attempt

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        answers = self.refuse.get(address)
        if answers:
            return answers.pop(0)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted"

    def recipients(self):
        return [rcpt for rcpts, _ in self.messages for rcpt in rcpts]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_sink(settings):
    handler = SinkHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    try:
        yield handler
    finally:
        controller.stop()


@pytest.fixture(autouse=True)
def newsletter_settings(settings):
    settings.NEWSLETTER_RATE_LIMIT = 0  # no pacing in tests
    settings.NEWSLETTER_UNSUBSCRIBE_MAILTO = "wypisz@okienko.example.org"


@pytest.fixture(autouse=True)
def clear_cache():
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def subscriber_factory(db):
    return SubscriberFactory


@pytest.fixture
def issue_with_items(db):
    issue = IssueFactory(subject="Biuletyn Okienka – listopad", topics=["news"])
    IssueItemFactory(issue=issue, title="Nowy punkt konsultacyjny", summary="Otwieramy punkt.")
    IssueItemFactory(issue=issue, title="Dzień Organizacji", summary="Zapraszamy na spotkanie.")
    return issue


# --- Several municipalities ------------------------------------------------------


@pytest.fixture
def operator(db):
    """The regional operator (the city moves under its regional page) with the
    regional topics; Wagtail's cached site root paths are forgotten around the test."""
    from wagtail.models import Site

    from municipalities.kinds import MunicipalityKind
    from municipalities.services import MunicipalityData, add_municipality
    from newsletters.standard_topics import add_standard_topics

    Site.clear_site_root_paths_cache()
    operator = add_municipality(
        MunicipalityData(
            name="Związek Gmin Doliny Testowej", kind=MunicipalityKind.ASSOCIATION, slug="region"
        )
    )
    add_standard_topics(municipality=None, areas=True)
    yield operator
    Site.clear_site_root_paths_cache()


def _gmina(n, name, slug, **extra):
    from municipalities.factories import rural_municipality
    from newsletters.standard_topics import add_standard_topics

    municipality = rural_municipality(n, name=name, slug=slug, **extra)
    add_standard_topics(municipality=municipality)
    return municipality


@pytest.fixture
def gmina_a(operator):
    return _gmina(1, "Gmina Alfa", "alfa")


@pytest.fixture
def gmina_b(operator):
    return _gmina(2, "Gmina Beta", "beta", hostname="beta.localhost")
