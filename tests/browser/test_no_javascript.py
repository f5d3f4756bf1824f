"""The shared chrome works with JavaScript switched off (progressive enhancement only)."""

import pytest
from django.urls import reverse

from tests.browser.conftest import new_context

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def no_js_page(browser):
    context = new_context(browser, java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_header_search_works_without_javascript(live_server, no_js_page):
    page = no_js_page
    page.goto(live_server.url + "/")
    page.locator("#header-search-q").fill("uchwała budżetowa")
    with page.expect_navigation():
        page.locator("#header-search-q").press("Enter")
    assert page.url.startswith(live_server.url + reverse("search:results"))
    assert page.locator("#header-search-q").input_value() == "uchwała budżetowa"


def test_language_switch_works_without_javascript(live_server, no_js_page):
    page = no_js_page
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "pl"
    with page.expect_navigation():
        page.locator(".language-switch a[hreflang=en]").click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.url == live_server.url + "/"
    with page.expect_navigation():
        page.locator(".language-switch a[hreflang=pl]").click()
    assert page.locator("html").get_attribute("lang") == "pl"
