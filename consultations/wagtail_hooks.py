from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.widgets import ListingButton

from . import admin_views, permissions
from .models import ConsultationPage

admin_urlpatterns = [
    path("", admin_views.ConsultationListView.as_view(), name="index"),
    path("<int:page_id>/draft/", admin_views.DraftView.as_view(), name="draft"),
    path("version/<int:version_id>/", admin_views.VersionReviewView.as_view(), name="version"),
    path("clause/<int:clause_id>/", admin_views.ClauseEditView.as_view(), name="clause"),
    path("<int:page_id>/moderation/", admin_views.ModerationView.as_view(), name="moderation"),
    path("<int:page_id>/offline/", admin_views.OfflineCommentView.as_view(), name="offline"),
]


@hooks.register("register_admin_urls")
def register_consultation_admin_urls():
    return [
        path("consultations/", include((admin_urlpatterns, "consultations_admin"))),
    ]


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
    return isinstance(page.specific_deferred, ConsultationPage) and permissions.can_manage(user)


@hooks.register("register_page_header_buttons")
def consultation_header_buttons(page, user, view_name=None, next_url=None):
    if not _is_consultation(page, user):
        return []
    return [
        PageMenuItem(
            _("Draft act"),
            reverse("consultations_admin:draft", args=[page.pk]),
            icon_name="doc-full",
            priority=12,
            page=page,
        ),
        PageMenuItem(
            _("Moderation"),
            reverse("consultations_admin:moderation", args=[page.pk]),
            icon_name="comment",
            priority=13,
            page=page,
        ),
    ]


@hooks.register("register_page_listing_buttons")
def consultation_listing_buttons(page, user, next_url=None):
    if not _is_consultation(page, user):
        return []
    return [
        ListingButton(
            _("Draft act"),
            reverse("consultations_admin:draft", args=[page.pk]),
            priority=12,
        )
    ]


from . import report_hooks  # noqa: E402, F401 - responses screen and report buttons
