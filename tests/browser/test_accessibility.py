"""Every page type of the demo site has zero axe-core WCAG 2.0/2.1 A and AA violations.

The page sweep is parametrised from the code (see routes.py): each Wagtail page
type, each model with a public page, each named URL without arguments, plus the
states a URL cannot express (404, search with and without hits, forms with errors).
"""

from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.urls import NoReverseMatch, reverse

from tests.browser.conftest import (
    assert_focus_visible,
    assert_no_axe_violations,
    focused,
    log_in,
    new_context,
)
from tests.browser.routes import (
    consultation_phases,
    object_model_labels,
    page_models,
    parameterless_url_names,
    url_arguments,
    url_names_with_arguments,
)

# django_db gets the test database created; the demo_site fixture commits the
# seeded content itself, outside the per-test transaction.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

RESIDENT_EMAIL = "mieszkanka@okienko.example.org"


@pytest.fixture(scope="module")
def resident_context(browser, demo_site):
    """One logged-in context for the module (logging in per test costs more than it tells)."""
    context = new_context(browser)
    log_in(context, demo_site.users[RESIDENT_EMAIL], demo_site.url)
    yield context
    context.close()


def visit(context, url, *, expect_status=200):
    page = context.new_page()
    response = page.goto(url)
    assert response is not None, f"no response from {url}"
    assert response.status == expect_status, f"{url} answered {response.status}"
    return page, response


def is_html(response) -> bool:
    return response.headers.get("content-type", "").startswith("text/html")


def open_html_page(context, url: str, label: str):
    """Open `url` in a new tab if it is an HTML page; skip feeds, .ics files and POST-only URLs.

    The response is probed first through the context's request API (same cookies),
    because navigating to a file download aborts the navigation.
    """
    probe = context.request.get(url)
    if probe.status == 405:
        pytest.skip(f"{label} accepts no GET")
    assert probe.status == 200, f"{label} answered {probe.status}"
    if not is_html(probe):
        pytest.skip(f"{label} is {probe.headers.get('content-type')}, not an HTML page")
    page, _ = visit(context, url)
    return page


def assert_clean(page, label):
    assert page.locator("h1").count() == 1, f"{label}: expected exactly one h1"
    assert page.locator("main#main").count() == 1, f"{label}: no <main id=main>"
    assert_no_axe_violations(page, label)


@pytest.mark.parametrize("page_type", page_models())
def test_page_type_has_no_axe_violations(demo_site, context, page_type):
    path = demo_site.page_paths.get(page_type)
    if path is None:
        pytest.skip(f"the demo content has no live {page_type} page")
    page, _ = visit(context, demo_site + path)
    assert_clean(page, f"{page_type} at {path}")


@pytest.mark.parametrize("phase", consultation_phases())
def test_consultation_in_each_phase_has_no_axe_violations(demo_site, context, phase):
    """Planned, open (comment forms), closed and reported (official responses) pages differ."""
    path = demo_site.consultation_paths.get(phase)
    if path is None:
        pytest.skip(f"the demo content has no consultation in the {phase!r} phase")
    page, _ = visit(context, demo_site + path)
    assert_clean(page, f"consultation ({phase}) at {path}")


@pytest.mark.parametrize("model", object_model_labels())
def test_object_page_has_no_axe_violations(demo_site, context, model):
    path = demo_site.object_paths.get(model)
    if path is None:
        pytest.skip(f"the demo content has no {model} with a public page")
    page = open_html_page(context, demo_site + path, f"{model} at {path}")
    assert_clean(page, f"{model} at {path}")


def check_route(demo_site, context, resident_context, url_name, path):
    label = f"{url_name} ({path})"
    page = open_html_page(context, demo_site + path, label)
    if page.url.split("?")[0].endswith(reverse("account_login")) and url_name != "account_login":
        # The page needs an account: check what a logged-in resident sees instead.
        page.close()
        page = open_html_page(resident_context, demo_site + path, label)
    assert_clean(page, label)


@pytest.mark.parametrize("url_name", parameterless_url_names())
def test_named_url_has_no_axe_violations(demo_site, context, resident_context, settings, url_name):
    if url_name == "wagtailcore_login":
        # Wagtail's own login template has no landmarks and no portal chrome: private
        # pages must send visitors to the portal's login page instead.
        assert settings.WAGTAIL_FRONTEND_LOGIN_URL == settings.LOGIN_URL
        pytest.skip("private pages send visitors to the portal's own login page")
    check_route(demo_site, context, resident_context, url_name, reverse(url_name))


