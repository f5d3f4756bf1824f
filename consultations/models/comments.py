"""Comments on the act or its clauses, their groups, sendings and moderation trail."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_comments_xtd.models import XtdComment, XtdCommentManager

from ..querysets import CommentQuerySet
from .drafts import Clause
from .pages import ConsultationPage


class Channel(models.TextChoices):
    PORTAL = "portal", _("portal")
    EMAIL = "email", _("e-mail")
    PAPER = "paper", _("paper (letter or form)")
    MEETING = "meeting", _("consultation meeting")


def joined_text(comment: str, proposed_wording: str, justification: str) -> str:
    """What a comment says as one text (search, grouping): comment, proposed wording and
    justification, the empty ones left out."""
    return "\n".join(part for part in (comment, proposed_wording, justification) if part)


def report_row_anchor(comment_id: int) -> str:
    return f"uwaga-{comment_id}"


class CommentGroup(models.Model):
    """Near-identical comments (e.g. a campaign letter) answered with one response."""

    consultation = models.ForeignKey(
        ConsultationPage, on_delete=models.CASCADE, related_name="comment_groups"
    )
    label = models.CharField(_("label"), max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("group of similar comments")
        verbose_name_plural = _("groups of similar comments")

    def __str__(self):
        return self.label or f"#{self.pk}"


class ConsultationComment(XtdComment):
    """A comment in the standard Polish form: comment, proposed wording, justification.

    The commented object (xtd's content_object) is a Clause or, for comments on the act
    as a whole, the DraftActVersion. `consultation` and `clause` are denormalised so
    that every listing is one query. `body_html` is the sanitised rendering, made once
    on write (never on read).
    """

    consultation = models.ForeignKey(
        ConsultationPage, on_delete=models.CASCADE, related_name="comments"
    )
    clause = models.ForeignKey(
        Clause, null=True, blank=True, on_delete=models.SET_NULL, related_name="comments"
    )
    proposed_wording = models.TextField(_("proposed wording"), blank=True)
    justification = models.TextField(_("justification"), blank=True)
    body_html = models.TextField(blank=True, editable=False)
    proposed_wording_html = models.TextField(blank=True, editable=False)
    justification_html = models.TextField(blank=True, editable=False)
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("on behalf of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultation_comments",
    )
    channel = models.CharField(
        _("channel"), max_length=10, choices=Channel.choices, default=Channel.PORTAL
    )
    submitter_name = models.CharField(
        _("submitter (paper, e-mail, meeting)"), max_length=255, blank=True
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    group = models.ForeignKey(
        CommentGroup, null=True, blank=True, on_delete=models.SET_NULL, related_name="comments"
    )
    hidden_at = models.DateTimeField(_("hidden by the moderator"), null=True, blank=True)
    hidden_reason = models.TextField(_("reason for hiding"), blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = XtdCommentManager.from_queryset(CommentQuerySet)()

    class Meta:
        verbose_name = _("consultation comment")
        verbose_name_plural = _("consultation comments")

    def get_absolute_url(self, anchor_pattern=None):
        # The comment's own page (its text and actions), instead of xtd's redirect.
        from django.urls import reverse

        return reverse("consultations:comment_actions", args=[self.pk])

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def is_publicly_shown(self) -> bool:
        """CommentQuerySet.public() for one comment: published, not removed, not hidden."""
        return self.is_public and not self.is_removed and not self.is_hidden

    @property
    def is_reportable(self) -> bool:
        """CommentQuerySet.reportable() for one comment: it gets a response in the report."""
        return self.level == 0 and not self.is_removed

    @property
    def submitter(self) -> str:
        if self.organisation_id:
            return self.organisation.name
        if self.submitter_name:
            return self.submitter_name
        return self.user.public_name if self.user_id else self.user_name

    @property
    def full_text(self) -> str:
        return joined_text(self.comment, self.proposed_wording, self.justification)

    @property
    def anchor(self) -> str:
        """The comment's id on the consultation page."""
        return f"komentarz-{self.pk}"

    @property
    def report_anchor(self) -> str:
        """The id of the comment's row on the report page."""
        return report_row_anchor(self.pk)


class CommentSubmission(models.Model):
    """One sending of the comment form, named by the random token the form carried.

    A form sent again (a retry after the answer was lost, a double click, a reload)
    carries the same token: the unique constraint lets its author publish it once, and
    the service answers the second sending with the comment the first one stored.
    """

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=64)
    comment = models.OneToOneField(
        ConsultationComment, on_delete=models.CASCADE, related_name="submission"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["author", "key"], name="comment_submission_once")
        ]

    def __str__(self):
        return self.key


class ModerationEvent(models.Model):
    """Audit trail of moderation and response decisions."""

    class Action(models.TextChoices):
        HIDE = "hide", _("hidden")
        UNHIDE = "unhide", _("restored")
        FLAG = "flag", _("flagged by a user")
        KEEP = "keep", _("reviewed and kept visible")
        ENTER = "enter", _("entered on behalf of a submitter")
        RESPOND = "respond", _("response given")

    comment = models.ForeignKey(
        ConsultationComment, on_delete=models.CASCADE, related_name="moderation_events"
    )
    action = models.CharField(max_length=10, choices=Action.choices)
    reason = models.TextField(blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("moderation event")
        verbose_name_plural = _("moderation events")

    def __str__(self):
        return f"{self.get_action_display()} #{self.comment_id}"
