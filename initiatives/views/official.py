"""Officials' screens: set-up, the list of applications, evaluation, decision,
agreement, acceptance of results. Everything outside the official's municipalities
answers 404: they must not learn it exists."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Sum
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from municipalities.models import Municipality

from .. import agreements, permissions, services
from ..forms import AgreementForm, CriterionFormSet, DecisionForm, ScoreForm, SetupForm
from ..models import Application, Criterion, ResultStatus, Status


def _managed(request, pk) -> Application:
    application = get_object_or_404(
        Application.objects.select_related("municipality", "organisation"), pk=pk
    )
    if application.status == Status.DRAFT or not permissions.can_manage(
        request.user, application.municipality
    ):
        raise Http404
    return application


@login_required
def official_list(request, slug):
    """Submitted and decided applications of one municipality (no drafts), with points."""
    municipality = get_object_or_404(Municipality, slug=slug)
    if not permissions.can_manage(request.user, municipality):
        raise Http404
    applications = (
        Application.objects.for_officials(request.user)
        .filter(municipality=municipality)
        .select_related("organisation")
        .annotate(points=Sum("scores__points"))
        .order_by("status", "-submitted_at")
    )
    return render(
        request,
        "initiatives/official_list.html",
        {"applications": applications, "municipality": municipality},
    )


@login_required
def setup(request, slug):
    municipality = get_object_or_404(Municipality, slug=slug)
    if not permissions.can_manage(request.user, municipality):
        raise Http404
    setup = services.setup_for(municipality)
    data = request.POST if request.method == "POST" else None
    form = SetupForm(data, instance=setup)
    criteria = CriterionFormSet(data, instance=setup, prefix="criteria")
    if data is not None and form.is_valid() and criteria.is_valid():
        services.save_setup(form=form, criteria=criteria)
        messages.success(request, _("The set-up was saved."))
        return redirect("initiatives:setup", slug=slug)
    return render(
        request,
        "initiatives/setup.html",
        {"form": form, "criteria": criteria, "municipality": municipality},
        status=400 if data is not None else 200,
    )


@login_required
def evaluate(request, pk):
    """Points and reasons per criterion, and the decision with reasons."""
    application = _managed(request, pk)
    criteria = Criterion.objects.filter(setup__municipality=application.municipality)
    scores = {s.criterion_id: s for s in application.scores.all()}
    score_form = ScoreForm(None, criteria=criteria, scores=scores)
    decision_form = DecisionForm()
    status = 200
    if request.method == "POST":
        if not permissions.can_evaluate(request.user, application):
            messages.error(request, _("This application has already been decided."))
            return redirect(application)
        if "decision" in request.POST:
            decision_form = DecisionForm(request.POST)
            if not services.scores_complete(application):
                decision_form.add_error(None, _("Score every criterion before deciding."))
            if decision_form.is_valid():
                services.decide(
                    application=application,
                    accept=decision_form.cleaned_data["decision"] == "accept",
                    reasons=decision_form.cleaned_data["reasons"],
                    by=request.user,
                )
                messages.success(
                    request, _("The decision was recorded and sent to the applicants.")
                )
                return redirect(application)
        else:
            score_form = ScoreForm(request.POST, criteria=criteria, scores=scores)
            if score_form.is_valid():
                services.score(application=application, scores=score_form.scores(), by=request.user)
                messages.success(request, _("The points were saved."))
                return redirect("initiatives:evaluate", pk=pk)
        status = 400
    return render(
        request,
        "initiatives/evaluate.html",
        {
            "application": application,
            "score_form": score_form,
            "decision_form": decision_form,
            "criteria": criteria,
            "can_evaluate": permissions.can_evaluate(request.user, application),
        },
        status=status,
    )


@login_required
def agreement(request, pk):
    application = _managed(request, pk)
    if application.status != Status.ACCEPTED:
        raise Http404
    instance = getattr(application, "agreement", None)
    initial = {}
    if instance is None:
        steps = list(application.steps.all())
        initial = {
            "starts_on": steps[0].starts_on if steps else None,
            "ends_on": max(s.ends_on for s in steps) if steps else None,
            "city_obligations": application.city_contribution_description,
        }
    form = AgreementForm(request.POST or None, instance=instance, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.save_agreement(form=form, application=application)
        messages.success(request, _("The agreement was saved; download it below."))
        return redirect(application)
    return render(
        request,
        "initiatives/agreement_form.html",
        {"application": application, "form": form},
        status=400 if request.method == "POST" else 200,
    )


def agreement_file(request, pk, fmt):
    """The agreement as DOCX or PDF, for the applicants and the municipality's officials."""
    application = get_object_or_404(
        Application.objects.select_related("municipality", "organisation", "agreement"), pk=pk
    )
    if fmt not in ("docx", "pdf") or not hasattr(application, "agreement"):
        raise Http404
    if not permissions.can_view(request.user, application):
        raise Http404
    if fmt == "pdf":
        body, kind = agreements.render_pdf(application), "application/pdf"
    else:
        body = agreements.render_docx(application)
        kind = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    response = HttpResponse(body, content_type=kind)
    name = f"umowa-{application.agreement.number}".replace("/", "-")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{name}.{fmt}"
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def accept_result(request, pk):
    application = _managed(request, pk)
    result = getattr(application, "result", None)
    if result is None or result.status != ResultStatus.REPORTED:
        raise Http404
    services.accept_result(result=result, by=request.user)
    messages.success(request, _("The results were accepted and are now public."))
    return redirect(application)