@pytest.mark.parametrize("url_name", url_names_with_arguments())
def test_url_with_arguments_has_no_axe_violations(demo_site, context, resident_context, url_name):
    namespace = url_name.split(":")[0]
    kwargs = {}
    for argument in url_arguments(url_name):
        value = demo_site.samples.get(
            (url_name, argument), demo_site.samples.get((namespace, argument))
        )
        if value is None:
            pytest.skip(f"the demo content gives no {argument!r} for {url_name}")
        kwargs[argument] = value
    check_route(demo_site, context, resident_context, url_name, reverse(url_name, kwargs=kwargs))


def test_broken_newsletter_link_page_has_no_axe_violations(demo_site, context):
    try:
        path = reverse("newsletters:preferences", kwargs={"token": "zepsuty-link"})
    except NoReverseMatch:
        pytest.skip("no newsletter preferences page")
    page = context.new_page()
    response = page.goto(demo_site + path)
    assert 400 <= response.status < 500, f"a broken link answered {response.status}"
    assert_clean(page, "newsletter link problem")


def test_logout_confirmation_has_no_axe_violations(demo_site, resident_context):
    page, _ = visit(resident_context, demo_site + reverse("account_logout"))
    assert_clean(page, "logout confirmation")


def test_not_found_page_has_no_axe_violations(demo_site, context):
    page, _ = visit(context, demo_site + "/nie-ma-takiej-strony-404/", expect_status=404)
    assert_clean(page, "404 page")


@pytest.mark.parametrize("hits", [True, False], ids=["with-hits", "without-hits"])
def test_search_results_have_no_axe_violations(demo_site, context, hits):
    query = demo_site.search_word if hits else "qzxjwvk"
    url = demo_site + reverse("search:results") + "?" + urlencode({"q": query})
    page, _ = visit(context, url)
    assert page.locator("#header-search-q").input_value() == query
    assert_clean(page, f"search for {query!r}")


def test_signup_form_with_errors_has_no_axe_violations(demo_site, context):
    page, _ = visit(context, demo_site + reverse("account_signup"))
    form = page.locator("main form").filter(has=page.locator("input[name=password1]"))
    form.locator("input[name=email]").fill("nowa.osoba@example.org")
    form.locator("input[name=password1]").fill("Dlugie-haslo-2026")
    form.locator("input[name=password2]").fill("Inne-haslo-2026")
    with page.expect_navigation():
        form.locator("[type=submit]").last.click()
    invalid = page.locator("[aria-invalid=true]")
    assert invalid.count() >= 1, "fields with errors are not marked aria-invalid"
    # Each invalid field points at its error message.
    for index in range(invalid.count()):
        described = invalid.nth(index).get_attribute("aria-describedby") or ""
        assert described.strip(), "an invalid field is not linked to its error message"
    assert form.locator("input[name=email]").input_value() == "nowa.osoba@example.org"
    assert_clean(page, "sign-up form with errors")


def test_login_form_with_errors_has_no_axe_violations(demo_site, context):
    page, _ = visit(context, demo_site + reverse("account_login"))
    form = page.locator("main form").filter(has=page.locator("input[type=password]"))
    form.locator("input[name=login]").fill(RESIDENT_EMAIL)
    form.locator("input[type=password]").fill("not-the-password")
    with page.expect_navigation():
        form.locator("[type=submit]").last.click()
    assert_clean(page, "login form with errors")


@pytest.mark.parametrize("where", ["home", "detail"])
def test_english_variant_has_no_axe_violations(demo_site, context, where):
    path = "/"
    if where == "detail":
        details = [p for label, p in sorted(demo_site.page_paths.items()) if p != "/"]
        if not details:
            pytest.skip("the demo content has no page below the home page")
        path = details[-1]
    page, _ = visit(context, demo_site + path)
    assert page.locator("html").get_attribute("lang") == "pl"
    page.locator(".language-switch a[hreflang=en]").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.url == demo_site + path, "the language switch did not return to the same page"
    assert_clean(page, f"{path} in English")


def test_server_error_page_has_no_axe_violations(demo_site, context):
    from django.template.loader import render_to_string

    page, _ = visit(context, demo_site + "/")
    # The 500 page is static HTML (rendered without a request); load it over a
    # page of the live site so its stylesheet resolves as it would in production.
    page.set_content(render_to_string("500.html"))
    assert page.locator("html").get_attribute("lang") == "pl"
    assert_clean(page, "500 page")


