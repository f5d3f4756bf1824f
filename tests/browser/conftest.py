"""Browser fixtures: Debian's Chromium through Playwright, axe-core, a seeded demo site.

Two ways to reach a running site:

* ``live_server`` (pytest-django) with ``transactional_db`` for flows that write
  (sign-up, log-in): every test starts from the state the migrations left.
* ``demo_site``, a module-scoped server over the seeded demo content, for the
  read-only page sweep: seeding once per module keeps the suite within budget.
  It restores the migrations' state when the module is done, so tests that run
  after it see the same database as any other test.
"""

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

# Playwright's sync API runs an event loop in the test thread; Django refuses ORM
# calls from a thread with a running loop unless told this is deliberate.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
DEMO_SEED = 2026
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _axe_script_path() -> Path:
    import axe_playwright_python

    return Path(axe_playwright_python.__file__).with_name("axe.min.js")


# --- Browser -----------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"needs Chromium: {CHROMIUM} is missing (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


def new_context(browser, **options):
    """A fresh context: Polish first, like a resident of the city (the site's default)."""
    defaults = {"locale": "pl-PL", "viewport": {"width": 1280, "height": 900}}
    context = browser.new_context(**(defaults | options))
    context.set_default_timeout(10_000)
    # Generous for navigations: the first search in a process loads the Polish
    # lemmatiser's dictionary (seconds on a busy 2-core machine).
    context.set_default_navigation_timeout(60_000)
    context.add_init_script(CSP_RECORDER_JS)
    return context


# Every page records what its Content-Security-Policy blocked (inline code, foreign
# hosts); assert_no_axe_violations fails on any, so the sweep covers every page type.
CSP_RECORDER_JS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
});
"""


def csp_violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations || []")


@pytest.fixture
def context(browser):
    context = new_context(browser)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


# --- axe-core ----------------------------------------------------------------


def axe_violations(page) -> list[dict]:
    """Run axe-core's WCAG 2.0/2.1 A and AA rules on the loaded page."""
    page.evaluate(_axe_script_path().read_text(encoding="utf-8"))
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    results = page.evaluate("async (options) => await axe.run(document, options)", options)
    return results["violations"]


def format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation.get('impact')}): {violation['help']}"
            f" <{violation['helpUrl']}>"
        )
        for node in violation["nodes"][:5]:
            target = " ".join(t if isinstance(t, str) else json.dumps(t) for t in node["target"])
            lines.append(f"    at {target}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"       {summary[:300]}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    … and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)


def assert_no_axe_violations(page, label: str = "") -> None:
    blocked = csp_violations(page)
    assert not blocked, f"the Content-Security-Policy blocked on {label or page.url}: {blocked}"
    violations = axe_violations(page)
    assert not violations, (
        f"axe-core found {len(violations)} WCAG A/AA violation(s) on "
        f"{label or page.url}:\n{format_violations(violations)}"
    )


# --- Keyboard and focus ------------------------------------------------------

FOCUS_STATE_JS = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow && style.boxShadow !== "none";
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    name: el.getAttribute("name"),
    type: el.getAttribute("type"),
    href: el.getAttribute("href"),
    classes: el.className && typeof el.className === "string" ? el.className : "",
    text: (el.innerText || el.value || "").trim().slice(0, 80),
    focusVisible: el.matches(":focus-visible"),
    indicator: outline || shadow,
    inMain: !!el.closest("main"),
    form: el.form ? (el.form.getAttribute("action") || "") : null,
  };
}
"""


def focused(page) -> dict | None:
    return page.evaluate(FOCUS_STATE_JS)


def assert_focus_visible(state: dict | None) -> None:
    assert state is not None, "nothing has keyboard focus"
    assert state["focusVisible"] and state["indicator"], (
        f"keyboard focus is not visible on {state['tag']}#{state['id']}.{state['classes']}"
        f" ({state['text']!r}): no outline or box-shadow under :focus-visible"
    )


def tab_until(page, predicate, *, limit: int = 80, check_focus: bool = True) -> dict:
    """Press Tab until the focused element satisfies `predicate`; check every stop shows focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = focused(page)
        if check_focus and state is not None:
            assert_focus_visible(state)
        if state is not None and predicate(state):
            return state
    raise AssertionError(f"no Tab stop matched within {limit} presses on {page.url}")


# --- Logging in a browser context --------------------------------------------


def log_in(context, user, base_url: str) -> None:
    """Give the browser context a session for `user` (what force_login does for the test client)."""
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    # The live server reads the session on its own connection: on PostgreSQL a session
    # saved inside a test's transaction never reaches it. Log in from a module fixture.
    assert not connection.in_atomic_block, "log_in() inside a test's transaction: use a fixture"
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": base_url}])


# --- The seeded demo site ----------------------------------------------------


