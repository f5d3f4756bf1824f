"""Everything the consultations add to the Wagtail admin, registered in one place:
the officials' screens (URLs and menu), their buttons in the page explorer and the
work queue on the dashboard."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.widgets import ListingButton

from . import permissions
from .admin import dashboard
from .admin.comments import ModerationView, OfflineCommentView
from .admin.drafts import ClauseEditView, DraftView, VersionReviewView
from .admin.overview import ConsultationListView
from .admin.responses import ResponsesView
from .models import ConsultationPage

admin_urlpatterns = [
    path("", ConsultationListView.as_view(), name="index"),
    path("<int:page_id>/draft/", DraftView.as_view(), name="draft"),
    path("version/<int:version_id>/", VersionReviewView.as_view(), name="version"),
    path("clause/<int:clause_id>/", ClauseEditView.as_view(), name="clause"),
    path("<int:page_id>/moderation/", ModerationView.as_view(), name="moderation"),
    path("<int:page_id>/offline/", OfflineCommentView.as_view(), name="offline"),
    path("<int:page_id>/responses/", ResponsesView.as_view(), name="responses"),
]

# The officials' screens of one consultation: (label, URL name, icon), in page order.
PAGE_SCREENS = [
    (_("Draft act"), "draft", "doc-full"),
    (_("Moderation"), "moderation", "comment"),
    (_("Responses and report"), "responses", "tasks"),
]


@hooks.register("register_admin_urls")
def register_consultation_admin_urls():
    return [path("consultations/", include((admin_urlpatterns, "consultations_admin")))]


class OfficialsMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_manage(request.user)


@hooks.register("register_admin_menu_item")
def register_consultations_menu_item():
    return OfficialsMenuItem(
        _("Consultations"),
        reverse("consultations_admin:index"),
        icon_name="comment",
        order=250,
        name="consultations",
    )


def _is_consultation(page, user):
    return isinstance(
        page.specific_deferred, ConsultationPage
    ) and permissions.can_manage_consultation(user, page)


@hooks.register("register_page_header_buttons")
def consultation_header_buttons(page, user, view_name=None, next_url=None):
    if not _is_consultation(page, user):
        return []
    return [
        PageMenuItem(
            label,
            reverse(f"consultations_admin:{name}", args=[page.pk]),
            icon_name=icon,
            priority=12 + i,
            page=page,
        )
        for i, (label, name, icon) in enumerate(PAGE_SCREENS)
    ]


@hooks.register("register_page_listing_buttons")
def consultation_listing_buttons(page, user, next_url=None):
    if not _is_consultation(page, user):
        return []
    return [
        ListingButton(
            label, reverse(f"consultations_admin:{name}", args=[page.pk]), priority=12 + i
        )
        for i, (label, name, _icon) in enumerate(PAGE_SCREENS)
        if name != "moderation"
    ]


@hooks.register("construct_homepage_panels")
def add_work_queue_panels(request, panels):
    panels.extend(p for p in (cls(request) for cls in dashboard.PANELS) if p.is_shown())
