"""The demo gives the region and every municipality their topics, and seeding again
duplicates none."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from municipalities.models import Municipality
from newsletters.models import Issue, Subscriber, Topic
from newsletters.standard_topics import add_standard_topics

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def test_seed_demo_gives_topics_to_the_region_and_each_municipality(home_page):
    call_command("seed_demo", "--seed", "2026", stdout=io.StringIO())
    per_owner = {
        municipality.slug: set(municipality.newsletter_topics.values_list("slug", flat=True))
        for municipality in Municipality.objects.all()
    }
    content = {"news", "consultations", "consultation-reports", "calls", "events"}
    assert per_owner["dolina-lipki"] == set()  # the operator's topics are the regional ones
    assert per_owner["lipowa-dolina"] == content
    assert per_owner["powiat-zielonogrodzki"] == content
    assert content < per_owner["zielonogrod"]  # the city keeps its areas too
    assert content < set(Topic.objects.regional().values_list("slug", flat=True))

    lipowa = Subscriber.objects.get(email="halina.wierzbicka@example.org")
    assert {t.municipality.slug for t in lipowa.topics.all()} == {"lipowa-dolina"}
    regional = Subscriber.objects.get(email="tomasz.grabowski@example.org")
    assert {t.municipality_id for t in regional.topics.all()} == {None}

    sent = Issue.objects.get(status="sent")
    assert sent.municipality.slug == "zielonogrod"
    city_home = sent.municipality.home_page.path
    assert all(item.page.path.startswith(city_home) for item in sent.items.exclude(page=None))
    owners = set(Issue.objects.filter(status="draft").values_list("municipality__slug", flat=True))
    assert owners == {"zielonogrod", "lipowa-dolina", None}

    before = Topic.objects.count()
    assert add_standard_topics(municipality=None, areas=True) == 0
    for municipality in Municipality.objects.local():
        assert add_standard_topics(municipality=municipality) == 0
    call_command("seed_demo", "--seed", "2026", stdout=io.StringIO())  # already seeded
    assert Topic.objects.count() == before


def test_add_newsletter_topics_command(operator):
    from municipalities.factories import rural_municipality

    gmina = rural_municipality(5, name="Gmina Piąta", slug="piata")
    out = io.StringIO()
    call_command("add_newsletter_topics", "piata", "--areas", stdout=out)
    assert "17" in out.getvalue()
    assert gmina.newsletter_topics.count() == 17
    call_command("add_newsletter_topics", "piata", stdout=io.StringIO())
    assert gmina.newsletter_topics.count() == 17
    with pytest.raises(CommandError):
        call_command("add_newsletter_topics", "region")  # the operator: use --region
    with pytest.raises(CommandError):
        call_command("add_newsletter_topics", "nie-ma-takiej")
