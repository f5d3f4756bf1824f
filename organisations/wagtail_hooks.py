from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from accounts.permissions import is_official

from .admin_views import ProfileChangesView, ProfileChangeView, pending_logo


@hooks.register("register_admin_urls")
def register_profile_change_urls():
    return [
        path(
            "organisation-changes/",
            ProfileChangesView.as_view(),
            name="organisations_profile_changes",
        ),
        path(
            "organisation-changes/<int:pk>/",
            ProfileChangeView.as_view(),
            name="organisations_profile_change",
        ),
        path(
            "organisation-changes/<int:pk>/logo/",
            pending_logo,
            name="organisations_pending_logo",
        ),
    ]


class OfficialsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_official(request.user)


@hooks.register("register_admin_menu_item")
def register_profile_changes_menu_item():
    return OfficialsMenuItem(
        _("Profile changes"),
        reverse("organisations_profile_changes"),
        icon_name="edit",
        order=905,
        name="organisation-profile-changes",
    )
