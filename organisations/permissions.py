"""Who may change an organisation's profile and who approves the change."""

from accounts.permissions import can_speak_for, is_administrator, is_editor, is_official
from municipalities.permissions import can_act_for, can_act_in


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


def can_propose(user, organisation) -> bool:
    """Proposing news and events for a municipality's window: the approved
    representatives, like editing the profile."""
    return can_edit_profile(user, organisation)


def can_review_proposal(user, page) -> bool:
    """Editors and officials (administrators too) of the municipality whose window holds
    the proposed page; the regional operator's staff work in every window."""
    return (is_editor(user) or is_official(user)) and can_act_in(user, page)
