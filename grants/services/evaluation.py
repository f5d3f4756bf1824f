"""Verbs of the evaluation: formal check, committee, declarations, scores, decisions,
published results. Each checks its own rule and writes the audit trail."""

from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Membership
from cms_pages.models import CallStatus

from ..models import (
    CallCriterion,
    CallTerms,
    CommitteeMember,
    Declaration,
    FormalAssessment,
    Offer,
    OfferStatus,
    Score,
)
from .audit import record
from .corrections import blocking_results
from .offers import OfferRefused

DECIDED = (OfferStatus.GRANTED, OfferStatus.REFUSED, OfferStatus.FORMALLY_REJECTED)
SUBMITTED_STATES = (OfferStatus.SUBMITTED, OfferStatus.ACCEPTED, *DECIDED)


class EvaluationRefused(OfferRefused):
    pass


def _deadline_passed(call, now) -> bool:
    return call.offer_deadline <= now


@transaction.atomic
def formal_check(*, offer, user, met: dict[int, bool], note: str = "", now=None) -> Offer:
    """Record the formal check: every formal criterion met -> the offer goes to the
    committee; any not met -> rejected on formal grounds, with the remarks."""
    now = now or timezone.now()
    if offer.status not in (
        OfferStatus.SUBMITTED,
        OfferStatus.ACCEPTED,
        OfferStatus.FORMALLY_REJECTED,
    ):
        raise EvaluationRefused(_("Only a submitted offer is checked."))
    if not _deadline_passed(offer.call, now):
        raise EvaluationRefused(_("The formal check starts after the deadline for offers."))
    criteria = list(CallCriterion.objects.filter(terms__call_id=offer.call_id, kind="formal"))
    FormalAssessment.objects.filter(offer=offer).delete()
    FormalAssessment.objects.bulk_create(
        FormalAssessment(offer=offer, criterion=c, met=bool(met.get(c.pk))) for c in criteria
    )
    passed = all(met.get(c.pk) for c in criteria)
    offer.status = OfferStatus.ACCEPTED if passed else OfferStatus.FORMALLY_REJECTED
    offer.formal_note = note
    offer.save(update_fields=["status", "formal_note", "updated_at"])
    record(
        "offer_formally_" + ("accepted" if passed else "rejected"),
        actor=user,
        offer=offer,
        note=note,
    )
    return offer


def linked_to(user, organisation) -> bool:
    """Does the user represent (or ask to represent) the organisation?"""
    return Membership.objects.filter(
        user=user,
        organisation=organisation,
        status__in=(Membership.Status.APPROVED, Membership.Status.PENDING),
    ).exists()


@transaction.atomic
def add_member(*, call, user, kind, nominated_by="", by=None) -> CommitteeMember:
    """Seat a member; nominees of organisations taking part in the call are refused
    (art. 15 ust. 2d)."""
    if CommitteeMember.objects.filter(call=call, user=user).exists():
        raise EvaluationRefused(_("This person is already a member of the committee."))
    if kind == "ngo":
        offering = Offer.objects.filter(call=call, status__in=SUBMITTED_STATES).values(
            "organisation"
        )
        if Membership.objects.filter(user=user, organisation__in=offering).exists():
            raise EvaluationRefused(
                _(
                    "A person linked to an organisation that submitted an offer cannot "
                    "sit on the committee."
                )
            )
    member = CommitteeMember.objects.create(
        call=call, user=user, kind=kind, nominated_by=nominated_by
    )
    record("committee_member_added", actor=by, call=call, note=str(user))
    return member


def member_of(user, call) -> CommitteeMember | None:
    if not user.is_authenticated:
        return None
    return CommitteeMember.objects.filter(call_id=call.pk if call else None, user=user).first()


@transaction.atomic
def declare(*, member, offer, no_conflict: bool) -> Declaration:
    """Sign the declaration for one offer, before seeing it. A member linked to the
    offeror cannot declare no conflict."""
    if offer.call_id != member.call_id or offer.status != OfferStatus.ACCEPTED:
        raise EvaluationRefused(_("This offer is not being evaluated."))
    if Declaration.objects.filter(member=member, offer=offer).exists():
        raise EvaluationRefused(_("The declaration for this offer has already been signed."))
    if no_conflict and linked_to(member.user, offer.organisation):
        raise EvaluationRefused(
            _(
                "You represent the offeror: you cannot evaluate this offer. Declare "
                "the conflict of interest."
            )
        )
    declaration = Declaration.objects.create(member=member, offer=offer, no_conflict=no_conflict)
    record(
        "declaration_signed" if no_conflict else "conflict_declared",
        actor=member.user,
        offer=offer,
    )
    return declaration


