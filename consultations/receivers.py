"""How the consultations follow events elsewhere in the portal, connected once by
`connect()` from ConsultationsConfig.ready().

- A deleted account (accounts.erasure): report notices addressed to the person are
  dropped, and what shows their name elsewhere is rebuilt — the cached pages of the
  consultations they commented on, the search entries of their comments and of the
  report rows answering them. The comments stay, signed "deleted user".
- A view restriction set or lifted on a consultation or an ancestor: pages stored for
  anonymous visitors and report files are not served from before the change
  (caching.touch), and the subtree's clauses, comments and report rows come into or
  leave the search index.
- A consultation page published, unpublished or moved, a version saved: re-indexed.
- Any page or site setting changed: cached consultation pages show the new menu,
  breadcrumbs and footer (caching.bump_site_generation).
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from accounts.erasure import eraser
from search.services import schedule_index

from .caching import bump_on_settings_saved, bump_site_generation, touch
from .models import (
    CommentResponse,
    ConsultationComment,
    ConsultationPage,
    DraftActVersion,
    ReportNotice,
)
from .search import schedule_consultation_reindex


@eraser("consultations.reportnotice", "portal_search.searchentry")
def forget_commenter(user, *, emails, **_former):
    for email in emails:
        ReportNotice.objects.filter(email__iexact=email).delete()
    comments = list(ConsultationComment.objects.filter(user=user))
    for consultation_id in {c.consultation_id for c in comments}:
        touch(consultation_id)
    for comment in comments:
        schedule_index(comment)
    for response in CommentResponse.objects.filter(comment__user=user):
        schedule_index(response)


def _consultations_under(page_id) -> list[int]:
    """The consultations at or below a page (none if the page is gone)."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return []
    under = ConsultationPage.objects.descendant_of(page, inclusive=True)
    return list(under.values_list("pk", flat=True))


def restriction_changed(sender, instance, **kwargs):
    for consultation_id in _consultations_under(instance.page_id):
        touch(consultation_id)
        schedule_consultation_reindex(consultation_id)


def page_moved(sender, instance, **kwargs):
    # Under a new parent a consultation may inherit (or lose) a view restriction.
    for consultation_id in _consultations_under(instance.pk):
        schedule_consultation_reindex(consultation_id)


def page_changed(sender, instance, **kwargs):
    if isinstance(instance, ConsultationPage):
        schedule_consultation_reindex(instance.pk)


def version_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule_consultation_reindex(instance.consultation_id)


def connect() -> None:
    for signal in (post_save, post_delete):
        signal.connect(
            restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"consultations_restriction_{signal is post_save}",
        )
    post_page_move.connect(page_moved, dispatch_uid="consultation_search_moved")
    page_published.connect(page_changed, dispatch_uid="consultation_search_published")
    page_unpublished.connect(page_changed, dispatch_uid="consultation_search_unpublished")
    post_save.connect(version_saved, sender=DraftActVersion, dispatch_uid="consult_version")
    # What a cached consultation page shows around the act changes with any page or
    # site setting.
    for name, signal in (
        ("published", page_published),
        ("unpublished", page_unpublished),
        ("moved", post_page_move),
    ):
        signal.connect(bump_site_generation, dispatch_uid=f"consultations_page_{name}")
    post_delete.connect(bump_site_generation, sender=Page, dispatch_uid="consultations_page_del")
    post_save.connect(bump_on_settings_saved, dispatch_uid="consultations_settings_saved")
