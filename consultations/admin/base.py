"""What every officials' screen shares: the permission check and the breadcrumbs."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .. import permissions


class OfficialView(WagtailAdminTemplateMixin, TemplateView):
    """An officials' screen; `setup()` of a screen about one consultation sets
    `self.consultation`. Who may open it is asked of consultations.permissions once,
    here: `may_use` (the screen at all) and `may_act_on` (this consultation)."""

    header_icon = "comment"

    @staticmethod
    def may_use(user) -> bool:
        return permissions.can_manage(user)

    @staticmethod
    def may_act_on(user, consultation) -> bool:
        return permissions.can_manage_consultation(user, consultation)

    def dispatch(self, request, *args, **kwargs):
        if not self.may_use(request.user):
            raise PermissionDenied
        consultation = getattr(self, "consultation", None)
        if consultation and not self.may_act_on(request.user, consultation):
            raise PermissionDenied  # another municipality's consultation
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        items = [
            *self.breadcrumbs_items,
            {"url": reverse("consultations_admin:index"), "label": _("Consultations")},
        ]
        if getattr(self, "consultation", None) is not None:
            items.append(
                {
                    "url": reverse("consultations_admin:draft", args=[self.consultation.pk]),
                    "label": self.consultation.title,
                }
            )
        return [*items, {"url": "", "label": self.get_page_title()}]

    def get_page_subtitle(self):
        consultation = getattr(self, "consultation", None)
        return consultation.title if consultation else ""
