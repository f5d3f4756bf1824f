"""Template helpers for the report screens and the report links on the consultation page."""

from django import template
from django.core.cache import cache
from django.urls import reverse

register = template.Library()


@register.simple_tag
def response_form_state(errors, posted, prefix, target, current=None):
    """Errors and values for one response form (what was posted wins over what is saved)."""
    key = f"{prefix}{target}"
    if key in (posted or {}):
        values = posted[key]
    elif current:
        values = {"status": current.status, "text": current.text}
    else:
        values = {"status": "", "text": ""}
    return {"errors": (errors or {}).get(key, {}), **values}


@register.inclusion_tag("consultations/report_links.html")
def consultation_report_links(page):
    """Links to the report, the changes between versions and the open data.

    Cached per consultation and `comments_changed_at` (bumped by every service that
    publishes a version or the report), so the consultation page pays no query.
    """
    stamps = [
        d.timestamp() if d else 0 for d in (page.comments_changed_at, page.report_published_at)
    ]
    key = "consultation-report-links:{}:{}:{}".format(page.pk, *stamps)
    versions = cache.get(key)
    if versions is None:
        versions = page.versions.published().count()
        cache.set(key, versions, 3600)
    return {
        "page": page,
        "report_url": reverse("consultations:report", kwargs={"page_id": page.pk})
        if page.report_published_at
        else "",
        "diff_url": reverse("consultations:version_diff", kwargs={"page_id": page.pk})
        if versions > 1
        else "",
        "json_url": reverse("consultations:open_data_json", kwargs={"page_id": page.pk}),
        "comments_csv_url": reverse(
            "consultations:open_data_comments_csv", kwargs={"page_id": page.pk}
        ),
        "clauses_csv_url": reverse(
            "consultations:open_data_clauses_csv", kwargs={"page_id": page.pk}
        ),
    }
