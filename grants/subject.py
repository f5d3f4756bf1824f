"""How a consultation page that publishes a small grant offer speaks (registered with
consultations.subjects in GrantsConfig.ready): about the offer, not an act, with a
notice of who offers what and, once taken, the decision."""

from django.utils.translation import gettext_lazy as _

OFFER_LABELS = {
    "text_title": _("Text of the offer"),
    "comment_whole": _("Comment on the offer as a whole"),
    "comments_whole": _("Comments on the offer as a whole"),
    "show_comments_whole": _("Show the comments on the offer as a whole"),
    "comment_part": _("Comment on this part"),
    "back_to_part": _("Back to this part of the offer"),
}


def describe_small_grant(page):
    from .models import SmallGrantPublication

    publication = (
        SmallGrantPublication.objects.filter(consultation_id=page.pk)
        .select_related("offer__organisation", "offer__municipality")
        .first()
    )
    if publication is None:
        return None
    return {
        "labels": OFFER_LABELS,
        "template": "grants/includes/small_grant_notice.html",
        "offer": publication.offer,
        "publication": publication,
    }
