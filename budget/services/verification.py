"""Verification of submitted projects and appeals against not admitting them."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import permissions, tasks
from ..models import Appeal, Project, Status
from .submission import PhaseClosed

DECIDED = (Status.ADMITTED, Status.REJECTED)
VERIFICATION_FIELDS = [
    "formal_ok",
    "legal_ok",
    "technical_ok",
    "reasoning",
    "verified_cost",
    "status",
    "verified_at",
    "verified_by",
]


@transaction.atomic
def verify_project(
    *,
    by,
    project: Project,
    formal_ok: bool,
    legal_ok: bool,
    technical_ok: bool,
    reasoning: str,
    verified_cost: Decimal | None,
) -> Project:
    """Record the three checks and the published reasoning. The project is admitted
    when all three pass (then it needs a verified cost within its pool) and rejected
    otherwise; a rejection opens the appeal window. Possible once the submission
    phase is over and until voting starts. The author is e-mailed the decision once;
    saving the same decision again sends nothing, reversing it sends the new one."""
    if not permissions.can_manage_edition(by, project.edition):
        raise PermissionDenied
    if project.status == Status.DRAFT:
        raise ValidationError(_("A draft cannot be verified: its author has not submitted it."))
    if project.edition.accepts_votes or project.edition.results_public:
        raise PhaseClosed
    if not reasoning.strip():
        raise ValidationError(_("Give the reasoning: it is published with the decision."))
    admitted = formal_ok and legal_ok and technical_ok
    if admitted:
        if verified_cost is None:
            raise ValidationError(_("An admitted project needs its verified cost."))
        if verified_cost > project.pool.amount:
            raise ValidationError(_("The verified cost exceeds the pool's amount."))
    if project.supports.count() < project.pool.signatures_required and admitted:
        raise ValidationError(
            _("The project has fewer support signatures than the pool requires (%(n)s).")
            % {"n": project.pool.signatures_required}
        )
    decided_before = project.status in DECIDED
    project.formal_ok, project.legal_ok, project.technical_ok = formal_ok, legal_ok, technical_ok
    project.reasoning = reasoning.strip()
    project.verified_cost = verified_cost
    status = Status.ADMITTED if admitted else Status.REJECTED
    changed = decided_before and status != project.status
    project.status = status
    project.verified_at = timezone.now()
    project.verified_by = by
    project.save(update_fields=VERIFICATION_FIELDS)
    if changed:  # a reversed decision is a new one: its author is told again
        Project.objects.filter(pk=project.pk).update(verification_mailed_at=None)
    transaction.on_commit(lambda: tasks.send_verification_mail.enqueue(project.pk))
    return project


def file_appeal(*, by, project: Project, text: str) -> Appeal:
    """The author appeals a rejection within the edition's days."""
    if not by.is_authenticated or project.author_id != by.pk:
        raise PermissionDenied
    if not project.may_appeal():
        raise PhaseClosed
    if not text.strip():
        raise ValidationError(_("Write the grounds of your appeal."))
    return Appeal.objects.create(project=project, text=text.strip())


@transaction.atomic
def decide_appeal(*, by, appeal: Appeal, upheld: bool, reasoning: str) -> Appeal:
    """Decide an appeal; an upheld one admits the project (with the given cost). The
    author is e-mailed the decision once (again only if it is reversed)."""
    project = appeal.project
    if not permissions.can_manage_edition(by, project.edition):
        raise PermissionDenied
    if project.edition.accepts_votes or project.edition.results_public:
        raise PhaseClosed
    if not reasoning.strip():
        raise ValidationError(_("Give the reasoning: it is published with the decision."))
    if upheld:
        if project.verified_cost is None:
            project.verified_cost = project.estimated_cost
        project.status = Status.ADMITTED
        project.save(update_fields=["status", "verified_cost"])
    outcome = Appeal.Outcome.UPHELD if upheld else Appeal.Outcome.DISMISSED
    changed = appeal.outcome != Appeal.Outcome.PENDING and appeal.outcome != outcome
    appeal.outcome = outcome
    appeal.outcome_reasoning = reasoning.strip()
    appeal.decided_at = timezone.now()
    appeal.decided_by = by
    appeal.save(update_fields=["outcome", "outcome_reasoning", "decided_at", "decided_by"])
    if changed:
        Appeal.objects.filter(pk=appeal.pk).update(decision_mailed_at=None)
    transaction.on_commit(lambda: tasks.send_appeal_mail.enqueue(appeal.pk))
    return appeal
