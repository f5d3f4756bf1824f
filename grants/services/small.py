"""Small grants without a call (art. 19a): publishing the offer for seven days of
public comments, and the decision after them within the yearly limit.

The comment week is a consultation page in the municipality's consultations index
(consultations.subjects): anyone may comment there, and moderation, flags, rate limits
and the report are the consultations' own.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import Organisation
from consultations import subjects
from consultations.models import ConsultationIndexPage
from consultations.services import touch

from ..models import Offer, OfferKind, OfferStatus, SmallGrantPublication
from ..models.small import WARSAW
from ..numbers import format_amount
from ..rules import SMALL_GRANT_LIMIT
from .audit import record
from .offers import OfferRefused
from .public_offer import public_document

COMMENT_DAYS = 7  # art. 19a: the offer is published for seven days; anyone may comment
# The same organisation's small grants from one authority in a calendar year (art. 19a).
YEARLY_LIMIT = Decimal("20000.00")


class SmallGrantRefused(OfferRefused):
    pass


def comments_close(start: datetime.datetime) -> datetime.datetime:
    """Seven days after `start`, at the same time on the Polish clock (a week that
    crosses a change to or from summer time is still seven calendar days)."""
    return start.astimezone(WARSAW) + datetime.timedelta(days=COMMENT_DAYS)


def consultations_index(municipality):
    return ConsultationIndexPage.objects.child_of(municipality.home_page).first()


def _polish_date(moment) -> str:
    return moment.astimezone(WARSAW).strftime("%d.%m.%Y %H:%M")


@transaction.atomic
def publish_for_comments(*, offer, user, now=None) -> SmallGrantPublication:
    """Publish a submitted small grant offer for comments: a consultation page in the
    municipality's consultations index, open for exactly seven days from now, whose
    text is the offer's public content (no personal data of the offeror's people)."""
    now = now or timezone.now()
    offer = (
        Offer.objects.select_for_update(of=("self",))
        .select_related("organisation", "municipality")
        .get(pk=offer.pk)
    )
    if offer.kind != OfferKind.SMALL:
        raise SmallGrantRefused(_("Only a small grant offer is published for comments."))
    if SmallGrantPublication.objects.filter(offer=offer).exists():
        raise SmallGrantRefused(_("The offer has already been published for comments."))
    if offer.status != OfferStatus.SUBMITTED:
        raise SmallGrantRefused(_("Only a submitted offer is published for comments."))
    index = consultations_index(offer.municipality)
    if index is None:
        raise SmallGrantRefused(
            _("The municipality's window has no consultations section to publish the offer in.")
        )
    closes = comments_close(now)
    with translation.override(settings.LANGUAGE_CODE):
        document = public_document(offer, closes_at=closes)
    page = subjects.open_document_consultation(
        index=index, document=document, start_at=now, end_at=closes, by=user
    )
    publication = SmallGrantPublication.objects.create(
        offer=offer, consultation=page, published_at=now, closes_at=closes, published_by=user
    )
    record("small_grant_published", actor=user, offer=offer, note=_polish_date(closes))
    return publication


def year_bounds(year: int) -> tuple[datetime.datetime, datetime.datetime]:
    start = datetime.datetime(year, 1, 1, tzinfo=WARSAW)
    return start, datetime.datetime(year + 1, 1, 1, tzinfo=WARSAW)


def granted_in_year(*, organisation_id, municipality_id, year, exclude=None) -> Decimal:
    """The organisation's small grants from this authority decided in `year` (Polish
    calendar year)."""
    start, end = year_bounds(year)
    offers = Offer.objects.filter(
        kind=OfferKind.SMALL,
        status=OfferStatus.GRANTED,
        organisation_id=organisation_id,
        municipality_id=municipality_id,
        decided_at__gte=start,
        decided_at__lt=end,
    )
    if exclude is not None:
        offers = offers.exclude(pk=exclude)
    return offers.aggregate(total=Sum("granted_amount"))["total"] or Decimal("0.00")


def yearly_position(offer, now=None) -> dict:
    """What the decision screen shows: this year's sum so far and what is left."""
    year = (now or timezone.now()).astimezone(WARSAW).year
    so_far = granted_in_year(
        organisation_id=offer.organisation_id,
        municipality_id=offer.municipality_id,
        year=year,
        exclude=offer.pk,
    )
    return {
        "year": year,
        "so_far": so_far,
        "limit": YEARLY_LIMIT,
        "left": max(YEARLY_LIMIT - so_far, Decimal("0.00")),
    }


