"""Cache helpers shared by the benchmark and the tests."""

import socket


def redis_answers(host: str = "127.0.0.1", port: int = 6379) -> bool:
    """Whether something accepts connections on Redis's port (the benchmark settings
    and the Redis tests use the local Redis when there is one)."""
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False
