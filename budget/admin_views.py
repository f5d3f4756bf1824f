"""Officials' budget screens in the Wagtail admin, scoped to their municipalities:
editions and pools, the projects of an edition, verification, appeals, paper support
lists, paper ballots, results and implementation. Verbs go through budget.services."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import permissions
from .admin_forms import (
    AppealDecisionForm,
    EditionForm,
    ImplementationForm,
    PaperBallotForm,
    PaperSupportForm,
    PoolFormSet,
    VerificationForm,
)
from .models import Appeal, Edition, PaperEntry, Project, Status
from .querysets import with_figures
from .services import editions, results, submission, verification, voting
from .services.submission import PhaseClosed


class BudgetView(WagtailAdminTemplateMixin, TemplateView):
    """Officials only; an object of another municipality is not found (404)."""

    header_icon = "table"
    edition = None

    def dispatch(self, request, *args, **kwargs):
        if not permissions.can_manage(request.user):
            raise PermissionDenied
        self.load(**kwargs)
        if self.edition is not None and not permissions.can_manage_edition(
            request.user, self.edition
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def load(self, **kwargs):
        pass

    def get_breadcrumbs_items(self):
        items = [
            *self.breadcrumbs_items,
            {"url": reverse("budget_admin:index"), "label": _("Participatory budget")},
        ]
        if self.edition is not None and self.edition.pk:
            items.append(
                {
                    "url": reverse("budget_admin:projects", args=[self.edition.pk]),
                    "label": self.edition.name,
                }
            )
        return [*items, {"url": "", "label": self.get_page_title()}]

    def again(self, **context):
        return self.render_to_response(self.get_context_data(**context))


class EditionListView(BudgetView):
    template_name = "budget/admin/index.html"
    page_title = gettext_lazy("Participatory budget")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["editions"] = (
            permissions.editions_of(self.request.user)
            .select_related("municipality")
            .annotate(project_count=Count("projects"))
        )
        return context


class EditionEditView(BudgetView):
    template_name = "budget/admin/edition_form.html"
    page_title = gettext_lazy("Edition and its pools")

    def load(self, pk=None, **kwargs):
        self.edition = get_object_or_404(Edition, pk=pk) if pk else None

    def get_context_data(self, form=None, pools=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = form or EditionForm(instance=self.edition, user=self.request.user)
        context["pools"] = pools or PoolFormSet(instance=self.edition, prefix="pools")
        return context

    def post(self, request, *args, **kwargs):
        form = EditionForm(request.POST, instance=self.edition, user=request.user)
        pools = PoolFormSet(request.POST, instance=form.instance, prefix="pools")
        if form.is_valid() and pools.is_valid():
            edition = editions.save_edition(by=request.user, form=form, pools=pools)
            messages.success(request, _("The edition has been saved."))
            return redirect("budget_admin:projects", pk=edition.pk)
        return self.again(form=form, pools=pools)


class ProjectListView(BudgetView):
    template_name = "budget/admin/projects.html"
    page_title = gettext_lazy("Projects")

    def load(self, pk, **kwargs):
        self.edition = get_object_or_404(Edition.objects.select_related("municipality"), pk=pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        projects = with_figures(
            self.edition.projects.exclude(status=Status.DRAFT).select_related("appeal")
        ).order_by("pool__position", "pool_id", "title", "pk")
        context.update(
            {
                "edition": self.edition,
                "projects": projects,
                "drafts": self.edition.projects.filter(status=Status.DRAFT).count(),
                "mismatches": PaperEntry.objects.filter(
                    pool__edition=self.edition, state=PaperEntry.State.MISMATCH
                ).count(),
            }
        )
        return context


class ProjectView(BudgetView):
    def load(self, pk, **kwargs):
        self.project = get_object_or_404(
            Project.objects.select_related("edition__municipality", "pool"), pk=pk
        )
        self.edition = self.project.edition

    def get_page_subtitle(self):
        return self.project.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["project"] = self.project
        return context


class VerifyView(ProjectView):
    template_name = "budget/admin/verify.html"
    page_title = gettext_lazy("Verification")

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        p = self.project
        initial = {
            "formal_ok": {True: "yes", False: "no"}.get(p.formal_ok),
            "legal_ok": {True: "yes", False: "no"}.get(p.legal_ok),
            "technical_ok": {True: "yes", False: "no"}.get(p.technical_ok),
            "verified_cost": p.verified_cost if p.verified_cost is not None else p.estimated_cost,
            "reasoning": p.reasoning,
        }
        context.update(
            form=form or VerificationForm(initial=initial),
            cost_lines=p.cost_lines.all(),
            supporters=p.supports.count(),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = VerificationForm(request.POST)
        if form.is_valid():
            try:
                verification.verify_project(
                    by=request.user, project=self.project, **form.cleaned_data
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            except PhaseClosed:
                form.add_error(None, _("Verification is closed once voting has started."))
            else:
                messages.success(request, _("The decision has been published."))
                return redirect("budget_admin:projects", pk=self.edition.pk)
        return self.again(form=form)


class AppealView(ProjectView):
    template_name = "budget/admin/appeal.html"
    page_title = gettext_lazy("Appeal")

    def load(self, pk, **kwargs):
        super().load(pk)
        self.appeal = get_object_or_404(Appeal, project=self.project)

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(appeal=self.appeal, form=form or AppealDecisionForm())
        return context

    def post(self, request, *args, **kwargs):
        form = AppealDecisionForm(request.POST)
        if form.is_valid():
            try:
                verification.decide_appeal(
                    by=request.user,
                    appeal=self.appeal,
                    upheld=form.cleaned_data["outcome"] == Appeal.Outcome.UPHELD,
                    reasoning=form.cleaned_data["reasoning"],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            except PhaseClosed:
                form.add_error(None, _("Appeals are closed once voting has started."))
            else:
                messages.success(request, _("The decision on the appeal has been published."))
                return redirect("budget_admin:projects", pk=self.edition.pk)
        return self.again(form=form)


class SupportsView(ProjectView):
    template_name = "budget/admin/supports.html"
    page_title = gettext_lazy("Support signatures")

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            form=form or PaperSupportForm(),
            supports=self.project.supports.select_related("entered_by"),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = PaperSupportForm(request.POST)
        if form.is_valid():
            submission.enter_paper_support(
                by=request.user, project=self.project, **form.cleaned_data
            )
            messages.success(request, _("The signature has been entered."))
            return redirect("budget_admin:supports", pk=self.project.pk)
        return self.again(form=form)


class ImplementationView(ProjectView):
    template_name = "budget/admin/implementation.html"
    page_title = gettext_lazy("Implementation")

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = form or ImplementationForm(
            initial={
                "implementation": self.project.implementation,
                "implementation_note": self.project.implementation_note,
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        form = ImplementationForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                editions.update_implementation(
                    by=request.user,
                    project=self.project,
                    status=data["implementation"],
                    note=data["implementation_note"],
                    image=data.get("image"),
                    alt_text=data.get("alt_text", ""),
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("The implementation status has been saved."))
                return redirect("budget_admin:projects", pk=self.edition.pk)
        return self.again(form=form)


class PaperBallotView(BudgetView):
    template_name = "budget/admin/paper.html"
    page_title = gettext_lazy("Paper ballots")

    def load(self, pk, pool_pk=None, **kwargs):
        self.edition = get_object_or_404(Edition.objects.select_related("municipality"), pk=pk)
        self.pool = get_object_or_404(self.edition.pools, pk=pool_pk) if pool_pk else None

    def admitted(self):
        return list(self.pool.projects.admitted().order_by("title")) if self.pool else []

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            edition=self.edition,
            pool=self.pool,
            pools=self.edition.pools.all(),
            form=form or PaperBallotForm(projects=self.admitted()),
            flagged=PaperEntry.objects.filter(pool__edition=self.edition)
            .exclude(state=PaperEntry.State.MATCHED)
            .select_related("pool", "entered_by"),
        )
        return context

    def post(self, request, *args, **kwargs):
        if self.pool is None:
            raise PermissionDenied
        form = PaperBallotForm(request.POST, projects=self.admitted())
        if form.is_valid():
            try:
                entry = voting.enter_paper_ballot(
                    by=request.user,
                    pool=self.pool,
                    **{k: form.cleaned_data[k] for k in ("sheet", "full_name", "pesel")},
                    project_ids=form.cleaned_data["projects"],
                )
            except ValidationError as exc:
                for field, errors in getattr(exc, "error_dict", {None: exc.error_list}).items():
                    form.add_error(field if field in form.fields else None, errors)
            except PhaseClosed:
                form.add_error(
                    None,
                    _(
                        "Paper ballots are entered from the start of voting until the "
                        "results are published."
                    ),
                )
            else:
                messages.info(request, PaperEntry.State(entry.state).label)
                return redirect("budget_admin:paper_pool", pk=self.edition.pk, pool_pk=self.pool.pk)
        return self.again(form=form)


class ResultsView(BudgetView):
    template_name = "budget/admin/results.html"
    page_title = gettext_lazy("Results")

    def load(self, pk, **kwargs):
        self.edition = get_object_or_404(Edition.objects.select_related("municipality"), pk=pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        computed = results.compute_results(
            self.edition, seed=self.edition.lottery_seed or "preview"
        )
        titles = dict(self.edition.projects.values_list("pk", "title"))
        pools = self.edition.pools.all()
        context.update(
            edition=self.edition,
            sections=[
                (
                    pool,
                    computed[pool.pk].ballots,
                    [
                        (titles[pk], votes, chosen)
                        for pk, votes, chosen in computed[pool.pk].ranking
                    ],
                )
                for pool in pools
            ],
        )
        return context

    def post(self, request, *args, **kwargs):
        try:
            results.publish_results(by=request.user, edition=self.edition)
        except PhaseClosed:
            messages.error(request, _("Results can be published once, after voting has ended."))
        else:
            messages.success(request, _("The results have been published."))
        return redirect("budget_admin:results", pk=self.edition.pk)
