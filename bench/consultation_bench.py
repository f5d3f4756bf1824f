"""Consultation benchmark: gunicorn (2 workers) + wrk on 127.0.0.1.

    python bench/consultation_bench.py [--clauses 100] [--comments 2000] [--duration 10]

Serves the portal as production does (production settings, collected static files,
HTTPS forwarded by the proxy, gunicorn) and measures in one run: robots.txt (the page
yardstick), the seeded consultation page for an anonymous visitor and for a signed-in
resident, a minimal logged-in form POST that saves one row (the posting yardstick),
comment posting by many logged-in users with the rate limit on (high, non-zero), and
checks that every acknowledged post was stored. Prints requests/s, p50/p99 latency,
the ratio to the yardstick, the CPU time the gunicorn workers (and PostgreSQL
backends) spent per request and the load average, then one JSON line.

Database: SQLite file var/bench.sqlite3 (recreated) unless DATABASE_URL points to
PostgreSQL (the database is dropped and recreated: use a name of your own, e.g.
postgres://postgres@127.0.0.1:5432/okienko_bench). Needs `wrk` (apt-get install wrk).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
HTTPS = "X-Forwarded-Proto: https"  # what the TLS-terminating proxy adds


def run(cmd, env, **kwargs):
    return subprocess.run(cmd, env=env, cwd=ROOT, check=True, text=True, **kwargs)  # noqa: S603


def prepare_database(env):
    url = env.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        import psycopg

        base, name = url.rsplit("/", 1)
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
    else:
        path = ROOT / "var" / "bench.sqlite3"
        env["DATABASE_URL"] = f"sqlite:///{path}"
        path.parent.mkdir(exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    # Sessions and cached pages of an earlier run must not leak into this one.
    clear = "import django; django.setup(); from django.core.cache import cache; cache.clear()"
    run([PYTHON, "-c", clear], env)


def wait_until_up(url, timeout=180):  # a busy 2-core box can take a minute to boot
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer {url}")


def to_ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url, duration, connections, threads, script=None, script_args=(), headers=()):
    cmd = ["wrk", "--latency", f"-t{threads}", f"-c{connections}", f"-d{duration}s"]
    for header in (HTTPS, *headers):
        cmd += ["-H", header]
    if script:
        cmd += ["-s", str(script)]
    cmd.append(url)
    if script_args:
        cmd += ["--", *script_args]
    out = subprocess.run(cmd, check=True, text=True, capture_output=True).stdout  # noqa: S603
    result = {
        "requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "p50_ms": to_ms(re.search(r"\s50%\s+(\S+)", out).group(1)),
        "p99_ms": to_ms(re.search(r"\s99%\s+(\S+)", out).group(1)),
        "non_2xx_3xx": int(m.group(1))
        if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", out))
        else 0,
        "socket_errors": (m.group(0) if (m := re.search(r"Socket errors:.*", out)) else ""),
    }
    if m := re.search(r"POSTED ok=(\d+) bad=(\d+)", out):
        result["acknowledged"], result["refused"] = int(m.group(1)), int(m.group(2))
    return result


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pids):
    """User + system CPU time of the given processes (Linux /proc), in seconds."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / CLOCK_TICKS


def children_of(pid):
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def database_backends(env):
    """PostgreSQL server processes serving the bench database (empty on SQLite)."""
    url = env["DATABASE_URL"]
    if not url.startswith(("postgres://", "postgresql://")):
        return []
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        rows = conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s", (name,)
        ).fetchall()
    return [row[0] for row in rows]


def measured(run_wrk, server_pid, env):
    """Run wrk and add the CPU time the gunicorn workers (and the database backends
    serving them) spent per request, and the machine's load average: on a shared box
    req/s alone says little."""
    workers = children_of(server_pid)
    backends = database_backends(env)
    before = cpu_seconds(workers), cpu_seconds(backends)
    result = run_wrk()
    backends = sorted(set(backends) | set(database_backends(env)))
    workers_cpu = cpu_seconds(workers) - before[0]
    db_cpu = cpu_seconds(backends) - before[1]  # new backends count from their start
    requests = max(result["requests"], 1)
    result["worker_cpu_ms_per_request"] = round(1000 * workers_cpu / requests, 2)
    result["db_cpu_ms_per_request"] = round(1000 * db_cpu / requests, 2) if backends else None
    result["load_average"] = os.getloadavg()[0]
    return result


