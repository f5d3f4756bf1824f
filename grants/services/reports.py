"""Verbs on reports (art. 18): open them when the agreement is signed, save a draft,
submit it (the version is kept), accept it (the final one settles the agreement) or
return it with comments for a correction. Each writes the audit trail; the
organisation's representatives are e-mailed the office's decision."""

from decimal import Decimal

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ..models import (
    AgreementStatus,
    Report,
    ReportCost,
    ReportKind,
    ReportResult,
    ReportStatus,
    ReportVersion,
)
from ..models.reports import EDITABLE_REPORT_STATUSES
from ..numbers import money
from ..report_rules import SOURCE_FIELDS, ReportData, ReportTerms, check_report, due_date
from ..rules import OfferData, line_value
from .agreements import AgreementRefused
from .audit import record
from .offers import StaleOffer, rules_for

REPORT_FIELDS = (
    "actions_description",
    "deviations",
    *SOURCE_FIELDS,
    "personal_description",
    "in_kind_description",
    "other_information",
    "declared_truth",
    "declared_accounts",
)
RESULT_FIELDS = ("name", "target_value", "monitoring", "achieved", "comment")
COST_FIELDS = ("action_number", "name", "agreed", "actual_total", "actual_grant")
RESULT_INPUTS = ("achieved", "comment")
COST_INPUTS = ("actual_total", "actual_grant")
AMOUNTS = {*SOURCE_FIELDS, "achieved", "agreed", "actual_total", "actual_grant"}


def open_reports(agreement, data: OfferData) -> list[Report]:
    """The reports the agreement asks for, their rows copied from the agreed data."""
    periods = []
    if agreement.partial_period_end:
        periods.append((ReportKind.PARTIAL, agreement.partial_period_end))
    periods.append((ReportKind.FINAL, agreement.end_date))
    reports = []
    for kind, end in periods:
        report = Report.objects.create(
            agreement=agreement,
            kind=kind,
            period_start=agreement.start_date,
            period_end=end,
            due_on=due_date(end),
        )
        ReportResult.objects.bulk_create(
            ReportResult(
                report=report,
                position=n,
                name=row.get("name") or "",
                target_value=row.get("target_value") or "",
                monitoring=row.get("monitoring") or "",
            )
            for n, row in enumerate(data.results, start=1)
        )
        ReportCost.objects.bulk_create(
            ReportCost(
                report=report,
                position=n,
                action_number=row.get("action_number"),
                name=row.get("name") or "",
                agreed=money(line_value(row)),
            )
            for n, row in enumerate(data.costs, start=1)
        )
        reports.append(report)
    return reports


def report_data(report) -> ReportData:
    """The report as plain data (its rows read with one query each, or prefetched)."""
    return ReportData(
        fields={name: getattr(report, name) for name in REPORT_FIELDS},
        results=[{n: getattr(r, n) for n in RESULT_FIELDS} for r in report.results.all()],
        costs=[{n: getattr(c, n) for n in COST_FIELDS} for c in report.costs.all()],
    )


def _typed(row: dict) -> dict:
    return {
        key: Decimal(value) if key in AMOUNTS and isinstance(value, str) else value
        for key, value in row.items()
    }


def version_data(version) -> ReportData:
    stored = version.data
    return ReportData(
        fields=_typed(stored.get("fields") or {}),
        results=[_typed(row) for row in stored.get("results") or []],
        costs=[_typed(row) for row in stored.get("costs") or []],
    )


def shown_data(report, *, official: bool) -> ReportData:
    """What a reader sees: the office sees a returned report as it was sent (the
    organisation may be correcting it); the organisation sees its working copy."""
    if official and report.status == ReportStatus.RETURNED:
        version = report.versions.order_by("-number").first()
        if version is not None:
            return version_data(version)
    return report_data(report)


def report_terms(agreement, offer) -> ReportTerms:
    return ReportTerms(
        grant=agreement.amount,
        in_kind_allowed=rules_for(offer).in_kind_allowed,
        threshold_pct=agreement.result_threshold_pct,
    )


def _clean(values: dict) -> dict:
    """Empty inputs as the columns hold them: 0, False or ""."""
    cleaned = dict(values)
    for name, value in values.items():
        if value is not None:
            continue
        if name in SOURCE_FIELDS:
            cleaned[name] = Decimal("0")
        elif name.startswith("declared"):
            cleaned[name] = False
        else:
            cleaned[name] = ""
    return cleaned


