"""The organisation forms and the filtered directory have no axe violations, also with
errors shown; what was typed stays."""

import pytest
from django.urls import reverse

from tests.browser.conftest import assert_no_axe_violations, log_in, new_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

REPRESENTATIVE_EMAIL = "fundacja@okienko.example.org"
RESIDENT_EMAIL = "mieszkanka@okienko.example.org"


def _clean(page, label):
    assert page.locator("h1").count() == 1, label
    assert_no_axe_violations(page, label)


@pytest.fixture(scope="module")
def representative(browser, demo_site):
    context = new_context(browser)
    log_in(context, demo_site.users[REPRESENTATIVE_EMAIL], demo_site.url)
    yield context
    context.close()


def test_filtered_directory_has_no_axe_violations(demo_site, context):
    page = context.new_page()
    page.goto(demo_site.url + "/organizacje/?q=fundacji&legal_form=foundation&volunteers=on")
    _clean(page, "filtered directory")


def test_profile_form_and_its_errors_have_no_axe_violations(demo_site, representative):
    page = representative.new_page()
    url = demo_site.url + reverse("ngo:profile_edit", args=["fundacja-zielony-skwer"])
    response = page.goto(url)
    assert response.status == 200
    _clean(page, "profile form")
    page.fill("textarea[name=description]", "Opis, który ma zostać po błędzie.")
    page.fill("input[name=email]", "to nie jest adres")
    with page.expect_navigation():
        page.locator("#profile-change-form [type=submit]").click()
    assert page.locator(".error-summary").count() == 1
    assert page.locator("[aria-invalid=true]").count() >= 1
    assert page.input_value("textarea[name=description]") == "Opis, który ma zostać po błędzie."
    _clean(page, "profile form with errors")


@pytest.fixture(scope="module")
def resident(browser, demo_site):
    context = new_context(browser)
    log_in(context, demo_site.users[RESIDENT_EMAIL], demo_site.url)
    yield context
    context.close()


def test_registration_of_an_informal_group_with_errors_has_no_axe_violations(demo_site, resident):
    page = resident.new_page()
    page.goto(demo_site.url + reverse("accounts:organisation_register"))
    _clean(page, "registration form")
    page.fill("input[name=name]", "Grupa Testowa z Podwórka")
    page.check("input[name=legal_form][value=informal_group]")
    with page.expect_navigation():
        page.locator("#organisation-form [type=submit]").click()
    assert page.locator(".error-summary").count() == 1
    assert page.input_value("input[name=name]") == "Grupa Testowa z Podwórka"
    _clean(page, "registration form with errors")
