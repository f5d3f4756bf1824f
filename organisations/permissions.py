"""Who may change an organisation's profile and who approves the change."""

from accounts.permissions import can_speak_for, is_administrator, is_official
from municipalities.permissions import can_act_for


def can_edit_profile(user, organisation) -> bool:
    """Its approved representatives."""
    return user.is_authenticated and user.is_active and can_speak_for(user, organisation)


def can_review_profile(user, organisation) -> bool:
    """An official of a municipality where the organisation works, or an administrator
    (they also decide for organisations that name no municipality)."""
    if not is_official(user):
        return False
    if is_administrator(user):
        return True
    return any(can_act_for(user, m) for m in organisation.municipalities.all())
