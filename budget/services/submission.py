"""Submitting projects, their images and support signatures."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import permissions
from ..models import CostLine, Edition, Project, ProjectImage, Status, Support

SUPPORT_SALT = "budget.support"
MAX_IMAGES = 6


class PhaseClosed(Exception):
    """The edition is past the phase the action belongs to."""


@dataclass
class CostItem:
    item: str
    amount: Decimal


def check_costs(lines: list[CostItem], pool) -> Decimal:
    """The total of the cost lines; ValidationError when there is none or it exceeds the
    pool (a project costing more than its pool could never be chosen)."""
    if not lines:
        raise ValidationError(_("Give at least one line of the cost estimate."))
    total = sum((line.amount for line in lines), start=Decimal("0.00"))
    if total <= 0:
        raise ValidationError(_("The estimated cost must be above zero."))
    if pool is not None and total > pool.amount:
        raise ValidationError(
            _("The estimated cost (%(total)s zł) exceeds the pool's amount (%(amount)s zł).")
            % {"total": total, "amount": pool.amount}
        )
    return total


@transaction.atomic
def save_project(
    *, author, edition: Edition, fields: dict, lines: list[CostItem], project=None, submit=False
) -> Project:
    """Create or change a project (a draft, or submitted with `submit`). Only its author,
    only during the submission phase; the cost lines are replaced as a whole."""
    if project is None:
        if not permissions.can_submit(author):
            raise PermissionDenied
        project = Project(edition=edition, author=author)
    elif not permissions.can_edit_project(author, project):
        raise PermissionDenied
    if not edition.accepts_submissions:
        raise PhaseClosed
    if fields["pool"].edition_id != edition.pk:
        raise ValidationError(_("Choose a pool of this edition."))
    check_costs(lines, fields["pool"])
    for name, value in fields.items():
        setattr(project, name, value)
    if submit and project.status == Status.DRAFT:
        project.status = Status.SUBMITTED
        project.submitted_at = timezone.now()
    project.save()
    project.cost_lines.all().delete()
    CostLine.objects.bulk_create(
        CostLine(project=project, item=line.item, amount=line.amount, position=i)
        for i, line in enumerate(lines)
    )
    return project


def add_image(*, by, project, upload, alt_text, kind=ProjectImage.Kind.SUBMISSION) -> ProjectImage:
    """Attach a checked image (see forms.checked_image) to a project."""
    if kind == ProjectImage.Kind.SUBMISSION:
        if not permissions.can_edit_project(by, project):
            raise PermissionDenied
        if not project.edition.accepts_submissions:
            raise PhaseClosed
        if project.images.filter(kind=kind).count() >= MAX_IMAGES:
            raise ValidationError(_("A project may have at most %(n)s images.") % {"n": MAX_IMAGES})
    elif not permissions.can_manage_edition(by, project.edition):
        raise PermissionDenied
    image = ProjectImage(project=project, alt_text=alt_text, kind=kind)
    image.content_type = upload.content_type
    image.file.save(upload.name, upload, save=False)
    image.save()
    return image


def remove_image(*, by, image) -> None:
    project = image.project
    if image.kind == ProjectImage.Kind.SUBMISSION:
        if not permissions.can_edit_project(by, project) or not project.edition.accepts_submissions:
            raise PermissionDenied
    elif not permissions.can_manage_edition(by, project.edition):
        raise PermissionDenied
    image.file.delete(save=False)
    image.delete()


def support_token(project) -> str:
    return signing.dumps(project.pk, salt=SUPPORT_SALT)


def project_for_token(token) -> int | None:
    try:
        return signing.loads(token, salt=SUPPORT_SALT)
    except signing.BadSignature:
        return None


def sign_support(*, user, project, full_name: str, address: str) -> Support:
    """A logged-in resident signs a submitted project's support list, once."""
    if not permissions.can_submit(user):
        raise PermissionDenied
    if project.status == Status.DRAFT and project.author_id != user.pk:
        raise PermissionDenied
    if not project.edition.accepts_submissions:
        raise PhaseClosed
    try:
        with transaction.atomic():
            return Support.objects.create(
                project=project, user=user, full_name=full_name, address=address
            )
    except IntegrityError as exc:
        raise ValidationError(_("You have already signed this project's list.")) from exc


def enter_paper_support(*, by, project, full_name: str, address: str) -> Support:
    """An official types one signature from a paper list (until verification ends)."""
    if not permissions.can_manage_edition(by, project.edition):
        raise PermissionDenied
    return Support.objects.create(
        project=project, full_name=full_name, address=address, entered_by=by
    )
