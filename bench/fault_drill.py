"""Load and fault drill: many commenters and readers while a worker dies and the
database and cache restart.

50 logged-in commenters post 40 comments each (every text carries a unique marker)
while 5 readers load the consultation page, search and the home page. During the
load a gunicorn worker is killed (SIGKILL) and PostgreSQL and Redis are restarted.
A commenter whose answer is lost (broken connection, timeout) or a 5xx sends the same
form again, with the same submission token, as a resident would.
Afterwards the drill checks that every accepted comment (302: published) is stored
exactly once, that no answer outside an outage window was a 5xx or a broken
connection, and that the site answers again by itself.

It never touches the shared services: it runs its own PostgreSQL cluster
(``15/drill`` on port 5433, created on first use) and its own ``redis-server`` on
port 6380, and serves on 127.0.0.1 only.

    .venv/bin/python -m bench.fault_drill [--posters 50] [--comments 40] [--readers 5]

Prints a JSON summary (also written to var/fault-drill.json); exit status 1 when a
check fails.
"""

import argparse
import collections
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

from bench.consultation_bench import PYTHON, ROOT, prepare_database, run, wait_until_up

PG_VERSION, CLUSTER, PG_PORT, REDIS_PORT, WEB_PORT = "15", "drill", 5433, 6380, 8770
BASE = f"http://127.0.0.1:{WEB_PORT}"
GRACE = 3.0  # seconds after a fault ends that still count as its outage
MARKER = re.compile(r"drill-(\d+)-(\d+)")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a 302 is the answer we want to see, not follow


OPENER = urllib.request.build_opener(NoRedirect)


CLIENT_TIMEOUT = [30]  # seconds a commenter waits for an answer (--client-timeout)
RESENDS = 2  # a commenter whose answer was lost or a 5xx sends the same form again


def request(path, data=None, headers=None) -> tuple[float, float, int | str]:
    """(start, end, HTTP status or the name of the connection error)."""
    start = time.monotonic()
    body = urlencode(data).encode() if data is not None else None
    try:
        prepared = urllib.request.Request(BASE + path, body, headers or {})
        with OPENER.open(prepared, timeout=CLIENT_TIMEOUT[0]) as r:
            r.read()
            status = r.status
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError as error:
        status = type(getattr(error, "reason", error)).__name__
    return start, time.monotonic(), status


# --- The drill's own services ------------------------------------------------------


