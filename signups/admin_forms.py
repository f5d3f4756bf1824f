"""Wagtail admin forms: staff choose only events and centres of their municipalities."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from accounts.permissions import is_staff_account
from municipalities.permissions import can_act_in


class _ScopedPageForm(WagtailAdminModelForm):
    page_field = ""

    def clean(self):
        data = super().clean()
        page = data.get(self.page_field)
        if page is not None and self.for_user is not None and not can_act_in(self.for_user, page):
            self.add_error(self.page_field, _("Choose a page of a municipality you work for."))
        return data


class RegistrationSettingsForm(_ScopedPageForm):
    page_field = "event"


class CentreAdvisorForm(_ScopedPageForm):
    page_field = "centre"

    def clean_user(self):
        user = self.cleaned_data["user"]
        if not is_staff_account(user):
            raise forms.ValidationError(_("An advisor is an editor, official or administrator."))
        return user
