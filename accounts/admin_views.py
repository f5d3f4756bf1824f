"""The officials' queue of organisation requests, inside the Wagtail admin."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import permissions, services
from .models import Membership


class MembershipRequestsView(WagtailAdminTemplateMixin, TemplateView):
    """Pending requests to represent an organisation, with approve / reject buttons."""

    template_name = "accounts/admin/membership_requests.html"
    page_title = gettext_lazy("Organisation requests")
    header_icon = "group"
    recent_limit = 20

    def dispatch(self, request, *args, **kwargs):
        if not permissions.can_approve_memberships(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        base = Membership.objects.select_related("user", "organisation", "decided_by")
        context["pending"] = base.pending().order_by("created_at")
        context["recent"] = base.exclude(status=Membership.Status.PENDING).order_by("-decided_at")[
            : self.recent_limit
        ]
        return context

    def post(self, request, *args, **kwargs):
        membership = get_object_or_404(Membership, pk=request.POST.get("membership"))
        action = request.POST.get("action")
        try:
            if action == "approve":
                services.approve_membership(membership=membership, by=request.user)
                messages.success(
                    request,
                    _("%(user)s now represents %(organisation)s.")
                    % {
                        "user": membership.user.public_name,
                        "organisation": membership.organisation,
                    },
                )
            elif action == "reject":
                services.reject_membership(membership=membership, by=request.user)
                messages.success(request, _("The request has been rejected."))
            else:
                messages.error(request, _("Unknown action."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect(reverse("accounts_membership_requests"))
