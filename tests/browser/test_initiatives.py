"""Local initiative screens with axe: the officials' screens and every form empty and
with errors (the route sweep covers the public pages and the applicant's own ones)."""

import pytest
from django.urls import reverse

from tests.browser.conftest import log_in, new_context
from tests.browser.test_accessibility import assert_clean, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

OFFICIAL_EMAIL = "urzednik@okienko.example.org"
RESIDENT_EMAIL = "mieszkanka@okienko.example.org"


@pytest.fixture(scope="module")
def demo_initiatives(demo_site):
    from initiatives.models import Application, Status

    accepted = Application.objects.select_related("municipality").get(status=Status.ACCEPTED)
    submitted = Application.objects.get(status=Status.SUBMITTED)
    return {"slug": accepted.municipality.slug, "accepted": accepted, "submitted": submitted}


@pytest.fixture(scope="module")
def official_context(browser, demo_site):
    context = new_context(browser)
    log_in(context, demo_site.users[OFFICIAL_EMAIL], demo_site.url)
    yield context
    context.close()


@pytest.fixture(scope="module")
def applicant_context(browser, demo_site):
    context = new_context(browser)
    log_in(context, demo_site.users[RESIDENT_EMAIL], demo_site.url)
    yield context
    context.close()


def submit_empty(page, form_id):
    with page.expect_navigation():
        page.locator(f"#{form_id} [type=submit]").last.click()
    assert page.locator(".error-summary").count() >= 1, f"{form_id}: no error summary"


@pytest.mark.parametrize(
    ("name", "form_id"),
    [
        ("official_list", None),
        ("setup", "setup-form"),
        ("evaluate", "score-form"),
        ("evaluate", "decision-form"),
        ("agreement", "agreement-form"),
        ("application", None),
    ],
)
def test_officials_screens_have_no_axe_violations(
    demo_site, demo_initiatives, official_context, name, form_id
):
    args = {
        "official_list": [demo_initiatives["slug"]],
        "setup": [demo_initiatives["slug"]],
        "evaluate": [demo_initiatives["submitted"].pk],
        "agreement": [demo_initiatives["accepted"].pk],
        "application": [demo_initiatives["submitted"].pk],
    }[name]
    page, _ = visit(official_context, demo_site + reverse(f"initiatives:{name}", args=args))
    assert_clean(page, name)
    if form_id:
        if form_id == "setup-form":
            page.locator("#id_deadlines").fill("31.02")
        if form_id == "agreement-form":
            page.locator("#id_number").fill("")
        submit_empty(page, form_id)
        assert_clean(page, f"{name} with errors ({form_id})")


def test_application_form_empty_and_with_errors(demo_site, demo_initiatives, applicant_context):
    page, _ = visit(
        applicant_context, demo_site + reverse("initiatives:new", args=[demo_initiatives["slug"]])
    )
    assert_clean(page, "application form")
    page.locator("#id_title").fill("Ławki przy stawie")
    page.locator("#id_city_contribution").fill("dużo")
    with page.expect_navigation():
        page.locator("#application-form button[name=submit]").click()
    assert page.locator("#id_title").input_value() == "Ławki przy stawie"
    assert page.locator(".error-summary a[href='#id_city_contribution']").count() == 1
    assert_clean(page, "application form with errors")


def test_my_applications_and_the_refusal_page(demo_site, demo_initiatives, applicant_context):
    page, _ = visit(applicant_context, demo_site + reverse("initiatives:my_applications"))
    assert_clean(page, "my applications")
    page, _ = visit(
        applicant_context,
        demo_site + reverse("initiatives:edit", args=[demo_initiatives["submitted"].pk]),
        expect_status=403,
    )
    assert_clean(page, "submitted application refuses edits")
