"""Small, named permission predicates. Each takes a user; tests cover them per role.

Views, templates and services ask these questions instead of checking groups inline.
"""

from allauth.account.models import EmailAddress

from .models import Role


def has_verified_email(user) -> bool:
    if not user.is_authenticated or user.is_deleted:
        return False
    return EmailAddress.objects.filter(user=user, verified=True).exists()


STAFF_ROLES = (Role.EDITOR, Role.OFFICIAL, Role.ADMINISTRATOR)


def is_staff_account(user) -> bool:
    """Accounts that work in the admin: stronger passwords, two-factor log-in, short sessions."""
    if user is None or not user.is_authenticated:
        return False
    if user.is_superuser or user.is_staff:
        return True
    return bool(user.pk) and any(user.has_role(role) for role in STAFF_ROLES)


def can_grant_superuser(user) -> bool:
    """Only a superuser makes another superuser; the Administrator role cannot."""
    return user.is_authenticated and user.is_superuser


def may_change_account(user, target) -> bool:
    """A superuser's account is changed or deleted only by itself or another superuser."""
    return user.is_superuser or not target.is_superuser or user.pk == target.pk


def is_editor(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.has_role(Role.EDITOR))


def is_official(user) -> bool:
    return user.is_authenticated and (
        user.is_superuser or user.has_role(Role.OFFICIAL) or user.has_role(Role.ADMINISTRATOR)
    )


def is_administrator(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.has_role(Role.ADMINISTRATOR))


def can_participate(user) -> bool:
    """Residents and NGO representatives may comment once their e-mail is verified."""
    return has_verified_email(user) and user.is_active


def can_speak_for(user, organisation) -> bool:
    return (
        user.is_authenticated
        and organisation.memberships.filter(user=user, status="approved").exists()
    )


def can_approve_memberships(user) -> bool:
    return is_official(user)


def can_register_organisation(user) -> bool:
    """Registering an organisation or asking to represent one needs a verified e-mail."""
    return can_participate(user)


def can_see_profile(user) -> bool:
    return user.is_authenticated and user.is_active and not user.is_deleted
