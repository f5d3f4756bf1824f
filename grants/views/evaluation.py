"""Evaluation screens: the officials' formal check, committee and decisions; the
committee members' declarations and scores."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms_pages.models import CallForProposalsPage

from ..forms.evaluation import (
    DecisionForm,
    DeclarationForm,
    FormalCheckForm,
    MemberForm,
    ScoreForm,
)
from ..models import CallCriterion, CommitteeMember, Declaration, Offer, OfferStatus, Score
from ..permissions import can_manage_call
from ..services import evaluation as service
from ..services.offers import offer_data
from .offers import _summary


def _official_offer(request, pk) -> Offer:
    offer = get_object_or_404(Offer.objects.select_related("call", "organisation"), pk=pk)
    if offer.call_id is None or not can_manage_call(request.user, offer.call):
        raise Http404
    return offer


def _criteria(call_id, kind):
    return list(CallCriterion.objects.filter(terms__call_id=call_id, kind=kind))


@login_required
def formal_check(request, pk):
    offer = _official_offer(request, pk)
    criteria = _criteria(offer.call_id, "formal")
    initial = {f"c{a.criterion_id}": a.met for a in offer.formal_assessments.all()}
    form = FormalCheckForm(
        request.POST if request.method == "POST" else None,
        criteria=criteria,
        initial={**initial, "note": offer.formal_note},
    )
    if request.method == "POST" and form.is_valid():
        try:
            service.formal_check(
                offer=offer, user=request.user, met=form.met(), note=form.cleaned_data["note"]
            )
        except service.EvaluationRefused as refused:
            messages.error(request, refused.message)
        else:
            messages.success(request, _("The formal check has been recorded."))
        return redirect("grants:call_offers", pk=offer.call_id)
    return render(request, "grants/formal_check.html", {"offer": offer, "form": form})


@login_required
def decision(request, pk):
    """The officials' scoring screen of one offer: each member's points per criterion,
    the averages, and the decision."""
    offer = _official_offer(request, pk)
    criteria = _criteria(offer.call_id, "substantive")
    members = list(
        CommitteeMember.objects.filter(call_id=offer.call_id).select_related("user").order_by("pk")
    )
    scores = {(s.member_id, s.criterion_id): s.points for s in Score.objects.filter(offer=offer)}
    declarations = {d.member_id: d for d in Declaration.objects.filter(offer=offer)}
    rows = []
    for member in members:
        points = [scores.get((member.pk, c.pk)) for c in criteria]
        given = [p for p in points if p is not None]
        rows.append(
            {
                "member": member,
                "points": points,
                "total": sum(given) if given else None,
                "declaration": declarations.get(member.pk),
            }
        )
    averages = []
    for index, _criterion in enumerate(criteria):
        values = [r["points"][index] for r in rows if r["points"][index] is not None]
        averages.append(round(sum(values) / len(values), 2) if values else None)
    totals = [r["total"] for r in rows if r["total"] is not None]
    average_total = round(sum(totals) / len(totals), 2) if totals else None
    initial = {
        "decision": "grant" if offer.status == OfferStatus.GRANTED else None,
        "amount": offer.granted_amount or offer.grant_requested,
        "reason": offer.decision_reason,
    }
    form = DecisionForm(request.POST if request.method == "POST" else None, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            amount = (
                form.cleaned_data["amount"] if form.cleaned_data["decision"] == "grant" else None
            )
            try:
                service.decide(
                    offer=offer,
                    user=request.user,
                    amount=amount,
                    reason=form.cleaned_data["reason"],
                )
            except service.EvaluationRefused as refused:
                form.add_error(None, refused.message)
            else:
                messages.success(request, _("The decision has been recorded."))
                return redirect("grants:call_offers", pk=offer.call_id)
        status = 400
    return render(
        request,
        "grants/decision.html",
        {
            "offer": offer,
            "criteria": criteria,
            "rows": rows,
            "averages": averages,
            "average_total": average_total,
            "form": form,
        },
        status=status,
    )


@login_required
def committee(request, pk):
    call = get_object_or_404(CallForProposalsPage, pk=pk)
    if not can_manage_call(request.user, call):
        raise Http404
    form = MemberForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                service.add_member(
                    call=call,
                    user=form.cleaned_data["person"],
                    kind=form.cleaned_data["kind"],
                    nominated_by=form.cleaned_data["nominated_by"],
                    by=request.user,
                )
            except service.EvaluationRefused as refused:
                form.add_error("person", refused.message)
            else:
                messages.success(request, _("The member has been added."))
                return redirect("grants:committee", pk=call.pk)
        status = 400
    members = CommitteeMember.objects.filter(call=call).select_related("user").order_by("pk")
    return render(
        request,
        "grants/committee.html",
        {"call": call, "members": members, "form": form},
        status=status,
    )


def _member_for(request, call):
    member = service.member_of(request.user, call)
    if member is None:
        raise Http404
    return member


@login_required
def my_evaluations(request, pk):
    """A member's list of the call's offers to evaluate: title and offeror only until
    the declaration is signed."""
    call = get_object_or_404(CallForProposalsPage, pk=pk)
    member = _member_for(request, call)
    offers = list(
        Offer.objects.filter(call=call, status=OfferStatus.ACCEPTED)
        .select_related("organisation")
        .order_by("pk")
    )
    declared = {d.offer_id: d for d in Declaration.objects.filter(member=member)}
    scored = set(Score.objects.filter(member=member).values_list("offer_id", flat=True))
    rows = [
        {"offer": o, "declaration": declared.get(o.pk), "scored": o.pk in scored} for o in offers
    ]
    return render(request, "grants/my_evaluations.html", {"call": call, "rows": rows})


@login_required
def evaluate(request, pk):
    offer = get_object_or_404(Offer.objects.select_related("call", "organisation"), pk=pk)
    if offer.call_id is None:
        raise Http404
    member = _member_for(request, offer.call)
    if offer.status != OfferStatus.ACCEPTED:
        raise Http404
    declaration = Declaration.objects.filter(member=member, offer=offer).first()
    if declaration is None:
        form = DeclarationForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                service.declare(
                    member=member,
                    offer=offer,
                    no_conflict=form.cleaned_data["declaration"] == "yes",
                )
            except service.EvaluationRefused as refused:
                form.add_error("declaration", refused.message)
            else:
                return redirect("grants:evaluate", pk=offer.pk)
        return render(
            request,
            "grants/declaration.html",
            {"offer": offer, "form": form},
            status=400 if request.method == "POST" else 200,
        )
    if not declaration.no_conflict:
        return render(request, "grants/declaration.html", {"offer": offer, "conflict": True})
    criteria = _criteria(offer.call_id, "substantive")
    current = {
        f"c{s.criterion_id}": s.points for s in Score.objects.filter(member=member, offer=offer)
    }
    form = ScoreForm(
        request.POST if request.method == "POST" else None, criteria=criteria, initial=current
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                service.score(member=member, offer=offer, points=form.points())
            except service.EvaluationRefused as refused:
                form.add_error(None, refused.message)
            else:
                messages.success(request, _("Your scores have been saved."))
                return redirect("grants:my_evaluations", pk=offer.call_id)
        status = 400
    full = (
        Offer.objects.prefetch_related("actions", "results", "cost_lines", "joint_shares")
        .select_related("call", "organisation", "municipality")
        .get(pk=offer.pk)
    )
    data = offer_data(full)
    return render(
        request,
        "grants/evaluate.html",
        {"offer": full, "data": data, "summary": _summary(data), "form": form},
        status=status,
    )


@require_POST
@login_required
def publish_results(request, pk):
    call = get_object_or_404(CallForProposalsPage, pk=pk)
    if not can_manage_call(request.user, call):
        raise Http404
    try:
        service.publish_results(call=call, user=request.user)
    except service.EvaluationRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("The results have been published."))
    return redirect("grants:call_offers", pk=call.pk)
