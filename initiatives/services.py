"""The one write path of local initiative: every screen calls these verbs."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from . import tasks
from .models import Application, Criterion, Result, ResultStatus, Score, Status


def setup_for(municipality):
    from .models import InitiativeSetup

    setup, _created = InitiativeSetup.objects.get_or_create(municipality=municipality)
    return setup


@transaction.atomic
def save_setup(*, form, criteria):
    """Save the set-up and the council's criteria (already checked: social work first)."""
    setup = form.save()
    criteria.instance = setup
    criteria.save()
    return setup


@transaction.atomic
def save_application(*, form, steps, municipality=None, user=None, submit=False) -> Application:
    """Save the application and its schedule; with `submit`, hand it to the officials.

    The hour rate is the municipality's at the time of saving, so the value of the
    social work the applicants see is the one the officials will weigh."""
    application = form.save(commit=False)
    if application.pk is None:
        application.municipality = municipality
        application.created_by = user
    application.hour_rate = setup_for(application.municipality).hour_rate
    if submit:
        application.status = Status.SUBMITTED
        application.submitted_at = timezone.now()
    application.save()
    steps.instance = application
    steps.save(commit=False)
    for obj in steps.deleted_objects:
        obj.delete()
    # Positions follow the form's order (already checked to be the order of dates).
    position = 0
    for step_form in steps.forms:
        data = getattr(step_form, "cleaned_data", None)
        if not data or data.get("DELETE") or not (step_form.instance.pk or step_form.has_changed()):
            continue
        position += 1
        step = step_form.instance
        step.application, step.position = application, position
        step.save()
    return application


@transaction.atomic
def score(*, application: Application, scores: dict[int, tuple[int, str]], by) -> None:
    """Record points and reasons per criterion (replacing earlier ones)."""
    for criterion_id, (points, reasons) in scores.items():
        Score.objects.update_or_create(
            application=application,
            criterion_id=criterion_id,
            defaults={"points": points, "reasons": reasons, "scored_by": by},
        )


def scores_complete(application: Application) -> bool:
    criteria = Criterion.objects.filter(setup__municipality=application.municipality)
    return (
        not criteria.exclude(pk__in=application.scores.values("criterion_id")).exists()
        and criteria.exists()
    )


@transaction.atomic
def decide(*, application: Application, accept: bool, reasons: str, by) -> Application:
    """Accept or refuse a submitted application with reasons; the applicants are told
    by e-mail after commit."""
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if locked.status != Status.SUBMITTED:
        raise ValueError("only a submitted application is decided")
    locked.status = Status.ACCEPTED if accept else Status.REFUSED
    locked.decision_reasons = reasons
    locked.decided_at = timezone.now()
    locked.decided_by = by
    locked.save(update_fields=["status", "decision_reasons", "decided_at", "decided_by"])
    transaction.on_commit(lambda: tasks.send_decision.enqueue(locked.pk))
    return locked


@transaction.atomic
def save_agreement(*, form, application: Application):
    agreement = form.save(commit=False)
    agreement.application = application
    agreement.save()
    return agreement


@transaction.atomic
def report_result(*, form, application: Application) -> Result:
    result = form.save(commit=False)
    result.application = application
    result.status = ResultStatus.REPORTED
    result.save()
    return result


@transaction.atomic
def accept_result(*, result: Result, by) -> Result:
    result.status = ResultStatus.ACCEPTED
    result.accepted_at = timezone.now()
    result.accepted_by = by
    result.save(update_fields=["status", "accepted_at", "accepted_by"])
    return result
