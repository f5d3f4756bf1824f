"""A stronger password for staff accounts (editors, officials, administrators).

Added to AUTH_PASSWORD_VALIDATORS, so every form that sets a password (sign-up,
reset, change, the Wagtail admin's user forms) applies it to staff accounts. Residents
keep the general rules: a long password is demanded where the account can change what
the public reads and whom the portal e-mails.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class StaffPasswordValidator:
    """At least `min_length` characters (12), with letters and a digit or another sign."""

    def __init__(self, min_length: int = 12, applies_to_everyone: bool = False):
        self.min_length = min_length
        # Forms that are about to give staff roles to a new account (not saved yet).
        self.applies_to_everyone = applies_to_everyone

    def validate(self, password, user=None):
        from .permissions import is_staff_account

        if not (self.applies_to_everyone or (user is not None and is_staff_account(user))):
            return
        errors = []
        if len(password) < self.min_length:
            errors.append(
                ValidationError(
                    ngettext(
                        "A staff account needs a password of at least %(min_length)d character.",
                        "A staff account needs a password of at least %(min_length)d characters.",
                        self.min_length,
                    ),
                    code="staff_password_too_short",
                    params={"min_length": self.min_length},
                )
            )
        has_letter = any(ch.isalpha() for ch in password)
        has_other = any(not ch.isalpha() for ch in password)
        if not (has_letter and has_other):
            errors.append(
                ValidationError(
                    _(
                        "A staff account's password must contain letters and at least one "
                        "digit or other sign."
                    ),
                    code="staff_password_too_simple",
                )
            )
        if errors:
            raise ValidationError(errors)

    def get_help_text(self):
        return ngettext(
            "Staff accounts (editors, officials, administrators) need at least %(min_length)d "
            "character, with letters and a digit or other sign.",
            "Staff accounts (editors, officials, administrators) need at least %(min_length)d "
            "characters, with letters and a digit or other sign.",
            self.min_length,
        ) % {"min_length": self.min_length}
