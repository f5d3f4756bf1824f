"""The draft act's screens: upload or paste a draft, review and correct its split, edit
one unit, publish the version. Every verb goes through consultations.services (which
checks permissions again); these views only collect input and show results."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents.errors import DocumentError
from documents.messages import error_message

from .. import permissions, services
from ..drafts.review import review_notes
from ..models import Clause, ConsultationPage, DraftActVersion
from .base import OfficialView
from .forms import ClauseForm, DraftImportForm, ReparseForm


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
