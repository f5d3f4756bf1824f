"""Wagtail admin page for one issue: add suggested content, preview, test, send or schedule."""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from wagtail.models import Page

from . import services
from .models import Issue
from .permissions import scope


class ScheduleForm(forms.Form):
    when = forms.DateTimeField(
        label=gettext_lazy("Send at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )

    def clean_when(self):
        when = self.cleaned_data["when"]
        if when <= timezone.now():
            raise forms.ValidationError(_("Choose a time in the future."))
        return when


def _check(request, perm):
    if not request.user.has_perm(f"newsletters.{perm}"):
        raise PermissionDenied


def _issue(request, pk):
    """The issue, if it is the user's municipality's (or regional, for regional staff)."""
    return get_object_or_404(
        Issue.objects.filter(scope(request.user)).select_related("municipality__home_page"),
        pk=pk,
    )


@require_http_methods(["GET", "POST"])
def issue_manage(request, pk):
    _check(request, "change_issue")
    issue = _issue(request, pk)
    can_send = request.user.has_perm("newsletters.send_issue")
    schedule_form = ScheduleForm(
        initial={"when": timezone.localtime() + datetime.timedelta(hours=1)}
    )
    if request.method == "POST":
        action = request.POST.get("action")
        here = reverse("newsletters_admin:issue_manage", args=[issue.pk])
        try:
            if action == "add_items":
                pages = Page.objects.filter(pk__in=request.POST.getlist("page")).specific()
                order = {int(p): i for i, p in enumerate(request.POST.getlist("page"))}
                added = services.add_items(
                    issue=issue, pages=sorted(pages, key=lambda p: order.get(p.pk, 0))
                )
                messages.success(request, _("Added %(n)d items.") % {"n": added})
            elif action == "test":
                services.send_test_issue(issue=issue, email=request.user.email)
                messages.success(
                    request, _("A test was sent to %(email)s.") % {"email": request.user.email}
                )
            elif action == "send" and can_send:
                services.send_issue_now(issue=issue)
                messages.success(request, _("Sending has started."))
            elif action == "schedule" and can_send:
                schedule_form = ScheduleForm(request.POST)
                if not schedule_form.is_valid():
                    raise ValueError(_("Choose a time in the future."))
                services.schedule_issue(issue=issue, when=schedule_form.cleaned_data["when"])
                messages.success(request, _("The issue is scheduled."))
            elif action == "unschedule" and can_send:
                services.unschedule_issue(issue=issue)
                messages.success(request, _("The schedule was cancelled."))
            else:
                raise PermissionDenied
        except ValueError as exc:
            messages.error(request, str(exc))
        else:
            return redirect(here)
    issue.refresh_from_db()
    audience = issue.topics.select_related("municipality")
    return render(
        request,
        "newsletters/admin/issue_manage.html",
        {
            "issue": issue,
            "audience": audience,
            "items": issue.items.select_related("page"),
            "suggestions": services.suggested_pages(issue=issue) if issue.is_editable else [],
            "audience_count": services.recipients(issue).count(),
            "stats": services.delivery_stats(issue),
            "can_send": can_send,
            "schedule_form": schedule_form,
            "edit_url": reverse("wagtailsnippets_newsletters_issue:edit", args=[issue.pk]),
            "preview_html_url": reverse("newsletters_admin:issue_preview", args=[issue.pk, "html"]),
            "preview_text_url": reverse("newsletters_admin:issue_preview", args=[issue.pk, "text"]),
            "header_title": issue.subject,
        },
    )


def issue_preview(request, pk, mode):
    _check(request, "change_issue")
    from .emails import preview_response

    issue = _issue(request, pk)
    response = preview_response(issue, "text" if mode == "text" else "html")
    # The e-mail's own styles are inline; keep the admin's framing rules.
    response["X-Frame-Options"] = "SAMEORIGIN"
    return response
