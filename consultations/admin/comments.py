"""Moderation (hide with a reason, restore, keep) and comments received on paper, by
e-mail or at a meeting. Every verb goes through consultations.services."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_comments.models import CommentFlag

from .. import permissions, services
from ..models import ConsultationComment, ConsultationPage, ModerationEvent, Phase
from .base import OfficialView
from .forms import HideForm, OfflineCommentForm

MODERATION_PAGE_SIZE = 50


class ModerationView(OfficialView):
    """Every comment of a consultation, with hide (reason required) and restore."""

    template_name = "consultations/admin/moderation.html"
    page_title = gettext_lazy("Moderation")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.consultation = get_object_or_404(ConsultationPage, pk=kwargs["page_id"])

    @staticmethod
    def may_use(user) -> bool:
        return permissions.can_moderate(user)

    @staticmethod
    def may_act_on(user, consultation) -> bool:
        return permissions.can_moderate_consultation(user, consultation)

    def get_context_data(self, hide_errors=None, **kwargs):
        context = super().get_context_data(**kwargs)
        show = self.request.GET.get("show", "all")
        comments = (
            ConsultationComment.objects.filter(consultation=self.consultation)
            .select_related("user", "organisation", "clause", "hidden_by", "entered_by")
            .prefetch_related(
                Prefetch(
                    "moderation_events",
                    queryset=ModerationEvent.objects.select_related("actor").order_by(
                        "created_at", "pk"
                    ),
                )
            )
            .annotate(
                n_flags=Count(
                    "flags", filter=Q(flags__flag=CommentFlag.SUGGEST_REMOVAL), distinct=True
                )
            )
            .order_by("-submit_date", "-pk")
        )
        if show == "pending":
            comments = comments.needing_moderation()
        elif show == "flagged":
            comments = comments.filter(n_flags__gt=0)
        elif show == "hidden":
            comments = comments.filter(hidden_at__isnull=False)
        page = Paginator(comments, MODERATION_PAGE_SIZE).get_page(self.request.GET.get("p"))
        context.update(
            {
                "consultation": self.consultation,
                "comments": page,
                "show": show,
                "hide_errors": hide_errors or {},
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        comment = get_object_or_404(
            ConsultationComment, pk=request.POST.get("comment"), consultation=self.consultation
        )
        action = request.POST.get("action")
        if action == "hide":
            form = HideForm(request.POST)
            if not form.is_valid():
                return self.render_to_response(
                    self.get_context_data(hide_errors={comment.pk: form.errors["reason"]}),
                    status=400,
                )
            services.hide_comment(
                comment=comment, reason=form.cleaned_data["reason"], by=request.user
            )
            messages.success(request, _("The comment is hidden."))
        elif action == "unhide":
            services.unhide_comment(comment=comment, by=request.user)
            messages.success(request, _("The comment is visible again."))
        elif action == "keep" and not comment.is_hidden:
            services.keep_comment(comment=comment, by=request.user)
            messages.success(request, _("The comment stays visible; its reports are settled."))
        else:
            messages.error(request, _("Unknown action."))
        return redirect(request.get_full_path())


class OfflineCommentView(OfficialView):
    template_name = "consultations/admin/offline.html"
    page_title = gettext_lazy("Enter a comment received on paper, by e-mail or at a meeting")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.consultation = get_object_or_404(ConsultationPage, pk=kwargs["page_id"])
        self.version = services.consulted_version(self.consultation)

    def clauses(self):
        if self.version is None:
            return []
        return list(self.version.clauses.order_by("position"))

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        phase = self.consultation.phase
        context.update(
            {
                "consultation": self.consultation,
                "form": form or OfflineCommentForm(clauses=self.clauses()),
                "allowed": permissions.can_enter_offline_comment(
                    self.request.user, self.consultation
                )
                and self.version is not None,
                "phase": phase,
                "Phase": Phase,
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        form = OfflineCommentForm(request.POST, clauses=self.clauses())
        if form.is_valid():
            data = form.cleaned_data
            try:
                comment = services.enter_offline_comment(
                    consultation=self.consultation,
                    clause=form.clauses.get(data["clause"] or ""),
                    channel=data["channel"],
                    submitter_name=data["submitter_name"],
                    organisation=data["organisation"],
                    text=services.CommentText.from_form(data),
                    entered_by=request.user,
                )
            except PermissionDenied:
                form.add_error(None, _("Comments can be entered only while open or closed."))
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(
                    request, _("Comment #%(id)s has been entered.") % {"id": comment.pk}
                )
                return redirect("consultations_admin:offline", self.consultation.pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)
