"""Production: PostgreSQL, Redis, gunicorn behind a TLS-terminating proxy.

Every value here must come from the environment; nothing secret lives in the repo.
"""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = env("SECRET_KEY")  # required: fails loudly if missing
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# allauth's rate limits count per client IP: behind N proxies the client is the
# N-th address from the right in X-Forwarded-For (else every visitor shares the proxy's IP).
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
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
