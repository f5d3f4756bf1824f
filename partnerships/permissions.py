"""Who may do what on the partnership board. Each predicate takes a user."""

from accounts.models import Membership
from accounts.permissions import can_participate, is_official
from municipalities.permissions import can_act_for


def can_post(user) -> bool:
    """Any account with a verified e-mail: as its organisation, its department or a company."""
    return can_participate(user)


def organisations_of(user):
    from accounts.models import Organisation

    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        memberships__user=user, memberships__status=Membership.Status.APPROVED
    ).order_by("name")


def can_post_for_office(user) -> bool:
    return is_official(user)


def can_see_contact(user) -> bool:
    """Contact details and the poster's name: logged-in users only, never anonymous visitors."""
    return user.is_authenticated and user.is_active


def can_answer(user, post) -> bool:
    return can_participate(user) and post.is_open and post.author_id != user.pk


def can_report(user, post) -> bool:
    return can_participate(user) and post.author_id != user.pk


def is_poster(user, post) -> bool:
    return user.is_authenticated and post.author_id == user.pk


def can_moderate(user, municipality) -> bool:
    """Officials (and administrators) of the post's municipality."""
    return is_official(user) and can_act_for(user, municipality)


def can_moderate_anywhere(user) -> bool:
    from municipalities.models import Municipality

    if not is_official(user):
        return False
    return user.is_superuser or Municipality.objects.of_user(user).exists()
