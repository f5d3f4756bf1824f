"""Editions and the implementation of chosen projects."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .. import permissions
from ..models import Edition, ProjectImage
from .submission import add_image


@transaction.atomic
def save_edition(*, by, form, pools):
    """Save an edition with its pools from the admin forms (both valid). The official
    must work for the edition's municipality, before and after the change."""
    if form.instance.pk:
        stored = Edition.objects.select_related("municipality").get(pk=form.instance.pk)
        if not permissions.can_manage_edition(by, stored):
            raise PermissionDenied
    edition = form.save(commit=False)
    if not permissions.can_manage_edition(by, edition):
        raise PermissionDenied
    edition.save()
    pools.instance = edition
    pools.save()
    return edition


@transaction.atomic
def update_implementation(*, by, project, status, note, image=None, alt_text=""):
    """Record how a chosen project is being carried out, with an optional photo."""
    if not permissions.can_manage_edition(by, project.edition):
        raise PermissionDenied
    if not project.selected:
        raise ValidationError(_("Only projects chosen in the vote are implemented."))
    project.implementation = status
    project.implementation_note = note.strip()
    project.save(update_fields=["implementation", "implementation_note"])
    if image is not None:
        add_image(
            by=by,
            project=project,
            upload=image,
            alt_text=alt_text.strip(),
            kind=ProjectImage.Kind.IMPLEMENTATION,
        )
    return project
