from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from . import permissions
from .admin_forms import OrganisationAdminForm
from .admin_views import MembershipRequestsView
from .models import Organisation


@hooks.register("register_admin_urls")
def register_membership_requests_url():
    return [
        path(
            "organisation-requests/",
            MembershipRequestsView.as_view(),
            name="accounts_membership_requests",
        )
    ]


class OfficialsMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_approve_memberships(request.user)


@hooks.register("register_admin_menu_item")
def register_membership_requests_menu_item():
    return OfficialsMenuItem(
        _("Organisation requests"),
        reverse("accounts_membership_requests"),
        icon_name="group",
        order=900,
        name="organisation-requests",
    )


class OrganisationViewSet(ModelViewSet):
    """The NGO directory in the Wagtail admin (officials edit, administrators delete).

    Access follows the model permissions given to the role groups by migration 0003.
    """

    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    menu_order = 910
    add_to_admin_menu = True
    list_display = ["name", "krs", "city", "is_public"]
    list_filter = ["is_public"]
    search_fields = ["name", "krs", "nip", "city"]
    search_backend_name = None
    ordering = ["name"]

    def get_form_class(self, for_update=False):
        return OrganisationAdminForm


@hooks.register("register_admin_viewset")
def register_organisation_viewset():
    return OrganisationViewSet("organisations")
