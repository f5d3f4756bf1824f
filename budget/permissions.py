"""Who may do what in the participatory budget: small named predicates.

Officials (and administrators) work on the editions of their municipalities
(`can_act_for`); residents with a verified e-mail submit, support and vote.
"""

from accounts.permissions import can_participate, is_official
from municipalities.permissions import can_act_for, municipality_filter

from .models import Edition, Status


def can_manage(user) -> bool:
    """May open the officials' budget screens at all."""
    return is_official(user)


def can_manage_edition(user, edition) -> bool:
    return is_official(user) and can_act_for(user, edition.municipality)


def editions_of(user):
    """Editions the user may manage."""
    return Edition.objects.filter(municipality_filter(user))


def can_submit(user) -> bool:
    return can_participate(user)


def can_edit_project(user, project) -> bool:
    """The author, during submission, while the project is a draft or submitted."""
    return (
        user.is_authenticated
        and project.author_id == user.pk
        and project.status in (Status.DRAFT, Status.SUBMITTED)
    )


def can_see_project(user, project) -> bool:
    if project.status != Status.DRAFT:
        return project.edition.is_published or can_manage_edition(user, project.edition)
    return (user.is_authenticated and project.author_id == user.pk) or can_manage_edition(
        user, project.edition
    )


def can_see_edition(user, edition) -> bool:
    return edition.is_published or can_manage_edition(user, edition)
