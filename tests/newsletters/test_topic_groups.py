"""Sign-up, settings and profile forms group topics by municipality: the visitor's
first, then the regional ones, then the others; choices survive errors; the number of
queries does not grow with the number of municipalities."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from newsletters import tokens
from newsletters.factories import SubscriberFactory
from newsletters.models import Subscriber, Topic

pytestmark = pytest.mark.django_db

SUBSCRIBE = reverse("newsletters:subscribe")
LEGEND = re.compile(r'<fieldset class="topic-group" data-municipality="([\w-]+)">')


def groups(response) -> list[str]:
    return LEGEND.findall(response.text)


def checked(response) -> list[str]:
    return sorted(
        re.findall(
            r'<input type="checkbox" name="topics" value="([\w:-]+)"[^>]* checked', response.text
        )
    )


@pytest.fixture
def region(gmina_a, gmina_b):
    """Topics of the region, the city, Gmina Alfa and Gmina Beta (own host beta.localhost)."""
    from municipalities.models import Municipality

    city = Municipality.objects.local().exclude(pk__in=[gmina_a.pk, gmina_b.pk]).get()
    return {"a": gmina_a, "b": gmina_b, "city": city}


def test_regional_topics_come_first_then_municipalities_by_name(client, region):
    response = client.get(SUBSCRIBE)
    assert response.status_code == 200
    by_name = sorted(region.values(), key=lambda municipality: municipality.name)
    assert groups(response) == ["region", *(municipality.slug for municipality in by_name)]
    html = response.text
    for name in ("Gmina Alfa", "Gmina Beta", region["city"].name):
        assert f"<legend>{name}</legend>" in html
    assert checked(response) == ["news"]  # the regional news, ticked on arrival


def test_a_visitor_from_a_window_sees_its_topics_first(client, region):
    response = client.get(SUBSCRIBE, {"gmina": "beta"})
    assert groups(response)[:2] == ["beta", "region"]
    assert checked(response) == ["beta:news"]
    assert '<input type="hidden" name="gmina" value="beta">' in response.text


def test_a_visitor_on_a_municipalitys_own_host_sees_its_topics_first(client, region):
    response = client.get(SUBSCRIBE, HTTP_HOST="beta.localhost")
    assert groups(response)[:2] == ["beta", "region"]
    assert checked(response) == ["beta:news"]


def test_choices_and_order_survive_an_error(client, region):
    data = {
        "email": "zly-adres@",
        "topics": ["alfa:calls", "beta:events", "calls"],
        "gmina": "beta",
    }
    response = client.post(SUBSCRIBE, data)
    assert response.status_code == 400
    assert checked(response) == ["alfa:calls", "beta:events", "calls"]
    assert groups(response)[:2] == ["beta", "region"]
    assert 'class="error-summary"' in response.text
    assert 'href="#id_email"' in response.text


def test_unknown_or_foreign_looking_keys_are_refused_on_the_form(client, region):
    response = client.post(SUBSCRIBE, {"email": "anna@example.org", "topics": ["gamma:calls"]})
    assert response.status_code == 400
    assert response.context["form"].errors["topics"]
    assert not Subscriber.objects.exists()


def test_confirmation_subscribes_to_the_topics_of_each_municipality(
    client, region, django_capture_on_commit_callbacks
):
    from django.core import mail

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            SUBSCRIBE, {"email": "ola@example.org", "topics": ["alfa:calls", "beta:calls", "calls"]}
        )
    link = re.search(r"http://testserver(/newsletter/potwierdz/[^/\s]+/)", mail.outbox[0].body)
    body = mail.outbox[0].body
    for label in ("Otwarte konkursy ofert (Gmina Alfa)", "Otwarte konkursy ofert (Gmina Beta)"):
        assert label in body
    client.post(link.group(1))
    subscriber = Subscriber.objects.get()
    assert sorted(t.key for t in subscriber.topics.select_related("municipality")) == [
        "alfa:calls",
        "beta:calls",
        "calls",
    ]
    assert subscriber.consent_records.last().topics == ["alfa:calls", "beta:calls", "calls"]


def test_preferences_and_profile_show_the_same_groups_with_the_subscribers_choices(
    client, region, resident
):
    subscriber = SubscriberFactory(email=resident.email, topics=["alfa:news", "calls"])
    token = tokens.make_manage_token(subscriber.key)
    preferences = client.get(reverse("newsletters:preferences", args=[token]), {"gmina": "alfa"})
    assert groups(preferences)[:2] == ["alfa", "region"]
    assert checked(preferences) == ["alfa:news", "calls"]
    client.force_login(resident)
    profile = client.get(reverse("newsletters:profile"))
    assert checked(profile) == ["alfa:news", "calls"]
    assert groups(profile)[0] == "region"


def test_a_windows_home_page_offers_its_own_kinds_of_content(client, region):
    response = client.get(region["a"].home_page.url)
    html = response.text
    section = html[html.index('id="section-newsletter"') :]
    assert 'value="alfa:news"' in section and 'value="alfa:events"' in section
    assert 'value="beta:' not in section and 'value="news"' not in section
    assert f'{SUBSCRIBE}?gmina=alfa"' in section


# --- Old links, bare slugs ----------------------------------------------------------


def test_bare_slugs_name_the_regional_topic_or_the_only_one(region):
    topics = Topic.objects.resolve(["news", "alfa:news", "nowhere:news", "area-culture"])
    assert topics["news"].municipality is None
    assert topics["alfa:news"].municipality == region["a"]
    assert "nowhere:news" not in topics
    Topic.objects.filter(municipality=None, slug="news").delete()
    assert "news" not in Topic.objects.resolve(["news"])  # now ambiguous: the city's, A's, B's
    only = Topic.objects.create(municipality=region["a"], slug="tylko-alfa", name="Tylko w Alfie")
    assert Topic.objects.resolve(["tylko-alfa"]) == {"tylko-alfa": only}


# --- Query counts ---------------------------------------------------------------


def _count(client, url, **extra):
    client.get(url, **extra)  # warm caches
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, **extra)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_topic_forms_cost_the_same_queries_with_1_and_20_municipalities(client, operator, resident):
    from municipalities.factories import rural_municipality
    from newsletters.standard_topics import add_standard_topics

    first = rural_municipality(1, hostname="testowo-1.localhost")
    add_standard_topics(municipality=first, areas=True)
    subscriber = SubscriberFactory(email=resident.email, topics=["testowo-1:news", "calls"])
    preferences = reverse(
        "newsletters:preferences", args=[tokens.make_manage_token(subscriber.key)]
    )
    client.force_login(resident)
    pages = [
        (SUBSCRIBE, {}),
        (SUBSCRIBE + "?gmina=testowo-1", {}),
        (SUBSCRIBE, {"HTTP_HOST": "testowo-1.localhost"}),
        (preferences, {}),
        (reverse("newsletters:profile"), {}),
    ]
    with_one = [_count(client, url, **extra) for url, extra in pages]
    for n in range(2, 21):
        add_standard_topics(municipality=rural_municipality(n), areas=True)
    with_twenty = [_count(client, url, **extra) for url, extra in pages]
    assert Topic.objects.count() > 20 * 17
    assert with_twenty == with_one