def ensure_cluster():
    clusters = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True).stdout
    if not any(line.split()[:2] == [PG_VERSION, CLUSTER] for line in clusters.splitlines()):
        subprocess.run(
            ["pg_createcluster", PG_VERSION, CLUSTER, "-p", str(PG_PORT), "--",
             "--auth-local=trust", "--auth-host=trust"],
            check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
    subprocess.run(["pg_ctlcluster", PG_VERSION, CLUSTER, "start"], check=False)


def restart_postgres():
    subprocess.run(["pg_ctlcluster", PG_VERSION, CLUSTER, "restart", "-m", "fast"], check=True)


def start_redis() -> subprocess.Popen:
    redis = subprocess.Popen(  # noqa: S603
        ["redis-server", "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    time.sleep(0.5)
    return redis


def worker_pids(master: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True).stdout
    return [int(pid) for pid in out.split()]


# --- Load ------------------------------------------------------------------------------


class Drill:
    def __init__(self, sessions, page_path, post_path, comments, readers, master, redis):
        self.sessions, self.page_path, self.post_path = sessions, page_path, post_path
        self.comments, self.readers, self.master, self.redis = comments, readers, master, redis
        self.posts, self.reads, self.faults = [], [], []
        self.resends = 0
        self.lock = threading.Lock()
        self.done = threading.Event()

    def poster(self, index, line):
        session, token, clauses = line.split()
        clause_ids = clauses.split(",")
        headers = {
            "Cookie": f"sessionid={session}; csrftoken={token}",
            "Referer": BASE + self.post_path,
        }
        for n in range(self.comments):
            marker = f"drill-{index:03d}-{n:03d}"
            data = {
                "csrfmiddlewaretoken": token,
                "clause": clause_ids[(index + n) % len(clause_ids)],
                "comment": f"Uwaga z ćwiczenia awaryjnego {marker}.",
                # One form, one token: a resend after a lost answer must not publish twice.
                "submission_key": f"{marker}-{'0' * 16}",
            }
            for attempt in range(1 + RESENDS):
                start, end, status = request(self.post_path, data, headers)
                with self.lock:
                    self.posts.append((start, end, status, marker))
                    if attempt:
                        self.resends += 1
                if isinstance(status, int) and status < 500:
                    break
                time.sleep(1)

    def reader(self):
        paths = [self.page_path, "/szukaj/?q=uwaga", "/"]
        n = 0
        while not self.done.is_set():
            start, end, status = request(paths[n % len(paths)])
            with self.lock:
                self.reads.append((start, end, status, paths[n % len(paths)]))
            n += 1

    def fault(self, name, action):
        start = time.monotonic()
        action()
        self.faults.append({"fault": name, "start": start, "end": time.monotonic()})

    def kill_worker(self):
        os.kill(worker_pids(self.master)[0], signal.SIGKILL)

    def restart_redis(self):
        self.redis.terminate()
        self.redis.wait(10)
        self.redis = start_redis()

    def injector(self, total):
        plan = [
            (0.2, "gunicorn worker killed", self.kill_worker),
            (0.45, "PostgreSQL restarted", restart_postgres),
            (0.7, "Redis restarted", self.restart_redis),
        ]
        for share, name, action in plan:
            while len(self.posts) < share * total and not self.done.is_set():
                time.sleep(0.05)
            self.fault(name, action)

    def run(self):
        total = len(self.sessions) * self.comments
        posters = [
            threading.Thread(target=self.poster, args=(i, line))
            for i, line in enumerate(self.sessions)
        ]
        readers = [threading.Thread(target=self.reader) for _ in range(self.readers)]
        injector = threading.Thread(target=self.injector, args=(total,))
        self.started = time.monotonic()
        for thread in [*posters, *readers, injector]:
            thread.start()
        for thread in posters:
            thread.join()
        self.finished = time.monotonic()
        self.done.set()
        for thread in [*readers, injector]:
            thread.join()


# --- Checks ----------------------------------------------------------------------------


def stored_markers(env, page_id) -> collections.Counter:
    """How many times each drill marker is stored among the consultation's comments."""
    code = (
        "import json; from consultations.models import ConsultationComment as C; "
        f"print(json.dumps(list(C.objects.filter(consultation_id={page_id}, "
        "comment__contains='drill-').values_list('comment', flat=True))))"
    )
    out = run([PYTHON, "manage.py", "shell", "-c", code], env, capture_output=True).stdout
    texts = json.loads(out.strip().splitlines()[-1])
    return collections.Counter(MARKER.search(text).group(0) for text in texts)


def in_outage(moment, faults) -> bool:
    return any(f["start"] <= moment <= f["end"] + GRACE for f in faults)


def recovery_seconds(drill) -> float:
    """From the end of the load until the home and consultation pages answer 200 again."""
    start = time.monotonic()
    while time.monotonic() - start < 300:
        if all(request(path)[2] == 200 for path in ("/", drill.page_path)):
            return round(time.monotonic() - start, 2)
        time.sleep(0.5)
    return float("inf")


def summarise(drill, stored, recovered, workers_after, expected_workers) -> dict:
    accepted = {m for _, _, status, m in drill.posts if status == 302}
    statuses = collections.Counter(str(s) for _, _, s, _ in drill.posts)
    read_statuses = collections.Counter(str(s) for _, _, s, _ in drill.reads)
    failures = [
        (round(start - drill.started, 2), status, what)
        for start, end, status, what in drill.posts + drill.reads
        if (not isinstance(status, int) or status >= 500)
        and not (in_outage(start, drill.faults) or in_outage(end, drill.faults))
    ]
    latencies = sorted(end - start for start, end, status, _ in drill.posts if status == 302)
    summary = {
        "posts": len(drill.posts),
        "resends_after_lost_answer_or_5xx": drill.resends,
        "post_statuses": dict(statuses),
        "reads": len(drill.reads),
        "read_statuses": dict(read_statuses),
        "load_seconds": round(drill.finished - drill.started, 1),
        "accepted_per_second": round(len(accepted) / (drill.finished - drill.started), 1),
        "post_p50_ms": round(statistics.median(latencies) * 1000) if latencies else None,
        "post_p95_ms": round(latencies[int(len(latencies) * 0.95)] * 1000) if latencies else None,
        "faults": [
            {
                "fault": f["fault"],
                "at_s": round(f["start"] - drill.started, 1),
                "lasted_s": round(f["end"] - f["start"], 1),
            }
            for f in drill.faults
        ],
        "accepted": len(accepted),
        "accepted_missing": sorted(m for m in accepted if stored[m] == 0),
        "stored_twice_or_more": sorted(m for m, n in stored.items() if n > 1),
        "stored_without_acceptance": sorted(set(stored) - accepted),
        "errors_outside_outages": failures[:20],
        "recovered_after_s": recovered,
        "gunicorn_workers_after": workers_after,
    }
    summary["ok"] = (
        not summary["accepted_missing"]
        and not summary["stored_twice_or_more"]
        and not failures
        and recovered != float("inf")
        and workers_after == expected_workers
    )
    return summary


# --- Running it ------------------------------------------------------------------------


def serve(env, workers) -> subprocess.Popen:
    gunicorn = str(Path(PYTHON).parent / "gunicorn")
    return subprocess.Popen(  # noqa: S603
        [gunicorn, "-w", str(workers), "-b", f"127.0.0.1:{WEB_PORT}", "--timeout", "30",
         "--graceful-timeout", "5", "portal.wsgi:application"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
        stderr=(ROOT / "var" / "fault-drill-gunicorn.log").open("w"),
    )  # fmt: skip


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posters", type=int, default=50)
    parser.add_argument("--comments", type=int, default=40)
    parser.add_argument("--readers", type=int, default=5)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--client-timeout", type=int, default=CLIENT_TIMEOUT[0])
    args = parser.parse_args()
    CLIENT_TIMEOUT[0] = args.client_timeout
    ensure_cluster()
    redis = start_redis()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{PG_PORT}/okienko_drill",
        "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
        "BASE_URL": BASE,
    }
    (ROOT / "var").mkdir(exist_ok=True)
    server = drill = None
    try:
        prepare_database(env)
        sessions_file = ROOT / "var" / "fault-drill-sessions.txt"
        seed = [PYTHON, "manage.py", "seed_bench", "--clauses=20", "--comments=200"]
        seed += [f"--posters={args.posters}", f"--sessions={sessions_file}"]
        seeded = json.loads(run(seed, env, capture_output=True).stdout.strip().splitlines()[-1])
        server = serve(env, args.workers)
        wait_until_up(f"{BASE}/bench/yardstick/")
        drill = Drill(
            sessions_file.read_text().split("\n")[:-1],
            seeded["path"],
            f"/konsultacje/{seeded['page_id']}/komentarz/",
            args.comments,
            args.readers,
            server.pid,
            redis,
        )
        drill.run()
        recovered = recovery_seconds(drill)
        time.sleep(2)  # the gunicorn master replaces a dead worker within a second
        workers_after = len(worker_pids(server.pid))
        stored = stored_markers(env, seeded["page_id"])
        summary = summarise(drill, stored, recovered, workers_after, args.workers)
    finally:
        if server:
            server.terminate()
            server.wait(30)
        (drill.redis if drill else redis).terminate()  # the drill restarts Redis
        subprocess.run(["pg_ctlcluster", PG_VERSION, CLUSTER, "stop"], check=False)
    print(json.dumps(summary, indent=2, ensure_ascii=False))  # noqa: T201
    (ROOT / "var" / "fault-drill.json").write_text(json.dumps(summary, indent=2))
    sys.exit(0 if summary["ok"] else 1)


if __name__ == "__main__":
    main()
