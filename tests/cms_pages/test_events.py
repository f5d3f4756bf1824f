import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from cms_pages import factories
from cms_pages.ical import escape_text, fold

from .ics import parse, unescape

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 15, 12, 0, tzinfo=datetime.UTC)


def section(html: str, section_id: str) -> str:
    return re.search(rf'<section[^>]*id="{section_id}".*?</section>', html, flags=re.S).group(0)


@pytest.fixture
def events(event_index):
    def make(title, days, hours=2, end=True):
        start = NOW + datetime.timedelta(days=days)
        return factories.EventPageFactory(
            parent=event_index,
            title=title,
            start=start,
            end=start + datetime.timedelta(hours=hours) if end else None,
        )

    return {
        "past": make("Forum organizacji", -30),
        "ongoing": factories.EventPageFactory(
            parent=event_index,
            title="Targi organizacji",
            start=NOW - datetime.timedelta(hours=1),
            end=NOW + datetime.timedelta(hours=3),
        ),
        "soon": make("Szkolenie z RODO", 3),
        "later": make("Spotkanie konsultacyjne", 20, end=False),
    }


@freeze_time(NOW)
def test_event_index_splits_upcoming_and_past(client, event_index, events):
    html = client.get(event_index.url).content.decode()
    upcoming, past = section(html, "upcoming-events"), section(html, "past-events")
    assert upcoming.index("Targi organizacji") < upcoming.index("Szkolenie z RODO")
    assert upcoming.index("Szkolenie z RODO") < upcoming.index("Spotkanie konsultacyjne")
    assert "Forum organizacji" in past and "Forum organizacji" not in upcoming


def test_event_ics_is_valid_icalendar_with_utc_times_and_escaping(client, event_index):
    start = datetime.datetime(2026, 7, 1, 8, 0, tzinfo=datetime.UTC)  # 10:00 in Warsaw
    event = factories.EventPageFactory(
        parent=event_index,
        title="Szkolenie; księgowość, sprawozdania i dotacje",
        start=start,
        end=start + datetime.timedelta(hours=3),
        place="Centrum Organizacji Pozarządowych, sala 2",
        address="ul. Tkacka 12, 65-100 Zielonogród",
        lead="Pierwsza linia\nDruga linia ze znakiem \\ odwrotnym",
        registration_info="Zapisy: Zofia Żółkiewska, tel. +48 68 555 01 20 " * 3,
    )
    response = client.get(reverse("cms_pages:event_ics", kwargs={"pk": event.pk}))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    raw = response.content.decode()
    assert "SUMMARY:Szkolenie\\; księgowość\\, sprawozdania i dotacje\r\n" in raw
    (vevent,) = parse(response.content)
    assert unescape(vevent["SUMMARY"]) == event.title
    assert unescape(vevent["LOCATION"]) == f"{event.place}, {event.address}"
    assert unescape(vevent["DESCRIPTION"]).startswith(event.lead)
    assert vevent["DTSTART"] == "20260701T080000Z"
    assert vevent["DTEND"] == "20260701T110000Z"
    assert re.fullmatch(r"\d{8}T\d{6}Z", vevent["DTSTAMP"])
    assert vevent["UID"] == f"event-{event.pk}@testserver"
    assert vevent["URL"] == f"http://testserver{event.url}"


def test_event_without_end_gets_an_hour_long_entry(client, event_index):
    start = datetime.datetime(2026, 7, 1, 8, 0, tzinfo=datetime.UTC)
    event = factories.EventPageFactory(parent=event_index, start=start, end=None)
    (vevent,) = parse(client.get(reverse("cms_pages:event_ics", kwargs={"pk": event.pk})).content)
    assert vevent["DTEND"] == "20260701T090000Z"


def test_ics_of_draft_or_unknown_event_is_404(client, event_index):
    draft = factories.EventPageFactory(parent=event_index, publish=False)
    assert client.get(reverse("cms_pages:event_ics", kwargs={"pk": draft.pk})).status_code == 404
    assert client.get("/wydarzenia/999999.ics").status_code == 404


@freeze_time(NOW)
def test_calendar_feed_lists_upcoming_events_only(client, events):
    response = client.get(reverse("cms_pages:events_ics"))
    assert response.status_code == 200
    summaries = [unescape(e["SUMMARY"]) for e in parse(response.content)]
    assert summaries == ["Targi organizacji", "Szkolenie z RODO", "Spotkanie konsultacyjne"]


def test_escape_text_escapes_specials():
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_fold_splits_at_75_octets_without_breaking_characters():
    line = "DESCRIPTION:" + "zażółć gęślą jaźń " * 20
    folded = fold(line)
    physical = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in physical)
    assert all(p.startswith(" ") for p in physical[1:])
    assert folded.replace("\r\n ", "") == line


@freeze_time(NOW)
def test_event_page_links_its_ics_file(client, events):
    html = client.get(events["soon"].url).content.decode()
    assert f'href="/wydarzenia/{events["soon"].pk}.ics"' in html
    assert f"{timezone.localtime(events['soon'].start):%H:%M}" in html


def test_event_index_query_count_does_not_grow_with_events(event_index, count_queries):
    def add(n):
        for i in range(n):
            factories.EventPageFactory(
                parent=event_index,
                start=timezone.now() + datetime.timedelta(days=(i % 2) * 20 - 10),
            )

    add(3)
    few = count_queries(event_index.url)
    add(12)
    assert count_queries(event_index.url) == few


def test_calendar_feed_query_count_does_not_grow_with_events(event_index, count_queries):
    for _ in range(3):
        factories.EventPageFactory(parent=event_index)
    url = reverse("cms_pages:events_ics")
    few = count_queries(url)
    for _ in range(12):
        factories.EventPageFactory(parent=event_index)
    assert count_queries(url) == few
