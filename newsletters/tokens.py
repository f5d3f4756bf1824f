"""Signed tokens in newsletter links.

A confirmation token expires (TimestampSigner) and names the topics asked for, so
nobody can change another person's topics by submitting the form with their address.
A management token (preferences, unsubscribe, erase) is stamped too: the settings and
erase pages accept it for NEWSLETTER_MANAGE_MAX_AGE_DAYS (every message carries a
fresh one), the unsubscribe page for ever, so the unsubscribe link in an old e-mail
keeps working (it can only stop mail). An export token, sent by e-mail when the
settings page asks for one, opens the download of the subscriber's data for
NEWSLETTER_EXPORT_LINK_MAX_AGE_MINUTES: nobody holding an old message can download
the data without a fresh confirmation from the mailbox. All carry the subscriber's
random key, never the address or the primary key.
"""

from datetime import timedelta

from django.core import signing

from . import conf

CONFIRM_SALT = "newsletters.confirm"
MANAGE_SALT = "newsletters.manage"
EXPORT_SALT = "newsletters.export"


class InvalidToken(Exception):
    """The token was tampered with or is malformed."""


class ExpiredToken(InvalidToken):
    """The token was genuine but is too old."""


def make_confirm_token(subscriber, topic_keys, consent_id=None) -> str:
    """The confirmation link's token: the subscriber's key and the chosen topics' keys."""
    payload = {"k": str(subscriber.key), "t": sorted(topic_keys), "c": consent_id}
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign_object(payload, compress=True)


def read_confirm_token(token: str) -> dict:
    max_age = timedelta(days=conf.get("NEWSLETTER_CONFIRM_MAX_AGE_DAYS"))
    try:
        payload = signing.TimestampSigner(salt=CONFIRM_SALT).unsign_object(token, max_age=max_age)
    except signing.SignatureExpired as exc:
        raise ExpiredToken from exc
    except (signing.BadSignature, ValueError) as exc:
        raise InvalidToken from exc
    if not isinstance(payload, dict) or not isinstance(payload.get("k"), str):
        raise InvalidToken
    return payload


def make_manage_token(subscriber_key) -> str:
    return signing.TimestampSigner(salt=MANAGE_SALT).sign(str(subscriber_key))


def read_manage_token(token: str, *, max_age: timedelta | None = None) -> str:
    """The subscriber key of a management token; `max_age=None` accepts any age.

    Tokens sent before they were stamped (no time in them) count as old.
    """
    try:
        return signing.TimestampSigner(salt=MANAGE_SALT).unsign(token, max_age=max_age)
    except signing.SignatureExpired as exc:
        raise ExpiredToken from exc
    except (signing.BadSignature, ValueError):  # ValueError: an unstamped token
        pass
    try:
        key = signing.Signer(salt=MANAGE_SALT).unsign(token)
    except signing.BadSignature as exc:
        raise InvalidToken from exc
    if ":" in key:  # a stamped token whose time was changed
        raise InvalidToken
    if max_age is not None:
        raise ExpiredToken
    return key


def manage_max_age() -> timedelta:
    return timedelta(days=conf.get("NEWSLETTER_MANAGE_MAX_AGE_DAYS"))


def make_export_token(subscriber_key) -> str:
    return signing.TimestampSigner(salt=EXPORT_SALT).sign(str(subscriber_key))


def read_export_token(token: str) -> str:
    max_age = timedelta(minutes=conf.get("NEWSLETTER_EXPORT_LINK_MAX_AGE_MINUTES"))
    try:
        return signing.TimestampSigner(salt=EXPORT_SALT).unsign(token, max_age=max_age)
    except signing.SignatureExpired as exc:
        raise ExpiredToken from exc
    except signing.BadSignature as exc:
        raise InvalidToken from exc
