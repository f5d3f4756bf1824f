"""The Wagtail admin's user screens with the portal's rules for staff accounts.

- Only a superuser can make a superuser: for anybody else the "Administrator"
  (superuser) checkbox is not on the form, and a forged field is refused.
- A superuser's account is edited or deleted only by a superuser, so an
  Administrator cannot take it over by changing its e-mail address or password.
- Deleting an account erases it like "delete my account" (accounts.services).
- A new account given a staff role gets the staff password rules at once.

Installed through accounts.users_app.StaffUsersAppConfig in place of "wagtail.users"
(Wagtail's documented way to customise the user viewset).
"""

from django.contrib.auth.password_validation import (
    get_default_password_validators,
    validate_password,
)
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users as user_views

from . import permissions, services
from .password_validation import StaffPasswordValidator


class StaffRulesFormMixin:
    superuser_refused = _("Only a superuser can give superuser rights.")

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.for_user = for_user
        if for_user is not None and not permissions.can_grant_superuser(for_user):
            self.fields.pop("is_superuser", None)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("is_superuser") and not (
            self.for_user is not None and permissions.can_grant_superuser(self.for_user)
        ):
            self.add_error(None, self.superuser_refused)
        return cleaned

    def _gets_staff_rights(self) -> bool:
        groups = self.cleaned_data.get("groups") or []
        return bool(self.cleaned_data.get("is_superuser")) or any(
            group.name in permissions.STAFF_ROLES for group in groups
        )

    def validate_password(self):
        password1 = self.cleaned_data.get("password1")
        if not password1 or password1 != self.cleaned_data.get("password2"):
            return
        validators = get_default_password_validators()
        if self._gets_staff_rights():
            validators = [*validators, StaffPasswordValidator(applies_to_everyone=True)]
        validate_password(password1, user=self.instance, password_validators=validators)


class StaffUserCreationForm(StaffRulesFormMixin, UserCreationForm):
    pass


class StaffUserEditForm(StaffRulesFormMixin, UserEditForm):
    pass


class _ForUserMixin:
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class CreateView(_ForUserMixin, user_views.CreateView):
    pass


class EditView(_ForUserMixin, user_views.EditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if not permissions.may_change_account(request.user, self.object):
            raise PermissionDenied


class DeleteView(user_views.DeleteView):
    def delete_action(self):
        # The same erasure as "delete my account": the row stays anonymised, so what the
        # person published keeps an author, and every app forgets them (accounts.services).
        services.delete_account(user=self.object, by=self.request.user)


class UserViewSet(user_views.UserViewSet):
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView

    def get_form_class(self, for_update=False):
        return StaffUserEditForm if for_update else StaffUserCreationForm
