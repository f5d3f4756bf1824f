"""Wagtail admin: the officials' "Responses and report" screen for a closed consultation.

Registered in consultations/wagtail_hooks.py. The view calls consultations.services
(responses, the report) and reports.grouping; it re-checks nothing itself beyond showing
or hiding buttons.
"""

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .. import permissions, services
from ..models import CommentGroup, ConsultationComment, ConsultationPage, Phase, ResponseStatus
from ..querysets import reportable_comment_filter
from ..reports import grouping
from ..reports.exports import WRITERS

# Up to this many comments the screen groups them in the request on the first visit;
# above it, in a background task (about 0.25 ms of CPU per comment, see the docs).
AUTO_GROUP_LIMIT = 3000


def auto_grouping_key(consultation, count: int) -> str:
    # The count is part of the key: offline comments entered after closing regroup.
    return f"consultation-auto-grouped:{consultation.pk}:{count}"


class ResponsesView(WagtailAdminTemplateMixin, TemplateView):
    """Answer every comment (one by one or per group), then publish the report."""

    template_name = "consultations/report_admin_responses.html"
    page_title = gettext_lazy("Responses and report")
    header_icon = "comment"
    per_page = 50

    def dispatch(self, request, *args, **kwargs):
        if not permissions.can_manage(request.user):
            raise PermissionDenied
        self.consultation = get_object_or_404(ConsultationPage, pk=kwargs["page_id"])
        if not permissions.can_manage_consultation(request.user, self.consultation):
            raise PermissionDenied  # another municipality's consultation
        self.errors: dict = {}
        self.posted: dict = {}
        self.auto_grouping = ""
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        self.auto_grouping = self.group_automatically()
        return super().get(request, *args, **kwargs)

    def group_automatically(self) -> str:
        """Find groups of similar comments the first time an official who may answer
        opens the screen ("done"), or queue that for large consultations ("queued")."""
        c = self.consultation
        if not permissions.can_respond(self.request.user, c):
            return ""
        count = ConsultationComment.objects.filter(consultation=c).reportable().count()
        key = auto_grouping_key(c, count)
        if count < 2 or cache.get(key):
            return ""
        cache.set(key, True, 90 * 24 * 3600)
        if count <= AUTO_GROUP_LIMIT:
            grouping.group_similar_comments(consultation=c)
            return "done"
        from ..reports.tasks import group_comments

        group_comments.enqueue(c.pk)
        return "queued"

    def get_page_subtitle(self):
        return self.consultation.title

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
                if not permissions.can_respond(request.user, c):
                    raise PermissionDenied
                n = grouping.group_similar_comments(consultation=c)
                count = ConsultationComment.objects.filter(consultation=c).reportable().count()
                cache.set(auto_grouping_key(c, count), True, 90 * 24 * 3600)
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
