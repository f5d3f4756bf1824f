"""Agreements: the list, starting one for a granted offer, the agreement's page (the
office prepares and records the signing), the updated cost estimate (the
organisation fills it in, the office accepts or returns it) and the documents.

Officials of the agreement's municipality manage it; the organisation's approved
representatives see it and fill in their parts; everyone else gets 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Min, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.permissions import can_speak_for, is_official
from municipalities.permissions import can_act_for, municipality_filter

from ..agreement_documents import render_agreement_docx, render_agreement_pdf
from ..estimates import from_stored
from ..forms.agreements import (
    DecisionForm,
    build_agreement_forms,
    build_estimate_forms,
    collect_agreement,
    collect_estimate,
)
from ..forms.offers import attach_problems
from ..models import (
    Agreement,
    AgreementStatus,
    EstimateStatus,
    GrantEvent,
    Offer,
    ReportStatus,
)
from ..permissions import can_manage_agreement, organisations_of
from ..rules import OfferData
from ..services import agreements as service
from ..services.offers import StaleOffer
from .offers import _summary

TRAIL_PREFIXES = ("agreement_", "estimate_", "report_")


def trail_labels() -> dict[str, str]:
    return {
        "agreement_started": _("Agreement started"),
        "agreement_saved": _("Terms of the agreement saved"),
        "agreement_signed": _("Signing recorded"),
        "estimate_submitted": _("Updated cost estimate submitted"),
        "estimate_accepted": _("Updated cost estimate accepted"),
        "estimate_returned": _("Updated cost estimate returned"),
        "report_submitted": _("Report submitted"),
        "report_accepted": _("Report accepted"),
        "report_returned": _("Report returned"),
    }


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def agreement_for(request, pk) -> Agreement:
    """The agreement if the user may see it (else 404), with `manages` and `speaks_for`."""
    agreement = get_object_or_404(
        Agreement.objects.select_related("offer__organisation", "offer__call", "municipality"),
        pk=pk,
    )
    agreement.manages = can_manage_agreement(request.user, agreement)
    agreement.speaks_for = can_speak_for(request.user, agreement.offer.organisation)
    if not (agreement.manages or agreement.speaks_for):
        raise Http404
    return agreement


def offer_with_tables(pk) -> Offer:
    return (
        Offer.objects.select_related("call", "organisation", "municipality")
        .prefetch_related("actions", "results", "cost_lines", "joint_shares")
        .get(pk=pk)
    )


@login_required
def agreements(request):
    """The agreements the user works on: the office's of its municipalities, the
    organisation's of the organisations it represents (one query)."""
    user = request.user
    visible = Q(offer__organisation__in=organisations_of(user))
    if is_official(user):
        visible |= municipality_filter(user)
    rows = (
        Agreement.objects.filter(visible)
        .select_related("offer__organisation", "municipality")
        .annotate(
            next_due=Min(
                "reports__due_on",
                filter=Q(reports__status__in=(ReportStatus.DRAFT, ReportStatus.RETURNED)),
            )
        )
        .order_by("-year", "-sequence")
    )
    return render(request, "grants/agreements.html", {"agreements": rows})


@require_POST
@login_required
def agreement_start(request, pk):
    offer = get_object_or_404(Offer.objects.select_related("municipality"), pk=pk)
    if not (is_official(request.user) and can_act_for(request.user, offer.municipality)):
        raise Http404
    try:
        agreement = service.start_agreement(offer=offer, user=request.user)
    except service.AgreementRefused as refused:
        messages.error(request, refused.message)
        return redirect(offer)
    messages.success(
        request, _("The agreement %(number)s has been started.") % {"number": agreement}
    )
    return redirect(agreement)


def _trail(agreement):
    condition = Q()
    for prefix in TRAIL_PREFIXES:
        condition |= Q(action__startswith=prefix)
    events = list(
        GrantEvent.objects.filter(condition, offer_id=agreement.offer_id).select_related("actor")
    )
    labels = trail_labels()
    for event in events:
        event.label = labels.get(event.action, event.action)
    return events


