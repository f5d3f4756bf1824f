"""Who may do what with calls and offers: small named predicates.

- A call's terms, publishing and cancelling: officials (and administrators) of the
  call's municipality.
- An offer is its organisation's: its approved representatives see and edit it. The
  officials of the offer's municipality see it once it is submitted, never a draft.
"""

from accounts.models import Membership, Organisation
from accounts.permissions import can_speak_for, is_official
from municipalities.permissions import can_act_for, can_act_in

from .models import OfferStatus


def can_manage_call(user, call) -> bool:
    return is_official(user) and can_act_in(user, call)


def organisations_of(user):
    """Organisations the user represents (approved membership)."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        memberships__user=user, memberships__status=Membership.Status.APPROVED
    ).order_by("name")


def can_edit_offer(user, offer) -> bool:
    return can_speak_for(user, offer.organisation)


def can_see_offer(user, offer, *, speaks_for: bool | None = None) -> bool:
    """`speaks_for`: can_speak_for(user, offer.organisation) when the caller knows it."""
    if speaks_for is None:
        speaks_for = can_speak_for(user, offer.organisation)
    if speaks_for:
        return True
    return (
        offer.status != OfferStatus.DRAFT
        and is_official(user)
        and can_act_for(user, offer.municipality)
    )


def can_manage_agreement(user, agreement) -> bool:
    """An agreement and its reports: officials (and administrators) of its municipality;
    the organisation's approved representatives read them and fill in their parts."""
    return is_official(user) and can_act_for(user, agreement.municipality)


def can_manage_offer(user, offer) -> bool:
    """Officials (and administrators) of the offer's municipality: a small grant's
    publishing for comments and its decision."""
    return is_official(user) and can_act_for(user, offer.municipality)
