"""Benchmark settings: production settings (static files collected by the benchmark,
HTTPS forwarded by the proxy in front), served on 127.0.0.1, with the comment rate
limit on but high enough for many posts per user and minute, and the posting yardstick
(bench/urls.py).

DATABASE_URL selects SQLite (default: var/bench.sqlite3) or PostgreSQL.
"""

import os
from pathlib import Path

from portal.cache import redis_answers

_BASE = Path(__file__).resolve().parent.parent
os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("SECURE_SSL_REDIRECT", "False")  # the proxy redirects plain HTTP
os.environ.setdefault("SECURE_HSTS_SECONDS", "0")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{_BASE / 'var' / 'bench.sqlite3'}")


# Production runs with Redis (cache, sessions): so does the benchmark when a local Redis
# answers (database 15, flushed by bench/consultation_bench.py), else a per-process cache.
if "REDIS_URL" not in os.environ and redis_answers():
    os.environ["REDIS_URL"] = "redis://127.0.0.1:6379/15"

from portal.settings.production import *  # noqa: E402, F403

DEBUG = False
ROOT_URLCONF = "bench.urls"
# On, as in production, but high: the benchmark sends many comments per user and minute.
CONSULTATIONS_COMMENT_RATE = 100_000
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}
BUDGET_VOTE_RATE = 1_000_000  # the budget benchmark votes from one address
