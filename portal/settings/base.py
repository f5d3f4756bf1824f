"""Settings shared by every environment.

Every deploy-specific value comes from the environment (12-factor), read with
django-environ: SECRET_KEY, DATABASE_URL, EMAIL_URL, REDIS_URL,
ELASTICSEARCH_URL, ALLOWED_HOSTS, BASE_URL.
"""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

SECRET_KEY = env("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
# ".localhost": municipalities' own host names in development (lipowa.localhost).
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", ".localhost", "127.0.0.1", "[::1]"])
BASE_URL = env("BASE_URL", default="http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Which X-Forwarded-For entries to believe (portal/net.py): the addresses or networks
# of our reverse proxies, or else their number. Neither set: REMOTE_ADDR is the client.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

INSTALLED_APPS = [
    # Our apps first so their templates and translations win.
    "accounts",
    "cms_pages",
    "consultations",
    "documents",
    "search",
    "newsletters",
    "worker",  # before django_tasks_db: its db_worker adds per-task time limits
    "municipalities",
    "organisations",
    "partnerships",
    "signups",
    "cooperation",
    "grants",
    "initiatives",
    "budget",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.users_app.StaffUsersAppConfig",  # wagtail.users, staff rules (accounts)
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # Accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Comments
    "django_comments_xtd",
    "django_comments",
    "rest_framework",
    # Background jobs
    "django_tasks",
    "django_tasks_db",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "portal.logs.RequestIdMiddleware",  # first: every log line of a request has its id
    "django.middleware.security.SecurityMiddleware",
    "portal.security.SecurityHeadersMiddleware",  # CSP, Permissions-Policy
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Staff: two-factor log-in and shorter sessions (accounts/staff_security.py).
    "accounts.staff_security.StaffSecurityMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.context_processors.portal",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
# SQLite is the embedded default so that a new user needs no server.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
# Persistent connections: PostgreSQL loads the Polish dictionary once per
# connection (0.3-0.5 s), so connections must be reused.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Persistent too: opening a SQLite connection (and running the PRAGMAs) was about
    # a quarter of the cost of serving a cached consultation page.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            # WAL + a busy timeout let concurrent comment posts wait instead of failing.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "portal.cache.RedisCache",  # degrades when Redis is down (portal/cache.py)
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "okienko",
            # A Redis that does not answer must not hold a request: after these the
            # cache degrades (portal/cache.py) and the page renders without it.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
        }
    }
    # Sessions read from Redis, written through to the database: one query less on
    # every logged-in request (posting a comment, the admin). Only with a shared
    # cache: a per-process cache would keep serving a session another process ended.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Finished consultation pages and act fragments (up to megabytes each) stay in the
# worker's own memory. Their keys carry what invalidates them (comment stamp, phase,
# version, site generation; see consultations/caching.py), so per-process copies are
# correct: a stale entry is never looked up again.
PAGES_CACHE = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "okienko-pages",
    "OPTIONS": {"MAX_ENTRIES": 64},
}
CACHES["pages"] = PAGES_CACHE

# --- Background tasks (django-tasks) --------------------------------------
# Database backend as the embedded default, run by `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
    }
}
# Seconds each task may run in `manage.py db_worker` (worker/limits.py); over it, the task
# is recorded as failed and the worker goes on. Keys: task paths, or "default".
TASK_TIME_LIMITS = {
    "default": env.int("TASK_TIME_LIMIT", default=300),
    # One index update may read one document (itself limited by DOCUMENT_EXTRACTION).
    "search.tasks.update_index": 120,
    "newsletters.tasks.send_email": 60,
    # Bulk work that legitimately runs long.
    "newsletters.tasks.deliver_mailing": 900,  # sends for NEWSLETTER_TASK_TIME_BUDGET_SECONDS
    "search.tasks.update_index_batch": 1800,
    "consultations.search.reindex_consultation": 1800,
}
# Redis-backed production option: TASKS_BACKEND=worker.rq.RQBackend (docs/background-tasks.md),
# worker `manage.py rqworker high default low --with-scheduler --job-class
# django_tasks_rq.backend.Job`. django-tasks-rq's own backend ignores task priorities;
# ours sends user mail to `high` and bulk mail to `low` (worker/rq.py), so the plain
# name is taken to mean ours.
if TASKS["default"]["BACKEND"] in ("django_tasks_rq.RQBackend", "worker.rq.RQBackend"):
    TASKS["default"]["BACKEND"] = "worker.rq.RQBackend"
    INSTALLED_APPS.append("django_rq")
    _RQ_URL = env("RQ_REDIS_URL", default=REDIS_URL or "redis://127.0.0.1:6379/0")
    # RQ stops a job after its queue's DEFAULT_TIMEOUT (seconds): the longest
    # TASK_TIME_LIMITS of the tasks each queue receives.
    RQ_QUEUES = {
        "high": {"URL": _RQ_URL, "DEFAULT_TIMEOUT": TASK_TIME_LIMITS["default"]},
        "default": {"URL": _RQ_URL, "DEFAULT_TIMEOUT": 1800},
        "low": {"URL": _RQ_URL, "DEFAULT_TIMEOUT": 900},
    }

