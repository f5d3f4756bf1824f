"""Signed tokens in newsletter links.

A confirmation token expires (TimestampSigner) and names the topics asked for, so
nobody can change another person's topics by submitting the form with their address.
A management token (preferences, unsubscribe, export, erase) does not expire: the
unsubscribe link in an old e-mail must keep working. Both carry the subscriber's
random key, never the address or the primary key.
"""

from datetime import timedelta

from django.core import signing

from . import conf

CONFIRM_SALT = "newsletters.confirm"
MANAGE_SALT = "newsletters.manage"


class InvalidToken(Exception):
    """The token was tampered with or is malformed."""


class ExpiredToken(InvalidToken):
    """The token was genuine but is too old."""


def make_confirm_token(subscriber, topic_slugs, consent_id=None) -> str:
    payload = {"k": str(subscriber.key), "t": sorted(topic_slugs), "c": consent_id}
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
    return signing.Signer(salt=MANAGE_SALT).sign(str(subscriber_key))


def read_manage_token(token: str) -> str:
    try:
        return signing.Signer(salt=MANAGE_SALT).unsign(token)
    except signing.BadSignature as exc:
        raise InvalidToken from exc
