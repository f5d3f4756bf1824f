"""Content-Security-Policy and Permissions-Policy on every response.

Django 5.2's SecurityMiddleware sets HSTS, Referrer-Policy, nosniff and
Cross-Origin-Opener-Policy, and XFrameOptionsMiddleware sets X-Frame-Options; the two
headers it has no setting for are added here. The public site's templates load every
script and style sheet from /static/ (no inline code, no style attributes), so its
policy needs no 'unsafe-inline'. Wagtail's and Django's admin templates contain inline
scripts and style attributes: paths under CONTENT_SECURITY_POLICY_ADMIN_PATHS get the
relaxed CONTENT_SECURITY_POLICY_ADMIN, which also lets the admin frame its own page
previews. A view that sets its own Content-Security-Policy keeps it.
"""

from django.conf import settings


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(tuple(settings.CONTENT_SECURITY_POLICY_ADMIN_PATHS)):
            policy = settings.CONTENT_SECURITY_POLICY_ADMIN
        else:
            policy = settings.CONTENT_SECURITY_POLICY
        if policy:
            response.headers.setdefault("Content-Security-Policy", policy)
        if settings.PERMISSIONS_POLICY:
            response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
