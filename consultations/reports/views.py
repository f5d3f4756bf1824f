"""Public views of the report, its exports and open data.

Who sees what is decided by the predicates in permissions.py (can_view_report,
can_export_report); everything here is GET except asking for a background export.
"""

import json

from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_POST

from portal.private_files import serve_private_file

from .. import permissions, services
from ..models import ConsultationComment, ConsultationPage, ReportExport
from ..views import viewable_consultation
from . import files, open_data
from .exports import WRITERS, writer_for
from .report import report_page

REPORT_PAGE_SIZE = 500
PREPARING_RETRY_SECONDS = 60
# Reports up to this many comments are built in the request; larger ones in a task.
DIRECT_EXPORT_LIMIT = 1000


def _reportable(request, page_id) -> ConsultationPage:
    consultation = viewable_consultation(request, page_id)
    if not permissions.can_view_report(request.user, consultation):
        raise Http404
    return consultation


@require_GET
def report(request, page_id):
    """The consultation report as a web page (a preview for officials until published)."""
    consultation = _reportable(request, page_id)
    report_data, page_obj = report_page(
        consultation, request.GET.get("strona"), per_page=REPORT_PAGE_SIZE
    )
    return render(
        request,
        "consultations/report.html",
        {
            "page": consultation,
            "consultation": consultation,
            "report": report_data,
            "facts": report_data.facts(),
            "rows": report_data.rows,
            "page_obj": page_obj,
            "is_preview": consultation.report_published_at is None,
            "formats": list(WRITERS),
        },
    )


@require_GET
def report_download(request, page_id, fmt):
    """The report file, built once per state of the report and then served stored.

    Small reports are built by the first request that asks (the others meanwhile are
    told to come back in a minute); large ones are offered as a background export.
    """
    consultation = _reportable(request, page_id)
    if fmt not in WRITERS:
        raise Http404
    count = ConsultationComment.objects.filter(consultation=consultation).reportable().count()
    if count > DIRECT_EXPORT_LIMIT:
        return render(
            request,
            "consultations/export_request.html",
            {"page": consultation, "consultation": consultation, "format": fmt, "count": count},
        )
    export = files.stored_download(consultation, fmt)
    if export.status != ReportExport.Status.DONE:
        response = render(
            request,
            "consultations/export_preparing.html",
            {"page": consultation, "consultation": consultation, "export": export},
            status=503,
        )
        response["Retry-After"] = str(PREPARING_RETRY_SECONDS)
        return response
    return _serve_export(export, consultation)


def _serve_export(export, consultation):
    writer = writer_for(export.format)
    return serve_private_file(
        export.file,
        filename=writer.filename(consultation),
        content_type=writer.content_type,
    )


@require_POST
def export_start(request, page_id):
    consultation = viewable_consultation(request, page_id)
    try:
        export = services.request_export(
            consultation=consultation, fmt=request.POST.get("format", ""), by=request.user
        )
    except PermissionDenied as exc:
        raise Http404 from exc
    except ValidationError as exc:
        return HttpResponse(" ".join(exc.messages), status=400)
    return redirect("consultations:export_status", page_id=consultation.pk, export_id=export.pk)


def _export(request, page_id, export_id) -> ReportExport:
    consultation = _reportable(request, page_id)
    export = get_object_or_404(ReportExport, pk=export_id, consultation=consultation)
    export.consultation = consultation
    return export


@require_GET
def export_status(request, page_id, export_id):
    """Progress of a background export; a script updates it in place until it is done."""
    files.fail_stuck_exports()
    export = _export(request, page_id, export_id)
    running = export.status in (ReportExport.Status.QUEUED, ReportExport.Status.RUNNING)
    return render(
        request,
        "consultations/export_status.html",
        {
            "page": export.consultation,
            "consultation": export.consultation,
            "export": export,
            "running": running,
        },
    )


@require_GET
def export_file(request, page_id, export_id):
    export = _export(request, page_id, export_id)
    if export.status != ReportExport.Status.DONE or not export.file:
        raise Http404
    return _serve_export(export, export.consultation)


OPEN_DATA_CACHE_SECONDS = 3600


def _open_data_body(request, consultation, fmt: str) -> bytes:
    """The open-data file, built once per state of the consultation.

    Building it reads every comment (about 5 s of CPU at 14,000 comments), and the
    result is the same for everyone: the key holds what changes it — the comments
    stamp (bumped by every comment, response, moderation and published version), the
    report date, the page's last publication, the host (absolute links) and the
    language. Kept in the shared cache for an hour.
    """
    key = "consultations:open-data:{}:{}:{}:{}:{}".format(
        consultation.pk,
        fmt,
        ":".join(str(stamp.timestamp()) if stamp else "-" for stamp in consultation.state_stamps),
        request.get_host(),
        translation.get_language(),
    )
    body = cache.get(key)
    if body is None:
        data = open_data.consultation_data(consultation, request=request)
        if fmt == "json":
            body = json.dumps(data, ensure_ascii=False, indent=1, cls=DjangoJSONEncoder)
        elif fmt == "comments.csv":
            body = open_data.comments_csv(data)
        else:
            body = open_data.clauses_csv(data)
        body = body.encode("utf-8")
        cache.set(key, body, OPEN_DATA_CACHE_SECONDS)
    return body


@require_GET
def open_data_json(request, page_id):
    consultation = viewable_consultation(request, page_id)
    response = HttpResponse(
        _open_data_body(request, consultation, "json"), content_type="application/json"
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def open_data_comments_csv(request, page_id):
    consultation = viewable_consultation(request, page_id)
    body = _open_data_body(request, consultation, "comments.csv")
    return _csv_response(body, f"konsultacja-{consultation.pk}-uwagi.csv")


@require_GET
def open_data_clauses_csv(request, page_id):
    consultation = viewable_consultation(request, page_id)
    body = _open_data_body(request, consultation, "clauses.csv")
    return _csv_response(body, f"konsultacja-{consultation.pk}-przepisy.csv")


def _csv_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=False, filename=filename
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response
