"""Open data: a consultation's clauses, published comments and responses (JSON and CSV).

Schema: docs/consultations-report.md ("Open data"). Five queries whatever the size:
the versions, their clauses, the comments (author, organisation, clause and response
joined in), the page URL and the municipality whose window holds the consultation.
Hidden comments are listed as hidden, with the reason, without their text or author.
Responses appear once the report is published (before that they are drafts).
"""

from __future__ import annotations

import csv
import io

from django.urls import reverse
from django.utils import timezone

from portal.office_files import clean_text
from portal.spreadsheet import neutralise_formula

from ..models import Clause, ConsultationComment, ResponseStatus

SCHEMA = "okienko-consultation-data/1"


def _iso(value):
    return value.isoformat() if value else None


def consultation_data(consultation, request=None) -> dict:
    base_url = consultation.get_full_url(request) or ""
    versions = list(consultation.versions.published())
    return {
        "schema": SCHEMA,
        "generated_at": _iso(timezone.now()),
        "consultation": _consultation_facts(consultation, request, base_url),
        "versions": _versions(versions, base_url),
        "comments": _comments(consultation),
    }


def _consultation_facts(consultation, request, base_url: str) -> dict:
    from municipalities.models import Municipality

    def link(name: str) -> str:
        path = reverse(f"consultations:{name}", kwargs={"page_id": consultation.pk})
        return request.build_absolute_uri(path) if request is not None else path

    municipality = Municipality.objects.for_page(consultation)
    return {
        "id": consultation.pk,
        "title": consultation.title,
        "subject": consultation.subject,
        "url": base_url,
        "start_at": _iso(consultation.start_at),
        "end_at": _iso(consultation.end_at),
        "phase": str(consultation.phase),
        "form": consultation.form,
        "organiser": consultation.organiser,
        "municipality": municipality.public_summary() if municipality else None,
        "report_published_at": _iso(consultation.report_published_at),
        "report_url": link("report") if consultation.report_published_at else None,
        "data": {
            "json": link("open_data_json"),
            "comments_csv": link("open_data_comments_csv"),
            "clauses_csv": link("open_data_clauses_csv"),
        },
    }


def _versions(versions, base_url: str) -> list[dict]:
    """The published versions with their clauses (one query for every clause)."""
    clauses_by_version: dict[int, list] = {v.pk: [] for v in versions}
    anchors: dict[int, str] = {}
    for clause in Clause.objects.filter(version__in=versions).order_by("version_id", "position"):
        anchors[clause.pk] = clause.anchor
        clauses_by_version[clause.version_id].append(clause)
    return [
        {
            "number": v.number,
            "title": v.title,
            "published_at": _iso(v.published_at),
            "change_note": v.change_note,
            "clauses": [
                {
                    "id": cl.pk,
                    "position": cl.position,
                    "anchor": cl.anchor,
                    "citation": cl.citation,
                    "level": cl.level,
                    "label": cl.label,
                    "parent_anchor": anchors.get(cl.parent_id),
                    "text": cl.text,
                    "url": f"{base_url}#{cl.anchor}" if base_url else f"#{cl.anchor}",
                }
                for cl in clauses_by_version[v.pk]
            ],
        }
        for v in versions
    ]


def _comments(consultation) -> list[dict]:
    """Every listed comment (one query); responses once the report is published."""
    statuses = dict(ResponseStatus.choices)
    with_responses = consultation.report_published_at is not None
    queryset = (
        ConsultationComment.objects.listed()
        .filter(consultation=consultation)
        .select_related("user", "organisation", "response", "clause", "clause__version")
        .order_by("submit_date", "pk")
    )
    return [_comment(c, statuses, with_responses) for c in queryset]


def _comment(c, statuses: dict, with_responses: bool) -> dict:
    hidden = c.is_hidden
    response = getattr(c, "response", None) if with_responses else None
    return {
        "id": c.pk,
        "parent_id": c.parent_id if c.parent_id != c.pk else None,
        "level": c.level,
        "version": c.clause.version.number if c.clause_id else None,
        "clause_anchor": c.clause.anchor if c.clause_id else None,
        "clause_citation": c.clause.citation if c.clause_id else None,
        "submitted_at": _iso(c.submit_date),
        "submitter": None if hidden else c.submitter,
        "on_behalf_of": c.organisation.name if c.organisation_id and not hidden else None,
        "channel": c.channel,
        "hidden": hidden,
        "hidden_reason": c.hidden_reason if hidden else None,
        "comment": None if hidden else c.comment,
        "proposed_wording": None if hidden else c.proposed_wording,
        "justification": None if hidden else c.justification,
        "group_id": c.group_id,
        "response": {
            "status": response.status,
            "status_label": str(statuses.get(response.status, response.status)),
            "text": response.text,
        }
        if response
        else None,
    }


COMMENT_COLUMNS = (
    "id",
    "parent_id",
    "version",
    "clause_citation",
    "clause_anchor",
    "submitted_at",
    "submitter",
    "on_behalf_of",
    "channel",
    "hidden",
    "comment",
    "proposed_wording",
    "justification",
    "group_id",
    "response_status",
    "response_text",
)
CLAUSE_COLUMNS = (
    "version",
    "position",
    "anchor",
    "citation",
    "level",
    "label",
    "parent_anchor",
    "text",
    "url",
)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return neutralise_formula(clean_text(value))


def _csv(header, rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return out.getvalue()


def comments_csv(data: dict) -> str:
    """One row per published comment (RFC 4180: comma, CRLF, UTF-8)."""

    def rows():
        for c in data["comments"]:
            response = c["response"] or {}
            flat = {
                **c,
                "response_status": response.get("status"),
                "response_text": response.get("text"),
            }
            yield [flat[k] for k in COMMENT_COLUMNS]

    return _csv(COMMENT_COLUMNS, rows())


def clauses_csv(data: dict) -> str:
    def rows():
        for version in data["versions"]:
            for clause in version["clauses"]:
                yield [version["number"] if k == "version" else clause[k] for k in CLAUSE_COLUMNS]

    return _csv(CLAUSE_COLUMNS, rows())
