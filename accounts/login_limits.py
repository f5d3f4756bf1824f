"""Lock-out after failed log-ins, on every form that checks a password.

The portal's own log-in page has allauth's limits (ACCOUNT_RATE_LIMITS). The Wagtail
admin's and Django admin's log-in pages and the password forms of protected pages and
document collections are other doors to the same accounts and content; they get the
same lock-out, counted with the same rates ("login_failed": per client address and per
account), so guessing cannot move from one door to another.

Failed log-ins are counted from Django's `user_login_failed` signal (any form that
calls `authenticate()`); failed page passwords by the wrapped view itself. A locked
client gets status 429 and a page that says what happened and when to try again.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.shortcuts import render

from portal import ratelimit
from portal.net import client_ip

DEFAULT_RATES = "10/m/ip,5/5m/key"


def _rates():
    spec = getattr(settings, "ACCOUNT_RATE_LIMITS", {}).get("login_failed") or DEFAULT_RATES
    return ratelimit.parse_rates(spec)


def _counters(request, key: str):
    """(cache key, limit, seconds) for each rate that applies to this attempt."""
    ip = client_ip(request) or "unknown"
    digest = hashlib.sha256(key.strip().lower().encode()).hexdigest()[:32] if key else ""
    counters = []
    for limit, seconds, per in _rates():
        if per == "ip":
            counters.append((f"login-failed:{seconds}:ip:{ip}", limit, seconds))
        elif per == "key" and digest:
            counters.append((f"login-failed:{seconds}:key:{digest}", limit, seconds))
    return counters


def is_locked(request, key: str = "") -> bool:
    return any(ratelimit.exceeded(name, limit=limit) for name, limit, _s in _counters(request, key))


def record_failure(request, key: str = "") -> None:
    for name, limit, seconds in _counters(request, key):
        ratelimit.hit(name, limit=limit, seconds=seconds)


def on_login_failed(sender, credentials, request=None, **kwargs):
    """`user_login_failed` receiver: count the failure against the client and the account."""
    if request is None:
        return
    record_failure(request, credentials.get("username") or credentials.get("email") or "")


def locked_response(request):
    return render(request, "accounts/login_locked.html", status=429)


def guard_login(view, *, key_field="username"):
    """Refuse log-in posts while the client or the named account is locked out."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "POST" and is_locked(request, request.POST.get(key_field, "")):
            return locked_response(request)
        return view(request, *args, **kwargs)

    return wrapper


def guard_password_form(view, *, restriction_kwarg: str, scope: str):
    """Refuse and count wrong passwords of a view restriction (page or collection).

    Wagtail answers a right password with a redirect and a wrong one by showing the
    form again; only the latter counts.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        key = f"{scope}:{kwargs.get(restriction_kwarg)}:{client_ip(request)}"
        if request.method == "POST" and is_locked(request, key):
            return locked_response(request)
        response = view(request, *args, **kwargs)
        if request.method == "POST" and response.status_code == 200:
            record_failure(request, key)
        return response

    return wrapper
