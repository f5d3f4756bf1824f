"""Staff accounts: two-factor log-in and a shorter session.

Editors, officials and administrators (accounts.permissions.is_staff_account) can
change what the public reads and see personal data, so:

- their session ends after `STAFF_SESSION_IDLE_SECONDS` without activity and, in any
  case, `STAFF_SESSION_MAX_SECONDS` after the log-in (residents keep
  SESSION_COOKIE_AGE);
- with `STAFF_MFA_REQUIRED` on, they must use two-factor authentication
  (allauth.mfa: an authenticator app with recovery codes). One without it is sent to
  set it up before any other page; one who logged in with a password alone (the
  Wagtail or Django admin's own log-in form) is logged out and sent to the portal's
  log-in, which asks for the code.
"""

import time

from allauth.account.authentication import get_authentication_records
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .permissions import is_staff_account

LOGIN_AT_KEY = "staff_login_at"
MFA_SESSION_KEY = "staff_mfa_verified"


def _exempt(path: str) -> bool:
    """Pages a staff member needs on the way to two-factor log-in (account pages, assets)."""
    prefixes = ["/konto/", "/i18n/", settings.STATIC_URL, settings.MEDIA_URL]
    return any(path.startswith(prefix) for prefix in prefixes if prefix)


def _mfa_passed(request, user) -> bool:
    if request.session.get(MFA_SESSION_KEY):
        return True
    records = get_authentication_records(request, user)
    return any(record.get("method") == "mfa" for record in records)


class StaffSecurityMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        setting_up = False
        if user is not None and user.is_authenticated and is_staff_account(user):
            response = self._check(request, user)
            if response is not None:
                return response
            setting_up = settings.STAFF_MFA_REQUIRED and not is_mfa_enabled(user)
        response = self.get_response(request)
        if setting_up and request.method == "POST" and is_mfa_enabled(user, types=["totp"]):
            # The app was set up in this session, with a code from it: that is the second
            # factor. (Only without one already: others are logged out until they use it.)
            request.session[MFA_SESSION_KEY] = True
        return response

    def _check(self, request, user):
        session = request.session
        now = time.time()
        login_at = session.setdefault(LOGIN_AT_KEY, now)
        if now - login_at > settings.STAFF_SESSION_MAX_SECONDS:
            logout(request)
            messages.info(request, _("For security, staff sessions end after a working day."))
            return redirect_to_login(request.get_full_path())
        if session.get_expiry_age() > settings.STAFF_SESSION_IDLE_SECONDS:
            session.set_expiry(settings.STAFF_SESSION_IDLE_SECONDS)
        if not settings.STAFF_MFA_REQUIRED:
            return None
        if is_mfa_enabled(user):
            if _mfa_passed(request, user):
                return None
            # Everywhere, account pages included: a password alone must not be enough
            # to replace the second factor.
            logout(request)
            messages.info(request, _("Log in with your password and the code from your app."))
            return redirect_to_login(request.get_full_path())
        if not _exempt(request.path):
            messages.warning(
                request,
                _(
                    "Staff accounts need two-factor authentication. Set up an "
                    "authenticator app to continue."
                ),
            )
            return redirect(reverse("mfa_activate_totp"))
        return None
