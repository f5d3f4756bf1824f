"""The consultation report: one row builder shared by the web page and every export.

`build_report(consultation)` reads every reportable comment with ONE query (clause,
author, organisation and response joined in) and returns a `Report`: the header facts
Polish offices publish (subject, dates, form, channels, participants, comments by
status) and one `ReportRow` per comment, numbered in the order of the act (general
comments first, then clause by clause, oldest first).

The web page shows 500 rows at a time: `report_page(consultation, number)` counts the
header facts from one narrow query (`Tallies.of`: six columns per comment, no model
instances) and builds only the rows of the requested page, so a 20,000-comment report
costs the same few queries and a fraction of the full build per request.

Reportable comments are the top-level comments of the consultation that were not
removed — including those a moderator hid (the report must account for every comment
received; their row shows that the comment was hidden and why, not its text or
author) and those an official entered from paper, e-mail or a meeting. Replies in a
thread are discussion, not formal comments, and are not answered in the report.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Channel, ConsultationComment, ResponseStatus
from ..models.comments import report_row_anchor

WHOLE_ACT_CITATION = _("the act as a whole")


@dataclass
class ReportRow:
    number: int
    comment_id: int
    clause_id: int | None
    clause_citation: str
    clause_anchor: str
    clause_text: str
    comment: str
    proposed_wording: str
    justification: str
    submitter: str
    is_organisation: bool
    channel: str
    channel_label: str
    submitted_at: datetime.datetime | None
    status: str
    status_label: str
    response_text: str
    group_id: int | None
    hidden: bool
    hidden_reason: str
    participant_key: str = ""

    @property
    def row_id(self) -> str:
        """HTML id of the row in the report page (stable: based on the comment)."""
        return report_row_anchor(self.comment_id)

    @property
    def answered(self) -> bool:
        return bool(self.status)


def participant_key(organisation_id, submitter_name, user_id, user_name) -> str:
    """Who took part, for counting participants: an organisation counts once however many
    of its people commented; offline submitters and anonymous names by their name."""
    if organisation_id:
        return f"o{organisation_id}"
    if submitter_name:
        name = submitter_name
    elif user_id:
        return f"u{user_id}"
    else:
        name = user_name or ""
    name = " ".join(name.lower().split())
    return f"n{name}" if name else ""


@dataclass
class Tallies:
    """The counts in the report header: comments, by position, by channel, participants."""

    total: int
    by_status: Counter
    by_channel: Counter
    participant_keys: set

    @classmethod
    def from_rows(cls, rows) -> Tallies:
        return cls(
            total=len(rows),
            by_status=Counter(r.status for r in rows),
            by_channel=Counter(r.channel for r in rows),
            participant_keys={r.participant_key for r in rows if r.participant_key},
        )

    @classmethod
    def of(cls, consultation) -> Tallies:
        """The same counts from ONE narrow query (no rows, no model instances)."""
        values = (
            ConsultationComment.objects.filter(consultation=consultation)
            .reportable()
            .select_related(None)
            .order_by()
            .values_list(
                "organisation_id",
                "submitter_name",
                "user_id",
                "user_name",
                "channel",
                "response__status",
            )
        )
        by_status, by_channel, keys, total = Counter(), Counter(), set(), 0
        for org, submitter, user, user_name, channel, status in values:
            total += 1
            by_status[status or ""] += 1
            by_channel[channel] += 1
            keys.add(participant_key(org, submitter, user, user_name))
        keys.discard("")
        return cls(total=total, by_status=by_status, by_channel=by_channel, participant_keys=keys)


@dataclass
class Report:
    """Header facts and rows. `rows` are all rows (exports) or one page of them (the web
    page, with `tallies` counted over the whole report)."""

    consultation: object
    rows: list[ReportRow]
    generated_at: datetime.datetime = field(default_factory=timezone.now)
    tallies: Tallies | None = None

    @cached_property
    def municipality(self):
        """The municipality whose window holds the consultation (one query)."""
        from municipalities.models import Municipality

        return Municipality.objects.for_page(self.consultation)

    @cached_property
    def _tallies(self) -> Tallies:
        return self.tallies or Tallies.from_rows(self.rows)

    @property
    def total(self) -> int:
        return self._tallies.total

    @property
    def answered(self) -> int:
        return self.total - self._tallies.by_status.get("", 0)

    @property
    def is_complete(self) -> bool:
        return self.answered == self.total

    @property
    def status_counts(self) -> list[tuple[str, str, int]]:
        """(status, label, count) for every status, in the order of ResponseStatus."""
        counts = self._tallies.by_status
        return [
            (value, str(label), counts.get(value, 0)) for value, label in ResponseStatus.choices
        ]

    @property
    def unanswered(self) -> int:
        return self.total - self.answered

    @property
    def channel_counts(self) -> list[tuple[str, str, int]]:
        counts = self._tallies.by_channel
        return [
            (value, str(label), counts[value]) for value, label in Channel.choices if counts[value]
        ]

    @property
    def participants(self) -> int:
        return len(self._participant_keys)

    @property
    def organisations(self) -> int:
        return sum(1 for key in self._participant_keys if key[0] == "o")

    @property
    def _participant_keys(self) -> set:
        return self._tallies.participant_keys

    def facts(self) -> list[tuple[str, str]]:
        """Header facts as (label, value) pairs, in the order offices publish them."""
        c = self.consultation
        local_start = timezone.localtime(c.start_at)
        local_end = timezone.localtime(c.end_at)
        by_status = ", ".join(f"{label}: {count}" for _v, label, count in self.status_counts)
        if self.unanswered:
            by_status += f", {_('without a response')}: {self.unanswered}"
        facts = [
            (str(_("Subject")), c.subject),
            (
                str(_("Dates")),
                f"{local_start:%d.%m.%Y %H:%M} – {local_end:%d.%m.%Y %H:%M}",
            ),
            (str(_("Form")), c.form or "–"),
            (
                str(_("Channels")),
                ", ".join(f"{label}: {n}" for _v, label, n in self.channel_counts) or "–",
            ),
            (
                str(_("Participants")),
                f"{self.participants} ({_('organisations')}: {self.organisations})",
            ),
            (str(_("Comments")), str(self.total)),
            (str(_("Comments by position")), by_status),
        ]
        if c.organiser:
            facts.insert(3, (str(_("Responsible unit")), c.organiser))
        municipality = self.municipality
        if municipality is not None:
            body = municipality.executive_body
            facts[:0] = [(str(_("Municipality")), municipality.name)]
            if body is not None:
                facts.insert(1, (str(_("Conducted by")), f"{body.label} – {municipality.name}"))
        return facts


def _row_from(comment, number: int, statuses: dict, channels: dict) -> ReportRow:
    clause = comment.clause
    response = getattr(comment, "response", None)
    # A hidden comment is accounted for (a row, a response, the tallies) but its text and
    # author are not published: the row says it was hidden, and why.
    hidden = comment.is_hidden
    return ReportRow(
        number=number,
        comment_id=comment.pk,
        clause_id=comment.clause_id,
        clause_citation=clause.citation if clause else str(WHOLE_ACT_CITATION),
        clause_anchor=clause.anchor if clause else "",
        clause_text=clause.text if clause else "",
        comment="" if hidden else comment.comment,
        proposed_wording="" if hidden else comment.proposed_wording,
        justification="" if hidden else comment.justification,
        submitter="" if hidden else comment.submitter,
        is_organisation=bool(comment.organisation_id) and not hidden,
        channel=comment.channel,
        channel_label=channels.get(comment.channel, comment.channel),
        submitted_at=comment.submit_date,
        status=response.status if response else "",
        status_label=statuses.get(response.status, "") if response else "",
        response_text=response.text if response else "",
        group_id=comment.group_id,
        hidden=hidden,
        hidden_reason=comment.hidden_reason,
        participant_key=participant_key(
            comment.organisation_id, comment.submitter_name, comment.user_id, comment.user_name
        ),
    )


def report_queryset(consultation):
    """The single query behind every report row."""
    return (
        ConsultationComment.objects.filter(consultation=consultation)
        .reportable()
        .select_related("clause", "user", "organisation", "response")
        .in_report_order()
    )


def _rows(comments, start: int = 1):
    statuses = {value: str(label) for value, label in ResponseStatus.choices}
    channels = {value: str(label) for value, label in Channel.choices}
    for number, comment in enumerate(comments, start=start):
        yield _row_from(comment, number, statuses, channels)


def iter_rows(consultation, chunk_size: int = 2000):
    """Report rows one by one (streamed from one query, for large exports)."""
    yield from _rows(report_queryset(consultation).iterator(chunk_size=chunk_size))


def build_report(consultation) -> Report:
    """The report of a consultation: header facts and every reportable comment's row."""
    return Report(consultation=consultation, rows=list(iter_rows(consultation)))


def report_page(consultation, number, per_page: int):
    """(Report with one page of rows and whole-report tallies, Page) — for the web page.

    Two queries whatever the size: the tallies (which also give the paginator its count)
    and the rows of the page. Row numbers are those of the full report.
    """
    from django.core.paginator import Paginator

    tallies = Tallies.of(consultation)
    paginator = Paginator(report_queryset(consultation), per_page)
    paginator.count = tallies.total  # a cached_property: no COUNT query
    page = paginator.get_page(number)
    rows = list(_rows(page.object_list, start=page.start_index())) if tallies.total else []
    return Report(consultation=consultation, rows=rows, tallies=tallies), page
