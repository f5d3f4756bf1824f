"""PESEL numbers: the checksum, the birth date they carry and the keyed hash the portal
stores instead of the number (a vote needs to know only that the same person did not
vote twice in a pool).

The key is BUDGET_PESEL_KEY; by default derived from SECRET_KEY with a fixed salt, so
changing SECRET_KEY changes every hash (do it between editions, not during a vote).
"""

import datetime
import hashlib
import hmac

from django.conf import settings
from django.utils.crypto import salted_hmac

WEIGHTS = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
# The month field carries the century: +80 for 1800s, +0 1900s, +20 2000s, +40 2100s, +60 2200s.
CENTURIES = ((80, 1800), (60, 2200), (40, 2100), (20, 2000), (0, 1900))


def checksum_ok(pesel: str) -> bool:
    if len(pesel) != 11 or not pesel.isascii() or not pesel.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(pesel[:10], WEIGHTS, strict=True))
    return (10 - total % 10) % 10 == int(pesel[10])


def birth_date(pesel: str) -> datetime.date | None:
    """The birth date encoded in a PESEL, or None when the digits make no date."""
    year, month, day = int(pesel[0:2]), int(pesel[2:4]), int(pesel[4:6])
    for offset, century in CENTURIES:
        if month > offset:
            try:
                return datetime.date(century + year, month - offset, day)
            except ValueError:
                return None
    return None


def age_on(born: datetime.date, day: datetime.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def with_checksum(first_ten: str) -> str:
    """The full PESEL for ten digits (demo data and tests)."""
    total = sum(int(d) * w for d, w in zip(first_ten, WEIGHTS, strict=True))
    return first_ten + str((10 - total % 10) % 10)


def pesel_key() -> bytes:
    configured = getattr(settings, "BUDGET_PESEL_KEY", "")
    if configured:
        return configured.encode()
    return salted_hmac("budget.pesel", "key").hexdigest().encode()


def pesel_hash(pesel: str) -> str:
    """HMAC-SHA256 of the number under the portal's key: equal numbers, equal hashes;
    the number cannot be read back or guessed from the hash without the key."""
    return hmac.new(pesel_key(), pesel.encode(), hashlib.sha256).hexdigest()
