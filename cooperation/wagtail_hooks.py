"""The officials' area "Cooperation" in the Wagtail admin: bodies, their terms and
members (and, below, meetings, resolutions, proposals and candidate calls), each
screen scoped to the official's municipalities (see admin_scope)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from .admin_scope import ScopedViewSet, register_scoped_policy
from .models import Body, BodyMember, Term

register_scoped_policy(Body, "municipality")
register_scoped_policy(Term, "body__municipality")
register_scoped_policy(BodyMember, "body__municipality")


class BodyViewSet(ScopedViewSet):
    model = Body
    icon = "group"
    menu_label = _("Bodies")
    list_display = ["name", "kind", "municipality", "area"]
    list_filter = ["kind", "municipality"]
    list_select_related = ("municipality",)
    search_fields = ["name"]
    form_fields = ["municipality", "kind", "name", "slug", "area", "description", "contact_email"]


class TermViewSet(ScopedViewSet):
    model = Term
    scope_path = "body__municipality"
    icon = "date"
    menu_label = _("Terms of office")
    list_display = ["name", "body", "starts_on", "ends_on"]
    list_select_related = ("body",)
    form_fields = ["body", "name", "starts_on", "ends_on"]


class MemberViewSet(ScopedViewSet):
    model = BodyMember
    scope_path = "body__municipality"
    icon = "user"
    menu_label = _("Members")
    list_display = ["user", "body", "organisation", "role", "term", "starts_on", "ends_on"]
    list_filter = ["body", "role"]
    form_fields = ["body", "user", "organisation", "role", "term", "starts_on", "ends_on"]
    list_select_related = ("user", "body", "organisation", "term")


class CooperationGroup(ViewSetGroup):
    menu_label = _("Cooperation")
    menu_icon = "group"
    menu_order = 260
    items = [
        BodyViewSet("cooperation_bodies"),
        TermViewSet("cooperation_terms"),
        MemberViewSet("cooperation_members"),
    ]


@hooks.register("register_admin_viewset")
def register_cooperation_viewsets():
    return CooperationGroup()
