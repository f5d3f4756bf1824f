from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.permissions import can_participate
from cms_pages.models import EventPage
from portal import ratelimit
from portal.net import client_ip

from .. import permissions
from ..forms import AnonymousSignupForm, AttendanceForm
from ..models import Registration, RegistrationSettings
from ..services import events as services
from ..tokens import read_token


def _event_and_settings(pk):
    event = get_object_or_404(EventPage.objects.live().public(), pk=pk)
    settings = RegistrationSettings.objects.filter(event=event, enabled=True).first()
    if settings is None:
        raise Http404
    return event, settings


def _counts(event) -> dict:
    return Registration.objects.filter(event=event).aggregate(
        confirmed=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
        waiting=Count("pk", filter=Q(status=Registration.Status.WAITING)),
    )


def _anonymous_allowed(request) -> bool:
    return ratelimit.hit(f"signups:anonymous:{client_ip(request)}", limit=10, seconds=3600)


@require_http_methods(["GET", "POST"])
def event_signup(request, pk):
    event, settings = _event_and_settings(pk)
    user = request.user
    mine = None
    if user.is_authenticated:
        mine = Registration.objects.filter(event=event, user=user).active().first()
    form = AnonymousSignupForm() if not user.is_authenticated else None
    status = 200
    if request.method == "POST" and mine is None:
        if not user.is_authenticated and not settings.allow_anonymous:
            return redirect(f"{_login_url()}?next={request.path}")
        if user.is_authenticated and not can_participate(user):
            messages.error(request, _("Confirm your e-mail address first."))
            return redirect(request.path)
        if not settings.is_open:
            status = 409
        elif user.is_authenticated:
            return _register(request, event, name=user.public_name, email=user.email, user=user)
        else:
            form = AnonymousSignupForm(request.POST)
            if form.is_valid():
                if form.cleaned_data["website"]:
                    return render(request, "signups/check_inbox.html", {"event": event})
                if not _anonymous_allowed(request):
                    return render(request, "429.html", status=429)
                return _register(
                    request,
                    event,
                    name=form.cleaned_data["name"],
                    email=form.cleaned_data["email"],
                )
            status = 400
    return render(
        request,
        "signups/event_signup.html",
        {
            "event": event,
            "settings": settings,
            "counts": _counts(event),
            "mine": mine,
            "form": form,
            "can_manage": permissions.can_manage_event(user, event, settings),
            "needs_verification": user.is_authenticated and not can_participate(user),
        },
        status=status,
    )


def _login_url():
    from django.urls import reverse

    return reverse("account_login")


def _register(request, event, *, name, email, user=None):
    try:
        registration = services.register(event=event, name=name, email=email, user=user)
    except services.SignupRefused as refused:
        if refused.reason == refused.ALREADY:
            messages.info(request, _("This e-mail address is already signed up for the event."))
        else:
            messages.error(request, _("Sign-up for this event is closed."))
        return redirect("signups:event", pk=event.pk)
    if registration.status == Registration.Status.UNCONFIRMED:
        return render(request, "signups/check_inbox.html", {"event": event})
    if registration.status == Registration.Status.CONFIRMED:
        messages.success(request, _("You have a place. We have sent the details by e-mail."))
    else:
        messages.info(request, _("All places are taken: you are on the waiting list."))
    return redirect("signups:event", pk=event.pk)


def _link_problem(request):
    return render(request, "signups/link_problem.html", status=400)


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    pk = read_token("confirm", token)
    registration = (
        Registration.objects.select_related("event").filter(pk=pk).first() if pk else None
    )
    if registration is None:
        return _link_problem(request)
    if request.method == "POST":
        try:
            registration = services.confirm_email(registration_id=registration.pk)
        except services.SignupRefused:
            messages.error(request, _("Sign-up for this event is closed."))
    return render(
        request,
        "signups/confirm.html",
        {
            "registration": registration,
            "event": registration.event,
            "done": request.method == "POST",
        },
    )


@require_http_methods(["GET", "POST"])
def cancel(request, token):
    pk = read_token("cancel", token)
    registration = (
        Registration.objects.select_related("event").filter(pk=pk).first() if pk else None
    )
    if registration is None:
        return _link_problem(request)
    if request.method == "POST":
        registration = services.cancel(registration_id=registration.pk)
    return render(
        request,
        "signups/cancel.html",
        {"registration": registration, "event": registration.event},
    )


def _managed_event(request, pk):
    event = get_object_or_404(EventPage.objects.all(), pk=pk)
    settings = RegistrationSettings.objects.filter(event=event).first()
    if settings is None or not permissions.can_manage_event(request.user, event, settings):
        raise Http404
    return event, settings


@require_http_methods(["GET", "POST"])
def participants(request, pk):
    event, settings = _managed_event(request, pk)
    registrations = list(Registration.objects.filter(event=event).order_by("queued_at", "pk"))
    confirmed = [r for r in registrations if r.status == Registration.Status.CONFIRMED]
    if request.method == "POST":
        form = AttendanceForm(request.POST, registrations=confirmed)
        if form.is_valid():
            present = services.mark_attendance(
                event=event, present_ids=set(form.cleaned_data["present"])
            )
            messages.success(
                request, _("Attendance saved: %(count)s present.") % {"count": present}
            )
            return redirect("signups:participants", pk=event.pk)
    return render(
        request,
        "signups/participants.html",
        {
            "event": event,
            "settings": settings,
            "confirmed": confirmed,
            "waiting": [r for r in registrations if r.status == Registration.Status.WAITING],
            "unconfirmed": [
                r for r in registrations if r.status == Registration.Status.UNCONFIRMED
            ],
            "cancelled": [r for r in registrations if r.status == Registration.Status.CANCELLED],
        },
    )


def participants_file(request, pk, fmt):
    from ..exports import participants_response

    if fmt not in ("csv", "xlsx"):
        raise Http404
    event, _settings = _managed_event(request, pk)
    return participants_response(event, fmt)
