"""Newsletter data: topics, subscribers with their consent trail, issues, alerts, deliveries.

Models hold data and pure derived state; every verb lives in services.py.
"""

import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.models import Orderable, PreviewableMixin

from .querysets import DeliveryQuerySet, IssueQuerySet, SubscriberQuerySet, TopicQuerySet


class Topic(models.Model):
    """Something a subscriber can follow: a kind of content or a public-benefit area.

    A topic belongs to a municipality, or to none: then it is a regional topic of the
    portal's operator. Slugs are unique per municipality; alerts find their topics by
    slug (see alerts.ALERT_TYPES), so "calls" of every municipality hears of its calls.
    """

    class Kind(models.TextChoices):
        CONTENT = "content", _("Kind of content")
        AREA = "area", _("Public benefit area")

    municipality = models.ForeignKey(
        "municipalities.Municipality",
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="newsletter_topics",
        help_text=_("Empty: a regional topic of the portal's operator."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=64,
        help_text=_(
            "Alerts go to the topics named consultations, consultation-reports, calls, "
            "events and area-<code>."
        ),
    )
    name = models.CharField(_("name"), max_length=120)
    description = models.CharField(_("description"), max_length=255, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.CONTENT)
    # Code from accounts.models.PublicBenefitArea for area topics.
    area = models.CharField(_("public benefit area"), max_length=20, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100)
    is_active = models.BooleanField(_("offered on the sign-up form"), default=True)

    objects = TopicQuerySet.as_manager()

    panels = [
        FieldPanel("municipality"),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("kind"),
        FieldPanel("area"),
        FieldPanel("sort_order"),
        FieldPanel("is_active"),
    ]

    class Meta:
        ordering = ["kind", "sort_order", "name"]
        verbose_name = _("newsletter topic")
        verbose_name_plural = _("newsletter topics")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "slug"],
                name="newsletters_topic_slug_per_municipality",
                violation_error_message=_("The municipality already has a topic with this slug."),
            ),
            # NULLs are distinct in a unique index: regional topics need their own.
            models.UniqueConstraint(
                fields=["slug"],
                condition=models.Q(municipality__isnull=True),
                name="newsletters_topic_slug_regional",
                violation_error_message=_("There already is a regional topic with this slug."),
            ),
        ]

    def __str__(self):
        return self.label

    @property
    def key(self) -> str:
        """Names the topic in forms, links and consent records: the slug, after the
        municipality's path and a colon unless regional ("lipowa-dolina:calls")."""
        if self.municipality_id is None:
            return self.slug
        return f"{self.municipality.slug}:{self.slug}"

    @property
    def label(self) -> str:
        """The name with its municipality, for lists that mix municipalities."""
        if self.municipality_id is None:
            return self.name
        return f"{self.name} ({self.municipality.name})"


