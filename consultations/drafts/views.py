"""Public views of the act's versions: the uploaded draft file and what changed between
published versions, clause by clause."""

import mimetypes

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from portal.private_files import serve_private_file

from .. import permissions
from ..views import viewable_consultation
from . import changes


@require_GET
def draft_file(request, page_id, version_id):
    """The uploaded file of a version of the act: published versions for whoever may see
    the consultation, unpublished ones for officials only."""
    consultation = viewable_consultation(request, page_id)
    version = get_object_or_404(consultation.versions, pk=version_id)
    if not version.source_file or not (
        version.is_published or permissions.can_manage_consultation(request.user, consultation)
    ):
        raise Http404
    name = version.source_file.name.rsplit("/", 1)[-1]
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return serve_private_file(version.source_file, filename=name, content_type=content_type)


@require_GET
def version_diff(request, page_id):
    """What changed between two published versions of the act, clause by clause."""
    consultation = viewable_consultation(request, page_id)
    versions = list(consultation.versions.published())
    if len(versions) < 2:
        raise Http404
    numbers = [v.number for v in versions]
    try:
        new_number = int(request.GET.get("do", numbers[-1]))
        position = numbers.index(new_number)
        old_number = int(request.GET.get("od", numbers[max(position - 1, 0)]))
        old, new = versions[numbers.index(old_number)], versions[position]
    except ValueError as exc:  # not a number, or not a published version
        raise Http404 from exc
    if old.number >= new.number:
        raise Http404
    show_report = permissions.can_view_report(request.user, consultation)
    diff = changes.compare_versions(old, new, with_comments=True)
    return render(
        request,
        "consultations/version_diff.html",
        {
            "page": consultation,
            "consultation": consultation,
            "old": old,
            "new": new,
            "versions": versions,
            "diff": diff,
            "report_url": reverse("consultations:report", kwargs={"page_id": consultation.pk})
            if show_report
            else "",
            "show_responses": consultation.report_published_at is not None or show_report,
        },
    )
