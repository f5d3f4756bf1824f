import datetime
import re
from decimal import Decimal

import pytest
from django.utils import timezone
from freezegun import freeze_time

from cms_pages import factories
from cms_pages.models import CallForProposalsPage, CallStatus

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 15, 12, 0, tzinfo=datetime.UTC)


def section(html: str, section_id: str) -> str:
    return re.search(rf'<section[^>]*id="{section_id}".*?</section>', html, flags=re.S).group(0)


@pytest.fixture
def calls(call_index):
    def make(title, status, deadline_days):
        return factories.CallForProposalsPageFactory(
            parent=call_index,
            title=title,
            status=status,
            offer_deadline=NOW + datetime.timedelta(days=deadline_days),
            total_amount=Decimal("100000"),
        )

    return {
        "open": make("Konkurs otwarty", CallStatus.OPEN, 10),
        "announced": make("Konkurs ogłoszony", CallStatus.ANNOUNCED, 30),
        "expired": make("Konkurs po terminie", CallStatus.OPEN, -1),
        "evaluation": make("Konkurs w ocenie", CallStatus.EVALUATION, -10),
        "resolved": make("Konkurs rozstrzygnięty", CallStatus.RESOLVED, -60),
        "cancelled": make("Konkurs unieważniony", CallStatus.CANCELLED, 5),
    }


@freeze_time(NOW)
def test_call_index_splits_open_and_archived_calls(client, call_index, calls):
    html = client.get(call_index.url).content.decode()
    open_part, archive = section(html, "open-calls"), section(html, "archived-calls")
    for key in ("open", "announced"):
        assert calls[key].title in open_part and calls[key].title not in archive
    for key in ("expired", "evaluation", "resolved", "cancelled"):
        assert calls[key].title in archive and calls[key].title not in open_part


@freeze_time(NOW)
def test_open_call_past_its_deadline_is_shown_as_closed(client, calls):
    html = client.get(calls["expired"].url).content.decode()
    assert 'data-call-status="closed"' in html
    html = client.get(calls["open"].url).content.decode()
    assert 'data-call-status="open"' in html


def test_call_closes_when_the_deadline_passes(calls):
    call = calls["open"]
    with freeze_time(call.offer_deadline - datetime.timedelta(seconds=1)):
        assert call.is_accepting_offers
        assert CallForProposalsPage.objects.accepting_offers().filter(pk=call.pk).exists()
    with freeze_time(call.offer_deadline):
        assert not call.is_accepting_offers
        assert CallForProposalsPage.objects.archived().filter(pk=call.pk).exists()


def test_open_and_archived_querysets_partition_the_calls(calls):
    accepting = set(CallForProposalsPage.objects.accepting_offers(NOW).values_list("pk", flat=True))
    archived = set(CallForProposalsPage.objects.archived(NOW).values_list("pk", flat=True))
    assert accepting.isdisjoint(archived)
    assert accepting | archived == {c.pk for c in calls.values()}
    assert accepting == {calls["open"].pk, calls["announced"].pk}


def test_deadline_is_shown_in_warsaw_time(client, call_index):
    # 23:59 in Warsaw on 31 March 2026 is 21:59 UTC (summer time).
    deadline = datetime.datetime(2026, 3, 31, 21, 59, tzinfo=datetime.UTC)
    call = factories.CallForProposalsPageFactory(
        parent=call_index, offer_deadline=deadline, status=CallStatus.RESOLVED
    )
    html = client.get(call.url).content.decode()
    assert 'datetime="2026-03-31T23:59:00+02:00"' in html
    assert timezone.localtime(call.offer_deadline).hour == 23


@freeze_time(NOW)
def test_home_page_shows_only_calls_accepting_offers(client, calls):
    html = client.get("/").content.decode()
    part = section(html, "section-calls")
    assert calls["open"].title in part and calls["announced"].title in part
    assert calls["expired"].title not in part and calls["resolved"].title not in part


def test_call_index_query_count_does_not_grow_with_calls(call_index, count_queries):
    def add(n):
        for i in range(n):
            factories.CallForProposalsPageFactory(
                parent=call_index,
                status=CallStatus.OPEN if i % 2 else CallStatus.RESOLVED,
                offer_deadline=timezone.now() + datetime.timedelta(days=5 if i % 2 else -5),
            )

    add(3)
    few = count_queries(call_index.url)
    add(12)
    assert count_queries(call_index.url) == few
