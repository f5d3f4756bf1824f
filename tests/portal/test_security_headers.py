"""Security headers: a Content-Security-Policy without 'unsafe-inline' on the public
site (and templates that need none), a relaxed one for the admin, HSTS, framing,
Referrer-Policy and Permissions-Policy."""

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from consultations.factories import ConsultationIndexPageFactory
from tests.consultations.conftest import make_consultation

ROOT = Path(__file__).resolve().parents[2]


def directives(policy: str) -> dict[str, list[str]]:
    parts = (part.split() for part in policy.split(";") if part.strip())
    return {name: values for name, *values in parts}


def test_public_pages_forbid_inline_code_and_framing(client, home_page):
    consultation = make_consultation(ConsultationIndexPageFactory(parent=home_page))
    for url in [home_page.url, consultation.url, "/szukaj/?q=uchwała", "/konto/login/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        policy = directives(response["Content-Security-Policy"])
        assert policy["default-src"] == ["'self'"]
        assert policy["script-src"] == ["'self'"]
        assert policy["style-src"] == ["'self'"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert policy["base-uri"] == ["'self'"]
        assert "unsafe-inline" not in response["Content-Security-Policy"]
        assert response["X-Frame-Options"] == "DENY"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "camera=()" in response["Permissions-Policy"]
        assert "geolocation=()" in response["Permissions-Policy"]
        assert InlineCode.found_in(response.content.decode()) == [], url


def test_the_admin_gets_its_own_relaxed_policy(client, db):
    response = client.get("/admin/login/")
    policy = directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]  # Wagtail's preview panel
    assert "camera=()" in response["Permissions-Policy"]


def test_hsts_on_https_requests(client, settings, db):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    response = client.get("/konto/login/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert "Strict-Transport-Security" not in client.get("/konto/login/")  # plain HTTP


class InlineCode(HTMLParser):
    """Inline scripts, <style> elements, style and on* attributes: what the public CSP blocks."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        if tag == "script" and "src" not in names and names.get("type") != "application/json":
            self.found.append("<script> without src")
        if tag == "style":
            self.found.append("<style>")
        self.found += [f"{tag} {name}=" for name in names if name == "style" or name[:2] == "on"]

    @classmethod
    def found_in(cls, html: str) -> list[str]:
        parser = cls()
        parser.feed(html)
        return parser.found


PUBLIC_TEMPLATE_DIRS = [ROOT / "templates", *ROOT.glob("*/templates")]
NOT_PUBLIC = re.compile(r"/(admin|email|wagtailadmin)/|/wagtail_hooks")


def public_templates():
    for directory in PUBLIC_TEMPLATE_DIRS:
        for path in directory.rglob("*.html"):
            if not NOT_PUBLIC.search(path.as_posix()):
                yield path


def test_public_templates_have_no_inline_script_or_style():
    paths = list(public_templates())
    assert len(paths) > 50
    offenders = {
        str(path.relative_to(ROOT)): found
        for path in paths
        if (found := InlineCode.found_in(re.sub(r"{[%{#].*?[%}#]}", "", path.read_text())))
    }
    assert offenders == {}


def test_deploy_checks_pass_with_the_production_settings():
    # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE for their live server; production never does.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "x" * 20 + "production-like-secret-key-for-the-check-" + "y" * 20,
        "ALLOWED_HOSTS": "okienko.example.org",
    }
    result = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout
