"""What every report file shows, whatever its format: the columns, the cell values and
the header facts, and the writer's interface (`ReportWriter`)."""

from __future__ import annotations

import io
from collections.abc import Callable

from django.utils import timezone
from django.utils.translation import gettext as _

from portal.office_files import clean_text

from ..report import Report, ReportRow

Progress = Callable[[int, int], None] | None


class ReportColumns:
    """The report table as Polish offices publish it: ten columns, one row per comment."""

    # (key, relative width)
    columns = (
        ("number", 4),
        ("clause", 10),
        ("clause_text", 26),
        ("comment", 30),
        ("proposed_wording", 24),
        ("justification", 24),
        ("submitter", 14),
        ("channel", 10),
        ("position", 12),
        ("response", 30),
    )

    @staticmethod
    def headings() -> list[str]:
        return [
            _("No."),
            _("Clause"),
            _("Current wording"),
            _("Comment"),
            _("Proposed wording"),
            _("Justification"),
            _("Submitter"),
            _("Channel"),
            _("Authority's position"),
            _("Justification of the position"),
        ]

    @staticmethod
    def values(row: ReportRow) -> list[str]:
        comment = row.comment
        if row.hidden:
            note = _("Hidden by the moderator")
            if row.hidden_reason:
                note = f"{note}: {row.hidden_reason}"
            comment = f"[{note}]"  # the row carries no text of a hidden comment
        return [
            clean_text(v)
            for v in (
                row.number,
                row.clause_citation,
                row.clause_text,
                comment,
                row.proposed_wording,
                row.justification,
                row.submitter,
                row.channel_label,
                row.status_label or "–",
                row.response_text,
            )
        ]

    @property
    def widths(self) -> list[int]:
        return [w for _k, w in self.columns]


class HeaderFactsMixin:
    @staticmethod
    def title(report: Report) -> str:
        return clean_text(
            _("Consultation report: %(title)s") % {"title": report.consultation.title}
        )

    @staticmethod
    def subject(report: Report) -> str:
        return clean_text(report.consultation.subject)

    @staticmethod
    def author(report: Report) -> str:
        return clean_text(report.consultation.organiser or "Okienko")

    @staticmethod
    def facts(report: Report) -> list[tuple[str, str]]:
        facts = [(label, clean_text(value)) for label, value in report.facts()]
        if report.consultation.report_published_at:
            published = timezone.localtime(report.consultation.report_published_at)
            facts.append((_("Report published"), f"{published:%d.%m.%Y}"))
        else:
            facts.append((_("Status"), _("Draft report, not published yet")))
        return facts


class ReportWriter(ReportColumns, HeaderFactsMixin):
    format = ""
    extension = ""
    content_type = "application/octet-stream"
    progress_every = 200

    def write(self, report: Report, out, progress: Progress = None) -> None:
        raise NotImplementedError

    def _tick(self, done: int, total: int, progress: Progress) -> None:
        if progress and (done % self.progress_every == 0 or done == total):
            progress(done, total)

    def filename(self, consultation) -> str:
        return f"raport-konsultacji-{consultation.pk}.{self.extension}"

    def render(self, report: Report, progress: Progress = None) -> bytes:
        buf = io.BytesIO()
        self.write(report, buf, progress)
        return buf.getvalue()