def may_score(member, offer) -> bool:
    return (
        member is not None
        and offer.status == OfferStatus.ACCEPTED
        and Declaration.objects.filter(member=member, offer=offer, no_conflict=True).exists()
    )


@transaction.atomic
def score(*, member, offer, points: dict[int, Decimal]) -> None:
    """Store the member's points for each substantive criterion (0 to its maximum)."""
    if not may_score(member, offer):
        raise EvaluationRefused(_("Sign the declaration of no conflict of interest first."))
    criteria = {
        c.pk: c
        for c in CallCriterion.objects.filter(terms__call_id=offer.call_id, kind="substantive")
    }
    for pk, value in points.items():
        criterion = criteria.get(pk)
        if criterion is None or value is None or value < 0 or value > (criterion.max_points or 0):
            raise EvaluationRefused(_("Points must lie between 0 and the criterion's maximum."))
    Score.objects.filter(member=member, offer=offer).delete()
    Score.objects.bulk_create(
        Score(member=member, offer=offer, criterion_id=pk, points=value)
        for pk, value in points.items()
    )
    record("offer_scored", actor=member.user, offer=offer)


@transaction.atomic
def decide(*, offer, user, amount: Decimal | None, reason: str = "", now=None) -> Offer:
    """The authority's decision: a grant (at most what was asked, within the call's
    funds) or a refusal with its reason."""
    now = now or timezone.now()
    offer = Offer.objects.select_for_update(of=("self",)).select_related("call").get(pk=offer.pk)
    if offer.status not in (OfferStatus.ACCEPTED, OfferStatus.GRANTED, OfferStatus.REFUSED):
        raise EvaluationRefused(_("Only a formally correct offer is decided."))
    terms = CallTerms.objects.filter(call_id=offer.call_id).first()
    if terms and terms.results_published_at:
        raise EvaluationRefused(_("The results have been published; the decision is final."))
    if amount is None:
        if not reason.strip():
            raise EvaluationRefused(_("Give the reason for refusing the grant."))
        offer.status, offer.granted_amount = OfferStatus.REFUSED, None
    else:
        if amount <= 0 or amount > offer.grant_requested:
            raise EvaluationRefused(
                _("The grant must be more than zero and at most the amount requested.")
            )
        others = (
            Offer.objects.filter(call_id=offer.call_id, status=OfferStatus.GRANTED)
            .exclude(pk=offer.pk)
            .aggregate(total=Sum("granted_amount"))["total"]
            or 0
        )
        if others + amount > offer.call.total_amount:
            raise EvaluationRefused(_("The grants together would exceed the call's funds."))
        offer.status, offer.granted_amount = OfferStatus.GRANTED, amount
    offer.decision_reason, offer.decided_at = reason.strip(), now
    offer.save(
        update_fields=["status", "granted_amount", "decision_reason", "decided_at", "updated_at"]
    )
    record("offer_" + offer.status, actor=user, offer=offer, note=reason)
    return offer


@transaction.atomic
def publish_results(*, call, user, now=None) -> CallTerms:
    """Publish the results (every formally correct offer decided); each applicant is
    e-mailed once, in the background."""
    from .. import tasks

    now = now or timezone.now()
    terms = CallTerms.objects.select_for_update().filter(call=call).first()
    if terms is None:
        raise EvaluationRefused(_("Set the grant terms of the call first."))
    if terms.results_published_at:
        raise EvaluationRefused(_("The results have already been published."))
    if Offer.objects.filter(
        call=call, status__in=(OfferStatus.SUBMITTED, OfferStatus.ACCEPTED)
    ).exists():
        raise EvaluationRefused(_("Decide every offer before publishing the results."))
    waiting = blocking_results(call)
    if waiting is not None:
        raise EvaluationRefused(
            _("An offer is being corrected until %(date)s; publish the results after that.")
            % {"date": waiting.due_date.strftime("%d.%m.%Y")}
        )
    terms.results_published_at = now
    terms.save(update_fields=["results_published_at"])
    page = call.specific
    page.status = CallStatus.RESOLVED
    if page.live:
        page.save_revision(user=user, log_action=True).publish(user=user)
    else:
        page.save(update_fields=["status"])
    record("results_published", actor=user, call=call)
    transaction.on_commit(lambda: tasks.notify_applicants.enqueue(call.pk))
    return terms
