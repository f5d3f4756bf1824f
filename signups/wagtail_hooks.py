"""Sign-up settings of events and advisors of support centres, in the Wagtail admin.

Staff see and edit only the rows whose page lies in their municipalities (the same rule
as for the pages themselves: municipalities.permissions)."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    DeleteView,
    EditView,
    HistoryView,
    InspectView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from municipalities.permissions import can_act_in, scope_filter

from .admin_forms import CentreAdvisorForm, RegistrationSettingsForm
from .models import CentreAdvisor, RegistrationSettings
from .services.events import _locked_settings, promote_waiting


class _InScope:
    """Refuse an object whose page is outside the user's municipalities."""

    def get_object(self, queryset=None):
        obj = super().get_object(queryset) if queryset is not None else super().get_object()
        if not can_act_in(self.request.user, getattr(obj, self.page_field)):
            raise PermissionDenied
        return obj


def _scoped(base, page_field):
    return type(f"Scoped{base.__name__}", (_InScope, base), {"page_field": page_field})


class RegistrationSettingsViewSet(SnippetViewSet):
    model = RegistrationSettings
    icon = "date"
    menu_label = _("Event sign-up")
    list_display = ["event", "enabled", "places", "deadline"]
    list_filter = ["enabled"]
    base_form_class = RegistrationSettingsForm
    edit_view_class = _scoped(EditView, "event")
    delete_view_class = _scoped(DeleteView, "event")
    history_view_class = _scoped(HistoryView, "event")
    inspect_view_class = _scoped(InspectView, "event")

    def get_queryset(self, request):
        return RegistrationSettings.objects.filter(scope_filter(request.user, "event__path"))


class CentreAdvisorViewSet(SnippetViewSet):
    model = CentreAdvisor
    icon = "user"
    menu_label = _("Advisors of support centres")
    list_display = ["user", "centre"]
    base_form_class = CentreAdvisorForm
    edit_view_class = _scoped(EditView, "centre")
    delete_view_class = _scoped(DeleteView, "centre")
    history_view_class = _scoped(HistoryView, "centre")
    inspect_view_class = _scoped(InspectView, "centre")

    def get_queryset(self, request):
        return CentreAdvisor.objects.filter(scope_filter(request.user, "centre__path"))


class SignupsGroup(SnippetViewSetGroup):
    items = (RegistrationSettingsViewSet, CentreAdvisorViewSet)
    menu_icon = "date"
    menu_label = _("Sign-up and advice")
    menu_name = "signups"


register_snippet(SignupsGroup)


def _fill_free_places(request, instance):
    """More places (or sign-up reopened): the waiting list moves up at once."""
    if isinstance(instance, RegistrationSettings):
        with transaction.atomic():
            promote_waiting(_locked_settings(instance.event_id))


hooks.register("after_create_snippet", _fill_free_places)
hooks.register("after_edit_snippet", _fill_free_places)
