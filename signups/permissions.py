"""Who may see participants and advice calendars. Each predicate takes a user."""

from django.db.models import Q

from accounts.models import Membership
from accounts.permissions import can_participate, is_official
from municipalities.permissions import can_act_in, scope_filter


def can_manage_event(user, event, registration_settings) -> bool:
    """The organiser's representatives and the officials of the event's municipality."""
    if not user.is_authenticated or not user.is_active:
        return False
    if is_official(user) and can_act_in(user, event):
        return True
    organiser_id = registration_settings.organiser_id if registration_settings else None
    return (
        bool(organiser_id)
        and Membership.objects.filter(
            user=user, organisation_id=organiser_id, status=Membership.Status.APPROVED
        ).exists()
    )


def can_request_advice(user) -> bool:
    return can_participate(user)


def can_advise(user, centre) -> bool:
    """Staff assigned to the centre, and officials of its municipality."""
    if not user.is_authenticated or not user.is_active:
        return False
    if is_official(user) and can_act_in(user, centre):
        return True
    return centre.advisors.filter(user=user).exists()


def advised_centres_filter(user, field: str = "centre") -> Q:
    """Bookings (or other rows with a centre) the user sees in the advisor's calendar."""
    if not user.is_authenticated or not user.is_active:
        return Q(pk__in=[])
    from .models import CentreAdvisor

    condition = Q(**{f"{field}__in": CentreAdvisor.objects.filter(user=user).values("centre")})
    if is_official(user):
        condition |= scope_filter(user, f"{field}__path")
    return condition


def is_advisor_anywhere(user) -> bool:
    from .models import CentreAdvisor

    return CentreAdvisor.objects.filter(user=user).exists()
