"""Production: PostgreSQL, Redis, gunicorn behind a TLS-terminating proxy.

Every value here must come from the environment; nothing secret lives in the repo.
"""

from .base import *  # noqa: F403
from .base import LOGGING, env

DEBUG = False
SECRET_KEY = env("SECRET_KEY")  # required: fails loudly if missing
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Rate limits and consent records need the client's address (portal/net.py): nginx on
# the same host is the trusted proxy unless TRUSTED_PROXIES / TRUSTED_PROXY_COUNT say more.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=["127.0.0.1", "::1"])
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
# A load balancer may probe gunicorn over plain HTTP: answer it instead of redirecting.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# nginx sends private files and library documents after the view checked access.
PRIVATE_FILES_ACCEL_PREFIX = env("PRIVATE_FILES_ACCEL_PREFIX", default="/_private/")
SENDFILE_BACKEND = "portal.sendfile_nginx"
SENDFILE_ROOT = f"{MEDIA_ROOT}/documents"  # noqa: F405
SENDFILE_URL = env("DOCUMENTS_ACCEL_PREFIX", default="/_documents/")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# JSON lines on stdout (journald, or any collector that reads JSON): portal/logs.py.
LOG_FORMAT = env("LOG_FORMAT", default="json")
LOGGING = {
    **LOGGING,
    "handlers": {"console": {**LOGGING["handlers"]["console"], "formatter": LOG_FORMAT}},
}
