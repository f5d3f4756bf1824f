"""The demo consultations: built through the services, in every phase, and they render."""

import pytest
from django.core.management import call_command
from wagtail.models import Site

from consultations.models import ConsultationComment, ConsultationPage, Phase

# Seeding the whole demo takes seconds on a quiet machine and minutes on a busy one;
# the per-test limit (pyproject) would stop a healthy run. Still bounded.
pytestmark = [pytest.mark.django_db, pytest.mark.timeout(900)]


def test_seed_demo_builds_consultations_in_every_phase_that_render(client):
    call_command("seed_demo", "--seed", "2026", stdout=open("/dev/null", "w"))  # noqa: SIM115

    city = Site.objects.get(is_default_site=True).root_page  # the subregion has its own
    # Draft acts only: the demo's small grant offers are published for comments too.
    acts = ConsultationPage.objects.live().descendant_of(city).filter(small_grant__isnull=True)
    by_phase = {c.phase: c for c in acts}
    assert set(by_phase) == {Phase.OPEN, Phase.CLOSED, Phase.REPORTED, Phase.PLANNED}

    open_one = by_phase[Phase.OPEN]
    comments = ConsultationComment.objects.filter(consultation=open_one)
    assert comments.filter(hidden_at__isnull=False).count() == 1
    assert comments.filter(channel="paper").count() == 1
    assert comments.filter(level=1).count() == 1  # a reply in a thread

    closed = ConsultationComment.objects.filter(consultation=by_phase[Phase.CLOSED])
    assert closed.unanswered().count() == 2

    reported = by_phase[Phase.REPORTED]
    assert not ConsultationComment.objects.filter(consultation=reported).unanswered().exists()
    assert reported.versions.filter(is_published=True).count() == 2

    for consultation in by_phase.values():
        response = client.get(consultation.url)
        assert response.status_code == 200, consultation.url
    html = client.get(open_one.url).content.decode()
    assert "Sprzedam rower" not in html  # the hidden comment's text stays out of the page

    results = client.get("/api/v1/search", {"q": "mikrodotacja"}).json()
    urls = [r["url"] for r in results["results"]]
    assert any(reported.url in url for url in urls), (reported.url, urls)
