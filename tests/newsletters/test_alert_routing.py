"""Alerts about a municipality's page go to its topics and the regional ones, never to
another municipality's topics with the same slug."""

import pytest
from django.core import mail

from cms_pages.factories import (
    CallForProposalsPageFactory,
    CallIndexPageFactory,
    EventPageFactory,
)
from cms_pages.models import CallIndexPage, EventIndexPage
from newsletters import alerts, services
from newsletters.factories import SubscriberFactory
from newsletters.models import AlertLog, Topic

pytestmark = pytest.mark.django_db


def calls_of(municipality):
    return CallIndexPage.objects.child_of(municipality.home_page).get()


def keys(topics):
    return sorted(topic.key for topic in topics)


def test_a_call_of_a_feeds_a_and_the_region_but_not_b(gmina_a, gmina_b):
    call = CallForProposalsPageFactory(parent=calls_of(gmina_a), task_area="seniors")
    assert keys(alerts.topics_for_page(call, alerts.OPENED)) == [
        "alfa:calls",
        "area-seniors",
        "calls",
    ]
    assert keys(alerts.topics_for_page(call)) == keys(
        alerts.topics_for_page(call, alerts.OPENED)
    )  # opened and closing both name "calls"


def test_the_citys_area_topics_hear_only_of_the_citys_calls(gmina_a):
    from municipalities.models import Municipality

    city = Municipality.objects.local().exclude(pk=gmina_a.pk).get()
    city_area = Topic.objects.get(municipality=city, slug="area-culture")
    city_call = CallForProposalsPageFactory(
        parent=CallIndexPageFactory(parent=city.home_page),
        task_area="culture",
        title="Konkurs miejski",
    )
    a_call = CallForProposalsPageFactory(
        parent=calls_of(gmina_a), task_area="culture", title="Konkurs gminny"
    )
    assert city_area in alerts.topics_for_page(city_call, alerts.OPENED)
    assert city_area not in alerts.topics_for_page(a_call, alerts.OPENED)


def test_a_municipality_without_topics_of_its_own_feeds_the_region_only(operator):
    from municipalities.factories import rural_municipality

    bare = rural_municipality(7, name="Gmina Bez Tematów", slug="bez-tematow")
    event = EventPageFactory(parent=EventIndexPage.objects.child_of(bare.home_page).get())
    assert keys(alerts.topics_for_page(event, alerts.ANNOUNCED)) == ["events"]


def test_page_types_without_alerts_feed_nothing(gmina_a):
    assert not alerts.topics_for_page(gmina_a.home_page).exists()


def test_alert_mail_reaches_subscribers_of_a_and_of_the_region_only(
    gmina_a, gmina_b, django_capture_on_commit_callbacks
):
    SubscriberFactory(email="alfa@example.org", topics=["alfa:calls"])
    SubscriberFactory(email="beta@example.org", topics=["beta:calls"])
    SubscriberFactory(email="region@example.org", topics=["calls"])
    SubscriberFactory(email="seniorzy@example.org", topics=["area-seniors"])
    SubscriberFactory(email="obie@example.org", topics=["alfa:calls", "calls"])
    with django_capture_on_commit_callbacks(execute=True):
        call = CallForProposalsPageFactory(
            parent=calls_of(gmina_a), task_area="seniors", title="Konkurs dla seniorów w Alfie"
        )
    alert = AlertLog.objects.get(kind="opened", page_id=call.pk)
    assert keys(alert.topics.select_related("municipality")) == [
        "alfa:calls",
        "area-seniors",
        "calls",
    ]
    recipients = sorted(address for message in mail.outbox for address in message.to)
    # One message each, also for the subscriber of both A's and the regional topic.
    assert recipients == [
        "alfa@example.org",
        "obie@example.org",
        "region@example.org",
        "seniorzy@example.org",
    ]


def test_an_alert_no_topic_hears_of_goes_to_nobody(operator):
    from municipalities.factories import rural_municipality

    Topic.objects.filter(slug="events").delete()
    SubscriberFactory(email="ktos@example.org", topics=["news"])
    bare = rural_municipality(8, name="Gmina Cicha", slug="cicha")
    event = EventPageFactory(parent=EventIndexPage.objects.child_of(bare.home_page).get())
    alert = AlertLog.objects.get(kind="announced", page_id=event.pk)
    assert not alert.topics.exists()
    assert services.recipients(alert).count() == 0
    assert services.prepare_deliveries(alert) == 0
    assert mail.outbox == []
