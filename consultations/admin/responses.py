"""Wagtail admin: the officials' "Responses and report" screen for a closed consultation.

Registered in consultations/wagtail_hooks.py. The view calls consultations.services
(responses, groups of similar comments, the report); it re-checks nothing itself beyond
showing or hiding buttons.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import permissions, services
from ..models import CommentGroup, ConsultationComment, ConsultationPage, Phase, ResponseStatus
from ..querysets import reportable_comment_filter
from ..reports.exports import WRITERS
from .base import OfficialView


class ResponsesView(OfficialView):
    """Answer every comment (one by one or per group), then publish the report."""

    template_name = "consultations/report_admin_responses.html"
    page_title = gettext_lazy("Responses and report")
    per_page = 50

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.consultation = get_object_or_404(ConsultationPage, pk=kwargs["page_id"])
        self.errors: dict = {}
        self.posted: dict = {}
        self.auto_grouping = ""

    def get(self, request, *args, **kwargs):
        self.auto_grouping = services.group_on_first_visit(
            consultation=self.consultation, by=request.user
        )
        return super().get(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("consultations_admin:index"), "label": _("Consultations")},
            {"url": "", "label": f"{self.page_title}: {self.consultation.title}"},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        c = self.consultation
        phase = c.phase
        base = ConsultationComment.objects.filter(consultation=c).reportable()
        counts = base.aggregate(total=Count("pk"), answered=Count("response"))
        comments = base.select_related(
            "clause", "user", "organisation", "response"
        ).in_report_order()
        only_unanswered = self.request.GET.get("unanswered") == "1"
        if only_unanswered:
            comments = comments.filter(response__isnull=True)
        group_filter = self.request.GET.get("group", "")
        if group_filter.isdigit():
            comments = comments.filter(group_id=int(group_filter))
        page = Paginator(comments, self.per_page).get_page(self.request.GET.get("p"))
        reportable = reportable_comment_filter("comments__")
        groups = (
            CommentGroup.objects.filter(consultation=c)
            .annotate(
                size=Count("comments", filter=reportable),
                answered=Count("comments__response", filter=reportable),
            )
            .filter(size__gt=1)
            .order_by("-size", "pk")
        )
        query = self.request.GET.copy()
        query.pop("p", None)
        context.update(
            {
                "consultation": c,
                "phase": phase,
                "is_closed": phase == Phase.CLOSED,
                "is_reported": phase == Phase.REPORTED,
                "can_respond": permissions.can_respond(self.request.user, c),
                "total": counts["total"],
                "answered": counts["answered"],
                "complete": counts["total"] == counts["answered"],
                "page_obj": page,
                "comments": page.object_list,
                "groups": groups,
                "only_unanswered": only_unanswered,
                "group_filter": group_filter,
                "query": query.urlencode(),
                "statuses": ResponseStatus.choices,
                "errors": self.errors,
                "auto_grouping": self.auto_grouping,
                "posted": self.posted,
                "formats": list(WRITERS),
                "report_url": reverse("consultations:report", kwargs={"page_id": c.pk}),
                "public_url": c.url,
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        c = self.consultation
        status = request.POST.get("status", "")
        text = request.POST.get("text", "")
        try:
            if action == "respond":
                comment = get_object_or_404(
                    ConsultationComment, pk=request.POST.get("comment"), consultation=c
                )
                key = f"c{comment.pk}"
                services.respond(comment=comment, status=status, text=text, by=request.user)
                messages.success(request, _("Response saved."))
            elif action == "respond_group":
                group = get_object_or_404(
                    CommentGroup, pk=request.POST.get("group"), consultation=c
                )
                key = f"g{group.pk}"
                n = services.respond_to_group(
                    group=group, status=status, text=text, by=request.user
                )
                messages.success(
                    request, _("One response saved for %(count)d comments.") % {"count": n}
                )
            elif action == "group":
                key = "group"
                n = services.regroup_comments(consultation=c, by=request.user)
                messages.success(
                    request, _("Groups of similar comments found: %(count)d.") % {"count": n}
                )
            elif action == "publish":
                key = "publish"
                services.publish_report(consultation=c, by=request.user)
                messages.success(
                    request, _("The report is published; commenters are being notified.")
                )
            else:
                messages.error(request, _("Unknown action."))
                key = None
        except ValidationError as exc:
            self.errors[key] = (
                exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
            )
            self.posted[key] = {"status": status, "text": text}
            messages.error(request, _("The form has errors; see below."))
            return self.render_to_response(self.get_context_data(), status=400)
        url = reverse("consultations_admin:responses", kwargs={"page_id": c.pk})
        query = request.GET.urlencode()
        return redirect(f"{url}?{query}" if query else url)
