"""Agreements and reports with axe: the updated-estimate form and the report form empty
and with errors (the organisation's side), and the office's agreement and report pages."""

import pytest
from django.urls import reverse

from tests.browser.conftest import log_in, new_context
from tests.browser.test_accessibility import assert_clean, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

OFFICIAL_EMAIL = "urzednik@okienko.example.org"
NGO_EMAIL = "fundacja@okienko.example.org"


@pytest.fixture(scope="module")
def demo_agreements(demo_site):
    from grants.models import Agreement, AgreementStatus, ReportKind

    by_status = {a.status: a for a in Agreement.objects.all()}
    return {
        "waiting": by_status[AgreementStatus.ESTIMATE],
        "due": by_status[AgreementStatus.SIGNED].reports.get(kind=ReportKind.FINAL),
        "settled": by_status[AgreementStatus.SETTLED],
    }


@pytest.fixture(scope="module")
def ngo_context(browser, demo_site):
    context = new_context(browser)
    log_in(context, demo_site.users[NGO_EMAIL], demo_site.url)
    yield context
    context.close()


@pytest.fixture(scope="module")
def official_context(browser, demo_site):
    context = new_context(browser)
    log_in(context, demo_site.users[OFFICIAL_EMAIL], demo_site.url)
    yield context
    context.close()


def submit(page, form_id, action):
    with page.expect_navigation():
        page.locator(f"#{form_id} button[value={action}]").click()


def test_updated_estimate_form_empty_and_with_errors(demo_site, demo_agreements, ngo_context):
    url = demo_site + reverse("grants:estimate", args=[demo_agreements["waiting"].pk])
    page, _ = visit(ngo_context, url)
    assert_clean(page, "updated estimate")
    page.locator("#id_own_financial").fill("dwieście")
    page.locator("#id_costs-0-unit_cost").fill("1 000,00")
    submit(page, "estimate-form", "submit")
    assert page.locator(".error-summary a[href='#id_own_financial']").count() == 1
    assert page.locator("#id_own_financial").input_value() == "dwieście"
    assert_clean(page, "updated estimate with errors")
    # a readable form whose sums do not add up: the offer's rules answer
    page.locator("#id_own_financial").fill("10,00")
    submit(page, "estimate-form", "submit")
    assert page.locator(".error-summary li").count() >= 1
    assert_clean(page, "updated estimate refused by the offer's rules")


def test_report_form_empty_and_with_errors(demo_site, demo_agreements, ngo_context):
    report = demo_agreements["due"]
    page, _ = visit(ngo_context, demo_site + report.get_absolute_url())
    assert_clean(page, "report form")
    page.locator("#id_costs-0-actual_total").fill("12,345.67")
    page.locator("#id_results-0-achieved").fill("dużo")
    submit(page, "report-form", "submit")
    assert page.locator(".error-summary a[href='#id_costs-0-actual_total']").count() == 1
    assert page.locator(".error-summary a[href='#id_results-0-achieved']").count() == 1
    assert page.locator("#id_costs-0-actual_total").input_value() == "12,345.67"
    assert_clean(page, "report form with unreadable numbers")
    page.locator("#id_costs-0-actual_total").fill("1 000,00")
    page.locator("#id_results-0-achieved").fill("10")
    submit(page, "report-form", "submit")
    assert page.locator(".error-summary a[href='#id_actions_description']").count() == 1
    assert page.locator(".error-summary a[href='#id_results-0-comment']").count() == 1
    assert_clean(page, "report form refused by the report's rules")


def test_office_agreement_and_report_pages(demo_site, demo_agreements, official_context):
    settled = demo_agreements["settled"]
    page, _ = visit(official_context, demo_site + settled.get_absolute_url())
    assert_clean(page, "settled agreement")
    page, _ = visit(official_context, demo_site + settled.reports.get().get_absolute_url())
    assert_clean(page, "accepted final report")
    page, _ = visit(official_context, demo_site + reverse("grants:agreements"))
    assert_clean(page, "agreements list")
