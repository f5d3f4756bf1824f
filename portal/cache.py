"""Django's Redis cache with one client object per connection pool.

django.core.cache.backends.redis builds a new `redis.Redis` for every cache call; its
constructor fills a table of about 170 response callbacks, which on a logged-in request
(session read, Wagtail's site root paths) cost more CPU than the Redis round trips
themselves. A `redis.Redis` over a connection pool is safe to share, so this backend
builds it once per pool and keeps it. Everything else is Django's backend unchanged,
plus `redis()` for Redis's own commands (search/services.py batches index updates).

    CACHES = {"default": {"BACKEND": "portal.cache.RedisCache", "LOCATION": REDIS_URL}}
"""

import socket

from django.core.cache.backends import redis as django_redis


def redis_answers(host: str = "127.0.0.1", port: int = 6379) -> bool:
    """Whether something accepts connections on Redis's port (the benchmark settings
    and the Redis tests use the local Redis when there is one)."""
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


class RedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient

    def redis(self):
        """The `redis.Redis` client of the primary (write) server, for Redis commands
        the cache API has no verb for (sets, pipelines). Use make_key() for keys."""
        return self._cache.get_client(write=True)
