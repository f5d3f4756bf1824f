"""The council's election of NGO members: nominate, vote, publish the results.

Each verb checks the phase and who asks; a second vote of the same organisation is
refused by the database (one vote per organisation and call) as well as here.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Membership
from accounts.permissions import can_speak_for

from . import permissions
from .models import BodyMember, CallPhase, Candidate, CandidateCall, MemberRole, Vote


def not_local_message(call) -> str:
    return _(
        "Only organisations that work in %(municipality)s nominate candidates for its "
        "council. If yours does, add %(municipality)s to where it works in its profile; "
        "an official approves the change."
    ) % {"municipality": call.body.municipality.name}


def nominate(*, call, membership, statement: str = "", by):
    """A representative of the organisation nominates one of its representatives
    (themselves included) while nominations are open; the organisation must work in
    the council's municipality (ValidationError otherwise)."""
    organisation = membership.organisation
    if not call.nominations_are_open:
        raise ValidationError(_("Nominations are closed."))
    if not permissions.can_nominate(by, call, organisation):
        if can_speak_for(by, organisation):  # a representative, of an organisation elsewhere
            raise ValidationError(not_local_message(call), code="elsewhere")
        raise PermissionDenied
    if membership.status != Membership.Status.APPROVED:
        raise ValidationError(_("The candidate must be a confirmed representative."))
    try:
        with transaction.atomic():
            return Candidate.objects.create(
                call=call,
                organisation=organisation,
                user=membership.user,
                statement=statement,
                nominated_by=by,
            )
    except IntegrityError:
        raise ValidationError(
            _("This organisation has already nominated a candidate, or the person is one already.")
        ) from None


def cast_vote(*, call, organisation, candidate, by):
    """The organisation's one vote, cast by one of its representatives while voting is open."""
    if not call.voting_is_open:
        raise ValidationError(_("Voting is closed."))
    if not permissions.can_vote(by, call, organisation):
        raise PermissionDenied
    if candidate.call_id != call.pk:
        raise ValidationError(_("Choose a candidate of this call."))
    try:
        with transaction.atomic():
            return Vote.objects.create(
                call=call, organisation=organisation, candidate=candidate, cast_by=by
            )
    except IntegrityError:
        raise ValidationError(_("This organisation has already voted.")) from None


def ranking(call) -> list[Candidate]:
    """Candidates by votes, most first; a tie goes to the earlier nomination."""
    return list(
        call.candidates.select_related("user", "organisation")
        .annotate(vote_count=Count("vote_set"))
        .order_by("-vote_count", "nominated_at", "pk")
    )


@transaction.atomic
def publish_results(*, call, by, now=None):
    """After the vote closes an official publishes the counts; the candidates with the
    most votes (at least one) take the seats and join the council for the call's term."""
    call = (
        CandidateCall.objects.select_for_update(of=("self",))
        .select_related("body", "term")
        .get(pk=call.pk)
    )
    if not permissions.can_manage_body(by, call.body):
        raise PermissionDenied
    now = now or timezone.now()
    if call.phase(now) != CallPhase.COUNTING:
        raise ValidationError(_("Results are published once voting has closed, and only once."))
    today = timezone.localdate(now)
    for place, candidate in enumerate(ranking(call)):
        candidate.votes = candidate.vote_count
        candidate.elected = place < call.seats and candidate.vote_count > 0
        candidate.save(update_fields=["votes", "elected"])
        if candidate.elected:
            BodyMember.objects.create(
                body=call.body,
                user=candidate.user,
                organisation=candidate.organisation,
                role=MemberRole.MEMBER,
                term=call.term,
                starts_on=max(call.term.starts_on, today),
                ends_on=call.term.ends_on,
            )
    call.results_published_at = now
    call.save(update_fields=["results_published_at"])
    return call
