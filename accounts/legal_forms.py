"""Legal forms of the organisations in the directory and the register each one is in.

The public benefit act (art. 3 ust. 2 and 3) counts more than KRS-registered bodies:
ordinary associations and student sports clubs are in the starosta's register, church
legal persons and rural housewives' circles have registers of their own, and an
informal group has no register at all; it names its members instead.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class LegalForm(models.TextChoices):
    ASSOCIATION = "association", _("Registered association (stowarzyszenie rejestrowe)")
    ORDINARY_ASSOCIATION = "ordinary_association", _("Ordinary association (stowarzyszenie zwykłe)")
    FOUNDATION = "foundation", _("Foundation (fundacja)")
    STUDENT_SPORTS_CLUB = "student_sports_club", _("Student sports club (uczniowski klub sportowy)")
    CHURCH_ENTITY = "church_entity", _("Church legal person (kościelna osoba prawna)")
    SOCIAL_COOPERATIVE = "social_cooperative", _("Social cooperative (spółdzielnia socjalna)")
    RURAL_HOUSEWIVES = "rural_housewives", _("Rural housewives' circle (koło gospodyń wiejskich)")
    OTHER = "other", _("Other entity of art. 3 ust. 3 of the public benefit act")
    INFORMAL_GROUP = "informal_group", _("Informal group")


class Register(models.TextChoices):
    """Which number a legal form must give."""

    KRS = "krs", _("KRS number")
    STAROSTA = "starosta", _("number in the starosta's register")
    OPTIONAL = "optional", _("KRS or another register number, if it has one")
    NONE = "none", _("no register; named members instead")


REGISTER_OF = {
    LegalForm.ASSOCIATION: Register.KRS,
    LegalForm.FOUNDATION: Register.KRS,
    LegalForm.SOCIAL_COOPERATIVE: Register.KRS,
    LegalForm.ORDINARY_ASSOCIATION: Register.STAROSTA,
    LegalForm.STUDENT_SPORTS_CLUB: Register.STAROSTA,
    LegalForm.CHURCH_ENTITY: Register.OPTIONAL,
    LegalForm.RURAL_HOUSEWIVES: Register.OPTIONAL,
    LegalForm.OTHER: Register.OPTIONAL,
    LegalForm.INFORMAL_GROUP: Register.NONE,
}

# An informal group names at least this many people who act together.
MIN_GROUP_MEMBERS = 2


def member_names(text: str) -> list[str]:
    """The named members of an informal group, one per line."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def register_errors(*, legal_form: str, krs: str, register_number: str, members: str) -> dict:
    """Field errors for the register numbers a legal form asks for (empty when fine)."""
    rule = REGISTER_OF.get(legal_form, Register.OPTIONAL)
    errors = {}
    if rule == Register.KRS and not krs:
        errors["krs"] = ValidationError(
            _("This legal form is entered in the KRS: give its KRS number."), code="krs_required"
        )
    if rule == Register.STAROSTA and not register_number:
        errors["register_number"] = ValidationError(
            _("Give the number under which the starosta registered the organisation."),
            code="register_number_required",
        )
    if rule == Register.NONE:
        if krs or register_number:
            errors["krs" if krs else "register_number"] = ValidationError(
                _("An informal group has no register number; choose another legal form."),
                code="informal_has_no_register",
            )
        if len(member_names(members)) < MIN_GROUP_MEMBERS:
            errors["group_members"] = ValidationError(
                _("Name at least %(count)d members of the group, one per line.")
                % {"count": MIN_GROUP_MEMBERS},
                code="members_required",
            )
    return errors