class Subscriber(models.Model):
    """An e-mail address on the list. Nothing is sent until its owner confirms it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("awaiting confirmation")
        CONFIRMED = "confirmed", _("confirmed")
        UNSUBSCRIBED = "unsubscribed", _("unsubscribed")
        UNDELIVERABLE = "undeliverable", _("undeliverable")

    email = models.EmailField(_("e-mail"), max_length=254, unique=True)
    # Tokens in links carry this random key, never the primary key or the address.
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    topics = models.ManyToManyField(Topic, related_name="subscribers", blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="newsletter_subscriber",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    undeliverable_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=255, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["email"]
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")

    def __str__(self):
        return self.email

    @property
    def is_confirmed(self) -> bool:
        return self.status == self.Status.CONFIRMED


class ConsentRecord(models.Model):
    """What the subscriber agreed to or withdrew, when, where, and the exact text shown."""

    class Action(models.TextChoices):
        REQUESTED = "requested", _("sign-up requested")
        CONFIRMED = "confirmed", _("confirmed")
        CHANGED = "changed", _("topics changed")
        WITHDRAWN = "withdrawn", _("withdrawn")

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="consent_records"
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)
    text = models.TextField(_("text shown"), blank=True)
    source = models.CharField(_("form or channel"), max_length=40)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    topics = models.JSONField(_("topics"), default=list, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")

    def __str__(self):
        return f"{self.subscriber_id} {self.action} {self.created_at:%Y-%m-%d %H:%M}"


class MailingStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SCHEDULED = "scheduled", _("scheduled")
    SENDING = "sending", _("sending")
    SENT = "sent", _("sent")
    CANCELLED = "cancelled", _("cancelled")


class Issue(PreviewableMixin, ClusterableModel):
    """A newsletter issue an editor composes from recent content and sends to topic subscribers."""

    Status = MailingStatus

    municipality = models.ForeignKey(
        "municipalities.Municipality",
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="newsletter_issues",
        help_text=_("Whose issue it is. Empty: a regional issue of the portal's operator."),
    )
    subject = models.CharField(_("subject"), max_length=150)
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Plain text; separate paragraphs with an empty line."),
    )
    topics = ParentalManyToManyField(
        Topic,
        blank=True,
        related_name="issues",
        verbose_name=_("audience"),
        help_text=_(
            "Subscribers of any chosen topic receive it. None chosen: every subscriber of "
            "the municipality's topics (of a regional issue: every subscriber)."
        ),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=MailingStatus.choices, default=MailingStatus.DRAFT
    )
    scheduled_at = models.DateTimeField(_("scheduled for"), null=True, blank=True)
    sending_started_at = models.DateTimeField(null=True, blank=True)
    recipients_prepared_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = IssueQuerySet.as_manager()

    panels = [
        HelpPanel(
            content=_(
                "Save the issue, then use “Prepare and send” in the issue list to add suggested "
                "content, send a test to yourself, and send or schedule it."
            )
        ),
        FieldPanel("municipality"),
        FieldPanel("subject"),
        FieldPanel("intro"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        InlinePanel("items", label=_("Items"), heading=_("Items")),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")
        permissions = [("send_issue", "Can send newsletter issues")]

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("newsletters:archive_detail", kwargs={"pk": self.pk})

    @property
    def is_editable(self) -> bool:
        return self.status in (MailingStatus.DRAFT, MailingStatus.SCHEDULED)

    @property
    def intro_paragraphs(self) -> list[str]:
        return [p.strip() for p in self.intro.replace("\r\n", "\n").split("\n\n") if p.strip()]

    # Wagtail preview: the e-mail as a subscriber sees it, HTML or plain text.
    preview_modes = [("html", _("E-mail (HTML)")), ("text", _("E-mail (plain text)"))]

    def serve_preview(self, request, mode_name):
        from .emails import preview_response

        return preview_response(self, mode_name)


def is_public_page(page) -> bool:
    """Live and without a view restriction (password, login, groups) on it or above it."""
    return page.live and not page.get_view_restrictions().exists()


class IssueItem(Orderable):
    """One piece of content in an issue: a page, optionally with its own title and summary."""

    issue = ParentalKey(Issue, on_delete=models.CASCADE, related_name="items")
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("page"),
    )
    title = models.CharField(
        _("title"), max_length=200, blank=True, help_text=_("Leave empty to use the page title.")
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("Leave empty to use the page's search description."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    image_alt = models.CharField(
        _("image description (alt text)"),
        max_length=255,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it."),
    )

    panels = [
        PageChooserPanel("page"),
        FieldPanel("title"),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("issue item")
        verbose_name_plural = _("issue items")

    def __str__(self):
        return self.display_title

    def clean(self):
        super().clean()
        if self.page_id and not is_public_page(self.page):
            raise ValidationError(
                {"page": _("Only published pages that everyone may read can go into a newsletter.")}
            )

    @property
    def is_public(self) -> bool:
        """The page is published and not private: its link works for every subscriber."""
        return not self.page_id or (self.page is not None and is_public_page(self.page))

    @property
    def display_title(self) -> str:
        if self.title:
            return self.title
        return self.page.title if self.page_id and self.page else ""

    @property
    def display_summary(self) -> str:
        if self.summary:
            return self.summary
        return self.page.search_description if self.page_id and self.page else ""

    @property
    def alt_text(self) -> str:
        if not self.image_id:
            return ""
        return self.image_alt or self.image.description or self.image.title


class AlertLog(models.Model):
    """One automatic alert about one page. The unique (kind, page_id) makes it exactly once."""

    class Kind(models.TextChoices):
        OPENED = "opened", _("opened")
        CLOSING = "closing", _("closing soon")
        REPORT = "report", _("report published")
        ANNOUNCED = "announced", _("announced")

    Status = MailingStatus

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    # A plain integer, not a foreign key: the log must outlive a deleted page.
    page_id = models.PositiveIntegerField(_("page ID"))
    model_label = models.CharField(max_length=100)
    topics = models.ManyToManyField(Topic, related_name="alerts", blank=True)
    subject = models.CharField(_("subject"), max_length=200)
    title = models.CharField(_("title"), max_length=255)
    url = models.URLField(_("address"), max_length=500)
    summary = models.TextField(_("summary"), blank=True)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MailingStatus.choices, default=MailingStatus.SENDING
    )
    recipients_prepared_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        constraints = [
            models.UniqueConstraint(fields=["kind", "page_id"], name="newsletters_alert_once"),
        ]

    def __str__(self):
        return self.subject


class Delivery(models.Model):
    """One message of one mailing (an issue or an alert) to one subscriber.

    The unique constraints are what make a resumed send skip nobody and repeat nobody:
    rows are created once per recipient, then claimed, sent and marked one by one.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting")
        SENDING = "sending", _("being sent")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")
        SKIPPED = "skipped", _("skipped")

    issue = models.ForeignKey(
        Issue, null=True, blank=True, on_delete=models.CASCADE, related_name="deliveries"
    )
    alert = models.ForeignKey(
        AlertLog, null=True, blank=True, on_delete=models.CASCADE, related_name="deliveries"
    )
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=255, blank=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscriber"], name="newsletters_delivery_once_per_issue"
            ),
            models.UniqueConstraint(
                fields=["alert", "subscriber"], name="newsletters_delivery_once_per_alert"
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(issue__isnull=False, alert__isnull=True)
                    | models.Q(issue__isnull=True, alert__isnull=False)
                ),
                name="newsletters_delivery_one_mailing",
            ),
        ]
        indexes = [
            models.Index(fields=["issue", "status"], name="newsletters_delivery_issue"),
            models.Index(fields=["alert", "status"], name="newsletters_delivery_alert"),
        ]

    def __str__(self):
        return f"{self.subscriber_id} ({self.status})"
