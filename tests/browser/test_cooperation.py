"""The cooperation bodies' pages and forms have no axe violations, empty and with errors.

The demo's NGO representative is the secretary of the ecology working group (minutes,
proposals) and represents an organisation that has not nominated a council candidate.
"""

import pytest
from django.urls import reverse

from tests.browser.conftest import assert_no_axe_violations, log_in, new_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

NGO_EMAIL = "fundacja@okienko.example.org"


@pytest.fixture(scope="module")
def ngo_context(browser, demo_site):
    context = new_context(browser)
    log_in(context, demo_site.users[NGO_EMAIL], demo_site.url)
    yield context
    context.close()


def _urls():
    from cooperation.models import Body, CandidateCall, Meeting

    group = Body.objects.select_related("municipality").get(slug="grupa-ekologia")
    meeting = Meeting.objects.filter(body=group).order_by("-starts_at").first()  # no minutes yet
    call = CandidateCall.objects.get(body__municipality=group.municipality)
    return {
        "list": reverse("cooperation:body_list"),
        "body": group.get_absolute_url(),
        "minutes": reverse("cooperation:minutes", args=[meeting.pk]),
        "proposal": reverse("cooperation:proposal_new", args=[group.municipality.slug, group.slug]),
        "nominate": reverse("cooperation:nominate", args=[call.pk]),
    }


def check(page, label):
    assert page.locator("h1").count() == 1, label
    assert_no_axe_violations(page, label)


@pytest.mark.parametrize("name", ["list", "body", "minutes", "proposal", "nominate"])
def test_cooperation_page_has_no_axe_violations(demo_site, ngo_context, name):
    page = ngo_context.new_page()
    response = page.goto(demo_site + _urls()[name])
    assert response.status == 200, f"{name} answered {response.status}"
    check(page, name)
    page.close()


def test_proposal_form_with_errors_keeps_what_was_typed(demo_site, ngo_context):
    page = ngo_context.new_page()
    page.goto(demo_site + _urls()["proposal"])
    form = page.locator("main form")
    form.locator("input[name=title]").fill("Sprzątanie brzegów rzeki")
    form.locator("input[name=estimated_cost]").fill("sporo")
    with page.expect_navigation():
        form.locator("[type=submit]").click()
    assert page.locator(".error-summary").count() == 1
    assert form.locator("input[name=title]").input_value() == "Sprzątanie brzegów rzeki"
    assert page.locator("[aria-invalid=true]").count() >= 1
    check(page, "proposal form with errors")
    page.close()


def test_minutes_form_with_errors(demo_site, ngo_context):
    page = ngo_context.new_page()
    page.goto(demo_site + _urls()["minutes"])
    page.locator("main form textarea[name=text]").fill("   ")
    with page.expect_navigation():
        page.locator("main form [type=submit]").first.click()
    assert page.locator(".error-summary").count() == 1
    check(page, "minutes form with errors")
    page.close()
