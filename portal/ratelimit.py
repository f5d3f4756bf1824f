"""Fixed-window counters in the shared cache, for the portal's own rate limits.

Redis in production holds them across web processes; with the local-memory cache
(development) each process counts on its own.
"""

import re

from django.core.cache import cache

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def hit(key: str, *, limit: int, seconds: int) -> bool:
    """Count one event under `key`; True while at most `limit` happened in the window."""
    return _increment(key, seconds) <= limit


def exceeded(key: str, *, limit: int) -> bool:
    """True when `key` already counted `limit` events in its window (counts nothing)."""
    return (cache.get(key) or 0) >= limit


def _increment(key: str, seconds: int) -> int:
    cache.add(key, 0, timeout=seconds)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=seconds)
        return 1


def parse_rates(spec: str) -> list[tuple[int, int, str]]:
    """allauth's notation "10/m/ip,5/5m/key" as [(10, 60, "ip"), (5, 300, "key")]."""
    rates = []
    for part in filter(None, (p.strip() for p in spec.split(","))):
        amount, duration, per = part.split("/")
        match = re.fullmatch(r"(\d*)([smhd])", duration)
        if not match:
            raise ValueError(f"Bad rate duration: {part!r}")
        seconds = int(match.group(1) or 1) * _UNITS[match.group(2)]
        rates.append((int(amount), seconds, per))
    return rates
