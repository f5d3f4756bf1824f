"""axe on the partnership board, event sign-up and advice pages: empty, filled and error states."""

import pytest
from django.urls import reverse

from tests.browser.conftest import assert_no_axe_violations, log_in, new_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

RESIDENT_EMAIL = "mieszkanka@okienko.example.org"
OFFICIAL_EMAIL = "urzednik@okienko.example.org"


@pytest.fixture(scope="module")
def as_user(browser, demo_site):
    """Browser contexts of an anonymous visitor, the resident and the official. Made for
    the module, before any test's transaction: a session saved inside one would stay
    invisible to the live server on PostgreSQL."""
    contexts = {}
    for email in (None, RESIDENT_EMAIL, OFFICIAL_EMAIL):
        contexts[email] = new_context(browser)
        if email:
            log_in(contexts[email], demo_site.users[email], demo_site.url)
    yield lambda email=None: contexts[email]
    for context in contexts.values():
        context.close()


def _check(context, url, label, status=200):
    page = context.new_page()
    response = page.goto(url)
    assert response.status == status, f"{label}: {response.status}"
    assert page.locator("h1").count() == 1
    assert_no_axe_violations(page, label)
    return page


def test_board_pages_and_forms(demo_site, as_user):
    from partnerships.models import Post

    post = Post.objects.filter(status="open").order_by("pk").first()
    anonymous, resident, official = as_user(), as_user(RESIDENT_EMAIL), as_user(OFFICIAL_EMAIL)
    _check(anonymous, demo_site + reverse("partnerships:list"), "board list")
    _check(
        anonymous,
        demo_site + reverse("partnerships:list") + "?kind=premises&area=sport",
        "empty filter",
    )
    _check(anonymous, demo_site + post.get_absolute_url(), "post, anonymous")
    page = _check(resident, demo_site + post.get_absolute_url(), "post with answer form")
    page.click("#answer-form button[type=submit]")
    assert_no_axe_violations(page, "answer form with errors")
    page = _check(resident, demo_site + reverse("partnerships:create"), "new post form")
    page.click("#post-form button[type=submit]")
    assert page.locator(".error-summary").count() == 1
    assert_no_axe_violations(page, "new post form with errors")
    _check(resident, demo_site + reverse("partnerships:mine"), "my posts (empty)")
    _check(official, demo_site + reverse("partnerships:moderation"), "moderation queue")


def test_signup_and_advice_pages_and_forms(demo_site, as_user):
    from signups.models import RegistrationSettings

    full, open_ = RegistrationSettings.objects.order_by("event__start")[:2]
    anonymous, resident, official = as_user(), as_user(RESIDENT_EMAIL), as_user(OFFICIAL_EMAIL)
    page = _check(
        anonymous, demo_site + reverse("signups:event", args=[open_.event_id]), "sign-up, anonymous"
    )
    page.click("#signup-form button[type=submit]")
    assert_no_axe_violations(page, "anonymous sign-up with errors")
    _check(
        resident, demo_site + reverse("signups:event", args=[full.event_id]), "sign-up, signed up"
    )
    _check(
        official, demo_site + reverse("signups:participants", args=[full.event_id]), "participants"
    )
    _check(
        anonymous, demo_site + reverse("signups:cancel", args=["zly-link"]), "bad link", status=400
    )
    centre_id = official_centre_id()
    page = _check(
        resident, demo_site + reverse("signups:advice_request", args=[centre_id]), "advice form"
    )
    page.click("#advice-form button[type=submit]")
    assert_no_axe_violations(page, "advice form with errors")
    _check(resident, demo_site + reverse("signups:advice_mine"), "my advice")
    _check(official, demo_site + reverse("signups:advice_calendar"), "advice calendar")


def official_centre_id():
    from signups.models import CentreAdvisor

    return CentreAdvisor.objects.order_by("pk").values_list("centre_id", flat=True)[0]
