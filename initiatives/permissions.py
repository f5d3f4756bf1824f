"""Who may do what with local initiatives: small named predicates, tested per role."""

from accounts.permissions import can_participate, can_speak_for, is_official
from municipalities.permissions import can_act_for

from .models import Application, Status


def can_manage(user, municipality) -> bool:
    """Officials (and administrators) of the municipality: set-up, evaluation, agreement."""
    return is_official(user) and can_act_for(user, municipality)


def can_apply(user) -> bool:
    """Any active account with a verified e-mail may apply (residents; NGO representatives)."""
    return can_participate(user)


def is_applicant(user, application: Application) -> bool:
    if not user.is_authenticated:
        return False
    if application.created_by_id == user.pk:
        return True
    return application.organisation_id is not None and can_speak_for(user, application.organisation)


def can_view(user, application: Application) -> bool:
    """The applicants always; the municipality's officials once it is submitted."""
    if is_applicant(user, application):
        return True
    return application.status != Status.DRAFT and can_manage(user, application.municipality)


def can_edit(user, application: Application) -> bool:
    return application.status == Status.DRAFT and is_applicant(user, application)


def can_evaluate(user, application: Application) -> bool:
    return application.status == Status.SUBMITTED and can_manage(user, application.municipality)


def can_report_result(user, application: Application) -> bool:
    """Applicants report once the agreement exists, until an official accepts the report."""
    if application.status != Status.ACCEPTED or not is_applicant(user, application):
        return False
    if not hasattr(application, "agreement"):
        return False
    result = getattr(application, "result", None)
    return result is None or not result.is_accepted
