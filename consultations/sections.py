"""What the consultations show on other apps' pages: the home page's "open consultations"
section (cms_pages.window) and the "Comments in consultations" section of an
organisation's public profile (accounts.organisation_sections): its public comments on
publicly viewable consultations, newest first, in two queries."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import ConsultationComment, ConsultationIndexPage, ConsultationPage

HOME_SECTION_LIMIT = 5
PROFILE_COMMENT_LIMIT = 10


def open_consultations_section(home_page, request):
    index = ConsultationIndexPage.objects.live().child_of(home_page).first()
    if index is None:
        return None
    now = timezone.now()
    consultations = list(
        ConsultationPage.objects.live()
        .descendant_of(home_page)
        .open(now)
        .with_comment_counts()
        .order_by("end_at")[:HOME_SECTION_LIMIT]
    )
    return {
        "template": "consultations/sections/open_consultations.html",
        "order": 20,
        "consultations": consultations,
        "index_page": index,
        "now": now,
    }


def organisation_comments_section(request, organisation):
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
