"""Fixtures of agreements and reports (imported by the test modules that use them).

The task ran from 100 to 10 days ago, so its final report is due in 20 days; the
call's implementation period covers it."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from cms_pages.factories import CallIndexPageFactory
from grants import agreement_factories as build
from grants.factories import call_with_terms
from grants.models import ReportKind
from grants.services import agreements as service

DAY = datetime.timedelta(days=1)
__all__ = [  # the fixtures, for `from tests.grants.agreement_world import *`
    "agreement",
    "client",
    "estimate_agreement",
    "final_report",
    "grant_call",
    "granted",
    "lower",
    "signed",
    "submitted_report",
    "task_dates",
    "today",
]


@pytest.fixture
def client(client):
    """Pages in English, so the tests read the messages as written in the code (the
    e-mails stay in the site's language, Polish)."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def task_dates(today):
    return today - 100 * DAY, today - 10 * DAY


@pytest.fixture
def grant_call(home_page, today):
    return call_with_terms(
        parent=CallIndexPageFactory(parent=home_page),
        implementation_start=today - 400 * DAY,
        implementation_end=today + 400 * DAY,
    ).call


@pytest.fixture
def granted(grant_call, organisation, task_dates):
    start, end = task_dates
    return build.granted_offer(call=grant_call, organisation=organisation, start=start, end=end)


@pytest.fixture
def lower(grant_call, organisation, task_dates):
    """Granted 1 500 zł of the 1 800 zł requested."""
    start, end = task_dates
    return build.granted_offer(
        call=grant_call, organisation=organisation, start=start, end=end, granted=Decimal("1500")
    )


@pytest.fixture
def agreement(granted, official):
    return service.start_agreement(offer=granted, user=official)


@pytest.fixture
def estimate_agreement(lower, official):
    return service.start_agreement(offer=lower, user=official)


@pytest.fixture
def signed(agreement, official, task_dates):
    return build.sign(agreement, official=official, signed_on=task_dates[0] - 5 * DAY)


@pytest.fixture
def final_report(signed):
    return signed.reports.get(kind=ReportKind.FINAL)


@pytest.fixture
def submitted_report(final_report, ngo_user):
    build.submit_filled(final_report, user=ngo_user)
    final_report.refresh_from_db()
    return final_report
