"""Signed links in sign-up e-mails: the link is the authority, not the account."""

from django.core import signing

SALT = "signups.{purpose}"


def make_token(purpose: str, pk: int) -> str:
    return signing.dumps(pk, salt=SALT.format(purpose=purpose), compress=True)


def read_token(purpose: str, token: str) -> int | None:
    try:
        value = signing.loads(token, salt=SALT.format(purpose=purpose))
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None
