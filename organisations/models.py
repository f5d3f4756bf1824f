from django.conf import settings
from django.db import models
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Task, TaskState

from portal.private_files import private_storage


class ProfileChange(models.Model):
    """Changes a representative made to the public profile, waiting for an official.

    `changes` holds only the fields that differ from the profile when submitted:
    {field: new value}; municipalities as a list of primary keys. A new logo waits in
    private storage and is copied to the public one on approval.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("awaiting approval")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="profile_changes"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changes = models.JSONField(_("changes"), default=dict)
    logo = models.ImageField(
        _("new logo"), storage=private_storage, upload_to="organisations/logos/", blank=True
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("profile change")
        verbose_name_plural = _("profile changes")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=models.Q(status="pending"),
                name="one_pending_profile_change",
            )
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_status_display()})"


class Proposal(models.Model):
    """A news item or an event an organisation proposed for a municipality's window.

    The text itself is a draft page (NewsPage or EventPage) under the window's news or
    events index, credited to the organisation and in the review workflow; this row
    says who proposed it and what the editors did with it. `notified_status` is the
    decision the representative was last e-mailed about (each decision once)."""

    class Kind(models.TextChoices):
        NEWS = "news", _("news item")
        EVENT = "event", _("event")

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for the editors")
        PUBLISHED = "published", _("published")
        REJECTED = "rejected", _("rejected")
        UNPUBLISHED = "unpublished", _("taken down by the editors")

    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="proposals",
    )
    municipality = models.ForeignKey(
        "municipalities.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="ngo_proposals",
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="ngo_proposals",
    )
    kind = models.CharField(_("kind"), max_length=5, choices=Kind.choices)
    # As proposed: the list still names it if the editors delete the page.
    title = models.CharField(_("title"), max_length=255)
    page = models.OneToOneField(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ngo_proposal",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    comment = models.TextField(_("the editors' comment"), blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    notified_status = models.CharField(max_length=12, blank=True, editable=False)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("proposal from an organisation")
        verbose_name_plural = _("proposals from organisations")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["organisation", "-created_at"])]

    def __str__(self):
        return self.title


class ProposalReviewTask(Task):
    """The review step of organisations' proposals in Wagtail's workflow: the editors and
    officials of the municipality whose window holds the page approve it (it is then
    published) or reject it with a comment. Nobody else can act on it or sees it in
    "Awaiting your review"."""

    def _reviews(self, obj, user) -> bool:
        from .permissions import can_review_proposal

        return can_review_proposal(user, obj)

    def locked_for_user(self, obj, user):
        return not self._reviews(obj, user)

    def get_actions(self, obj, user):
        if not self._reviews(obj, user):
            return []
        return [
            ("reject", _("Reject"), True),
            ("approve", _("Approve and publish"), False),
        ]

    def get_form_for_action(self, action):
        if action == "reject":
            from .proposal_forms import RejectionForm

            return RejectionForm
        return super().get_form_for_action(action)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        from accounts.permissions import is_editor, is_official
        from municipalities.permissions import scope_filter

        if not (is_editor(user) or is_official(user)):
            return TaskState.objects.none()
        pages = (
            Page.objects.filter(scope_filter(user))
            .annotate(key=Cast("pk", models.CharField()))
            .values("key")
        )
        return self.task_states.filter(
            status=TaskState.STATUS_IN_PROGRESS, workflow_state__object_id__in=pages
        )

    @classmethod
    def get_description(cls):
        return _(
            "The editors and officials of the municipality whose window holds the page "
            "approve or reject it."
        )

    class Meta:
        verbose_name = _("review by the municipality's editors")
        verbose_name_plural = _("reviews by the municipality's editors")
