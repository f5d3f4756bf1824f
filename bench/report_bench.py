"""Report, exports, grouping and open data on a large consultation.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/okienko_report_bench \\
        python bench/report_bench.py --clauses 300 --comments 20000

Creates the schema (migrate) in the given database, seeds a consultation with
`manage.py seed_bench`, closes it, answers every comment (bulk insert), then prints one
JSON line per measurement: wall and CPU seconds, SQL queries, output size and memory.
Memory is measured in a second run of the same step under tracemalloc (`py_peak_mb`:
peak of Python allocations during the step; tracemalloc slows code down, so the timings
come from the first, untraced run) and as the process's peak RSS so far (`rss_peak_mb`).
`--no-memory` skips the traced run; `--page-id N --only report_page,open_data`
re-measures some steps on a consultation seeded by an earlier run. Nothing here is a
test; the numbers go into docs/consultations-report.md.
"""

import argparse
import gc
import json
import os
import random
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")


MEMORY = True


def measure(name, fn, **extra):
    from django.db import connection, reset_queries

    gc.collect()
    reset_queries()
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    row = {
        "what": name,
        "wall_s": round(time.perf_counter() - wall, 3),
        "cpu_s": round(time.process_time() - cpu, 3),
        "queries": len(connection.queries),
        **extra,
    }
    if isinstance(result, bytes | str):
        row["bytes"] = len(result)
    if MEMORY:
        gc.collect()
        tracemalloc.start()
        traced = fn()
        row["py_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
        tracemalloc.stop()
        del traced
    row["rss_peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(row), flush=True)
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clauses", type=int, default=100)
    parser.add_argument("--comments", type=int, default=2000)
    parser.add_argument("--formats", default="csv,xlsx,docx,pdf")
    parser.add_argument("--no-memory", action="store_true")
    parser.add_argument(
        "--page-id", type=int, help="reuse a consultation seeded (and answered) by an earlier run"
    )
    parser.add_argument("--only", default="", help="comma-separated step names to run")
    args = parser.parse_args()
    global MEMORY
    MEMORY = not args.no_memory
    only = {s for s in args.only.split(",") if s}

    def wanted(step):
        return not only or step in only or any(step.startswith(o) for o in only)

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    settings.DEBUG = True  # count queries
    call_command("migrate", verbosity=0)
    import io
    from contextlib import redirect_stdout

    if args.page_id:
        seeded = {"page_id": args.page_id, "reused": True}
    else:
        out = io.StringIO()
        with redirect_stdout(out):
            call_command("seed_bench", clauses=args.clauses, comments=args.comments)
        seeded = json.loads(out.getvalue().strip().splitlines()[-1])

    from consultations.models import (
        CommentResponse,
        ConsultationComment,
        ConsultationPage,
        ResponseStatus,
    )
    from consultations.reports.exports import writer_for
    from consultations.reports.grouping import group_similar_comments
    from consultations.reports.report import build_report

    page_id = seeded["page_id"]
    now = timezone.now()
    ConsultationPage.objects.filter(pk=page_id).update(
        start_at=now - timezone.timedelta(days=30), end_at=now - timezone.timedelta(days=1)
    )
    ConsultationPage.objects.filter(pk=page_id).update(report_published_at=None)
    consultation = ConsultationPage.objects.get(pk=page_id)
    rng = random.Random(1)
    reportable = ConsultationComment.objects.filter(consultation=consultation).reportable()
    ids = list(reportable.values_list("pk", flat=True))
    CommentResponse.objects.bulk_create(
        [
            CommentResponse(
                comment_id=pk,
                status=rng.choice(ResponseStatus.values),
                text="Uwaga została rozpatrzona przez Biuro ds. Organizacji Pozarządowych.",
            )
            for pk in ids
        ],
        batch_size=1000,
        ignore_conflicts=True,
    )
    print(json.dumps({"seeded": seeded, "reportable": len(ids), "db": connection.vendor}))
    formats = args.formats.split(",")
    if any(wanted(s) for s in ["build_report", *(f"export_{f}" for f in formats)]):
        report = measure("build_report", lambda: build_report(consultation), rows=len(ids))
        for fmt in formats:
            if wanted(f"export_{fmt}"):
                measure(
                    f"export_{fmt}", lambda fmt=fmt: writer_for(fmt).render(report), rows=len(ids)
                )
    if wanted("group_similar_comments"):
        measure("group_similar_comments", lambda: group_similar_comments(consultation=consultation))
    ConsultationPage.objects.filter(pk=page_id).update(report_published_at=now)
    client = Client(HTTP_HOST="127.0.0.1")
    last = (len(ids) - 1) // 500 + 1
    web = {
        "report_page_GET": f"/konsultacje/{page_id}/raport/",
        "report_page_GET_last": f"/konsultacje/{page_id}/raport/?strona={last}",
        "open_data_json_GET": f"/konsultacje/{page_id}/dane.json",
        "open_data_csv_GET": f"/konsultacje/{page_id}/dane.csv",
    }
    client.get(web["report_page_GET"])  # warm-up: templates, translations, imports
    for step, url in web.items():
        if wanted(step):
            measure(step, lambda url=url: client.get(url).content)

    # The background path as the task worker runs it: one query for the rows, progress
    # updates while writing, the file saved to MEDIA_ROOT.
    from consultations.models import ReportExport
    from consultations.reports.tasks import build_report_export

    def background(fmt):
        export = ReportExport.objects.create(consultation=consultation, format=fmt)
        status = build_report_export.call(export.pk)
        export.refresh_from_db()
        assert status == ReportExport.Status.DONE, export.error
        return export.file.size

    for fmt in formats:
        if wanted(f"background_export_{fmt}"):
            size = background(fmt)
            measure(f"background_export_{fmt}", lambda fmt=fmt: background(fmt), bytes=size)


if __name__ == "__main__":
    main()
