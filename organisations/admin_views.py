"""Officials' screens for profile changes, inside the Wagtail admin."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from accounts.permissions import is_administrator, is_official
from municipalities.permissions import municipality_filter
from portal.private_files import serve_private_file

from . import permissions, services
from .forms import DecisionForm
from .models import ProfileChange
from .profile_fields import describe


def changes_in_scope(user):
    """Pending changes of organisations working where the user is an official (all of
    them for administrators)."""
    changes = ProfileChange.objects.filter(status=ProfileChange.Status.PENDING)
    if not is_administrator(user):
        changes = changes.filter(
            Q(pk__in=changes.filter(municipality_filter(user, "organisation__municipalities")))
        )
    return changes.select_related("organisation", "submitted_by").order_by("created_at")


class OfficialsOnly:
    def dispatch(self, request, *args, **kwargs):
        if not is_official(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ProfileChangesView(OfficialsOnly, WagtailAdminTemplateMixin, TemplateView):
    template_name = "organisations/admin/profile_changes.html"
    page_title = gettext_lazy("Profile changes")
    header_icon = "group"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["changes"] = changes_in_scope(self.request.user)
        return context


class ProfileChangeView(OfficialsOnly, WagtailAdminTemplateMixin, TemplateView):
    """One change set as a diff, with approve / reject (with a reason)."""

    template_name = "organisations/admin/profile_change.html"
    page_title = gettext_lazy("Profile change")
    header_icon = "group"

    def get_change(self):
        change = get_object_or_404(
            ProfileChange.objects.select_related("organisation", "submitted_by"),
            pk=self.kwargs["pk"],
        )
        if not permissions.can_review_profile(self.request.user, change.organisation):
            raise Http404
        return change

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("organisations_profile_changes"), "label": _("Profile changes")},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        change = self.get_change()
        context.update(
            change=change,
            rows=describe(change),
            form=form or DecisionForm(),
            header_title=change.organisation.name,
        )
        return context

    def post(self, request, *args, **kwargs):
        change = self.get_change()
        form = DecisionForm(request.POST)
        form.is_valid()
        try:
            if request.POST.get("action") == "approve":
                services.approve_profile_change(change=change, by=request.user)
                messages.success(request, _("The changes are on the profile now."))
            else:
                services.reject_profile_change(
                    change=change, by=request.user, reason=form.cleaned_data.get("reason", "")
                )
                messages.success(request, _("The changes have been rejected."))
        except ValidationError as exc:
            form.add_error("reason" if exc.code == "reason" else None, exc)
            return self.render_to_response(self.get_context_data(form=form))
        return redirect("organisations_profile_changes")


def pending_logo(request, pk):
    """The new logo of a pending change, for the official who decides on it."""
    change = get_object_or_404(ProfileChange, pk=pk)
    if not change.logo or not permissions.can_review_profile(request.user, change.organisation):
        raise Http404
    return serve_private_file(
        change.logo,
        filename=change.logo.name.rsplit("/", 1)[-1],
        content_type="image/" + change.logo.name.rsplit(".", 1)[-1].lower().replace("jpg", "jpeg"),
        as_attachment=False,
    )