def _render_agreement(request, agreement, offer, *, form=None, payments=None, status=200):
    data = service.agreed_data(agreement, offer)
    context = {
        "agreement": agreement,
        "offer": offer,
        "data": data,
        "summary": _summary(data),
        "payment_rows": agreement.payments.all(),
        "reports": agreement.reports.all(),
        "estimates": agreement.estimates.all(),
        "trail": _trail(agreement),
        "form": form,
        "formsets": {"payments": payments} if payments is not None else {},
        "has_errors": bool(form is not None and (form.errors or payments.total_error_count())),
    }
    return render(request, "grants/agreement.html", context, status=status)


@login_required
def agreement_detail(request, pk):
    agreement = agreement_for(request, pk)
    offer = offer_with_tables(agreement.offer_id)
    editable = agreement.manages and agreement.status == AgreementStatus.PREPARING
    if request.method == "POST":
        if not editable:
            messages.error(request, _("This agreement cannot be changed now."))
            return redirect(agreement)
        return _post_agreement(request, agreement, offer)
    form, payments = build_agreement_forms(agreement) if editable else (None, None)
    return _render_agreement(request, agreement, offer, form=form, payments=payments)


def _post_agreement(request, agreement, offer):
    form, payments = build_agreement_forms(agreement, request.POST)
    valid = form.is_valid() & payments.is_valid()
    if not valid:
        return _render_agreement(
            request, agreement, offer, form=form, payments=payments, status=400
        )
    draft, positions = collect_agreement(form, payments)
    formsets = {"payments": payments}
    signing, saved = request.POST.get("action") == "sign", False
    try:
        service.save_agreement(agreement=agreement, offer=offer, user=request.user, draft=draft)
        saved = True
        if signing:
            service.sign_agreement(
                agreement=agreement,
                offer=offer,
                user=request.user,
                signed_on=form.cleaned_data["signed_on"],
            )
    except service.AgreementRefused as refused:
        attach_problems(refused.problems, form, formsets, positions)
        agreement.refresh_from_db()
        if saved:
            form.add_error(None, _("The terms have been saved; the signing is not recorded yet."))
        elif not refused.problems:
            form.add_error(None, refused.message)
        return _render_agreement(
            request, agreement, offer, form=form, payments=payments, status=400
        )
    if signing:
        messages.success(request, _("The signing has been recorded; the reports are open."))
    else:
        messages.success(request, _("The agreement has been saved."))
    return redirect(agreement)


@login_required
def agreement_download(request, pk, fmt):
    agreement = agreement_for(request, pk)
    if agreement.status == AgreementStatus.ESTIMATE or fmt not in ("pdf", "docx"):
        raise Http404
    offer = offer_with_tables(agreement.offer_id)
    data = service.agreed_data(agreement, offer)
    estimate = service.accepted_estimate(agreement)
    if fmt == "pdf":
        content, content_type = (
            render_agreement_pdf(agreement, offer, data, estimate),
            "application/pdf",
        )
    else:
        content, content_type = render_agreement_docx(agreement, offer, data, estimate), DOCX
    response = HttpResponse(content, content_type=content_type)
    filename = f"umowa-{agreement.number}".replace("/", "-")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    response["Cache-Control"] = "private, no-store"
    return response


# --- The updated cost estimate -------------------------------------------------


def _estimates_of(agreement):
    estimates = list(
        agreement.estimates.select_related("submitted_by", "decided_by").order_by("number")
    )
    if not estimates:
        raise Http404
    return estimates


def _estimate_summary(agreement, data):
    """Totals and shares of an estimate, its grant being the amount awarded."""
    fields = {**data.fields, "grant_requested": agreement.amount}
    return _summary(OfferData(fields=fields, costs=data.costs))


def _render_estimate(request, agreement, offer, estimates, *, decision=None, status=200):
    """The read-only page: the organisation sees its latest version, the office the
    latest one submitted (never a draft)."""
    shown = estimates[-1]
    if not agreement.speaks_for:
        sent = [e for e in estimates if e.status != EstimateStatus.DRAFT]
        shown = sent[-1] if sent else None
    data = from_stored(shown.data) if shown else None
    if (
        agreement.manages
        and shown
        and shown.status == EstimateStatus.SUBMITTED
        and decision is None
    ):
        decision = DecisionForm()
    context = {
        "agreement": agreement,
        "offer": offer,
        "estimates": estimates,
        "shown": shown,
        "data": data,
        "summary": _estimate_summary(agreement, data) if data else None,
        "decision": decision if agreement.manages and shown else None,
        "decision_url": reverse("grants:estimate_decision", args=[agreement.pk]),
    }
    return render(request, "grants/estimate_detail.html", context, status=status)


