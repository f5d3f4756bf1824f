import datetime
from itertools import groupby

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.permissions import is_official
from cms_pages.models import SupportCentrePage

from .. import permissions
from ..forms import AdviceDecisionForm, AdviceRequestForm
from ..models import AdviceBooking
from ..services import advice as services
from ..slots import WARSAW, free_slots


@verified_email_required
def advice_request(request, pk):
    centre = get_object_or_404(SupportCentrePage.objects.live().public(), pk=pk)
    slots = free_slots(centre)
    form = AdviceRequestForm(request.POST or None, user=request.user, slots=slots)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.request_advice(
                    user=request.user,
                    centre=centre,
                    slot_value=data["slot"],
                    topic=data["topic"],
                    details=data["details"],
                    organisation=data.get("organisation"),
                )
            except services.SlotTaken:
                form.add_error("slot", _("Someone has just taken this slot. Choose another one."))
                form.fields["slot"].choices = (
                    AdviceRequestForm(user=request.user, slots=free_slots(centre))
                    .fields["slot"]
                    .choices
                )
            else:
                messages.success(
                    request,
                    _("Your request is sent. The advisor will confirm it by e-mail."),
                )
                return redirect("signups:advice_mine")
        status = 400
    return render(
        request,
        "signups/advice_request.html",
        {"centre": centre, "form": form, "has_slots": bool(slots)},
        status=status,
    )


@login_required
def advice_mine(request):
    bookings = (
        AdviceBooking.objects.filter(requester=request.user)
        .select_related("centre", "organisation")
        .order_by("-starts_at")
    )
    return render(request, "signups/advice_mine.html", {"bookings": bookings})


def advice_calendar(request):
    user = request.user
    if not user.is_authenticated or not (
        is_official(user) or permissions.is_advisor_anywhere(user)
    ):
        raise Http404
    since = datetime.datetime.combine(timezone.localdate(), datetime.time(), WARSAW)
    bookings = (
        AdviceBooking.objects.filter(permissions.advised_centres_filter(user))
        .filter(starts_at__gte=since)
        .select_related("centre", "requester", "organisation")
        .order_by("starts_at", "pk")
    )
    days = [
        (day, list(items))
        for day, items in groupby(bookings, key=lambda b: timezone.localtime(b.starts_at).date())
    ]
    return render(
        request,
        "signups/advice_calendar.html",
        {"days": days, "decision_form": AdviceDecisionForm()},
    )


@require_POST
def advice_decide(request, pk):
    booking = get_object_or_404(AdviceBooking.objects.select_related("centre"), pk=pk)
    if not permissions.can_advise(request.user, booking.centre):
        raise Http404
    form = AdviceDecisionForm(request.POST)
    if form.is_valid():
        confirm = form.cleaned_data["decision"] == "confirm"
        services.decide(user=request.user, booking=booking, confirm=confirm)
        messages.success(
            request,
            _("The appointment is confirmed.") if confirm else _("The appointment is cancelled."),
        )
    else:
        messages.error(request, _("Choose whether to confirm or cancel the appointment."))
    return redirect("signups:advice_calendar")
