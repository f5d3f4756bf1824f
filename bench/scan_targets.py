"""Requests for the security scanners, taken from the running demo (scripts/security_scan.sh).

Logs the demo resident in (a session in the server's database), opens the comment
form of an open consultation and the newsletter form through the server, and writes
their fields for sqlmap (`--data`; sqlmap refreshes the CSRF token for each request).

    DJANGO_SETTINGS_MODULE=bench.settings python -m bench.scan_targets http://127.0.0.1:8765 OUT
"""

import re
import sys
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import django

HIDDEN = re.compile(r'<input type="hidden" name="(\w+)" value="([^"]*)"')
RESIDENT = "mieszkanka@okienko.example.org"


def session_cookie() -> str:
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(email=RESIDENT))
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def open_consultation_form_path() -> str:
    from consultations.models import ConsultationPage

    page = next(p for p in ConsultationPage.objects.live().order_by("pk") if p.phase == "open")
    clause = page.versions.order_by("-number").first().clauses.order_by("position").first()
    return f"/konsultacje/{page.pk}/komentarz/?clause={clause.pk}"


def fetch(base, path, cookie) -> str:
    request = urllib.request.Request(base + path, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - 127.0.0.1
        return response.read().decode()


def main(base: str, out: Path) -> None:
    django.setup()
    out.mkdir(parents=True, exist_ok=True)
    cookie = session_cookie()
    (out / "cookie.txt").write_text(cookie)
    form_path = open_consultation_form_path()
    (out / "comment_form_path.txt").write_text(form_path)
    html = fetch(base, form_path, cookie)
    fields = dict(HIDDEN.findall(html))
    fields |= {"comment": "Uwaga testowa skanera.", "proposed_wording": "", "justification": ""}
    (out / "comment.data").write_text(urlencode(fields))
    html = fetch(base, "/newsletter/", "")
    fields = dict(HIDDEN.findall(html)) | {"email": "skaner@example.org", "topics": "news"}
    (out / "newsletter.data").write_text(urlencode(fields))


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