# --- Text of uploaded documents (documents/limits.py; docs/documents.md) ----
# Each upload is read in a child process with these limits; keys as Limits' fields.
DOCUMENT_EXTRACTION = {
    "MAX_FILE_BYTES": 20 * 1024 * 1024,
    "MAX_PART_BYTES": 64 * 1024 * 1024,
    "MAX_UNPACKED_BYTES": 256 * 1024 * 1024,
    "MAX_COMPRESSION_RATIO": 200,
    "MAX_CHARS": 5_000_000,
    "MAX_PAGES": 3_000,
    "MAX_LIST_NUMBER": 100_000,
    "CPU_SECONDS": env.int("EXTRACTION_CPU_SECONDS", default=20),
    "WALL_SECONDS": env.int("EXTRACTION_WALL_SECONDS", default=40),
    "MEMORY_MB": env.int("EXTRACTION_MEMORY_MB", default=1024),
}

# --- Auth and accounts ----------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # Editors, officials, administrators: 12+ characters, letters and a digit or sign.
    {
        "NAME": "accounts.password_validation.StaffPasswordValidator",
        "OPTIONS": {"min_length": 12},
    },
]
# Sessions: residents stay logged in for a week of inactivity; staff accounts for
# STAFF_SESSION_IDLE_SECONDS, and never longer than a working day after logging in.
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=7 * 24 * 3600)
STAFF_SESSION_IDLE_SECONDS = env.int("STAFF_SESSION_IDLE_SECONDS", default=2 * 3600)
STAFF_SESSION_MAX_SECONDS = env.int("STAFF_SESSION_MAX_SECONDS", default=10 * 3600)
# Two-factor authentication (allauth.mfa: authenticator app + recovery codes) is
# required of staff accounts before they reach any page but their account's.
STAFF_MFA_REQUIRED = env.bool("STAFF_MFA_REQUIRED", default=True)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env("SITE_NAME", default="Okienko")
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile"
SITE_ID = 1

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# One address per account: "change e-mail" replaces it once the new one is verified.
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Okienko] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if BASE_URL.startswith("https") else "http"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"signup": "accounts.forms.SignupForm"}
# Rate limits (allauth's own, per IP / per key).
ACCOUNT_RATE_LIMITS = {
    "signup": "20/h/ip",
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "change_email": "1/m/user",
}

