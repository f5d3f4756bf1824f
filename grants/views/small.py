"""Officials' screens of small grants (art. 19a): the list, publishing an offer for
comments, and the decision after the comment week."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import is_official
from consultations.models import ConsultationComment
from municipalities.permissions import municipality_filter

from ..forms.evaluation import DecisionForm
from ..models import Offer, OfferKind, OfferStatus, SmallGrantPublication
from ..permissions import can_manage_offer
from ..services import small as service
from ..services.offers import offer_data
from ..services.public_offer import public_parts
from .offers import _prefetched, _summary


def _small_offer(request, pk) -> Offer:
    offer = get_object_or_404(
        Offer.objects.select_related("organisation", "municipality"), pk=pk, kind=OfferKind.SMALL
    )
    if offer.status == OfferStatus.DRAFT or not can_manage_offer(request.user, offer):
        raise Http404
    return offer


def _publication(offer):
    return SmallGrantPublication.objects.select_related("consultation").filter(offer=offer).first()


@login_required
def small_offers(request):
    """Submitted small grant offers of the official's municipalities (one query)."""
    if not is_official(request.user):
        raise Http404
    offers = (
        Offer.objects.filter(kind=OfferKind.SMALL)
        .exclude(status=OfferStatus.DRAFT)
        .filter(municipality_filter(request.user))
        .select_related("organisation", "municipality", "publication__consultation")
        .order_by("-submitted_at", "-pk")
    )
    return render(request, "grants/small_offers.html", {"offers": offers, "now": timezone.now()})


@login_required
def publish_small_offer(request, pk):
    """GET: what the public will read; POST: publish it for seven days of comments."""
    offer = _small_offer(request, pk)
    publication = _publication(offer)
    if request.method == "POST":
        try:
            service.publish_for_comments(offer=offer, user=request.user)
        except service.SmallGrantRefused as refused:
            messages.error(request, refused.message)
            return redirect("grants:publish_small_offer", pk=offer.pk)
        messages.success(request, _("The offer has been published for comments for seven days."))
        return redirect("grants:small_offers")
    return render(
        request,
        "grants/small_publish.html",
        {
            "offer": offer,
            "publication": publication,
            "parts": public_parts(_prefetched(offer)) if publication is None else [],
            "has_index": service.consultations_index(offer.municipality) is not None,
        },
    )


def _comments(publication):
    if publication is None or publication.consultation_id is None:
        return []
    return list(
        ConsultationComment.objects.listed()
        .filter(consultation_id=publication.consultation_id)
        .select_related(None)
        .select_related("user", "organisation", "clause")
        .order_by("thread_id", "order")
    )


@login_required
def decide_small_offer(request, pk):
    """The comments of the week and the decision (after the week only)."""
    offer = _small_offer(request, pk)
    publication = _publication(offer)
    now = timezone.now()
    initial = {"amount": offer.granted_amount or offer.grant_requested}
    form = DecisionForm(request.POST if request.method == "POST" else None, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            grant = form.cleaned_data["decision"] == "grant"
            try:
                service.decide_small(
                    offer=offer,
                    user=request.user,
                    amount=form.cleaned_data["amount"] if grant else None,
                    reason=form.cleaned_data["reason"],
                )
            except service.SmallGrantRefused as refused:
                form.add_error(None, refused.message)
            else:
                messages.success(request, _("The decision has been recorded."))
                return redirect("grants:small_offers")
        status = 400
    full = _prefetched(offer)
    return render(
        request,
        "grants/small_decision.html",
        {
            "offer": full,
            "summary": _summary(offer_data(full)),
            "publication": publication,
            "week_over": publication is not None and publication.comment_week_over(now),
            "decided": offer.status in (OfferStatus.GRANTED, OfferStatus.REFUSED),
            "comments": _comments(publication),
            "position": service.yearly_position(offer, now),
            "form": form,
        },
        status=status,
    )
