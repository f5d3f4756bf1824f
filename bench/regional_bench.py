"""Regional page benchmark: the operator's page with 20 municipalities x 50 open items
against one municipality's home page (target: within 2x of its throughput).

    python bench/regional_bench.py                 # SQLite, a temporary file
    python bench/regional_bench.py --requests 300 --municipalities 20 --items 50
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/okienko_bench_regional \
        python bench/regional_bench.py             # an existing, empty PostgreSQL database

In one process, through Django's test client (no HTTP server): the database is migrated,
filled through the factories (each municipality gets `items` open consultations, calls
and upcoming events in turn), both pages are requested once to warm caches, then
`requests` times each, alternating. Reported: requests per second, milliseconds per
request (p50). Query counts are tested in tests/municipalities/test_regional_page.py.
"""

import argparse
import datetime
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def configure():
    if "DATABASE_URL" not in os.environ:
        handle, path = tempfile.mkstemp(suffix=".sqlite3", prefix="regional-bench-")
        os.close(handle)
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    # Never the production or test Redis databases: a local cache per process.
    os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/4")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()


def build(municipalities: int, items: int):
    from django.core.management import call_command
    from django.utils import timezone

    from cms_pages import factories as cms
    from cms_pages.models import CallIndexPage, EventIndexPage
    from consultations.factories import ConsultationPageFactory
    from consultations.models import ConsultationIndexPage
    from municipalities.factories import rural_municipality
    from municipalities.kinds import MunicipalityKind
    from municipalities.services import MunicipalityData, add_municipality

    call_command("migrate", verbosity=0)
    add_municipality(
        MunicipalityData(name="Związek Benchmarkowy", kind=MunicipalityKind.ASSOCIATION, slug="r")
    )
    now = timezone.now()
    day = datetime.timedelta(days=1)
    first = None
    for n in range(1, municipalities + 1):
        gmina = rural_municipality(n)
        first = first or gmina
        home = gmina.home_page
        indexes = [
            ConsultationIndexPage.objects.child_of(home).get(),
            CallIndexPage.objects.child_of(home).get(),
            EventIndexPage.objects.child_of(home).get(),
        ]
        for i in range(items):
            kind, parent = i % 3, indexes[i % 3]
            if kind == 0:
                ConsultationPageFactory(parent=parent, start_at=now - day, end_at=now + 20 * day)
            elif kind == 1:
                cms.CallForProposalsPageFactory(parent=parent, offer_deadline=now + (10 + i) * day)
            else:
                cms.EventPageFactory(parent=parent, start=now + (2 + i) * day, end=None)
        print(f"  municipality {n}: {items} open items", file=sys.stderr)
    return first.home_page.get_url()


def measure(client, url: str, n: int):
    timings = []
    for _ in range(n):
        start = time.perf_counter()
        response = client.get(url, HTTP_HOST="localhost")
        timings.append(time.perf_counter() - start)
        assert response.status_code == 200
    return {"rps": n / sum(timings), "p50_ms": statistics.median(timings) * 1000}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--municipalities", type=int, default=20)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    configure()
    from django.test import Client

    started = time.perf_counter()
    local_url = build(args.municipalities, args.items)
    print(f"built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    client = Client()
    measure(client, "/", 1)
    measure(client, local_url, 1)
    regional = measure(client, "/", args.requests)
    local = measure(client, local_url, args.requests)
    print(f"database: {os.environ['DATABASE_URL'].split(':')[0]}")
    for name, result in (("regional page", regional), ("municipality home", local)):
        print(f"{name:<18} {result['rps']:7.1f} req/s  p50 {result['p50_ms']:6.1f} ms")
    ratio = local["rps"] / regional["rps"]
    print(f"municipality home / regional page throughput: {ratio:.2f}x (target <= 2x)")


if __name__ == "__main__":
    main()
