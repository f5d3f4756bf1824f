"""Participatory budget benchmark: gunicorn (2 workers) + wrk on 127.0.0.1.

    python bench/budget_bench.py [--votes 100000] [--duration 10]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/okienko_budget python bench/budget_bench.py

Builds an edition in voting (name + PESEL identity, minimum age 16, one district pool
under the one-district rule and one whole-municipality pool, ten admitted projects
each) with `--votes` ballots already cast, then measures in one run: robots.txt (the
page yardstick), the minimal logged-in one-row form POST (the posting yardstick,
bench/urls.py), the edition's project list, and casting votes in the district pool with
every check on (CSRF, rate limit, PESEL checksum, birth date and age, keyed hash,
declaration, the pool's rule, the unique constraints of the pool and of the one
district) by fresh voters. Then it checks that every
acknowledged vote is stored, times the results computed from all ballots, and prints
requests/s, latency, the ratio to the yardsticks, CPU per request and the load average.
Database handling as in bench/consultation_bench.py (SQLite file by default).
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.consultation_bench import (  # noqa: E402
    PYTHON,
    measured,
    prepare_database,
    run,
    wait_until_up,
    wrk,
)


def seed(votes: int, out: Path) -> None:
    """(In a child process with Django set up.) Build the edition and write the files."""
    import django

    django.setup()
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.db import transaction
    from wagtail.models import Page

    from accounts.factories import UserFactory
    from accounts.models import Role
    from budget.factories import make_edition, make_pool, make_project
    from budget.models import Ballot, BallotChoice, Identity, Phase, PoolKind, Status
    from budget.pesel import pesel_hash, with_checksum
    from budget.services.results import compute_results
    from municipalities.services import home_municipality

    def pesel_number(i):  # adults born 1950-1998, unique for i < 10**6
        return with_checksum(
            f"{50 + i % 49:02d}{1 + i // 49 % 12:02d}{1 + i // 588 % 28:02d}{i // 16464:04d}"
        )

    with transaction.atomic():
        edition = make_edition(
            home_municipality(), phase=Phase.VOTING, identity=Identity.PESEL, minimum_age=16
        )
        pools = [
            make_pool(edition, name=name, kind=kind, amount="2000000.00", position=n)
            for n, (name, kind) in enumerate(
                [("Osiedle Północ", PoolKind.DISTRICT), ("Cała gmina", PoolKind.CITY)]
            )
        ]
        projects = {
            pool.pk: [
                make_project(pool, title=f"Projekt {n}", cost="150000.00", status=Status.ADMITTED)
                for n in range(10)
            ]
            for pool in pools
        }
        batch = 5000
        for start in range(0, votes, batch):
            ballots = [
                Ballot(
                    edition=edition,
                    pool=pools[i % 2],
                    pesel_hash=pesel_hash(pesel_number(i)),
                    full_name="Głosujący",
                    district_vote=pools[i % 2].limits_districts,
                )
                for i in range(start, min(start + batch, votes))
            ]
            Ballot.objects.bulk_create(ballots)
            BallotChoice.objects.bulk_create(
                BallotChoice(ballot=b, project=projects[b.pool_id][(b.pk + k) % 10])
                for b in ballots
                for k in range(1 + b.pk % 3)
            )
    started = time.perf_counter()
    compute_results(edition)
    results_s = time.perf_counter() - started
    with open(out / "voters.txt", "w") as f:  # fresh voters for the run
        for i in range(votes, votes + 200_000):
            pool = pools[i % 2]
            ids = ",".join(str(p.pk) for p in projects[pool.pk][: 1 + i % 3])
            f.write(f"{pesel_number(i)} {ids} {pool.pk}\n")
    with open(out / "sessions.txt", "w") as f:  # the one-row yardstick's users
        for n in range(20):
            user = UserFactory(username=f"bench{n}", roles=[Role.RESIDENT])
            store = import_module(settings.SESSION_ENGINE).SessionStore()
            store[SESSION_KEY] = str(user.pk)
            store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
            store[HASH_SESSION_KEY] = user.get_session_auth_hash()
            store.create()
            f.write(f"{store.session_key} {secrets.token_hex(16)} 0\n")
    print(
        json.dumps(
            {
                "edition": edition.pk,
                "pools": [p.pk for p in pools],
                "votes": votes,
                "results_s": round(results_s, 3),
                "page_id": Page.objects.filter(depth=2).first().pk,
            }
        )
    )


def results_seconds(env, edition_id) -> tuple[float, int]:
    code = (
        "import time; from budget.models import Edition, Ballot;"
        "from budget.services.results import compute_results;"
        f"e = Edition.objects.get(pk={edition_id}); t = time.perf_counter(); compute_results(e);"
        "print(round(time.perf_counter() - t, 3), Ballot.objects.filter(edition=e).count())"
    )
    out = run([PYTHON, "manage.py", "shell", "-c", code], env, capture_output=True).stdout
    seconds, count = out.strip().splitlines()[-1].split()
    return float(seconds), int(count)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--votes", type=int, default=100_000)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed-into", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.seed_into:
        seed(args.votes, Path(args.seed_into))
        return
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install -y wrk")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "PYTHONPATH": str(ROOT)}
    env.setdefault("BASE_URL", f"https://127.0.0.1:{port}")
    env.setdefault("STATIC_ROOT", tempfile.mkdtemp(prefix="okienko-bench-static-"))
    prepare_database(env)
    files = Path(tempfile.mkdtemp(prefix="okienko-budget-bench-"))
    started = time.perf_counter()
    out = run(
        [PYTHON, __file__, f"--votes={args.votes}", f"--seed-into={files}"],
        env,
        capture_output=True,
    ).stdout
    seeded = json.loads(out.strip().splitlines()[-1])
    seeded["seed_s"] = round(time.perf_counter() - started, 1)
    # Each wrk connection posts to one pool's URL: split the voters by pool.
    lines = (files / "voters.txt").read_text().splitlines()
    pool_id = str(seeded["pools"][0])
    (files / "pool0.txt").write_text(
        "\n".join(line for line in lines if line.endswith(" " + pool_id))
    )
    gunicorn = shutil.which("gunicorn", path=str(Path(PYTHON).parent)) or "gunicorn"
    (ROOT / "var").mkdir(exist_ok=True)
    server = subprocess.Popen(  # noqa: S603
        [gunicorn, "-w", str(args.workers), "-b", f"127.0.0.1:{port}", "portal.wsgi:application"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=(ROOT / "var" / "bench-gunicorn.log").open("w"),
    )
    base, origin = f"http://127.0.0.1:{port}", f"https://127.0.0.1:{port}"
    try:
        wait_until_up(f"{base}/robots.txt")

        def timed(url, **kwargs):
            return measured(
                lambda: wrk(url, args.duration, args.connections, args.threads, **kwargs),
                server.pid,
                env,
            )

        results = {"seeded": seeded, "database": env["DATABASE_URL"].split(":", 1)[0]}
        results["yardstick"] = timed(f"{base}/robots.txt")
        results["form_one_row"] = timed(
            f"{base}/bench/one-row/",
            script=ROOT / "bench" / "post_form.lua",
            script_args=(
                str(files / "sessions.txt"),
                "/bench/one-row/",
                origin,
                "row",
                str(seeded["page_id"]),
            ),
        )
        results["project_list"] = timed(f"{base}/budzet-obywatelski/edycja/{seeded['edition']}/")
        before = results_seconds(env, seeded["edition"])[1]
        token = secrets.token_hex(16)
        path = f"/budzet-obywatelski/glosuj/{pool_id}/"
        results["voting"] = timed(
            base + path,
            script=ROOT / "bench" / "budget_vote.lua",
            script_args=(str(files / "pool0.txt"), path, origin, token),
        )
        time.sleep(1)
        seconds, after = results_seconds(env, seeded["edition"])
        results["voting"]["stored"] = after - before
        results["results_after_s"] = seconds
    finally:
        server.terminate()
        server.wait(timeout=20)
    report(results)


def report(results):
    yard = results["yardstick"]["requests_per_s"]
    row = results["form_one_row"]["requests_per_s"]
    print(f"database: {results['database']}; seeded: {results['seeded']}")
    print(
        f"{'':16}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}{'CPU ms/req':>12}{'load':>7}"
    )
    for name in ("yardstick", "form_one_row", "project_list", "voting"):
        r = results[name]
        print(
            f"{name:16}{r['requests_per_s']:>9.1f}{r['p50_ms']:>9.2f}{r['p99_ms']:>9.2f}"
            f"{r['non_2xx_3xx']:>8}{r['worker_cpu_ms_per_request']:>12.2f}{r['load_average']:>7.2f}"
        )
    v = results["voting"]
    print(
        # Requests still in flight when wrk stops are stored but not acknowledged.
        f"voting: {v.get('acknowledged', 0)} acknowledged (302), {v.get('refused', 0)} refused, "
        f"{v['stored']} stored -> "
        f"{'OK' if v['stored'] >= v.get('acknowledged', 0) else 'LOST VOTES'}"
    )
    print(
        f"voting / one-row form POST: {v['requests_per_s'] / row if row else 0:.2f}; "
        f"project list / robots.txt: {results['project_list']['requests_per_s'] / yard:.3f}; "
        f"results computed in {results['seeded']['results_s']} s "
        f"({results['seeded']['votes']} ballots), {results['results_after_s']} s after voting"
    )
    print(json.dumps(results))


if __name__ == "__main__":
    main()
