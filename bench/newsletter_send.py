"""Benchmark: send one newsletter issue to 10,000 and 50,000 subscribers through a local SMTP sink.

    python bench/newsletter_send.py                 # 10k and 50k, one worker, PostgreSQL
    python bench/newsletter_send.py --sizes 50000 --workers 2
    python bench/newsletter_send.py --db sqlite     # the same on an SQLite file

What it does, end to end with the production code path (services.deliver_mailing with
Django's SMTP backend):
1. creates a database of its own (PostgreSQL `okienko_news_bench`, or an SQLite file in
   the temporary directory with --db sqlite) and migrates it;
2. starts an SMTP sink (aiosmtpd) on 127.0.0.1 in a separate process;
3. for each size: fills the subscriber table (separate process), then sends the issue
   in fresh worker process(es), measuring messages/s and the worker's peak RSS
   (resource.getrusage), and checks the sink received exactly one message per subscriber;
4. drops the database and stops the sink, even when something fails.

Memory is reported as peak RSS of the sending process; it should not grow with the
number of subscribers (deliveries are claimed in batches, messages built one at a time).
"""

import argparse
import json
import os
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DB_NAME = os.environ.get("BENCH_DB_NAME", "okienko_news_bench")
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432")
SQLITE_PATH = Path(tempfile.gettempdir()) / f"{DB_NAME}.sqlite3"
# "postgres" or "sqlite"; children inherit it through the environment.
DB_KIND = os.environ.get("BENCH_DB", "postgres")


def database_url() -> str:
    return f"sqlite:///{SQLITE_PATH}" if DB_KIND == "sqlite" else f"{PG_URL}/{DB_NAME}"


def child_env(smtp_port=None):
    env = dict(os.environ)
    env.update(
        BENCH_DB=DB_KIND,
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
        DATABASE_URL=database_url(),
        DEBUG="False",
        SECRET_KEY="bench-only",  # noqa: S106 - throwaway database
        BASE_URL="https://okienko.example.org",
        NEWSLETTER_RATE_LIMIT="0",
        NEWSLETTER_UNSUBSCRIBE_MAILTO="wypisz@okienko.example.org",
        PYTHONPATH=str(ROOT),
    )
    if smtp_port:
        env["EMAIL_URL"] = f"smtp://127.0.0.1:{smtp_port}"
    return env


def run_child(*args, smtp_port=None) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, *args],
        env=child_env(smtp_port),
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


# --- database -------------------------------------------------------------------


def admin_sql(sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG_URL}/postgres", autocommit=True) as conn:
        conn.execute(sql)


def create_database() -> None:
    if DB_KIND == "sqlite":
        SQLITE_PATH.unlink(missing_ok=True)
    else:
        admin_sql(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        admin_sql(f'CREATE DATABASE "{DB_NAME}"')
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--verbosity", "0"],
        env=child_env(),
        cwd=ROOT,
        check=True,
    )


