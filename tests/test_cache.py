"""portal.cache.RedisCache: Django's Redis cache with one client per connection pool."""

import pytest

from portal.cache import RedisCache
from tests.redis_support import requires_redis

pytestmark = requires_redis


@pytest.fixture
def cache():
    backend = RedisCache("redis://127.0.0.1:6379/14", {"KEY_PREFIX": "okienko-test"})
    backend.clear()
    yield backend
    backend.clear()


def test_the_client_is_built_once_per_pool_and_the_cache_works(cache):
    client = cache._cache.get_client()
    assert cache._cache.get_client(write=True) is client
    cache.set("klucz", {"tekst": "zażółć"}, 30)
    assert cache.get("klucz") == {"tekst": "zażółć"}
    assert cache.add("klucz", "inne", 30) is False
    assert cache.get_many(["klucz", "brak"]) == {"klucz": {"tekst": "zażółć"}}
    cache.delete("klucz")
    assert cache.get("klucz", "nic") == "nic"
    assert cache._cache.get_client() is client


def test_two_servers_get_a_client_each():
    backend = RedisCache(
        "redis://127.0.0.1:6379/14,redis://127.0.0.1:6379/13", {"KEY_PREFIX": "okienko-test"}
    )
    writer = backend._cache.get_client(write=True)
    assert writer is backend._cache.get_client(write=True)
    readers = {id(backend._cache.get_client()) for _ in range(20)}  # the replica's pool
    assert len(readers) == 1 and id(writer) not in readers
