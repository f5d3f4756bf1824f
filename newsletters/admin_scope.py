"""The newsletter admin (topics and issues), scoped to the user's municipalities.

Model permissions of the role say what a user may do with topics and issues; the
object's municipality says where (newsletters.permissions). Lists, choosers and the
issue editor's choices show only what the user may use; opening or posting to another
municipality's topic or issue answers "not found", as if it did not exist.
"""

from django import forms
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views import chooser, snippets

from .models import Topic
from .permissions import is_regional_staff, may_use, municipalities_for, scope


class MunicipalityScopedPolicy(ModelPermissionPolicy):
    """The role's model permissions, on objects of the user's municipalities only."""

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and may_use(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and may_use(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        return super().instances_user_has_any_permission_for(user, actions).filter(scope(user))


# --- Views -----------------------------------------------------------------------


class ScopedObjectMixin:
    """The object of another municipality is not found."""

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not may_use(self.request.user, obj):
            raise Http404
        return obj


class IndexView(snippets.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().filter(scope(self.request.user))


class EditView(ScopedObjectMixin, snippets.EditView):
    pass


class DeleteView(ScopedObjectMixin, snippets.DeleteView):
    pass


class UsageView(ScopedObjectMixin, snippets.UsageView):
    pass


class HistoryView(ScopedObjectMixin, snippets.HistoryView):
    pass


class CopyView(ScopedObjectMixin, snippets.CopyView):
    pass


class InspectView(ScopedObjectMixin, snippets.InspectView):
    pass


class ChooseView(chooser.ChooseView):
    def get_object_list(self):
        return super().get_object_list().filter(scope(self.request.user))


class ChooseResultsView(chooser.ChooseResultsView):
    def get_object_list(self):
        return super().get_object_list().filter(scope(self.request.user))


class ChosenView(chooser.SnippetChosenView):
    def get_object(self, pk):
        return self.model_class.objects.filter(scope(self.request.user)).get(pk=pk)


class ChosenMultipleView(chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return super().get_objects(pks).filter(scope(self.request.user))


class ChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView


class ScopedSnippetViewSet(snippets.SnippetViewSet):
    """A snippet viewset whose every screen keeps to the user's municipalities."""

    index_view_class = IndexView
    edit_view_class = EditView
    delete_view_class = DeleteView
    usage_view_class = UsageView
    history_view_class = HistoryView
    copy_view_class = CopyView
    inspect_view_class = InspectView
    chooser_viewset_class = ChooserViewSet


# --- Forms -----------------------------------------------------------------------


def limit_municipality_field(form, field_name="municipality"):
    """Offer the user's municipalities; the empty choice (regional) to regional staff
    only. A new object of a user with one municipality starts with it."""
    field = form.fields.get(field_name)
    user = form.for_user
    if field is None or user is None:
        return
    field.queryset = municipalities_for(user)
    field.required = not is_regional_staff(user)
    if not field.required:
        field.empty_label = _("The whole region (regional)")
    field.error_messages["invalid_choice"] = _("Choose one of your municipalities.")
    if not form.instance.pk and field.required:
        choices = list(field.queryset[:2])
        if len(choices) == 1:
            form.initial.setdefault(field_name, choices[0].pk)


class TopicAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_municipality_field(self)


class IssueAdminForm(WagtailAdminModelForm):
    """The issue editor: the user's municipalities and topics only; a municipality's
    issue goes to its own topics and carries its own window's pages."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_municipality_field(self)
        topics = self.fields.get("topics")
        if topics is not None and self.for_user is not None:
            topics.queryset = Topic.objects.filter(scope(self.for_user)).select_related(
                "municipality"
            )
            topics.error_messages["invalid_choice"] = _(
                "Choose topics from the list: “%(value)s” is not a topic you may send to."
            )

    def clean(self):
        cleaned = super().clean()
        municipality = cleaned.get("municipality")
        topics = cleaned.get("topics")
        if municipality is not None and topics:
            foreign = [t.label for t in topics if t.municipality_id != municipality.pk]
            if foreign:
                self.add_error(
                    "topics",
                    _("Choose topics of %(municipality)s only; not: %(topics)s.")
                    % {"municipality": municipality.name, "topics": ", ".join(foreign)},
                )
        return cleaned

    def is_valid(self):
        # Items are checked once the issue's own fields are: they need its municipality.
        valid = super().is_valid()
        municipality = getattr(self, "cleaned_data", {}).get("municipality")
        items = self.formsets.get("items")
        if municipality is None or items is None:
            return valid
        home = municipality.home_page.path
        for form in items.forms:
            page = getattr(form, "cleaned_data", {}).get("page")
            if page is None or items._should_delete_form(form):
                continue
            if not page.path.startswith(home):
                form.add_error(
                    "page",
                    forms.ValidationError(
                        _("Only pages of %(municipality)s can go into its newsletter."),
                        params={"municipality": municipality.name},
                    ),
                )
                valid = False
        return valid
