"""Verbs on agreements: start one for a granted offer (numbered per municipality and
year), the updated cost estimate (save, submit, accept or return), save the
agreement's terms and payment schedule, record its signing (which opens the reports).
Each checks its rule and writes the audit trail."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from municipalities.models import Municipality

from ..agreement_rules import AgreementDraft, check_agreement
from ..estimates import from_stored, initial_estimate, merged, to_stored
from ..models import (
    Agreement,
    AgreementPayment,
    AgreementStatus,
    CallTerms,
    EstimateStatus,
    Offer,
    OfferStatus,
    UpdatedEstimate,
)
from ..rules import OfferData, check_offer
from .audit import record
from .offers import OfferRefused, StaleOffer, offer_data, rules_for

AGREEMENT_FIELDS = (
    "start_date",
    "end_date",
    "place",
    "municipality_signatory",
    "organisation_signatories",
    "bank_account",
    "partial_period_end",
    "result_threshold_pct",
)
_TEXT = {"place", "municipality_signatory", "organisation_signatories", "bank_account"}
DEFAULT_NUMBER_FORMAT = "DOT/{year}/{number:03d}"


class AgreementRefused(OfferRefused):
    pass


def format_number(municipality, year: int, sequence: int) -> str:
    pattern = getattr(settings, "GRANTS_AGREEMENT_NUMBER_FORMAT", "") or DEFAULT_NUMBER_FORMAT
    try:
        return pattern.format(year=year, number=sequence, municipality=municipality.slug)
    except (KeyError, IndexError, ValueError) as exc:
        raise ImproperlyConfigured(
            f"GRANTS_AGREEMENT_NUMBER_FORMAT {pattern!r}: use {{year}}, {{number}}, "
            "{municipality}"
        ) from exc


def _next_sequence(municipality, year: int) -> int:
    """The municipality's next number in the year. The municipality's row is locked so
    two officials starting agreements at once get consecutive numbers (the unique
    constraint stands behind it on every database)."""
    Municipality.objects.select_for_update().filter(pk=municipality.pk).first()
    last = Agreement.objects.filter(municipality=municipality, year=year).aggregate(
        last=Max("sequence")
    )["last"]
    return (last or 0) + 1


def needs_estimate(offer) -> bool:
    return offer.granted_amount is not None and offer.granted_amount < offer.grant_requested


@transaction.atomic
def start_agreement(*, offer, user, now=None) -> Agreement:
    """An agreement for a granted offer (the call's results published). When the grant
    is lower than requested the organisation first restates its cost estimate and
    schedule: the agreement waits for it, with the first version prefilled."""
    now = now or timezone.now()
    offer = Offer.objects.select_for_update().select_related("municipality").get(pk=offer.pk)
    if offer.status != OfferStatus.GRANTED or offer.granted_amount is None:
        raise AgreementRefused(_("An agreement is made for a granted offer only."))
    if Agreement.objects.filter(offer=offer).exists():
        raise AgreementRefused(_("This offer already has an agreement."))
    if (
        offer.call_id
        and not CallTerms.objects.filter(
            call_id=offer.call_id, results_published_at__isnull=False
        ).exists()
    ):
        raise AgreementRefused(_("Publish the results of the call first."))
    year = timezone.localdate(now).year
    sequence = _next_sequence(offer.municipality, year)
    estimate = needs_estimate(offer)
    agreement = Agreement.objects.create(
        offer=offer,
        municipality=offer.municipality,
        year=year,
        sequence=sequence,
        number=format_number(offer.municipality, year, sequence),
        status=AgreementStatus.ESTIMATE if estimate else AgreementStatus.PREPARING,
        amount=offer.granted_amount,
        start_date=offer.start_date,
        end_date=offer.end_date,
        created_by=user,
    )
    AgreementPayment.objects.create(
        agreement=agreement, position=1, due_on=offer.start_date, amount=offer.granted_amount
    )
    if estimate:
        data = offer_data(offer)
        UpdatedEstimate.objects.create(
            agreement=agreement, number=1, data=initial_estimate(data), updated_by=user
        )
    record("agreement_started", actor=user, offer=offer, note=agreement.number, at=now)
    return agreement


def current_estimate(agreement) -> UpdatedEstimate | None:
    return agreement.estimates.order_by("-number").first()


def estimate_check(agreement, offer, data: OfferData, *, submitting: bool):
    """The offer's rules on the offer with the estimate put in; the grant is the amount
    awarded. `offer` has its tables prefetched."""
    whole = merged(offer_data(offer), data, grant=agreement.amount)
    return check_offer(whole, rules_for(offer), submitting=submitting)


@transaction.atomic
def save_estimate(*, estimate, user, revision: int, data: OfferData) -> UpdatedEstimate:
    """Save the draft when `revision` is still the latest; else raise StaleOffer."""
    if estimate.status != EstimateStatus.DRAFT:
        raise AgreementRefused(_("A submitted estimate cannot be changed."))
    stored = to_stored(data)
    changed = UpdatedEstimate.objects.filter(
        pk=estimate.pk, revision=revision, status=EstimateStatus.DRAFT
    ).update(revision=F("revision") + 1, data=stored, updated_by=user, updated_at=timezone.now())
    if not changed:
        raise StaleOffer
    estimate.data, estimate.revision = stored, revision + 1
    return estimate


@transaction.atomic
def submit_estimate(*, estimate, offer, user, now=None) -> UpdatedEstimate:
    """Submit the draft when it meets every rule of the offer; the office then accepts
    it or returns it."""
    now = now or timezone.now()
    estimate = (
        UpdatedEstimate.objects.select_for_update().select_related("agreement").get(pk=estimate.pk)
    )
    if estimate.status != EstimateStatus.DRAFT:
        raise AgreementRefused(_("This estimate has already been submitted."))
    problems = estimate_check(
        estimate.agreement, offer, from_stored(estimate.data), submitting=True
    )
    if problems:
        raise AgreementRefused(_("The estimate has errors; correct them first."), problems)
    estimate.status, estimate.submitted_at, estimate.submitted_by = (
        EstimateStatus.SUBMITTED,
        now,
        user,
    )
    estimate.revision += 1
    estimate.save(update_fields=["status", "submitted_at", "submitted_by", "revision"])
    record(
        "estimate_submitted",
        actor=user,
        offer=offer,
        note=_("version %(number)s") % {"number": estimate.number},
        at=now,
    )
    return estimate


@transaction.atomic
def decide_estimate(*, estimate, user, accept: bool, comment: str = "", now=None):
    """Accept the submitted estimate (the agreement is then prepared with its dates) or
    return it with comments (the next version opens, a copy of this one)."""
    from .. import agreement_tasks

    now = now or timezone.now()
    estimate = (
        UpdatedEstimate.objects.select_for_update().select_related("agreement").get(pk=estimate.pk)
    )
    agreement = estimate.agreement
    if estimate.status != EstimateStatus.SUBMITTED:
        raise AgreementRefused(_("Only a submitted estimate is accepted or returned."))
    if not accept and not comment.strip():
        raise AgreementRefused(_("Say what is to be changed."))
    estimate.status = EstimateStatus.ACCEPTED if accept else EstimateStatus.RETURNED
    estimate.decided_at, estimate.decided_by, estimate.comment = now, user, comment.strip()
    estimate.save(update_fields=["status", "decided_at", "decided_by", "comment"])
    if accept:
        fields = from_stored(estimate.data).fields
        agreement.status = AgreementStatus.PREPARING
        agreement.start_date, agreement.end_date = fields["start_date"], fields["end_date"]
        agreement.save(update_fields=["status", "start_date", "end_date"])
    else:
        UpdatedEstimate.objects.create(
            agreement=agreement, number=estimate.number + 1, data=estimate.data, updated_by=user
        )
    record(
        "estimate_accepted" if accept else "estimate_returned",
        actor=user,
        offer=agreement.offer,
        note=comment.strip() or _("version %(number)s") % {"number": estimate.number},
        at=now,
    )
    transaction.on_commit(lambda: agreement_tasks.send_estimate_decision.enqueue(estimate.pk))
    return estimate


def accepted_estimate(agreement) -> UpdatedEstimate | None:
    return agreement.estimates.filter(status=EstimateStatus.ACCEPTED).order_by("-number").first()


def agreed_data(agreement, offer) -> OfferData:
    """What the agreement names: the offer with the accepted estimate put in, the
    agreement's dates and the grant awarded. `offer` has its tables prefetched."""
    estimate = accepted_estimate(agreement)
    data = merged(
        offer_data(offer),
        from_stored(estimate.data) if estimate else None,
        grant=agreement.amount,
    )
    data.fields["start_date"], data.fields["end_date"] = agreement.start_date, agreement.end_date
    return data


def agreement_problems(agreement, offer, draft: AgreementDraft, *, signing: bool, today=None):
    return check_agreement(
        draft,
        amount=agreement.amount,
        agreed=agreed_data(agreement, offer),
        rules=rules_for(offer),
        signing=signing,
        today=today or timezone.localdate(),
    )


@transaction.atomic
def save_agreement(*, agreement, offer, user, draft: AgreementDraft, now=None) -> Agreement:
    """Save the terms and the payment schedule of an agreement being prepared."""
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    if agreement.status != AgreementStatus.PREPARING:
        raise AgreementRefused(_("Only an agreement being prepared can be changed."))
    problems = agreement_problems(agreement, offer, draft, signing=False)
    if problems:
        raise AgreementRefused(_("The agreement has errors; correct them first."), problems)
    for name in AGREEMENT_FIELDS:
        value = draft.fields.get(name)
        setattr(agreement, name, "" if value is None and name in _TEXT else value)
    agreement.save(update_fields=list(AGREEMENT_FIELDS))
    AgreementPayment.objects.filter(agreement=agreement).delete()
    AgreementPayment.objects.bulk_create(
        AgreementPayment(
            agreement=agreement, position=n, due_on=row["due_on"], amount=row["amount"]
        )
        for n, row in enumerate(draft.payments, start=1)
    )
    record("agreement_saved", actor=user, offer=offer, at=now)
    return agreement


@transaction.atomic
def sign_agreement(*, agreement, offer, user, signed_on, today=None, now=None) -> Agreement:
    """Record the signing of the saved agreement: it is then fixed, and its reports
    (a partial one when the agreement asks for it, and the final one) open."""
    from .reports import open_reports

    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    if agreement.status != AgreementStatus.PREPARING:
        raise AgreementRefused(_("Only an agreement being prepared can be signed."))
    fields = {name: getattr(agreement, name) for name in AGREEMENT_FIELDS}
    payments = list(agreement.payments.values("due_on", "amount"))
    draft = AgreementDraft(fields={**fields, "signed_on": signed_on}, payments=payments)
    problems = agreement_problems(agreement, offer, draft, signing=True, today=today)
    if problems:
        raise AgreementRefused(_("The agreement cannot be signed yet."), problems)
    agreement.status, agreement.signed_on = AgreementStatus.SIGNED, signed_on
    agreement.save(update_fields=["status", "signed_on"])
    open_reports(agreement, agreed_data(agreement, offer))
    record("agreement_signed", actor=user, offer=offer, note=signed_on.isoformat(), at=now)
    return agreement