# --- Internationalisation -------------------------------------------------
LANGUAGE_CODE = "pl"
LANGUAGES = [("pl", _("Polish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Warsaw"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("pl", "Polski"), ("en", "English")]

# --- Static and media -----------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env("STATIC_ROOT", default=str(BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [BASE_DIR / "static_src"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env("MEDIA_ROOT", default=str(BASE_DIR / "var" / "media"))
# Report exports and uploaded drafts: never under MEDIA_ROOT, served only by views that
# check access (portal/private_files.py); with the prefix set, nginx sends them from an
# internal location (X-Accel-Redirect), e.g. "/_private/".
PRIVATE_MEDIA_ROOT = env("PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "var" / "private"))
PRIVATE_FILES_ACCEL_PREFIX = env("PRIVATE_FILES_ACCEL_PREFIX", default="")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- E-mail -------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Okienko <okienko@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Newsletters (defaults and the full list in newsletters/conf.py) --------
NEWSLETTER_FROM_EMAIL = env("NEWSLETTER_FROM_EMAIL", default="") or None
NEWSLETTER_UNSUBSCRIBE_MAILTO = env("NEWSLETTER_UNSUBSCRIBE_MAILTO", default="")
NEWSLETTER_RATE_LIMIT = env.float("NEWSLETTER_RATE_LIMIT", default=50)
NEWSLETTER_SEND_WORKERS = env.int("NEWSLETTER_SEND_WORKERS", default=1)
NEWSLETTER_SUGGESTED_PAGE_MODELS = [
    "cms_pages.newspage",
    "cms_pages.callforproposalspage",
    "cms_pages.eventpage",
    "consultations.consultationpage",
]

# --- Grants ---------------------------------------------------------------
# The number of a grant agreement: {year}, {number} (the municipality's sequence in
# that year, from 1) and {municipality} (its slug), e.g. "DOT/2027/001".
GRANTS_AGREEMENT_NUMBER_FORMAT = env(
    "GRANTS_AGREEMENT_NUMBER_FORMAT", default="DOT/{year}/{number:03d}"
)

# --- Wagtail --------------------------------------------------------------
WAGTAIL_SITE_NAME = env("SITE_NAME", default="Okienko")
WAGTAILADMIN_BASE_URL = BASE_URL
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Reads each upload within documents' limits and refuses hostile files (documents/forms.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "documents.forms.LibraryDocumentForm"
# Documents are always delivered by Wagtail's serve view, which checks the collection's
# privacy; their links never point into /media/ (the web server must not serve
# /media/documents/ itself: docs/deployment.md).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
# No avatars from gravatar.com: the admin's CSP allows images from the portal only, and
# the hash of staff e-mail addresses stays here.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Private pages use the portal's own login and password form (accessible, with the
# portal chrome) instead of Wagtail's bare templates.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "cms_pages/password_required.html"  # noqa: S105

# --- Comments (django-comments-xtd) ----------------------------------------
# Only its comment model (threading) is used: none of its views, API or moderators is
# mounted; consultations.services is the one write path, consultations.views the read path.
COMMENTS_APP = "django_comments_xtd"
COMMENTS_XTD_MAX_THREAD_LEVEL = 2
COMMENTS_XTD_MODEL = "consultations.models.ConsultationComment"
# Never send mail from a request thread: notifications go through tasks.
COMMENTS_XTD_THREADED_EMAILS = False
COMMENTS_XTD_CONFIRM_EMAIL = False
COMMENTS_XTD_SALT = env("COMMENTS_XTD_SALT", default="okienko-comments").encode()

# --- Search (our own interface, see search/backends) -----------------------
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")
# Empty BACKEND = the database vendor's backend (search.backends.postgres or .sqlite).
# Production on Elasticsearch: SEARCH_BACKEND=search.backends.elasticsearch.
PORTAL_SEARCH_BACKENDS = {
    "default": {
        "BACKEND": env("SEARCH_BACKEND", default=""),
        "URLS": [ELASTICSEARCH_URL] if ELASTICSEARCH_URL else [],
        "INDEX": env("ELASTICSEARCH_INDEX", default="okienko-search"),
    }
}

# The database stops a search after this many seconds; the visitor is asked to narrow
# it (search/deadline.py). Keep it well below gunicorn's request timeout. 0: no limit.
SEARCH_TIME_LIMIT = env.float("SEARCH_TIME_LIMIT", default=5.0)

# --- Security defaults (tightened further in production.py) ----------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# portal/security.py. The public site has no inline script or style: keep it so.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; frame-src 'self'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)
# Wagtail's and Django's admin use inline scripts and style attributes; the admin
# frames its own page previews.
CONTENT_SECURITY_POLICY_ADMIN = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
    "connect-src 'self'; frame-src 'self'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'self'"
)
CONTENT_SECURITY_POLICY_ADMIN_PATHS = ["/admin/", "/django-admin/"]
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), "
    "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()"
)

# Logs go to stdout; LOG_FORMAT=json gives one JSON object per line with the request id
# (portal/logs.py; the production default), "text" a plain line.
LOG_FORMAT = env("LOG_FORMAT", default="text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "portal.logs.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "portal.logs.JsonFormatter"},
        "text": {"format": "%(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}
