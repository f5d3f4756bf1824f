"""Who may do what with the cooperation bodies: small named predicates.

Officials of the body's municipality (and the regional operator's staff) manage
everything; members draft the minutes when they are the secretary and submit task
proposals for their working group; organisations' representatives vote, and nominate
when their organisation works in the council's municipality.
"""

from accounts.permissions import can_speak_for, is_official
from municipalities.permissions import can_act_for

from .models import MemberRole


def can_manage_body(user, body) -> bool:
    return is_official(user) and can_act_for(user, body.municipality)


def current_seat(user, body):
    """The user's current seat in the body, or None."""
    if not user.is_authenticated:
        return None
    return body.members.current().filter(user=user).order_by("pk").first()


def is_member(user, body) -> bool:
    return current_seat(user, body) is not None


def can_draft_minutes(user, meeting) -> bool:
    if can_manage_body(user, meeting.body):
        return True
    seat = current_seat(user, meeting.body)
    return seat is not None and seat.role == MemberRole.SECRETARY


def can_see_minutes(user, meeting) -> bool:
    """Published minutes are public; drafts and approved ones wait for members and staff."""
    if meeting.minutes_are_public:
        return True
    return can_manage_body(user, meeting.body) or is_member(user, meeting.body)


def can_submit_proposal(user, body) -> bool:
    """A member of a working group or team submits a public task proposal for it."""
    return not body.is_council and is_member(user, body)


def works_in_council_municipality(organisation, call) -> bool:
    """Only organisations that work in the council's municipality (their profile's
    "where it works") nominate candidates for it."""
    return organisation.municipalities.filter(pk=call.body.municipality_id).exists()


def can_nominate(user, call, organisation) -> bool:
    return (
        call.nominations_are_open
        and can_speak_for(user, organisation)
        and works_in_council_municipality(organisation, call)
    )


def can_vote(user, call, organisation) -> bool:
    return call.voting_is_open and can_speak_for(user, organisation)
