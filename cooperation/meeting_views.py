"""A meeting's page, its .ics file and the minutes screen (draft, approve, publish)."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import permissions, services
from .forms import MinutesForm
from .ical import meeting_calendar
from .models import Meeting


def _meeting(pk):
    return get_object_or_404(Meeting.objects.select_related("body__municipality", "minutes"), pk=pk)


def meeting_detail(request, pk):
    meeting = _meeting(pk)
    minutes = meeting.minutes_or_none
    return render(
        request,
        "cooperation/meeting_detail.html",
        {
            "meeting": meeting,
            "body": meeting.body,
            "minutes": minutes if permissions.can_see_minutes(request.user, meeting) else None,
            "can_draft": permissions.can_draft_minutes(request.user, meeting),
        },
    )


def meeting_ics(request, pk):
    meeting = _meeting(pk)
    body = meeting_calendar(
        meeting,
        url=request.build_absolute_uri(meeting.get_absolute_url()),
        host=request.get_host().split(":")[0],
        now=timezone.now(),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="posiedzenie-{meeting.pk}.ics"'
    return response


ACTIONS = {"approve": services.approve_minutes, "publish": services.publish_minutes}
DONE = {
    "approve": gettext_lazy("The minutes are approved."),
    "publish": gettext_lazy("The minutes are published."),
}


def minutes_edit(request, pk):
    """The secretary or an official writes the draft; an official approves, then publishes."""
    meeting = _meeting(pk)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not permissions.can_draft_minutes(request.user, meeting):
        raise PermissionDenied
    minutes = meeting.minutes_or_none
    can_manage = permissions.can_manage_body(request.user, meeting.body)
    form = MinutesForm(
        request.POST if request.method == "POST" and "action" not in request.POST else None,
        initial={"text": minutes.text if minutes else ""},
    )
    if request.method == "POST" and request.POST.get("action") in ACTIONS:
        action = request.POST["action"]
        try:
            if minutes is None:
                raise ValidationError(_("There are no minutes yet."))
            ACTIONS[action](minutes=minutes, by=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, DONE[action])
        return redirect("cooperation:minutes", pk=meeting.pk)
    if form.is_valid():
        try:
            services.save_minutes(meeting=meeting, text=form.cleaned_data["text"], by=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The draft minutes are saved."))
            return redirect("cooperation:minutes", pk=meeting.pk)
    return render(
        request,
        "cooperation/minutes_form.html",
        {
            "meeting": meeting,
            "body": meeting.body,
            "minutes": minutes,
            "form": form,
            "can_manage": can_manage,
            "editable": minutes is None or minutes.status == "draft",
        },
    )
