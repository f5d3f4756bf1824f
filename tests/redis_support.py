"""Tests that talk to the local Redis (127.0.0.1:6379), as CI's machine has one."""

import socket

import pytest


def redis_up(host: str = "127.0.0.1", port: int = 6379) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


requires_redis = pytest.mark.skipif(not redis_up(), reason="no Redis on 127.0.0.1:6379")
