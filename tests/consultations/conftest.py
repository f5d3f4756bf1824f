"""Fixtures for consultation tests: consultations in each phase with a published draft."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from consultations.factories import (
    ClauseFactory,
    ConsultationIndexPageFactory,
    ConsultationPageFactory,
    DraftActVersionFactory,
)
from consultations.models import ClauseLevel

PHASES = ["planned", "open", "closed", "reported"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The rendered act and the rate limit live in the cache: start every test empty."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded drafts and report files go to a temporary directory, not var/."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")


@pytest.fixture
def consultation_index(home_page):
    return ConsultationIndexPageFactory(parent=home_page)


def make_consultation(index, phase="open", clauses=3, **kwargs):
    """A consultation in `phase` with a published version of `clauses` top-level §§."""
    now = timezone.now()
    day = datetime.timedelta(days=1)
    dates = {
        "planned": {"start_at": now + 3 * day, "end_at": now + 20 * day},
        "open": {"start_at": now - day, "end_at": now + 14 * day},
        "closed": {"start_at": now - 30 * day, "end_at": now - day},
        "reported": {
            "start_at": now - 40 * day,
            "end_at": now - 20 * day,
            "report_published_at": now - day,
        },
    }[phase]
    page = ConsultationPageFactory(parent=index, **{**dates, **kwargs})
    version = DraftActVersionFactory(consultation=page, number=1)
    for i in range(1, clauses + 1):
        ClauseFactory(version=version, position=i, label=f"§ {i}", anchor=f"par-{i}")
    return page


@pytest.fixture
def open_consultation(consultation_index):
    return make_consultation(consultation_index, "open")


@pytest.fixture(params=PHASES)
def consultation_in_phase(request, consultation_index):
    page = make_consultation(consultation_index, request.param)
    page.test_phase = request.param
    return page


@pytest.fixture
def nested_consultation(consultation_index):
    """§ 1 with ust. 1 and ust. 2 (which has pkt 1), then § 2."""
    page = ConsultationPageFactory(parent=consultation_index)
    version = DraftActVersionFactory(consultation=page, number=1)
    p1 = ClauseFactory(version=version, position=1, label="§ 1", anchor="par-1", text="")
    ClauseFactory(
        version=version,
        position=2,
        parent=p1,
        level=ClauseLevel.USTEP,
        label="ust. 1",
        citation="§ 1 ust. 1",
        anchor="par-1-ust-1",
    )
    u2 = ClauseFactory(
        version=version,
        position=3,
        parent=p1,
        level=ClauseLevel.USTEP,
        label="ust. 2",
        citation="§ 1 ust. 2",
        anchor="par-1-ust-2",
    )
    ClauseFactory(
        version=version,
        position=4,
        parent=u2,
        level=ClauseLevel.PUNKT,
        label="pkt 1",
        citation="§ 1 ust. 2 pkt 1",
        anchor="par-1-ust-2-pkt-1",
    )
    ClauseFactory(version=version, position=5, label="§ 2", anchor="par-2")
    return page


def clauses_of(page):
    return list(page.versions.get(number=1).clauses.order_by("position"))


def version_of(page):
    return page.versions.get(number=1)
