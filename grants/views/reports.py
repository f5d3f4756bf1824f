"""Reports (art. 18): the organisation fills in and submits them, corrects a returned
one; the office reads them and accepts or returns them; both download the PDF.

The organisation's approved representatives see their reports; officials of the
agreement's municipality see a report once it has been submitted; others get 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.permissions import can_speak_for

from ..forms.agreements import DecisionForm
from ..forms.offers import attach_problems
from ..forms.reports import build_report_forms, collect_report
from ..models import Report, ReportStatus
from ..permissions import can_manage_agreement
from ..report_documents import render_report_pdf
from ..report_rules import achievement, actual_totals, check_report, compare_sources
from ..services import reports as service
from ..services.agreements import agreed_data
from ..services.offers import StaleOffer
from .agreements import offer_with_tables


def report_for(request, pk) -> Report:
    report = get_object_or_404(
        Report.objects.select_related(
            "agreement__offer__organisation", "agreement__offer__call", "agreement__municipality"
        ).prefetch_related("results", "costs"),
        pk=pk,
    )
    agreement = report.agreement
    report.manages = can_manage_agreement(request.user, agreement)
    report.speaks_for = can_speak_for(request.user, agreement.offer.organisation)
    if not (report.speaks_for or (report.manages and report.status != ReportStatus.DRAFT)):
        raise Http404
    return report


def summary(report, data, offer) -> dict:
    """The computed parts of a report page: each result's share of its target, the
    cost totals and the sources as agreed and as incurred."""
    agreed = agreed_data(report.agreement, offer)
    total, from_grant = actual_totals(data.costs)
    return {
        "achievements": [
            achievement(r.get("target_value"), r.get("achieved")) for r in data.results
        ],
        "agreed_total": sum((c.get("agreed") or 0) for c in data.costs),
        "actual_total": total,
        "actual_grant": from_grant,
        "sources": compare_sources(agreed.fields, data.fields),
        "unspent": report.agreement.amount - (data.fields.get("grant_spent") or 0),
    }


def _render_form(request, report, offer, form, formsets, data, *, status=200, notes=()):
    computed = summary(report, data, offer)
    for row_form, pct in zip(formsets["results"].forms, computed["achievements"], strict=False):
        row_form.achievement = pct
    context = {
        "report": report,
        "agreement": report.agreement,
        "form": form,
        "formsets": formsets,
        "summary": computed,
        "notes": notes,
        "has_errors": bool(form.errors) or any(f.total_error_count() for f in formsets.values()),
    }
    return render(request, "grants/report_form.html", context, status=status)


def _render_detail(request, report, offer, *, decision=None, status=200):
    data = service.shown_data(report, official=not report.speaks_for)
    if report.manages and report.status == ReportStatus.SUBMITTED and decision is None:
        decision = DecisionForm()
    computed = summary(report, data, offer)
    context = {
        "report": report,
        "agreement": report.agreement,
        "data": data,
        "summary": computed,
        "result_rows": list(zip(data.results, computed["achievements"], strict=True)),
        "versions": report.versions.all(),
        "decision": decision if report.manages else None,
        "decision_url": reverse("grants:report_decision", args=[report.pk]),
    }
    return render(request, "grants/report_detail.html", context, status=status)


@login_required
def report_detail(request, pk):
    report = report_for(request, pk)
    offer = offer_with_tables(report.agreement.offer_id)
    editable = report.speaks_for and report.is_editable
    if request.method == "POST":
        if not editable:
            messages.error(request, _("A submitted report cannot be changed."))
            return redirect(report)
        return _post_report(request, report, offer)
    if not editable:
        return _render_detail(request, report, offer)
    rows = service.report_data(report)
    form, formsets = build_report_forms(rows=rows, revision=report.revision)
    terms = service.report_terms(report.agreement, offer)
    notes = [p.message for p in check_report(rows, terms, submitting=False)]
    return _render_form(request, report, offer, form, formsets, rows, notes=notes)


def _post_report(request, report, offer):
    rows = service.report_data(report)
    form, formsets = build_report_forms(request.POST, rows=rows)
    valid = form.is_valid() & all([f.is_valid() for f in formsets.values()])  # noqa: C419
    if not valid:
        return _render_form(request, report, offer, form, formsets, rows, status=400)
    data, positions = collect_report(form, formsets, rows)
    try:
        report = service.save_report(
            report=report, user=request.user, revision=form.cleaned_data["revision"], data=data
        )
    except service.AgreementRefused as refused:
        messages.error(request, refused.message)
        return redirect(report)
    except StaleOffer:
        form.add_error(
            None,
            _(
                "Someone else saved this report after you opened it. Your text was not "
                "saved: it is below. Open the report again in a new tab, copy what you need "
                "from here and save there."
            ),
        )
        return _render_form(request, report, offer, form, formsets, data, status=409)
    if request.POST.get("action") == "submit":
        try:
            service.submit_report(report=report, offer=offer, user=request.user)
        except service.AgreementRefused as refused:
            attach_problems(refused.problems, form, formsets, positions)
            if not refused.problems:
                form.add_error(None, refused.message)
            form.data = form.data.copy()
            form.data["revision"] = str(report.revision)
            return _render_form(request, report, offer, form, formsets, data, status=400)
        messages.success(request, _("The report has been submitted to the office."))
    else:
        messages.success(request, _("The draft has been saved."))
    return redirect(report)


@require_POST
@login_required
def report_decision(request, pk):
    report = report_for(request, pk)
    if not report.manages:
        raise Http404
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            if form.cleaned_data["decision"] == "accept":
                service.accept_report(report=report, user=request.user)
            else:
                service.return_report(
                    report=report, user=request.user, comment=form.cleaned_data["comment"]
                )
        except service.AgreementRefused as refused:
            messages.error(request, refused.message)
            return redirect(report)
        messages.success(request, _("The decision has been recorded."))
        return redirect(report.agreement)
    offer = offer_with_tables(report.agreement.offer_id)
    return _render_detail(request, report, offer, decision=form, status=400)


@login_required
def report_pdf(request, pk):
    report = report_for(request, pk)
    offer = offer_with_tables(report.agreement.offer_id)
    data = service.shown_data(report, official=not report.speaks_for)
    content = render_report_pdf(report, data, summary(report, data, offer))
    response = HttpResponse(content, content_type="application/pdf")
    filename = f"sprawozdanie-{report.agreement.number}-{report.kind}".replace("/", "-")
    response["Content-Disposition"] = f'attachment; filename="{filename}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response
