"""The officials' admin screens of the cooperation bodies, scoped to municipalities.

Every screen is open to officials (and administrators); each lists, opens and saves
only what belongs to the user's municipalities (`municipality_filter`). An object of
another municipality answers "not found", as if it did not exist. Choice fields of
the forms offer only bodies, terms, meetings, acts and consultations of those
municipalities.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from accounts.models import Role, User
from accounts.permissions import is_official
from municipalities.permissions import can_act_for, municipality_filter, scope_filter


def municipality_of(instance, path: str):
    for name in path.split("__"):
        instance = getattr(instance, name, None)
        if instance is None:
            return None
    return instance


def scoped(queryset, user, path: str):
    if path == "":
        return queryset.filter(scope_filter(user, "home_page__path"))
    return queryset.filter(municipality_filter(user, path))


class MunicipalityScopedPolicy(BasePermissionPolicy):
    """Officials may do everything, on objects of their municipalities only."""

    def __init__(self, model, path: str, refused: tuple[str, ...] = ()):
        super().__init__(model)
        self.path = path
        self.refused = refused  # actions done elsewhere (e.g. proposals are added by groups)

    def user_has_permission(self, user, action):
        return action not in self.refused and is_official(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action or "change") and can_act_for(
            user, municipality_of(instance, self.path)
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)

    def instances_user_has_permission_for(self, user, action):
        if not is_official(user):
            return self.model._default_manager.none()
        return scoped(self.model._default_manager.all(), user, self.path)

    def instances_user_has_any_permission_for(self, user, actions):
        return self.instances_user_has_permission_for(user, None)

    def users_with_any_permission(self, actions):
        return User.objects.filter(
            is_active=True, groups__name__in=[Role.OFFICIAL, Role.ADMINISTRATOR]
        ).distinct()

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


# The path from each model that a form may offer to its municipality ("" = itself).
SCOPE_PATHS = {
    "municipalities.municipality": "",
    "cooperation.body": "municipality",
    "cooperation.term": "body__municipality",
    "cooperation.meeting": "body__municipality",
    "cooperation.candidatecall": "body__municipality",
}


class ScopedAdminForm(WagtailAdminModelForm):
    """Choice fields offer only what lies in the user's municipalities."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        for field in self.fields.values():
            if not isinstance(field, forms.ModelChoiceField) or user is None:
                continue
            model = field.queryset.model
            path = SCOPE_PATHS.get(model._meta.label_lower)
            if path is not None:
                field.queryset = scoped(field.queryset, user, path)
            elif issubclass(model, Page):
                field.queryset = field.queryset.filter(scope_filter(user))


def _scoped_object(view, obj):
    if not is_official(view.request.user):
        raise PermissionDenied
    policy = view.permission_policy
    if not policy.user_has_permission_for_instance(view.request.user, "change", obj):
        raise Http404
    return obj


class ScopedIndexView(generic.IndexView):
    def get_base_queryset(self):
        allowed = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        return super().get_base_queryset().filter(pk__in=allowed.values("pk"))


class ScopedCreateView(generic.CreateView):
    pass


class ScopedEditView(generic.EditView):
    def get_object(self, queryset=None):
        return _scoped_object(self, super().get_object(queryset))


class ScopedDeleteView(generic.DeleteView):
    def get_object(self, queryset=None):
        return _scoped_object(self, super().get_object(queryset))


class ScopedInspectView(generic.InspectView):
    def get_object(self, queryset=None):
        return _scoped_object(self, super().get_object(queryset))


class ScopedHistoryView(HistoryView):
    def get_object(self):
        return _scoped_object(self, super().get_object())


class ScopedUsageView(UsageView):
    def get_object(self):
        return _scoped_object(self, super().get_object())


class ScopedViewSet(ModelViewSet):
    """A ModelViewSet whose screens follow `scope_path` to the municipality."""

    scope_path = "municipality"
    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    inspect_view_class = ScopedInspectView
    copy_view_enabled = False
    add_to_admin_menu = False

    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    list_select_related: tuple[str, ...] = ()

    def get_index_view_kwargs(self, **kwargs):
        queryset = self.model._default_manager.select_related(*self.list_select_related)
        return super().get_index_view_kwargs(queryset=queryset, **kwargs)

    read_only_fields: tuple[str, ...] = ()

    def get_edit_handler(self):
        panels = [FieldPanel(name, read_only=True) for name in self.read_only_fields]
        panels += [FieldPanel(name) for name in self.form_fields]
        return ObjectList(panels, base_form_class=ScopedAdminForm).bind_to_model(self.model)


def register_scoped_policy(model, path: str, refused: tuple[str, ...] = ()) -> None:
    register_permission_policy(model, MunicipalityScopedPolicy(model, path, refused))
