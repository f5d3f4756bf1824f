"""Django's Redis cache that degrades instead of failing when Redis is down.

    CACHES = {"default": {"BACKEND": "portal.cache.RedisCache", "LOCATION": REDIS_URL}}

When Redis cannot be reached the cache degrades instead of failing the request: reads
miss, writes are dropped, `incr` behaves as for a missing key. One warning is logged
per process when the outage starts; Redis is not asked again for OUTAGE_RETRY_SECONDS,
so a dead server costs no connection attempt per call. Sessions (`cached_db`) then come
from the database. When Redis answers again, the cached sessions are deleted: a logout
during the outage removed the session from the database only.
"""

import logging
import socket
import time
from urllib.parse import urlsplit

import redis as redis_py
from django.core.cache.backends import redis as django_redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT

logger = logging.getLogger(__name__)

OUTAGE_RETRY_SECONDS = 10
UNREACHABLE = (redis_py.ConnectionError, redis_py.TimeoutError)
_MISSING = object()
# Server string -> monotonic time until which Redis is not asked. Per process, shared by
# the per-thread cache objects, so an outage is reported once.
_outages: dict[str, float] = {}


def reset_outages() -> None:
    """Forget every recorded outage (tests)."""
    _outages.clear()


def _public_address(servers) -> str:
    """host:port/db of each server, without the password a URL may carry."""
    names = []
    for url in servers:
        parts = urlsplit(url)
        names.append(f"{parts.hostname}:{parts.port or 6379}{parts.path or '/0'}")
    return ", ".join(names)


def redis_answers(host: str = "127.0.0.1", port: int = 6379) -> bool:
    """Whether something accepts connections on Redis's port (the benchmark settings
    and the Redis tests use the local Redis when there is one)."""
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._outage_key = ",".join(self._servers)

    # --- degrading on outages ----------------------------------------------------

    def answering(self) -> bool:
        """False while an outage is recorded and not yet due for a retry."""
        until = _outages.get(self._outage_key)
        return until is None or time.monotonic() >= until

    def note_outage(self, error: Exception) -> None:
        """Record that Redis did not answer; warn once per outage."""
        if self._outage_key not in _outages:
            logger.warning(
                "Redis at %s is unreachable (%s): caching is off and sessions are read "
                "from the database until it answers again.",
                _public_address(self._servers),
                error,
            )
        _outages[self._outage_key] = time.monotonic() + OUTAGE_RETRY_SECONDS

    def _recovered(self) -> None:
        _outages.pop(self._outage_key, None)
        logger.warning("Redis at %s answers again.", _public_address(self._servers))
        try:  # sessions ended during the outage may still be cached
            client = self.redis()
            pattern = f"{self.key_prefix}:*:django.contrib.sessions.cached_db*"
            for batch in _batched(client.scan_iter(match=pattern, count=500), 500):
                client.delete(*batch)
        except UNREACHABLE as error:
            self.note_outage(error)

    def _call(self, default, method, *args, **kwargs):
        if not self.answering():
            return default
        was_down = self._outage_key in _outages
        try:
            result = method(*args, **kwargs)
        except UNREACHABLE as error:
            self.note_outage(error)
            return default
        if was_down:
            self._recovered()
        return result

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        # As if stored: lock-style callers (allauth's rate limits) must not wait for a lock.
        return self._call(True, super().add, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call(default, super().get, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(None, super().set, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._call(False, super().delete, key, version)

    def get_many(self, keys, version=None):
        return self._call({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._call(False, super().has_key, key, version)

    def incr(self, key, delta=1, version=None):
        result = self._call(_MISSING, super().incr, key, delta, version)
        if result is _MISSING:  # as for a missing key: callers already handle it
            raise ValueError(f"Key '{key}' not found (Redis unreachable).")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(list(data), super().set_many, data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call(None, super().delete_many, keys, version)

    def clear(self):
        return self._call(False, super().clear)

    def redis(self):
        """The `redis.Redis` client of the primary (write) server, for Redis commands
        the cache API has no verb for (sets, pipelines). Use make_key() for keys."""
        return self._cache.get_client(write=True)


def _batched(iterable, size):
    batch = []
    for item in iterable:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
