"""Query budgets: the agreements list, the agreement page and the report form cost the
same for few and many rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from grants import agreement_factories as build
from grants.models import ReportKind
from grants.services import agreements as service
from tests.grants.agreement_world import *  # noqa: F403 - fixtures
from tests.grants.agreement_world import DAY

pytestmark = pytest.mark.django_db


def queries(client, url) -> int:
    client.get(url)  # warm: session, site root paths
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def signed_agreement(call, organisation, official, task_dates, lines=2):
    start, end = task_dates
    offer = build.granted_offer(
        call=call, organisation=organisation, start=start, end=end, lines=lines
    )
    agreement = service.start_agreement(offer=offer, user=official)
    return build.sign(agreement, official=official, signed_on=start - DAY)


@pytest.mark.parametrize("role", ["official", "ngo_user"])
def test_the_agreements_list_does_not_grow(
    client, request, role, grant_call, organisation, official, task_dates
):
    client.force_login(request.getfixturevalue(role))
    url = reverse("grants:agreements")
    signed_agreement(grant_call, organisation, official, task_dates)
    few = queries(client, url)
    for _ in range(9):
        signed_agreement(grant_call, organisation, official, task_dates)
    many = queries(client, url)
    assert many == few
    assert client.get(url).content.decode().count("DOT/") == 10


def test_the_agreement_page_does_not_grow_with_its_history(
    client, official, ngo_user, grant_call, organisation, task_dates
):
    agreement = signed_agreement(grant_call, organisation, official, task_dates)
    client.force_login(official)
    few = queries(client, agreement.get_absolute_url())
    report = agreement.reports.get(kind=ReportKind.FINAL)
    build.submit_filled(report, user=ngo_user)
    many = queries(client, agreement.get_absolute_url())
    assert many == few


def test_the_report_form_does_not_grow_with_cost_lines(
    client, official, ngo_user, grant_call, organisation, task_dates
):
    small = signed_agreement(grant_call, organisation, official, task_dates, lines=2)
    large = signed_agreement(grant_call, organisation, official, task_dates, lines=20)
    client.force_login(ngo_user)
    urls = [a.reports.get(kind=ReportKind.FINAL).get_absolute_url() for a in (small, large)]
    assert queries(client, urls[1]) == queries(client, urls[0])
