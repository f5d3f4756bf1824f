"""Officials' screens in the Wagtail admin: draft import and review, moderation, offline
comments. Every verb goes through consultations.services (which checks permissions
again); these views only collect input and show results."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from documents.errors import DocumentError
from documents.messages import error_message

from . import permissions, services
from .admin_forms import (
    ClauseForm,
    DraftImportForm,
    HideForm,
    OfflineCommentForm,
    ReparseForm,
)
from .drafts.review import review_notes
from .models import (
    Clause,
    ConsultationComment,
    ConsultationPage,
    DraftActVersion,
    ModerationEvent,
    Phase,
)


class OfficialView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "comment"

    def dispatch(self, request, *args, **kwargs):
        if not permissions.can_manage(request.user):
            raise PermissionDenied
        consultation = getattr(self, "consultation", None)
        if consultation and not permissions.can_manage_consultation(request.user, consultation):
            raise PermissionDenied  # another municipality's consultation
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        items = [
            *self.breadcrumbs_items,
            {"url": reverse("consultations_admin:index"), "label": _("Consultations")},
        ]
        if getattr(self, "consultation", None) is not None:
            items.append(
                {
                    "url": reverse("consultations_admin:draft", args=[self.consultation.pk]),
                    "label": self.consultation.title,
                }
            )
        return [*items, {"url": "", "label": self.get_page_title()}]

    def get_page_subtitle(self):
        consultation = getattr(self, "consultation", None)
        return consultation.title if consultation else ""


class DraftView(OfficialView):
    """Upload or paste a draft; list the versions."""

    template_name = "consultations/admin/draft.html"
    page_title = gettext_lazy("Draft act")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.consultation = get_object_or_404(ConsultationPage, pk=kwargs["page_id"])

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "consultation": self.consultation,
                "form": form or DraftImportForm(),
                "versions": self.consultation.versions.annotate(n_clauses=Count("clauses")),
                "can_import": permissions.can_import_draft(self.request.user, self.consultation),
                "phase": self.consultation.phase,
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        form = DraftImportForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                version = services.import_draft(
                    consultation=self.consultation,
                    text=form.cleaned_data["text"],
                    file=form.cleaned_data["file"],
                    by=request.user,
                )
            except PermissionDenied:
                form.add_error(None, _("The draft cannot be replaced while comments are open."))
            except (services.DraftImportError, DocumentError) as exc:
                upload = form.cleaned_data["file"]
                form.add_error(
                    "file" if upload else "text",
                    error_message(exc, upload.name if upload else ""),
                )
            else:
                messages.success(
                    request,
                    _("The draft has been split into %(n)s units. Check them before publishing.")
                    % {"n": version.clauses.count()},
                )
                return redirect("consultations_admin:version", version.pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)


class VersionReviewView(OfficialView):
    """The parsed tree; fix the split by editing the text or single clauses; publish."""

    template_name = "consultations/admin/version.html"
    page_title = gettext_lazy("Review the split")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.version = get_object_or_404(
            DraftActVersion.objects.select_related("consultation"), pk=kwargs["version_id"]
        )
        self.consultation = self.version.consultation

    def get_context_data(self, reparse_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        clauses = list(self.version.clauses.order_by("position"))
        notes = review_notes(self.version, clauses)
        for clause in clauses:
            clause.parse_notes = notes.by_clause.get(clause.pk, [])
        context.update(
            {
                "consultation": self.consultation,
                "version": self.version,
                "clauses": clauses,
                "notes": notes,
                "reparse_form": reparse_form
                or ReparseForm(initial={"text": self.version.source_text}),
                "can_publish": not self.version.is_published
                and permissions.can_publish_version(self.request.user, self.consultation),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        try:
            if action == "publish":
                services.publish_version(version=self.version, by=request.user)
                messages.success(request, _("The version is published."))
                return redirect("consultations_admin:version", self.version.pk)
            if action == "reparse":
                form = ReparseForm(request.POST)
                if not form.is_valid():
                    return self.render_to_response(
                        self.get_context_data(reparse_form=form), status=400
                    )
                try:
                    services.reparse_version(
                        version=self.version, text=form.cleaned_data["text"], by=request.user
                    )
                except services.DraftImportError as exc:
                    form.add_error("text", str(exc))
                    return self.render_to_response(
                        self.get_context_data(reparse_form=form), status=400
                    )
                messages.success(request, _("The text has been split again."))
                return redirect("consultations_admin:version", self.version.pk)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("consultations_admin:version", self.version.pk)
        messages.error(request, _("Unknown action."))
        return redirect("consultations_admin:version", self.version.pk)


class ClauseEditView(OfficialView):
    template_name = "consultations/admin/clause_edit.html"
    page_title = gettext_lazy("Edit a unit")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.clause = get_object_or_404(
            Clause.objects.select_related("version__consultation"), pk=kwargs["clause_id"]
        )
        self.consultation = self.clause.version.consultation

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "clause": self.clause,
                "version": self.clause.version,
                "form": form
                or ClauseForm(
                    initial={
                        "label": self.clause.label,
                        "level": self.clause.level,
                        "text": self.clause.text,
                    }
                ),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        form = ClauseForm(request.POST)
        if form.is_valid():
            try:
                services.edit_clause(clause=self.clause, by=request.user, **form.cleaned_data)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("The unit has been saved."))
                return redirect(
                    reverse("consultations_admin:version", args=[self.clause.version_id])
                    + f"#clause-{self.clause.pk}"
                )
        return self.render_to_response(self.get_context_data(form=form), status=400)


MODERATION_PAGE_SIZE = 50


class ModerationView(OfficialView):
    """Every comment of a consultation, with hide (reason required) and restore."""

    template_name = "consultations/admin/moderation.html"
    page_title = gettext_lazy("Moderation")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.consultation = get_object_or_404(ConsultationPage, pk=kwargs["page_id"])

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not permissions.can_moderate(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

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
                n_flags=Count("flags", filter=Q(flags__flag="removal suggestion"), distinct=True)
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
                    text=services.CommentText(
                        comment=data["comment"],
                        proposed_wording=data["proposed_wording"],
                        justification=data["justification"],
                    ),
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
