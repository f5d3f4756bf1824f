"""Reactions of the consultations to events of other apps."""

from .models import ConsultationComment


def forget_deleted_author(sender, user, **kwargs):
    """A deleted account's name appears in the stored act fragments, report files and
    open data of every consultation it commented on: stamp them changed (a new state)."""
    from .caching import touch

    consultations = (
        ConsultationComment.objects.filter(user=user)
        .values_list("consultation_id", flat=True)
        .distinct()
    )
    for consultation_id in list(consultations):
        touch(consultation_id)


def restriction_changed(sender, instance, **kwargs):
    """A view restriction set or lifted above consultations: pages stored for anonymous
    visitors (page_cache) and report files are not served from before the change."""
    from wagtail.models import Page

    from .caching import touch
    from .models import ConsultationPage

    page = Page.objects.filter(pk=instance.page_id).first()
    if page is None:
        return
    under = ConsultationPage.objects.descendant_of(page, inclusive=True)
    for consultation_id in list(under.values_list("pk", flat=True)):
        touch(consultation_id)


def connect() -> None:
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import PageViewRestriction

    from accounts.signals import account_deleted

    account_deleted.connect(forget_deleted_author, dispatch_uid="consultations_deleted_author")
    for signal in (post_save, post_delete):
        signal.connect(
            restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"consultations_restriction_{signal is post_save}",
        )
