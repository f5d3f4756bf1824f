"""django-comments-xtd moderators for the commented models (defence in depth).

Our own comment view goes through services.post_comment. xtd's generic post view
(/komentarze/post/) still exists; these moderators make it obey the same rules: the
phase and the user's right to comment, and they complete the denormalised fields
(consultation, clause, sanitised HTML) that the generic form does not know about.
"""

from django_comments_xtd.moderation import XtdCommentModerator, moderator

from . import permissions
from .bleaching import render_user_text
from .models import Clause, DraftActVersion


class _ConsultationModerator(XtdCommentModerator):
    email_notification = False
    enable_field = None
    auto_close_field = None
    auto_moderate_field = None

    def consultation_of(self, content_object):
        raise NotImplementedError

    def allow(self, comment, content_object, request):
        consultation = self.consultation_of(content_object)
        user = getattr(request, "user", None)
        if not consultation.live or user is None:
            return False
        if not permissions.can_comment(user, consultation):
            return False
        is_version = isinstance(content_object, DraftActVersion)
        version = content_object if is_version else content_object.version
        if not version.is_published:
            return False
        comment.consultation = consultation
        if isinstance(content_object, Clause):
            comment.clause = content_object
        comment.body_html = render_user_text(comment.comment)
        comment.proposed_wording_html = render_user_text(getattr(comment, "proposed_wording", ""))
        comment.justification_html = render_user_text(getattr(comment, "justification", ""))
        return True


class ClauseModerator(_ConsultationModerator):
    def consultation_of(self, content_object):
        return content_object.version.consultation


class DraftActVersionModerator(_ConsultationModerator):
    def consultation_of(self, content_object):
        return content_object.consultation


def register():
    for model, moderator_class in (
        (Clause, ClauseModerator),
        (DraftActVersion, DraftActVersionModerator),
    ):
        if model not in moderator._registry:
            moderator.register(model, moderator_class)