def comment_count(env, page_id):
    out = run(
        [
            PYTHON,
            "manage.py",
            "shell",
            "-c",
            "from consultations.models import ConsultationComment as C;"
            f"print(C.objects.filter(consultation_id={page_id}).count())",
        ],
        env,
        capture_output=True,
    ).stdout
    return int(out.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clauses", type=int, default=100)
    parser.add_argument("--comments", type=int, default=2000)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    parser.add_argument("--posters", type=int, default=200)
    parser.add_argument(
        "--profile-posting",
        metavar="FILE",
        help="record one worker with py-spy during the posting run: FILE.svg is a flame "
        "graph, any other name gets collapsed stacks (one line per stack with its count)",
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install -y wrk")

    if not args.port:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            args.port = probe.getsockname()[1]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "PYTHONPATH": str(ROOT)}
    env.setdefault("BASE_URL", f"https://127.0.0.1:{args.port}")
    env.setdefault("STATIC_ROOT", tempfile.mkdtemp(prefix="okienko-bench-static-"))
    prepare_database(env)
    sessions = Path(tempfile.mkdtemp(prefix="okienko-bench-")) / "sessions.txt"
    seeded = json.loads(
        run(
            [
                PYTHON,
                "manage.py",
                "seed_bench",
                f"--clauses={args.clauses}",
                f"--comments={args.comments}",
                f"--sessions={sessions}",
                f"--posters={args.posters}",
            ],
            env,
            capture_output=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    session_id, csrf_token = sessions.read_text().split()[:2]
    resident_cookie = f"Cookie: sessionid={session_id}; csrftoken={csrf_token}"
    base = f"http://127.0.0.1:{args.port}"
    gunicorn = shutil.which("gunicorn", path=str(Path(PYTHON).parent)) or "gunicorn"
    (ROOT / "var").mkdir(exist_ok=True)  # a fresh clone on PostgreSQL has no var/ yet
    server = subprocess.Popen(  # noqa: S603
        [
            gunicorn,
            "-w",
            str(args.workers),
            "-b",
            f"127.0.0.1:{args.port}",
            "portal.wsgi:application",
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=(ROOT / "var" / "bench-gunicorn.log").open("w"),
    )
    try:
        results = measure_all(args, base, seeded, sessions, resident_cookie, server.pid, env)
    finally:
        server.terminate()
        server.wait(timeout=20)
    report(results)


def measure_all(args, base, seeded, sessions, resident_cookie, pid, env):
    wait_until_up(f"{base}/robots.txt")
    page_url = base + seeded["path"]
    request = urllib.request.Request(page_url, headers=dict([HTTPS.split(": ")]))
    for _ in range(4 * args.workers):  # every worker renders and caches the act once
        urllib.request.urlopen(request, timeout=30).read()  # noqa: S310
    results = {"seeded": seeded, "database": env["DATABASE_URL"].split(":", 1)[0]}

    def timed(url, **wrk_kwargs):
        return measured(
            lambda: wrk(url, args.duration, args.connections, args.threads, **wrk_kwargs),
            pid,
            env,
        )

    def posting(path, kind):
        lua_args = (
            str(sessions),
            path,
            f"https://127.0.0.1:{args.port}",
            kind,
            str(seeded["page_id"]),
        )
        return timed(base + path, script=ROOT / "bench" / "post_form.lua", script_args=lua_args)

    results["yardstick"] = timed(f"{base}/robots.txt")
    results["page_anonymous"] = timed(page_url)
    results["page_resident"] = timed(page_url, headers=[resident_cookie])
    results["form_one_row"] = posting("/bench/one-row/", "row")
    before = comment_count(env, seeded["page_id"])
    spy = _profiler(args, pid)
    results["posting"] = posting(f"/konsultacje/{seeded['page_id']}/komentarz/", "comment")
    time.sleep(1)  # let in-flight posts finish
    if spy is not None:
        spy.wait(timeout=60)
    after = comment_count(env, seeded["page_id"])
    result = results["posting"]
    result["stored"] = after - before
    result["all_acknowledged_stored"] = result["stored"] >= result.get("acknowledged", 0)
    results["page_anonymous_after_posting"] = timed(page_url)
    return results


def _profiler(args, pid):
    if not args.profile_posting:
        return None
    return subprocess.Popen(  # noqa: S603
        [
            shutil.which("py-spy", path=str(Path(PYTHON).parent)) or "py-spy",
            "record",
            "--nonblocking",
            "-f",
            "flamegraph" if args.profile_posting.endswith(".svg") else "raw",
            "-o",
            args.profile_posting,
            "-d",
            str(args.duration),
            "-p",
            str(children_of(pid)[0]),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


ROWS = (
    "yardstick",
    "page_anonymous",
    "page_resident",
    "form_one_row",
    "posting",
    "page_anonymous_after_posting",
)


def report(results):
    yard = results["yardstick"]["requests_per_s"]
    print(f"database: {results['database']}; consultation: {results['seeded']}")
    print(
        f"{'':22}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'vs yardstick':>14}{'errors':>8}"
        f"{'CPU ms/req':>12}{'DB CPU ms':>11}{'load':>7}"
    )
    for name in ROWS:
        r = results[name]
        ratio = r["requests_per_s"] / yard if yard else 0
        print(
            f"{name:22}{r['requests_per_s']:>10.1f}{r['p50_ms']:>10.2f}{r['p99_ms']:>10.2f}"
            f"{ratio:>14.2f}{r['non_2xx_3xx']:>8}{r['worker_cpu_ms_per_request']:>12.2f}"
            f"{r['db_cpu_ms_per_request'] if r['db_cpu_ms_per_request'] is not None else '-':>11}"
            f"{r['load_average']:>7.2f}"
        )
    p = results["posting"]
    print(
        f"posting: {p.get('acknowledged', 0)} acknowledged (302), {p.get('refused', 0)} refused, "
        f"{p['stored']} stored -> {'OK' if p['all_acknowledged_stored'] else 'LOST COMMENTS'}"
    )
    one_row = results["form_one_row"]["requests_per_s"]
    print(
        f"posting / one-row form POST: {p['requests_per_s'] / one_row if one_row else 0:.2f}; "
        f"pages / robots.txt: anonymous {results['page_anonymous']['requests_per_s'] / yard:.3f}, "
        f"resident {results['page_resident']['requests_per_s'] / yard:.3f}"
    )
    print(json.dumps(results))


if __name__ == "__main__":
    main()
