"""Officials' screens of a call: its grant terms, publishing, cancelling, offers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms_pages.models import CallForProposalsPage
from municipalities.models import Municipality

from .. import querysets
from ..forms.calls import CallTermsForm, CancelForm, CriterionFormSet, PreviousYearFormSet
from ..models import CallTerms
from ..permissions import can_manage_call
from ..services import calls as service
from ..services.audit import record
from ..services.corrections import expire_overdue


def _call_for(request, pk) -> CallForProposalsPage:
    call = get_object_or_404(CallForProposalsPage, pk=pk)
    if not can_manage_call(request.user, call):
        raise Http404
    return call


@login_required
def call_terms(request, pk):
    call = _call_for(request, pk)
    terms = CallTerms.objects.filter(call=call).first()
    if terms is None:
        terms = CallTerms(call=call, municipality=Municipality.objects.for_page(call))
        if terms.municipality is None:
            raise Http404
    data = request.POST if request.method == "POST" else None
    form = CallTermsForm(data, instance=terms)
    criteria = CriterionFormSet(data, instance=terms, prefix="criteria")
    years = PreviousYearFormSet(data, instance=terms, prefix="years")
    if request.method == "POST":
        valid = form.is_valid() & criteria.is_valid() & years.is_valid()
        if valid:
            with transaction.atomic():
                terms = form.save()
                criteria.instance = years.instance = terms
                criteria.save()
                years.save()
                record("call_terms_saved", actor=request.user, call=call)
            messages.success(request, _("The terms of the call have been saved."))
            return redirect("grants:call_terms", pk=call.pk)
    problem = service.publishing_problem(call)
    return render(
        request,
        "grants/call_terms.html",
        {
            "call": call,
            "form": form,
            "criteria": criteria,
            "years": years,
            "publishing_problem": problem,
            "cancel_form": CancelForm(),
        },
        status=400 if request.method == "POST" else 200,
    )


@require_POST
@login_required
def call_publish(request, pk):
    call = _call_for(request, pk).specific
    try:
        service.publish_call(call=call, user=request.user)
    except service.CallRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("The call has been published."))
    return redirect("grants:call_terms", pk=call.pk)


@login_required
def call_cancel(request, pk):
    call = _call_for(request, pk).specific
    form = CancelForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            service.cancel_call(call=call, user=request.user, reason=form.cleaned_data["reason"])
        except service.CallRefused:
            messages.error(request, _("This call has already been cancelled."))
        else:
            messages.success(request, _("The call has been cancelled."))
        return redirect("grants:call_terms", pk=call.pk)
    return render(
        request,
        "grants/call_cancel.html",
        {"call": call, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def call_offers(request, pk):
    call = _call_for(request, pk)
    expire_overdue(call_id=call.pk)  # a deadline for corrections passed: rejected first
    terms = CallTerms.objects.filter(call=call).first()
    return render(
        request,
        "grants/call_offers.html",
        {
            "call": call,
            "terms": terms,
            "offers": querysets.call_offers(call),
            "granted": querysets.granted_total(call),
        },
    )
