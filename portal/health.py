"""GET /healthz: whether this app server can reach its database and its cache.

For load balancers and monitoring. JSON, never cached, no error text (it could name
hosts or users): each check says ok and how long it took. 503 when the database does
not answer; a cache that does not answer is reported as "degraded" with 200, because
the portal keeps serving without it (portal/cache.py) and taking every app server out
of rotation for it would turn a slower site into no site. Cost: one `SELECT 1` and one
cache round trip.
"""

import logging
import time

from django.core.cache import caches
from django.db import connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .cache import RedisCache

logger = logging.getLogger(__name__)


def _database() -> None:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _cache() -> None:
    cache = caches["default"]
    if isinstance(cache, RedisCache):
        cache.redis().ping()  # the cache itself hides outages (it degrades)
    else:
        cache.set("healthz", 1, 10)
        cache.get("healthz")


def _run(check) -> dict:
    started = time.perf_counter()
    try:
        check()
    except Exception:  # noqa: BLE001 - any failure is a failed check
        logger.warning("Health check %s failed", check.__name__.strip("_"), exc_info=True)
        ok = False
    else:
        ok = True
    return {"ok": ok, "ms": round((time.perf_counter() - started) * 1000, 1)}


@never_cache
@require_GET
def healthz(request):
    checks = {"database": _run(_database), "cache": _run(_cache)}
    if not checks["database"]["ok"]:
        status = "fail"
    elif not checks["cache"]["ok"]:
        status = "degraded"
    else:
        status = "ok"
    return JsonResponse(
        {"status": status, "checks": checks}, status=503 if status == "fail" else 200
    )
