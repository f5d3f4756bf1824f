"""Organisations' proposals, profiles and the council's polite refusal have no axe
violations: the proposal forms empty and with errors (typed input stays), "My
proposals", the profile pages with their sections, the refused nomination.

The demo's NGO representative (Fundacja Zielony Skwer, working in the city) has a
proposal in each state and an open post on the partnership board; Stowarzyszenie
Seniorzy w Akcji has grants in the published results and a seat in the council.
"""

import pytest
from django.urls import reverse

from tests.browser.conftest import assert_no_axe_violations, log_in, new_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

NGO_EMAIL = "fundacja@okienko.example.org"
NGO_SLUG = "fundacja-zielony-skwer"


@pytest.fixture(scope="module")
def ngo_context(browser, demo_site):
    context = new_context(browser)
    log_in(context, demo_site.users[NGO_EMAIL], demo_site.url)
    yield context
    context.close()


def check(page, label):
    assert page.locator("h1").count() == 1, label
    assert_no_axe_violations(page, label)


@pytest.mark.parametrize("kind", ["news", "event"])
def test_proposal_form_empty_and_with_errors(demo_site, ngo_context, kind):
    page = ngo_context.new_page()
    response = page.goto(demo_site + reverse(f"ngo:propose_{kind}", args=[NGO_SLUG]))
    assert response.status == 200
    check(page, f"{kind} proposal form")
    form = page.locator("#proposal-form")
    form.locator("input[name=title]").fill("Tytuł, który ma zostać po błędzie")
    form.locator("textarea[name=lead]").fill("")
    with page.expect_navigation():
        form.locator("[type=submit]").click()
    assert page.locator(".error-summary").count() == 1
    assert page.locator("[aria-invalid=true]").count() >= 1
    assert page.input_value("input[name=title]") == "Tytuł, który ma zostać po błędzie"
    # Each error in the summary leads to its field.
    first = page.locator(".error-summary a").first.get_attribute("href")
    assert page.locator(first).count() == 1
    check(page, f"{kind} proposal form with errors")
    page.close()


def test_my_proposals_has_no_axe_violations(demo_site, ngo_context):
    page = ngo_context.new_page()
    page.goto(demo_site + reverse("ngo:my_proposals"))
    assert page.locator("tr[id^=proposal-]").count() == 3
    check(page, "my proposals")
    page.close()


@pytest.mark.parametrize(
    ("slug", "sections"),
    [
        (NGO_SLUG, ["propose", "partnership-posts", "cooperation-bodies"]),
        ("stowarzyszenie-seniorzy-w-akcji", ["grants-received", "cooperation-bodies"]),
    ],
)
def test_profile_page_with_its_sections_has_no_axe_violations(
    demo_site, ngo_context, slug, sections
):
    page = ngo_context.new_page()
    page.goto(demo_site + reverse("accounts:organisation_detail", args=[slug]))
    for section in sections:
        assert page.locator(f"#section-{section}").count() == 1, section
    check(page, f"profile of {slug}")
    page.close()


def test_refused_nomination_has_no_axe_violations(demo_site, ngo_context):
    from cooperation.models import CandidateCall

    call = CandidateCall.objects.get(body__municipality__slug="lipowa-dolina")
    page = ngo_context.new_page()
    page.goto(demo_site + call.get_absolute_url())
    assert page.locator("#nomination-elsewhere").count() == 1
    check(page, "call page, organisation working elsewhere")
    response = page.goto(demo_site + reverse("cooperation:nominate", args=[call.pk]))
    assert response.status == 403
    check(page, "refused nomination")
    page.close()