@dataclass
class DemoSite:
    url: str
    # "app_label.ModelName" -> path of one live page / object of that type
    page_paths: dict[str, str] = field(default_factory=dict)
    object_paths: dict[str, str] = field(default_factory=dict)
    search_word: str = ""
    # (namespace, URL argument) -> a value that exists in the demo content
    samples: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)
    # consultation phase -> path of a consultation in that phase
    consultation_paths: dict[str, str] = field(default_factory=dict)

    def __add__(self, path: str) -> str:
        return self.url + path


def _restore_migrated_state(connection) -> None:
    """Empty the database and load what the migrations created (Site, home page, groups)."""
    from django.core.management import call_command

    contents = connection._test_serialized_contents
    call_command(
        "flush",
        verbosity=0,
        interactive=False,
        database=connection.alias,
        # As TransactionTestCase does: sequences keep counting, so rows loaded
        # with their old primary keys never collide with rows created later.
        reset_sequences=False,
        inhibit_post_migrate=True,
    )
    connection.creation.deserialize_db_from_string(_content_types_first(contents))


def _content_types_first(contents: str) -> str:
    """Put the content types at the head of serialized database contents.

    Django serializes app by app, so a Wagtail page of an app listed before
    contenttypes comes first; building it calls ContentType.get_for_model(),
    which (with a cold cache, e.g. when only tests/browser runs) creates a
    content type row under a new id, and loading the real row then fails on
    the unique (app_label, model) pair.
    """
    objects = json.loads(contents)
    objects.sort(key=lambda obj: obj["model"] != "contenttypes.contenttype")  # stable
    return json.dumps(objects)


def _baseline(connection) -> str:
    contents = getattr(connection, "_test_serialized_contents", None)
    if contents is None:
        from wagtail.models import Site

        # No test in this run asked for serialized rollback, so nothing has
        # flushed the database yet: it still holds exactly what migrations made.
        assert Site.objects.filter(is_default_site=True).exists(), (
            "the test database lost its migrated content (a transactional test without "
            "serialized_rollback ran earlier); cannot build the demo site"
        )
        contents = connection.creation.serialize_db_to_string()
        connection._test_serialized_contents = contents
    return contents


def _first_paths_by_type(site) -> dict[str, str]:
    from wagtail.models import Page

    paths = {}
    root = site.root_page
    pages = Page.objects.live().public().descendant_of(root, inclusive=True).order_by("path")
    for page in pages.specific(defer=True).iterator():
        label = page._meta.label
        if label not in paths:
            url = page.relative_url(site)
            if url:
                paths[label] = url
    return paths


def _first_object_paths(models) -> dict[str, str]:
    from tests.browser.routes import NOT_PUBLIC_PREFIXES

    paths = {}
    for model in models:
        manager = model._default_manager
        for obj in manager.order_by("pk")[:20]:
            try:
                url = obj.get_absolute_url()
            except Exception:  # noqa: BLE001, S112 - an object that cannot link is skipped
                continue
            # With several sites Wagtail links pages with their host; the sweep has its own.
            url = urlunsplit(("", "", *urlsplit(url)[2:])) if url else url
            # A comment's URL is django-comments' redirect (/komentarze/cr/...) to the
            # commented object; the page it lands on is swept as its own page type.
            if url and not url.lstrip("/").startswith(NOT_PUBLIC_PREFIXES):
                paths[model._meta.label] = url
                break
    return paths


@pytest.fixture(scope="module")
def demo_site(browser, django_db_setup, django_db_blocker):
    """A live server over `seed_demo` content, built once per test module."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from pytest_django.live_server_helper import LiveServer
    from wagtail.models import Site

    from tests.browser.routes import (
        consultation_paths_by_phase,
        object_models,
        sample_arguments,
    )

    with django_db_blocker.unblock():
        _baseline(connection)
        _restore_migrated_state(connection)
        call_command("seed_demo", seed=DEMO_SEED, verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
        site = Site.objects.get(is_default_site=True)
        users = {
            user.email: user
            for user in get_user_model().objects.filter(email__endswith="@okienko.example.org")
        }
        demo = DemoSite(
            url="",
            page_paths=_first_paths_by_type(site),
            object_paths=_first_object_paths(object_models()),
            search_word=_a_search_word(site),
            samples=sample_arguments(),
            users=users,
            consultation_paths=consultation_paths_by_phase(site),
        )
        server = LiveServer("localhost")
        demo.url = server.url
        try:
            yield demo
        finally:
            server.stop()
            _restore_migrated_state(connection)


def _a_search_word(site) -> str:
    """A word that appears in a demo page title, so a search has hits."""
    from wagtail.models import Page

    for page in Page.objects.live().descendant_of(site.root_page).order_by("path")[:50]:
        for word in re.findall(r"\w{6,}", page.title):
            return word.lower()
    return "okienko"