@transaction.atomic
def save_report(*, report, user, revision: int, data: ReportData) -> Report:
    """Save the draft when `revision` is still the latest (else StaleOffer, nothing
    changed): the report's fields and what was achieved and spent per row."""
    values = _clean({name: data.fields.get(name) for name in REPORT_FIELDS})
    changed = Report.objects.filter(
        pk=report.pk, revision=revision, status__in=EDITABLE_REPORT_STATUSES
    ).update(revision=F("revision") + 1, updated_at=timezone.now(), updated_by=user, **values)
    if not changed:
        if not report.is_editable:
            raise AgreementRefused(_("A submitted report cannot be changed."))
        raise StaleOffer
    for model, inputs, rows in (
        (ReportResult, RESULT_INPUTS, data.results),
        (ReportCost, COST_INPUTS, data.costs),
    ):
        existing = list(model.objects.filter(report=report).order_by("position"))
        changed_rows = []
        for old, new in zip(existing, rows, strict=False):
            wanted = {name: new.get(name) for name in inputs}
            if name_value_differs(old, wanted):
                for name, value in wanted.items():
                    setattr(old, name, "" if value is None and name == "comment" else value)
                changed_rows.append(old)
        if changed_rows:
            model.objects.bulk_update(changed_rows, list(inputs))
    for name, value in values.items():
        setattr(report, name, value)
    report.revision = revision + 1
    return report


def name_value_differs(row, wanted: dict) -> bool:
    return any(getattr(row, name) != value for name, value in wanted.items())


@transaction.atomic
def submit_report(*, report, offer, user, now=None) -> ReportVersion:
    """Submit the report once the period it covers has ended and every rule is met;
    the version is kept as sent."""
    now = now or timezone.now()
    report = Report.objects.select_for_update().select_related("agreement").get(pk=report.pk)
    if not report.is_editable:
        raise AgreementRefused(_("This report has already been submitted."))
    if report.agreement.status != AgreementStatus.SIGNED:
        raise AgreementRefused(_("Reports are submitted under a signed agreement."))
    if timezone.localdate(now) < report.period_end:
        raise AgreementRefused(
            _("The report can be submitted once the period it covers has ended (%(date)s).")
            % {"date": date_format(report.period_end, "SHORT_DATE_FORMAT")}
        )
    data = report_data(report)
    problems = check_report(data, report_terms(report.agreement, offer), submitting=True)
    if problems:
        raise AgreementRefused(_("The report has errors; correct them first."), problems)
    number = report.versions.count() + 1
    version = ReportVersion.objects.create(
        report=report,
        number=number,
        submitted_at=now,
        submitted_by=user,
        data={"fields": data.fields, "results": data.results, "costs": data.costs},
    )
    Report.objects.filter(pk=report.pk).update(
        status=ReportStatus.SUBMITTED, submitted_at=now, revision=F("revision") + 1
    )
    record(
        "report_submitted",
        actor=user,
        offer=offer,
        note=_("%(kind)s, version %(number)s")
        % {"kind": report.get_kind_display(), "number": number},
        at=now,
    )
    return version


def _decided(report_pk):
    report = Report.objects.select_for_update().select_related("agreement").get(pk=report_pk)
    if report.status != ReportStatus.SUBMITTED:
        raise AgreementRefused(_("Only a submitted report is accepted or returned."))
    return report


@transaction.atomic
def accept_report(*, report, user, now=None) -> Report:
    """Accept the report; accepting the final one settles the agreement."""
    from .. import agreement_tasks

    now = now or timezone.now()
    report = _decided(report.pk)
    report.status, report.decided_at, report.decided_by = ReportStatus.ACCEPTED, now, user
    report.save(update_fields=["status", "decided_at", "decided_by"])
    agreement = report.agreement
    if report.kind == ReportKind.FINAL:
        agreement.status = AgreementStatus.SETTLED
        agreement.save(update_fields=["status"])
    record(
        "report_accepted",
        actor=user,
        offer=agreement.offer,
        note=report.get_kind_display(),
        at=now,
    )
    transaction.on_commit(lambda: agreement_tasks.send_report_decision.enqueue(report.pk))
    return report


@transaction.atomic
def return_report(*, report, user, comment: str, now=None) -> Report:
    """Return the report with the office's comments; the organisation corrects it and
    submits it again (the next version)."""
    from .. import agreement_tasks

    now = now or timezone.now()
    if not comment.strip():
        raise AgreementRefused(_("Say what is to be corrected."))
    report = _decided(report.pk)
    report.status, report.return_comment = ReportStatus.RETURNED, comment.strip()
    report.decided_at, report.decided_by = now, user
    report.revision += 1
    report.save(update_fields=["status", "return_comment", "decided_at", "decided_by", "revision"])
    version = report.versions.order_by("-number").first()
    version.returned_at, version.comment = now, comment.strip()
    version.save(update_fields=["returned_at", "comment"])
    record(
        "report_returned",
        actor=user,
        offer=report.agreement.offer,
        note=f"{report.get_kind_display()}: {comment.strip()}",
        at=now,
    )
    transaction.on_commit(lambda: agreement_tasks.send_report_decision.enqueue(report.pk))
    return report
