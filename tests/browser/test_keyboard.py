"""Keyboard-only use: skip link, visible focus, sign-up → e-mail confirmation → log-in.

Nothing here clicks: focus moves with Tab, text is typed, forms are sent with
Enter or Space, exactly as someone who cannot use a mouse would do it.
"""

import re
from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from tests.browser.conftest import (
    assert_focus_visible,
    assert_no_axe_violations,
    focused,
    tab_until,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EMAIL = "jan.kowalczyk@example.org"
PASSWORD = "Okienko-klawiatura-2026"
# What a person types into each field of the account forms, by field name.
TYPED = {
    "email": EMAIL,
    "login": EMAIL,
    "password": PASSWORD,
    "password1": PASSWORD,
    "password2": PASSWORD,
    "first_name": "Jan",
    "last_name": "Kowalczyk",
    "display_name": "Jan K.",
}
NOT_THE_FORM = ("search", "i18n", "logout")
URL_CONFIRM = re.compile(r"https?://\S+?/konto/confirm-email/\S+?/")


def is_main_form_control(state) -> bool:
    return bool(
        state["inMain"]
        and state["form"] is not None
        and not any(part in state["form"] for part in NOT_THE_FORM)
    )


def complete_form_with_keyboard(page, *, check: tuple[str, ...] = ()) -> list[str]:
    """Tab through the page's main form, type into each field, tick `check`, send with Enter.

    Returns the names of the fields it filled, so the test can tell the form was really used.
    """
    filled = []
    for _ in range(60):
        state = tab_until(page, is_main_form_control)
        name, tag, kind = state["name"], state["tag"], state["type"]
        if tag == "button" or kind == "submit":
            with page.expect_navigation():
                page.keyboard.press("Enter")
            return filled
        if kind == "checkbox":
            if name in check:
                page.keyboard.press("Space")
                filled.append(name)
        elif name in TYPED:
            page.keyboard.type(TYPED[name])
            filled.append(name)
    raise AssertionError(f"never reached the submit button of the form on {page.url}")


def path_of(url: str) -> str:
    return urlsplit(url).path


def test_skip_link_is_first_tab_stop_and_moves_focus_to_main(live_server, page):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    state = focused(page)
    assert state is not None and "skip-link" in state["classes"], (
        f"first Tab stop is {state}, not the skip link"
    )
    assert state["href"] == "#main"
    assert_focus_visible(state)
    assert page.locator(".skip-link").is_visible(), "the focused skip link is not on screen"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    # The next Tab continues inside (or after) the main content, not in the header.
    page.keyboard.press("Tab")
    after = focused(page)
    assert (
        after is None
        or after["inMain"]
        or page.evaluate("!!document.activeElement.closest('footer')")
    ), f"Tab after the skip link went back to {after}"


def test_keyboard_only_signup_confirmation_and_login(live_server, page, mailoutbox):
    signup_path = reverse("account_signup")
    page.goto(live_server.url + "/")

    # Home → "Create an account" with Tab only (every stop on the way shows focus).
    tab_until(page, lambda s: s["href"] == signup_path)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert path_of(page.url) == signup_path
    assert_no_axe_violations(page, "sign-up form")

    filled = complete_form_with_keyboard(page, check=("accept_terms",))
    assert {"email", "password1"} <= set(filled), f"filled only {filled}"
    assert path_of(page.url) != signup_path, "the sign-up form was refused"
    assert EmailAddress.objects.filter(email=EMAIL, verified=False).exists()
    assert_no_axe_violations(page, "page after sign-up (check your e-mail)")

    # The confirmation link arrives by e-mail.
    assert len(mailoutbox) == 1, [m.subject for m in mailoutbox]
    match = URL_CONFIRM.search(mailoutbox[0].body)
    assert match, f"no confirmation link in:\n{mailoutbox[0].body}"
    page.goto(live_server.url + path_of(match.group(0)))
    assert_no_axe_violations(page, "e-mail confirmation page")

    # Confirm with the keyboard: Tab to the button, Enter.
    tab_until(page, lambda s: is_main_form_control(s) and s["tag"] == "button")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert EmailAddress.objects.filter(email=EMAIL, verified=True).exists()

    # Log in with the keyboard; allauth sends us to the login page after confirming.
    if path_of(page.url) != reverse("account_login"):
        page.goto(live_server.url + reverse("account_login"))
    assert_no_axe_violations(page, "login page after confirming")
    filled = complete_form_with_keyboard(page)
    assert {"login", "password"} <= set(filled), f"filled only {filled}"
    assert path_of(page.url) == reverse("accounts:profile")
    assert page.locator("main").get_by_text(EMAIL).count() >= 1
    assert_no_axe_violations(page, "profile after the first login")
