"""The consultation pages: the index under the home page and one page per consultation."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from cms_pages.permissions import OfficialsOnlyPage

from ..querysets import ConsultationManager


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
        from ..views import index_context

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

    def days_left_at(self, moment) -> int | None:
        """Whole days until comments close, while the consultation is open."""
        if self.phase_at(moment) != Phase.OPEN:
            return None
        return max((self.end_at - moment).days, 0)

    @property
    def state_stamps(self) -> tuple:
        """What changes the files made from the consultation (report files, open data):
        the comments stamp (every comment, response, moderation and published version),
        the report's publication and the page's last publication."""
        return (self.comments_changed_at, self.report_published_at, self.last_published_at)

    def get_context(self, request, *args, **kwargs):
        from ..views import page_context

        return page_context(self, request, super().get_context(request, *args, **kwargs))

    def serve(self, request, *args, **kwargs):
        from ..caching import serve_cached

        return serve_cached(
            self, request, lambda: super(ConsultationPage, self).serve(request, *args, **kwargs)
        )
