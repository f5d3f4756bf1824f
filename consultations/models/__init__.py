"""Consultations of draft local law (public benefit act art. 5; municipal act art. 5a).

A ConsultationPage (Wagtail) holds one or more DraftActVersions; the current version's
text is split into Clauses (drafts/parsing). Residents and NGOs comment on clauses or on
the act as a whole (ConsultationComment, a django-comments-xtd model); after the deadline
officials answer every comment (CommentResponse), possibly once for a group of
near-identical comments (CommentGroup), and publish the consultation report.

One module per part: `pages` (the index and the consultation page), `drafts` (versions
and clauses), `comments` (comments, their groups, sendings and moderation trail) and
`reports` (responses, report notices and export files).
"""

from .comments import (
    Channel,
    CommentGroup,
    CommentSubmission,
    ConsultationComment,
    ModerationEvent,
)
from .drafts import Clause, ClauseLevel, DraftActVersion, draft_upload_path
from .pages import ConsultationIndexPage, ConsultationPage, Phase
from .reports import (
    CommentResponse,
    ReportExport,
    ReportNotice,
    ResponseStatus,
    export_upload_path,
)

__all__ = [
    "Channel",
    "Clause",
    "ClauseLevel",
    "CommentGroup",
    "CommentResponse",
    "CommentSubmission",
    "ConsultationComment",
    "ConsultationIndexPage",
    "ConsultationPage",
    "DraftActVersion",
    "ModerationEvent",
    "Phase",
    "ReportExport",
    "ReportNotice",
    "ResponseStatus",
    "draft_upload_path",
    "export_upload_path",
]
