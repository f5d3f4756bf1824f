"""Reactions of the consultations to events of other apps."""

from .models import ConsultationComment


def forget_deleted_author(sender, user, **kwargs):
    """A deleted account's name appears in the stored act fragments, report files and
    open data of every consultation it commented on: stamp them changed (a new state)."""
    from .services import touch

    consultations = (
        ConsultationComment.objects.filter(user=user)
        .values_list("consultation_id", flat=True)
        .distinct()
    )
    for consultation_id in list(consultations):
        touch(consultation_id)


def connect() -> None:
    from accounts.signals import account_deleted

    account_deleted.connect(forget_deleted_author, dispatch_uid="consultations_deleted_author")
