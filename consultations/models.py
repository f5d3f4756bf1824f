"""Consultations of draft local law (public benefit act art. 5; municipal act art. 5a).

A ConsultationPage (Wagtail) holds one or more DraftActVersions; the current version's
text is split into Clauses (parsing.py). Residents and NGOs comment on clauses or on the
act as a whole (ConsultationComment, a django-comments-xtd model); after the deadline
officials answer every comment (CommentResponse), possibly once for a group of
near-identical comments (CommentGroup), and publish the consultation report.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_comments_xtd.models import XtdComment, XtdCommentManager
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from cms_pages.permissions import OfficialsOnlyPage
from portal.private_files import private_storage

from .querysets import ClauseQuerySet, CommentQuerySet, ConsultationManager


def draft_upload_path(instance, filename) -> str:
    """Private, under an unguessable directory (the name alone finds nothing)."""
    return f"consultations/drafts/{secrets.token_urlsafe(16)}/{filename}"


def export_upload_path(instance, filename) -> str:
    return f"consultations/reports/{secrets.token_urlsafe(16)}/{filename}"


class Phase(models.TextChoices):
    PLANNED = "planned", _("planned")
    OPEN = "open", _("open for comments")
    CLOSED = "closed", _("closed, responses in preparation")
    REPORTED = "reported", _("report published")


class ConsultationIndexPage(OfficialsOnlyPage, Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms_pages.HomePage"]
    subpage_types = ["consultations.ConsultationPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("consultations index")
        verbose_name_plural = _("consultations indexes")

    def get_context(self, request, *args, **kwargs):
        from .views import index_context

        return index_context(self, request, super().get_context(request, *args, **kwargs))


class ConsultationPage(OfficialsOnlyPage, Page):
    """One consultation: its draft act, its dates and, in time, its report."""

    subject = models.TextField(
        _("subject"),
        help_text=_("What is consulted, e.g. 'draft resolution on the cooperation programme'."),
    )
    lead = models.TextField(_("lead"), blank=True)
    start_at = models.DateTimeField(_("comments open"))
    end_at = models.DateTimeField(_("comments close"))
    form = models.CharField(
        _("form of consultation"),
        max_length=255,
        default="",
        blank=True,
        help_text=_("E.g. written comments through the portal, by e-mail, on paper, open meeting."),
    )
    organiser = models.CharField(_("responsible unit"), max_length=255, blank=True)
    contact = models.CharField(_("contact"), max_length=255, blank=True)
    draft_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("draft act (original file)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    report_intro = RichTextField(
        _("report summary"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )
    report_published_at = models.DateTimeField(_("report published"), null=True, blank=True)
    # Bumped by every service that changes what the public page shows under the act
    # (comments, moderation, responses); part of the rendered-fragment cache key.
    comments_changed_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ConsultationManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("subject"),
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("start_at"), FieldPanel("end_at"), FieldPanel("form")],
            heading=_("Dates and form"),
        ),
        MultiFieldPanel([FieldPanel("organiser"), FieldPanel("contact")], heading=_("Organiser")),
        FieldPanel("draft_document"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("subject"), index.SearchField("lead")]
    parent_page_types = ["consultations.ConsultationIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def phase_at(self, moment) -> str:
        if self.report_published_at and self.report_published_at <= moment:
            return Phase.REPORTED
        if moment < self.start_at:
            return Phase.PLANNED
        if moment < self.end_at:
            return Phase.OPEN
        return Phase.CLOSED

    @property
    def phase(self) -> str:
        return self.phase_at(timezone.now())

    @property
    def is_open(self) -> bool:
        return self.phase == Phase.OPEN

    def get_context(self, request, *args, **kwargs):
        from .views import page_context

        return page_context(self, request, super().get_context(request, *args, **kwargs))

    def serve(self, request, *args, **kwargs):
        from .caching import serve_cached

        return serve_cached(
            self, request, lambda: super(ConsultationPage, self).serve(request, *args, **kwargs)
        )


class DraftActVersion(models.Model):
    """A version of the consulted act; version 1 is the draft, later ones the outcome."""

    consultation = models.ForeignKey(
        ConsultationPage, on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("version"), default=1)
    title = models.TextField(_("title of the act"), blank=True)
    preamble = models.TextField(_("preamble"), blank=True)
    source_text = models.TextField(_("text as supplied"), blank=True)
    source_file = models.FileField(
        _("uploaded file"), upload_to=draft_upload_path, storage=private_storage, blank=True
    )
    change_note = models.TextField(_("what changed and why"), blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["consultation", "number"]
        verbose_name = _("draft act version")
        verbose_name_plural = _("draft act versions")
        constraints = [
            models.UniqueConstraint(fields=["consultation", "number"], name="unique_version_number")
        ]

    def __str__(self):
        return f"{self.consultation.title} – v{self.number}"

    def get_absolute_url(self):
        # Also where django-comments' "view on site" redirect sends comments on the act.
        return self.consultation.url


class ClauseLevel(models.TextChoices):
    ZALACZNIK = "zalacznik", _("annex")
    ROZDZIAL = "rozdzial", _("chapter")
    ARTYKUL = "artykul", _("article")
    PARAGRAF = "paragraf", _("paragraph (§)")
    USTEP = "ustep", _("section (ust.)")
    PUNKT = "punkt", _("point (pkt)")
    LITERA = "litera", _("letter (lit.)")
    TIRET = "tiret", _("indent (tiret)")


class Clause(models.Model):
    """One editorial unit of a version of the act, in document order."""

    version = models.ForeignKey(DraftActVersion, on_delete=models.CASCADE, related_name="clauses")
    position = models.PositiveIntegerField(_("position"))
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    depth = models.PositiveSmallIntegerField(default=0)
    level = models.CharField(_("level"), max_length=10, choices=ClauseLevel.choices)
    label = models.CharField(_("label"), max_length=60)
    citation = models.CharField(_("citation"), max_length=255)
    anchor = models.SlugField(_("anchor"), max_length=200)
    text = models.TextField(_("wording"), blank=True)

    objects = ClauseQuerySet.as_manager()

    class Meta:
        ordering = ["version", "position"]
        verbose_name = _("clause")
        verbose_name_plural = _("clauses")
        constraints = [
            models.UniqueConstraint(fields=["version", "position"], name="unique_clause_position"),
            models.UniqueConstraint(fields=["version", "anchor"], name="unique_clause_anchor"),
        ]

    def __str__(self):
        return self.citation

    def get_absolute_url(self):
        return f"{self.version.consultation.url}#{self.anchor}"


class Channel(models.TextChoices):
    PORTAL = "portal", _("portal")
    EMAIL = "email", _("e-mail")
    PAPER = "paper", _("paper (letter or form)")
    MEETING = "meeting", _("consultation meeting")


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

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def submitter(self) -> str:
        if self.organisation_id:
            return self.organisation.name
        if self.submitter_name:
            return self.submitter_name
        return self.user.public_name if self.user_id else self.user_name

    def get_absolute_url(self, anchor_pattern=None):
        # The comment's own page (its text and actions), instead of xtd's redirect.
        from django.urls import reverse

        return reverse("consultations:comment_actions", args=[self.pk])


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


class ResponseStatus(models.TextChoices):
    ACCEPTED = "accepted", _("accepted")
    PARTLY = "partly", _("partly accepted")
    REJECTED = "rejected", _("not accepted")
    EXPLANATION = "explanation", _("explanation")


class CommentResponse(models.Model):
    """The authority's position on one comment (required text unless accepted)."""

    comment = models.OneToOneField(
        ConsultationComment, on_delete=models.CASCADE, related_name="response"
    )
    status = models.CharField(_("position"), max_length=12, choices=ResponseStatus.choices)
    text = models.TextField(_("justification of the position"), blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("response to a comment")
        verbose_name_plural = _("responses to comments")

    def __str__(self):
        return f"{self.get_status_display()}: {self.comment_id}"


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


class ReportNotice(models.Model):
    """One commenter told that the report is out: the e-mail goes to each address once,
    even if the notification task runs again (a retry, a worker restart)."""

    consultation = models.ForeignKey(
        ConsultationPage, on_delete=models.CASCADE, related_name="report_notices"
    )
    email = models.EmailField(max_length=254)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "email"], name="consultations_report_notice_once"
            )
        ]

    def __str__(self):
        return self.email


