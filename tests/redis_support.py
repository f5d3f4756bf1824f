"""Tests that talk to the local Redis (127.0.0.1:6379), as CI's machine has one."""

import pytest

from portal.cache import redis_answers

requires_redis = pytest.mark.skipif(
    not redis_answers(), reason="needs Redis: nothing answers on 127.0.0.1:6379"
)
