"""The NGO's screens: my offers, start an offer, fill it in, submit, correct, download."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.permissions import can_speak_for, is_official
from cms_pages.models import CallForProposalsPage
from municipalities.models import Municipality

from ..corrections import allowed, labels
from ..documents import render_docx, render_pdf
from ..forms.offers import attach_problems, build_forms, collect
from ..models import FormalCorrection, Offer, OfferKind, OfferStatus, SmallGrantPublication
from ..numbers import shares
from ..permissions import can_edit_offer, can_manage_offer, can_see_offer, organisations_of
from ..rules import check_offer, cost_totals
from ..services import offers as service
from ..services.corrections import expire_overdue

MORE_ROWS = 5


def _offer_for(request, pk) -> Offer:
    offer = get_object_or_404(
        Offer.objects.select_related("call", "organisation", "municipality"), pk=pk
    )
    # asked once per request: the view needs it again to decide who may edit
    offer.speaks_for = can_speak_for(request.user, offer.organisation)
    if not can_see_offer(request.user, offer, speaks_for=offer.speaks_for):
        raise Http404
    return offer


def _prefetched(offer):
    return (
        Offer.objects.select_related("call", "organisation", "municipality")
        .prefetch_related("actions", "results", "cost_lines", "joint_shares", "versions")
        .get(pk=offer.pk)
    )


@login_required
def my_offers(request):
    organisations = list(organisations_of(request.user))
    offers = (
        Offer.objects.filter(organisation__in=organisations)
        .select_related("call", "organisation", "municipality")
        .order_by("-updated_at")
    )
    calls = (
        CallForProposalsPage.objects.live().public().accepting_offers().order_by("offer_deadline")
        if organisations
        else []
    )
    return render(
        request,
        "grants/my_offers.html",
        {
            "organisations": organisations,
            "offers": offers,
            "calls": calls,
            "is_official": is_official(request.user),
        },
    )


def _chosen_organisation(request):
    organisations = list(organisations_of(request.user))
    if not organisations:
        return None, organisations
    wanted = request.POST.get("organisation")
    for organisation in organisations:
        if str(organisation.pk) == wanted or (wanted is None and len(organisations) == 1):
            return organisation, organisations
    return None, organisations


@login_required
def start_call_offer(request, pk):
    call = get_object_or_404(CallForProposalsPage.objects.live().public(), pk=pk)
    organisation, organisations = _chosen_organisation(request)
    if not organisations:
        raise Http404
    if not call.accepts_offers():
        messages.error(request, _("This call does not accept offers."))
        return redirect(call.url)
    if request.method == "POST" and organisation is not None:
        offer = service.start_offer(organisation=organisation, user=request.user, call=call)
        return redirect(offer)
    return render(
        request,
        "grants/start_offer.html",
        {"call": call, "organisations": organisations, "kind": "call"},
    )


@login_required
def start_small_offer(request):
    organisation, organisations = _chosen_organisation(request)
    if not organisations:
        raise Http404
    municipalities = Municipality.objects.local().order_by("name")
    chosen = municipalities.filter(pk=request.POST.get("municipality") or 0).first()
    if request.method == "POST" and organisation is not None and chosen is not None:
        offer = service.start_offer(
            organisation=organisation, user=request.user, municipality=chosen
        )
        return redirect(offer)
    return render(
        request,
        "grants/start_offer.html",
        {"organisations": organisations, "municipalities": municipalities, "kind": "small"},
    )


def _summary(data):
    total, admin = cost_totals(data.costs)
    f = data.fields
    parts = {
        "grant": f.get("grant_requested") or 0,
        "own_financial": f.get("own_financial") or 0,
        "own_non_financial": f.get("own_non_financial") or 0,
        "fees": f.get("recipient_fees") or 0,
    }
    computed = shares(parts, total) if sum(parts.values()) == total else {}
    return {"total": total, "admin": admin, "parts": parts, "shares": computed}


def _open_correction(offer):
    """The official's call for corrections the offeror is answering, if any; one whose
    deadline has passed rejects the offer first (the status changes in place)."""
    if offer.status != OfferStatus.CORRECTION:
        return None
    if expire_overdue(offer_id=offer.pk):
        offer.refresh_from_db(fields=["status", "formal_note", "version"])
        return None
    return service.open_correction(offer)


def _restrict(form, formsets, correction) -> None:
    """Only the parts listed in the call for corrections can be changed; the rest is
    shown as stored (disabled fields take their initial values)."""
    if correction is None:
        return
    fields, tables = allowed(correction.items)
    for name, field in form.fields.items():
        if name != "version" and name not in fields:
            field.disabled = True
    for table, formset in formsets.items():
        if table not in tables:
            for row in formset.forms:
                for field in row.fields.values():
                    field.disabled = True


def _render_form(request, offer, form, formsets, data, *, status=200, notes=(), correction=None):
    context = {
        "offer": offer,
        "form": form,
        "formsets": formsets,
        "summary": _summary(data),
        "notes": notes,
        "correction": correction,
        "correction_labels": labels(correction.items) if correction else [],
        "has_errors": bool(form.errors)
        or any(f.errors or f.non_form_errors() for f in formsets.values()),
    }
    return render(request, "grants/offer_form.html", context, status=status)


def _detail(request, offer, data):
    """The read-only offer, with its comment week, decision or corrections."""
    publication = None
    if offer.kind == OfferKind.SMALL:
        publication = (
            SmallGrantPublication.objects.select_related("consultation").filter(offer=offer).first()
        )
    correction = FormalCorrection.objects.filter(offer=offer).first() if offer.call_id else None
    return render(
        request,
        "grants/offer_detail.html",
        {
            "offer": offer,
            "data": data,
            "summary": _summary(data),
            "can_correct": publication is None and can_edit_offer(request.user, offer),
            "can_manage": offer.kind == OfferKind.SMALL and can_manage_offer(request.user, offer),
            "publication": publication,
            "correction": correction,
            "correction_labels": labels(correction.items) if correction else [],
        },
    )


@login_required
def offer_detail(request, pk):
    offer = _offer_for(request, pk)
    correction = _open_correction(offer)
    editable = offer.is_editable and offer.speaks_for
    if request.method == "POST":
        if not editable:
            messages.error(request, _("A submitted offer cannot be changed."))
            return redirect(offer)
        return _post_offer(request, offer, correction)
    offer = _prefetched(offer)
    data = service.offer_data(offer)
    if not editable:
        return _detail(request, offer, data)
    extra = MORE_ROWS if request.GET.get("wiersze") else 0
    form, formsets = build_forms(offer, initial_data=data, extra_rows=extra)
    _restrict(form, formsets, correction)
    notes = [p.message for p in check_offer(data, service.rules_for(offer), submitting=False)]
    return _render_form(request, offer, form, formsets, data, notes=notes, correction=correction)


def _post_offer(request, offer, correction=None):
    action = request.POST.get("action", "save")
    extra = MORE_ROWS if action == "more" else 0
    # During corrections the parts not listed keep the stored values.
    stored = service.offer_data(_prefetched(offer)) if correction else None
    form, formsets = build_forms(offer, request.POST, initial_data=stored)
    _restrict(form, formsets, correction)
    # every formset validated (no short-circuit), so each shows its errors
    valid = form.is_valid() & all([f.is_valid() for f in formsets.values()])  # noqa: C419
    if not valid:
        return _render_form(
            request, offer, form, formsets, service.OfferData({}), status=400, correction=correction
        )
    data, positions = collect(form, formsets)
    try:
        offer = service.save_offer(
            offer=offer, user=request.user, version=form.cleaned_data["version"], data=data
        )
    except service.StaleOffer:
        form.add_error(
            None,
            _(
                "Someone else saved this offer after you opened it. Your text was not saved: "
                "it is below. Open the offer again in a new tab, copy what you need from "
                "here and save there."
            ),
        )
        return _render_form(request, offer, form, formsets, data, status=409, correction=correction)
    except service.OfferRefused as refused:
        messages.error(request, refused.message)
        return redirect(offer)
    if action == "submit":
        try:
            service.submit_offer(offer=offer, user=request.user)
        except service.OfferRefused as refused:
            posted = request.POST.copy()
            posted["version"] = str(offer.version)
            form, formsets = build_forms(offer, posted, initial_data=stored)
            _restrict(form, formsets, correction)
            form.is_valid()
            for formset in formsets.values():
                formset.is_valid()
            attach_problems(refused.problems, form, formsets, positions)
            if not refused.problems:
                form.add_error(None, refused.message)
            return _render_form(
                request, offer, form, formsets, data, status=400, correction=correction
            )
        messages.success(request, _("The offer has been submitted."))
        return redirect(offer)
    messages.success(request, _("The draft has been saved."))
    url = offer.get_absolute_url()
    return redirect(f"{url}?wiersze=1" if extra else url)


@require_POST
@login_required
def offer_correct(request, pk):
    offer = _offer_for(request, pk)
    if not can_edit_offer(request.user, offer):
        raise Http404
    try:
        service.start_correction(offer=offer, user=request.user)
    except service.OfferRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("You can now correct the offer and submit it again."))
    return redirect(offer)


@login_required
def offer_download(request, pk, fmt):
    offer = _prefetched(_offer_for(request, pk))
    data = service.offer_data(offer)
    if fmt == "pdf":
        content, content_type = render_pdf(offer, data), "application/pdf"
    elif fmt == "docx":
        content = render_docx(offer, data)
        content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    else:
        raise Http404
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="oferta-{offer.pk}.{fmt}"'
    response["Cache-Control"] = "private, no-store"
    return response
