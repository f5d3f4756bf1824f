"""The "Comments in consultations" section of an organisation's public profile
(accounts.organisation_sections): its public comments on publicly viewable
consultations, newest first, in two queries."""

from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

PROFILE_COMMENT_LIMIT = 10


def organisation_comments_section(request, organisation):
    from .models import ConsultationComment

    comments = (
        ConsultationComment.objects.public()
        .of_publicly_viewable_consultations()
        .filter(organisation=organisation)
    )
    latest = list(
        comments.select_related("consultation").order_by("-submit_date")[:PROFILE_COMMENT_LIMIT]
    )
    if not latest:
        return None
    total = len(latest) if len(latest) < PROFILE_COMMENT_LIMIT else comments.count()
    items = [
        (
            comment.consultation.title,
            comment.get_absolute_url(),
            f"{date_format(comment.submit_date, 'j E Y')}: {Truncator(comment.comment).words(20)}",
        )
        for comment in latest
    ]
    return {
        "template": "accounts/includes/organisation_section.html",
        "order": 30,
        "id": "consultation-comments",
        "title": _("Comments in consultations"),
        "text": ngettext(
            "%(count)d public comment on draft acts.",
            "%(count)d public comments on draft acts, the latest first.",
            total,
        )
        % {"count": total},
        "items": items,
        "more": None,
    }
