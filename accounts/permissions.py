"""Small, named permission predicates. Each takes a user; tests cover them per role.

Views, templates and services ask these questions instead of checking groups inline.
"""

from allauth.account.models import EmailAddress

from .models import Role


def has_verified_email(user) -> bool:
    if not user.is_authenticated or user.is_deleted:
        return False
    return EmailAddress.objects.filter(user=user, verified=True).exists()


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