class ReportExport(models.Model):
    """A consultation report export (PDF, DOCX, XLSX, CSV) built in the background."""

    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", "DOCX"
        XLSX = "xlsx", "XLSX"
        CSV = "csv", "CSV"

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("in progress")
        DONE = "done", _("ready")
        FAILED = "failed", _("failed")

    consultation = models.ForeignKey(
        ConsultationPage, on_delete=models.CASCADE, related_name="exports"
    )
    format = models.CharField(max_length=4, choices=Format.choices)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    file = models.FileField(upload_to=export_upload_path, storage=private_storage, blank=True)
    # What the report looked like when built (reports.report_state): a download built for
    # this state is served again as long as the state is the same.
    state = models.CharField(max_length=64, blank=True, default="")
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Last sign of life of the build (start, each progress step): a queued or running
    # export silent for longer than the timeout is marked failed (its worker died).
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("report export")
        verbose_name_plural = _("report exports")
        constraints = [
            # One build per state of the report and format at a time (the others wait).
            models.UniqueConstraint(
                fields=["consultation", "format", "state"],
                condition=~models.Q(state="") & ~models.Q(status="failed"),
                name="consultations_one_export_per_state",
            )
        ]

    def __str__(self):
        return f"{self.consultation_id} {self.format} {self.status}"