def _check_limit(offer, amount, now) -> None:
    # One decision at a time per organisation: the sum read below stays true until commit.
    Organisation.objects.select_for_update().filter(pk=offer.organisation_id).first()
    position = yearly_position(offer, now)
    if position["so_far"] + amount > YEARLY_LIMIT:
        raise SmallGrantRefused(
            _(
                "%(organisation)s has received %(so_far)s zł in small grants from "
                "%(authority)s in %(year)s; with %(amount)s zł more it would exceed the "
                "yearly limit of %(limit)s zł (art. 19a). At most %(left)s zł can be awarded."
            )
            % {
                "organisation": offer.organisation.name,
                "authority": offer.municipality.name,
                "year": position["year"],
                "so_far": format_amount(position["so_far"]),
                "amount": format_amount(amount),
                "limit": format_amount(YEARLY_LIMIT),
                "left": format_amount(position["left"]),
            }
        )


def _check_decidable(offer, now) -> SmallGrantPublication:
    if offer.kind != OfferKind.SMALL:
        raise SmallGrantRefused(_("Only a small grant offer is decided here."))
    if offer.status in (OfferStatus.GRANTED, OfferStatus.REFUSED):
        raise SmallGrantRefused(_("The offer has already been decided; the decision is final."))
    if offer.status != OfferStatus.SUBMITTED:
        raise SmallGrantRefused(_("Only a submitted offer is decided."))
    publication = (
        SmallGrantPublication.objects.select_related("consultation").filter(offer=offer).first()
    )
    if publication is None:
        raise SmallGrantRefused(
            _(
                "Publish the offer for comments first: the decision comes after seven "
                "days of public comments."
            )
        )
    if not publication.comment_week_over(now):
        raise SmallGrantRefused(
            _(
                "The offer is open for comments until %(date)s (Polish time). Please come "
                "back then: the decision is taken after the comments."
            )
            % {"date": _polish_date(publication.comments_end())}
        )
    return publication


@transaction.atomic
def decide_small(*, offer, user, amount: Decimal | None, reason: str = "", now=None) -> Offer:
    """After the comment week: a grant (more than zero, at most what was asked and
    10 000 zł, within the organisation's yearly limit from this authority) or a refusal
    with its reason. Final; the offeror is e-mailed once."""
    from .. import notifications

    now = now or timezone.now()
    offer = (
        Offer.objects.select_for_update(of=("self",))
        .select_related("organisation", "municipality")
        .get(pk=offer.pk)
    )
    publication = _check_decidable(offer, now)
    reason = reason.strip()
    if amount is None:
        if not reason:
            raise SmallGrantRefused(_("Give the reason for refusing the grant."))
        offer.status, offer.granted_amount = OfferStatus.REFUSED, None
    else:
        if amount <= 0 or amount > offer.grant_requested or amount > SMALL_GRANT_LIMIT:
            raise SmallGrantRefused(
                _("The grant must be more than zero and at most the amount requested.")
            )
        _check_limit(offer, amount, now)
        offer.status, offer.granted_amount = OfferStatus.GRANTED, amount
    offer.decision_reason, offer.decided_at = reason, now
    offer.save(
        update_fields=["status", "granted_amount", "decision_reason", "decided_at", "updated_at"]
    )
    record("small_grant_" + offer.status, actor=user, offer=offer, note=reason)
    if publication.consultation_id:
        touch(publication.consultation_id)  # the public page shows the decision
    transaction.on_commit(lambda: notifications.notify_small_grant_decision.enqueue(offer.pk))
    return offer
