from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import Municipality


class NoAddingPolicy(ModelPermissionPolicy):
    """Adding happens in add_municipality (a record alone would have no page tree)."""

    def user_has_permission(self, user, action):
        return action not in ("add", "delete") and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Municipality, NoAddingPolicy(Municipality))


class MunicipalityViewSet(ModelViewSet):
    """Municipalities' names, TERYT codes, coats of arms and contacts (superusers and
    those given the model permissions). New ones come from `manage.py add_municipality`,
    which also builds their page tree, site and staff group."""

    model = Municipality
    icon = "site"
    menu_label = _("Municipalities")
    add_to_admin_menu = True
    menu_order = 900
    list_display = ["name", "kind", "teryt", "slug", "hostname"]
    inspect_view_enabled = True


@hooks.register("register_admin_viewset")
def register_municipality_viewset():
    return MunicipalityViewSet("municipalities")
