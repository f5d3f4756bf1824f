"""The officials' call for formal corrections of one offer."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ..forms.corrections import CorrectionRequestForm
from ..models import CallTerms, FormalCorrection
from ..services import corrections as service
from .evaluation import _official_offer


@login_required
def request_corrections(request, pk):
    """GET: the form, or why corrections cannot be asked for; POST: give the offeror
    the call's number of days to correct the chosen parts."""
    offer = _official_offer(request, pk)
    terms = CallTerms.objects.filter(call_id=offer.call_id).first()
    problem = service.refusal(offer, terms)
    form = CorrectionRequestForm(
        request.POST if request.method == "POST" else None, initial={"note": offer.formal_note}
    )
    if request.method == "POST":
        if problem:
            messages.error(request, problem)
            return redirect("grants:request_corrections", pk=offer.pk)
        if form.is_valid():
            try:
                correction = service.request_corrections(
                    offer=offer,
                    user=request.user,
                    items=form.cleaned_data["items"],
                    note=form.cleaned_data["note"],
                )
            except service.CorrectionRefused as refused:
                form.add_error(None, refused.message)
            else:
                messages.success(
                    request,
                    _("The offeror has until %(date)s to correct the offer.")
                    % {"date": correction.due_date.strftime("%d.%m.%Y")},
                )
                return redirect("grants:call_offers", pk=offer.call_id)
    return render(
        request,
        "grants/request_corrections.html",
        {
            "offer": offer,
            "terms": terms,
            "problem": problem,
            "correction": FormalCorrection.objects.filter(offer=offer).first(),
            "form": form,
        },
        status=400 if request.method == "POST" else 200,
    )