def test_password_protected_page_has_no_axe_violations(demo_site, context, client):
    from wagtail.models import Page, PageViewRestriction, Site

    root = Site.objects.get(is_default_site=True).root_page
    path = demo_site.page_paths["cms_pages.StandardPage"]
    target = Page.objects.get(url_path=root.url_path + path.lstrip("/"))
    # Made inside this test's transaction (rolled back afterwards) and rendered by the
    # test client, which sees that transaction on any database; the HTML is then shown
    # over a page of the live site so that its stylesheets resolve.
    restriction = PageViewRestriction.objects.create(
        page=target, restriction_type=PageViewRestriction.PASSWORD, password="rada-2026"
    )
    action = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, target.pk])
    response = client.post(action, {"password": "zle", "return_url": path})
    assert response.status_code == 200
    page, _ = visit(context, demo_site + "/")
    page.set_content(response.content.decode())
    assert page.locator("#id_password[aria-invalid=true]").count() == 1
    assert_clean(page, "password-protected page, wrong password")


@pytest.mark.parametrize("state", ["queued", "done"])
def test_report_export_status_page_has_no_axe_violations(demo_site, context, client, state):
    """The background export page (only reports over 1,000 comments get one)."""
    if not apps.is_installed("consultations"):
        pytest.skip("consultations is not installed")
    sample = demo_site.samples.get(("consultations:report", "page_id"))
    if sample is None:
        pytest.skip("the demo content has no consultation with a published report")
    ReportExport = apps.get_model("consultations", "ReportExport")
    # Made in this test's transaction and rendered by the test client (see above).
    export = ReportExport.objects.create(consultation_id=sample, format="pdf", status=state)
    url = reverse("consultations:export_status", kwargs={"page_id": sample, "export_id": export.pk})
    response = client.get(url)
    assert response.status_code == 200
    page, _ = visit(context, demo_site + "/")
    page.set_content(response.content.decode())
    assert_clean(page, f"report export status ({state})")


def test_report_export_progress_updates_in_place_without_reloading(demo_site, context, client):
    """The status region is refreshed by a script (no timed reload, WCAG 2.2.1)."""
    if not apps.is_installed("consultations"):
        pytest.skip("consultations is not installed")
    sample = demo_site.samples.get(("consultations:report", "page_id"))
    if sample is None:
        pytest.skip("the demo content has no consultation with a published report")
    ReportExport = apps.get_model("consultations", "ReportExport")
    export = ReportExport.objects.create(consultation_id=sample, format="pdf", status="running")
    path = reverse(
        "consultations:export_status", kwargs={"page_id": sample, "export_id": export.pk}
    )
    running = client.get(path).content.decode()
    export.status, export.progress = "done", 100
    export.save()
    done = client.get(path).content.decode()
    # The pages come from the test client (this test's transaction); the script and
    # stylesheets from the live server. First load: running; every poll after: done.
    answers = [running]
    context.route(
        demo_site + path,
        lambda route: route.fulfill(
            status=200,
            content_type="text/html; charset=utf-8",
            body=answers.pop(0) if answers else done,
        ),
    )
    page = context.new_page()
    page.goto(demo_site + path)
    assert page.locator("#export-download").count() == 0
    page.locator("#export-download").wait_for(timeout=15_000)
    assert page.locator("#export-status").get_attribute("data-status") == "done"
    assert page.locator("[role=status]").count() == 1
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
    assert_clean(page, "report export status after the update")


@pytest.mark.parametrize("width", [1280, 375], ids=["desktop", "phone"])
def test_every_tab_stop_on_the_home_page_shows_visible_focus(browser, demo_site, width):
    context = new_context(browser, viewport={"width": width, "height": 800})
    try:
        page, _ = visit(context, demo_site + "/")
        stops = 0
        for _ in range(150):
            page.keyboard.press("Tab")
            state = focused(page)
            if state is None or (stops and "skip-link" in state["classes"]):
                break  # focus left the document or wrapped round: no keyboard trap
            stops += 1
            assert_focus_visible(state)
            box = page.evaluate(
                "() => { const r = document.activeElement.getBoundingClientRect();"
                " return {w: r.width, h: r.height, top: r.top, bottom: r.bottom}; }"
            )
            assert box["w"] > 0 and box["h"] > 0, f"focused element has no size: {state}"
            assert box["bottom"] > 0 and box["top"] < 800, f"focus is off screen: {state}"
        else:
            raise AssertionError("Tab never left the page: keyboard trap?")
        assert stops >= 5, f"only {stops} Tab stops on the home page"
    finally:
        context.close()
