"""Newsletter settings with their defaults, read at call time (never at import time).

Every value can be overridden in Django settings under the same name; see
docs/newsletters.md for what each one does.
"""

from django.conf import settings

DEFAULTS = {
    # Sender of issues and alerts; falls back to DEFAULT_FROM_EMAIL.
    "NEWSLETTER_FROM_EMAIL": None,
    # Optional mailbox for the mailto: part of List-Unsubscribe (someone must process it).
    "NEWSLETTER_UNSUBSCRIBE_MAILTO": "",
    # How long a confirmation link stays valid.
    "NEWSLETTER_CONFIRM_MAX_AGE_DAYS": 7,
    # How long the settings / erase link of a message works (the unsubscribe link always).
    "NEWSLETTER_MANAGE_MAX_AGE_DAYS": 90,
    # How long the e-mailed link to download one's data works; requests per hour.
    "NEWSLETTER_EXPORT_LINK_MAX_AGE_MINUTES": 60,
    "NEWSLETTER_EXPORT_REQUESTS_PER_HOUR": 3,
    # Deliveries claimed per transaction by one worker.
    "NEWSLETTER_BATCH_SIZE": 200,
    # Upper bound on messages per second per worker (0 = unlimited).
    "NEWSLETTER_RATE_LIMIT": 50,
    # Retries on temporary SMTP errors: attempts in total, first delay, cap.
    "NEWSLETTER_MAX_ATTEMPTS": 5,
    "NEWSLETTER_RETRY_BASE_SECONDS": 60,
    "NEWSLETTER_RETRY_MAX_SECONDS": 6 * 3600,
    # A delivery left "sending" this long (worker killed) is claimed again.
    "NEWSLETTER_CLAIM_LEASE_SECONDS": 600,
    # One send task works this long, then re-enqueues itself (lets other tasks run).
    "NEWSLETTER_TASK_TIME_BUDGET_SECONDS": 300,
    # Parallel send tasks started per mailing (PostgreSQL only; SQLite uses one).
    "NEWSLETTER_SEND_WORKERS": 1,
    # Subscribe form: submissions per IP per hour, confirmation mails per address per day.
    "NEWSLETTER_SUBSCRIBE_RATE_PER_IP": 10,
    "NEWSLETTER_CONFIRMATIONS_PER_ADDRESS": 3,
    # Page models ("app_label.modelname") suggested when composing an issue;
    # empty = every page type except the home page.
    "NEWSLETTER_SUGGESTED_PAGE_MODELS": [],
    # Days before a deadline when the "closing soon" alert goes out.
    "NEWSLETTER_ALERT_DAYS_BEFORE_DEADLINE": 3,
}


def get(name):
    return getattr(settings, name, DEFAULTS[name])


def from_email() -> str:
    return get("NEWSLETTER_FROM_EMAIL") or settings.DEFAULT_FROM_EMAIL


def base_url() -> str:
    return settings.BASE_URL.rstrip("/")