def _render_estimate_form(request, agreement, offer, estimate, form, formsets, data, *, status=200):
    notes = []
    if not form.is_bound:
        notes = [
            p.message for p in service.estimate_check(agreement, offer, data, submitting=False)
        ]
    context = {
        "agreement": agreement,
        "offer": offer,
        "estimate": estimate,
        "form": form,
        "formsets": formsets,
        "summary": _estimate_summary(agreement, data),
        "notes": notes,
        "has_errors": bool(form.errors) or any(f.total_error_count() for f in formsets.values()),
    }
    return render(request, "grants/estimate_form.html", context, status=status)


@login_required
def estimate(request, pk):
    agreement = agreement_for(request, pk)
    estimates = _estimates_of(agreement)
    current = estimates[-1]
    offer = offer_with_tables(agreement.offer_id)
    editable = agreement.speaks_for and current.status == EstimateStatus.DRAFT
    if request.method == "POST":
        if not editable:
            messages.error(request, _("A submitted estimate cannot be changed."))
            return redirect("grants:estimate", pk=agreement.pk)
        return _post_estimate(request, agreement, offer, current)
    if not editable:
        return _render_estimate(request, agreement, offer, estimates)
    data = from_stored(current.data)
    form, formsets = build_estimate_forms(offer, initial=data, revision=current.revision)
    return _render_estimate_form(request, agreement, offer, current, form, formsets, data)


def _post_estimate(request, agreement, offer, current):
    form, formsets = build_estimate_forms(offer, request.POST)
    valid = form.is_valid() & all([f.is_valid() for f in formsets.values()])  # noqa: C419
    if not valid:
        data = from_stored(current.data)
        return _render_estimate_form(
            request, agreement, offer, current, form, formsets, data, status=400
        )
    data, positions = collect_estimate(form, formsets)
    try:
        current = service.save_estimate(
            estimate=current, user=request.user, revision=form.cleaned_data["revision"], data=data
        )
    except StaleOffer:
        form.add_error(
            None,
            _(
                "Someone else saved this estimate after you opened it. Your text was not "
                "saved: it is below. Open the estimate again in a new tab, copy what you "
                "need from here and save there."
            ),
        )
        return _render_estimate_form(
            request, agreement, offer, current, form, formsets, data, status=409
        )
    if request.POST.get("action") == "submit":
        try:
            service.submit_estimate(estimate=current, offer=offer, user=request.user)
        except service.AgreementRefused as refused:
            attach_problems(refused.problems, form, formsets, positions)
            if not refused.problems:
                form.add_error(None, refused.message)
            form.data = form.data.copy()
            form.data["revision"] = str(current.revision)
            return _render_estimate_form(
                request, agreement, offer, current, form, formsets, data, status=400
            )
        messages.success(request, _("The updated estimate has been submitted to the office."))
    else:
        messages.success(request, _("The draft has been saved."))
    return redirect("grants:estimate", pk=agreement.pk)


@require_POST
@login_required
def estimate_decision(request, pk):
    agreement = agreement_for(request, pk)
    if not agreement.manages:
        raise Http404
    estimates = _estimates_of(agreement)
    offer = offer_with_tables(agreement.offer_id)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            service.decide_estimate(
                estimate=estimates[-1],
                user=request.user,
                accept=form.cleaned_data["decision"] == "accept",
                comment=form.cleaned_data["comment"],
            )
        except service.AgreementRefused as refused:
            messages.error(request, refused.message)
            return redirect("grants:estimate", pk=agreement.pk)
        messages.success(request, _("The decision has been recorded."))
        return redirect(agreement)
    return _render_estimate(request, agreement, offer, estimates, decision=form, status=400)