def drop_database() -> None:
    if DB_KIND == "sqlite":
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{SQLITE_PATH}{suffix}").unlink(missing_ok=True)
    else:
        admin_sql(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')


# --- SMTP sink (its own process) ----------------------------------------------------


def sink_main(port: int, count_file: str) -> None:
    from aiosmtpd.controller import Controller

    class CountingHandler:
        count = 0
        recipients = set()
        duplicates = 0

        async def handle_DATA(self, server, session, envelope):
            for rcpt in envelope.rcpt_tos:
                if rcpt in self.recipients:
                    self.duplicates += 1
                self.recipients.add(rcpt)
            self.count += 1
            return "250 OK"

    handler = CountingHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()

    def dump(*_):
        Path(count_file).write_text(
            json.dumps(
                {
                    "count": handler.count,
                    "unique": len(handler.recipients),
                    "dup": handler.duplicates,
                    "cpu": cpu_seconds(),
                }
            )
        )

    def stop(*_):
        controller.stop()
        sys.exit(0)

    signal.signal(signal.SIGUSR1, dump)
    signal.signal(signal.SIGTERM, stop)
    print("ready", flush=True)
    while True:
        time.sleep(1)


def cpu_seconds(pid=None) -> float:
    """User + system CPU time of this process, or of another process (Linux /proc)."""
    if pid is None:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sink_stats(sink, count_file: Path) -> dict:
    count_file.unlink(missing_ok=True)
    sink.send_signal(signal.SIGUSR1)
    for _ in range(100):
        if count_file.exists() and count_file.read_text():
            return json.loads(count_file.read_text())
        time.sleep(0.05)
    raise RuntimeError("sink did not answer")


# --- children: populate and send -------------------------------------------------------


def django_setup():
    import django

    django.setup()


def populate_main(size: int) -> None:
    """Empty the newsletter tables, then create `size` confirmed subscribers of "news"."""
    django_setup()
    from django.db import connection, transaction

    from newsletters.models import Issue, IssueItem, Subscriber, Topic

    started = time.perf_counter()
    tables = [
        "newsletters_delivery",
        "newsletters_consentrecord",
        "newsletters_subscriber_topics",
        "newsletters_subscriber",
        "newsletters_issueitem",
        "newsletters_issue_topics",
        "newsletters_issue",
    ]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")
        else:
            for table in tables:
                cursor.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
    news = Topic.objects.get(slug="news")
    through = Subscriber.topics.through
    chunk = 5000
    with transaction.atomic():
        for start in range(0, size, chunk):
            subscribers = Subscriber.objects.bulk_create(
                # A run-specific prefix: the sink counts duplicates across the whole bench.
                Subscriber(email=f"czytelnik{size}-{n:06d}@example.org", status="confirmed")
                for n in range(start, min(size, start + chunk))
            )
            through.objects.bulk_create(
                through(subscriber_id=s.pk, topic_id=news.pk) for s in subscribers
            )
        issue = Issue.objects.create(
            subject="Biuletyn Okienka – benchmark",
            intro="Dzień dobry!\n\nW tym numerze: konsultacje, konkursy i wydarzenia.",
            status="sending",
        )
        issue.topics.add(news)
        issue.save()
        for i in range(6):
            IssueItem.objects.create(
                issue=issue,
                title=f"Wiadomość numer {i + 1} z portalu Okienko",
                summary="Krótkie streszczenie: co się wydarzyło i dlaczego warto przeczytać. " * 3,
                sort_order=i,
            )
    print(json.dumps({"issue": issue.pk, "seconds": round(time.perf_counter() - started, 2)}))


def db_backend_pid():
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def send_main(issue_pk: int) -> None:
    """One sending worker: the production engine until nothing is left."""
    django_setup()
    from newsletters import services
    from newsletters.models import Issue

    issue = Issue.objects.get(pk=issue_pk)
    db_pid = db_backend_pid()
    db_cpu_before = cpu_seconds(db_pid) if db_pid else 0.0
    usage = resource.getrusage(resource.RUSAGE_SELF)
    rss_before = usage.ru_maxrss
    cpu_before = usage.ru_utime + usage.ru_stime
    started = time.perf_counter()
    totals = {"sent": 0, "failed": 0, "retrying": 0}
    while True:
        report = services.deliver_mailing(issue, rate=0, time_budget=3600)
        for key in totals:
            totals[key] += getattr(report, key)
        if report.finished or not report.due_now:
            break
    elapsed = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(
        json.dumps(
            {
                **totals,
                "seconds": round(elapsed, 2),
                "cpu_seconds": round(usage.ru_utime + usage.ru_stime - cpu_before, 2),
                # The PostgreSQL server process serving this worker (same connection
                # throughout: checked by comparing the backend pid before and after).
                "db_cpu_seconds": (
                    round(cpu_seconds(db_pid) - db_cpu_before, 2)
                    if db_pid and db_backend_pid() == db_pid
                    else None
                ),
                "rss_before_kb": rss_before,
                "peak_rss_kb": usage.ru_maxrss,
            }
        )
    )


def prepare_main(issue_pk: int) -> None:
    django_setup()
    from newsletters import services
    from newsletters.models import Issue

    started = time.perf_counter()
    created = services.prepare_deliveries(Issue.objects.get(pk=issue_pk))
    print(
        json.dumps(
            {
                "created": created,
                "seconds": round(time.perf_counter() - started, 2),
                "peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            }
        )
    )


# --- orchestration ---------------------------------------------------------------------


def bench(sizes, workers) -> list[dict]:
    port = free_port()
    count_file = Path(tempfile.gettempdir()) / f"okienko_bench_sink_{os.getpid()}.json"
    results = []
    sink = None
    try:
        print(f"creating database {database_url()} and migrating…", flush=True)
        create_database()
        sink = subprocess.Popen(
            [sys.executable, __file__, "--sink", str(port), str(count_file)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert sink.stdout.readline().strip() == "ready"
        for size in sizes:
            populated = run_child("--populate", str(size))
            issue = populated["issue"]
            before = sink_stats(sink, count_file)
            started = time.perf_counter()
            prepared = run_child("--prepare", str(issue))
            procs = [
                subprocess.Popen(
                    [sys.executable, __file__, "--send", str(issue)],
                    env=child_env(port),
                    cwd=ROOT,
                    stdout=subprocess.PIPE,
                    text=True,
                )
                for _ in range(workers)
            ]
            reports = [json.loads(p.communicate()[0].strip().splitlines()[-1]) for p in procs]
            wall = time.perf_counter() - started
            after = sink_stats(sink, count_file)
            received = after["count"] - before["count"]
            sent = sum(r["sent"] for r in reports)
            result = {
                "database": DB_KIND,
                "subscribers": size,
                "workers": workers,
                "sent": sent,
                "received_by_sink": received,
                "duplicates_at_sink": after["dup"] - before["dup"],
                "prepare_seconds": prepared["seconds"],
                "send_seconds": max(r["seconds"] for r in reports),
                "total_seconds": round(wall, 2),
                "msgs_per_s_send": round(sent / max(r["seconds"] for r in reports), 1),
                "msgs_per_s_total": round(sent / wall, 1),
                # Sender CPU per message: what the worker costs, whatever else runs here.
                "sender_cpu_ms_per_msg": round(
                    1000 * sum(r["cpu_seconds"] for r in reports) / max(sent, 1), 2
                ),
                "sink_cpu_ms_per_msg": round(
                    1000 * (after["cpu"] - before["cpu"]) / max(sent, 1), 2
                ),
                "db_cpu_ms_per_msg": (
                    round(1000 * sum(r["db_cpu_seconds"] for r in reports) / max(sent, 1), 2)
                    if all(r["db_cpu_seconds"] is not None for r in reports)
                    else None
                ),
                "load_average_1m": round(os.getloadavg()[0], 2),
                "peak_rss_mb_sender": round(max(r["peak_rss_kb"] for r in reports) / 1024, 1),
                "rss_mb_sender_after_setup": round(
                    max(r["rss_before_kb"] for r in reports) / 1024, 1
                ),
                "peak_rss_mb_prepare": round(prepared["peak_rss_kb"] / 1024, 1),
            }
            # What the three processes of the send cost per message in CPU time, and the
            # rate two otherwise idle cores could sustain at that cost. An estimate from
            # measured CPU time, reported next to (never instead of) the measured rate.
            cpu_total = (
                result["sender_cpu_ms_per_msg"]
                + result["sink_cpu_ms_per_msg"]
                + (result["db_cpu_ms_per_msg"] or 0)
            )
            result["all_cpu_ms_per_msg"] = round(cpu_total, 2)
            result["msgs_per_s_cpu_bound_2_cores"] = round(2000 / cpu_total, 0)
            assert sent == size == received, result
            results.append(result)
            print(json.dumps(result), flush=True)
    finally:
        if sink:
            sink.terminate()
            sink.wait(timeout=10)
        count_file.unlink(missing_ok=True)
        drop_database()
        print(f"dropped database {database_url()}", flush=True)
    return results


def main() -> None:
    global DB_KIND
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,50000")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--db", choices=["postgres", "sqlite"], default=DB_KIND)
    parser.add_argument("--sink", nargs=2, metavar=("PORT", "COUNT_FILE"))
    parser.add_argument("--populate", type=int)
    parser.add_argument("--prepare", type=int)
    parser.add_argument("--send", type=int)
    args = parser.parse_args()
    DB_KIND = args.db
    if args.sink:
        sink_main(int(args.sink[0]), args.sink[1])
    elif args.populate:
        populate_main(args.populate)
    elif args.prepare:
        prepare_main(args.prepare)
    elif args.send and os.environ.get("BENCH_PROFILE"):
        # BENCH_PROFILE=/tmp/send.prof: profile the sending worker (cProfile format).
        import cProfile

        cProfile.runctx("send_main(args.send)", globals(), locals(), os.environ["BENCH_PROFILE"])
    elif args.send:
        send_main(args.send)
    else:
        results = bench([int(s) for s in args.sizes.split(",")], args.workers)
        print(
            "\ndatabase  subscribers  workers  msg/s(send)  msg/s(total)  sender CPU ms/msg  "
            "all CPU ms/msg  peak RSS sender (MB)  load(1m)"
        )
        for r in results:
            print(
                f"{r['database']:>8}  {r['subscribers']:>11}  {r['workers']:>7}  "
                f"{r['msgs_per_s_send']:>11}  {r['msgs_per_s_total']:>12}  "
                f"{r['sender_cpu_ms_per_msg']:>17}  {r['all_cpu_ms_per_msg']:>14}  "
                f"{r['peak_rss_mb_sender']:>20}  {r['load_average_1m']:>8}"
            )


if __name__ == "__main__":
    main()
