"""Verbs of the consultations capability, for views, admin screens, commands, the demo
seeder and other apps: import and publish drafts, comment, reply, moderate, answer
comments, publish the report and ask for its files.

Each verb checks its permission (consultations.permissions), runs in one transaction
and leaves an audit row where the law expects one (moderation, offline entry). They live
with their part of the app (drafts, comments, reports); this module names them in one
place.
"""

from .caching import touch
from .comments.moderation import flag_comment, hide_comment, keep_comment, unhide_comment
from .comments.posting import (
    CommentRefused,
    CommentText,
    enter_offline_comment,
    post_comment,
    reply,
)
from .comments.reactions import react
from .drafts.services import (
    DRAFT_EXTENSIONS,
    MAX_DRAFT_BYTES,
    DraftImportError,
    consulted_version,
    edit_clause,
    import_draft,
    publish_version,
    reparse_version,
)
from .reports.services import (
    group_on_first_visit,
    publish_report,
    regroup_comments,
    request_export,
    respond,
    respond_to_group,
)

__all__ = [
    "DRAFT_EXTENSIONS",
    "MAX_DRAFT_BYTES",
    "CommentRefused",
    "CommentText",
    "DraftImportError",
    "consulted_version",
    "edit_clause",
    "enter_offline_comment",
    "flag_comment",
    "group_on_first_visit",
    "hide_comment",
    "import_draft",
    "keep_comment",
    "post_comment",
    "publish_report",
    "publish_version",
    "react",
    "regroup_comments",
    "reparse_version",
    "reply",
    "request_export",
    "respond",
    "respond_to_group",
    "touch",
    "unhide_comment",
]
