from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from accounts.models import PublicBenefitArea
from cms_pages.blocks import BodyBlock
from cms_pages.formatting import format_pln
from cms_pages.listing import paginate
from cms_pages.permissions import OfficialsOnlyPage

from .choices import CallStatus

ACCEPTING_STATUSES = (CallStatus.ANNOUNCED, CallStatus.OPEN)


class CallQuerySet(PageQuerySet):
    def accepting_offers(self, now=None):
        """Calls whose deadline is still ahead and that were not closed by an official."""
        now = now or timezone.now()
        return self.filter(status__in=ACCEPTING_STATUSES, offer_deadline__gt=now)

    def archived(self, now=None):
        now = now or timezone.now()
        return self.exclude(Q(status__in=ACCEPTING_STATUSES) & Q(offer_deadline__gt=now))


CallManager = PageManager.from_queryset(CallQuerySet)


class CallIndexPage(OfficialsOnlyPage, Page):
    """Otwarte konkursy ofert: calls accepting offers first, then the archive."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["cms_pages.HomePage"]
    subpage_types = ["cms_pages.CallForProposalsPage"]

    per_page = 10

    class Meta:
        verbose_name = _("index of calls for proposals")
        verbose_name_plural = _("indexes of calls for proposals")

    def calls(self):
        return CallForProposalsPage.objects.live().public().child_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        context["now"] = now
        context["open_calls"] = list(self.calls().accepting_offers(now).order_by("offer_deadline"))
        archived = self.calls().archived(now).order_by("-offer_deadline", "-pk")
        context["page_obj"] = paginate(request, archived, self.per_page)
        return context


class CallForProposalsPage(OfficialsOnlyPage, Page):
    """An open call for proposals (art. 13 of the public benefit act)."""

    task_area = models.CharField(
        _("public task area"), max_length=20, choices=PublicBenefitArea.choices
    )
    lead = models.TextField(
        _("public task"), help_text=_("The task to be carried out, in one or two sentences.")
    )
    total_amount = models.DecimalField(
        _("total amount (PLN)"),
        max_digits=12,
        decimal_places=2,
        help_text=_("Funds allocated to the task, in złoty, e.g. 1250000.00."),
    )
    offer_deadline = models.DateTimeField(
        _("deadline for offers"),
        help_text=_("Date and time in Polish time (Europe/Warsaw)."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=CallStatus.choices, default=CallStatus.ANNOUNCED
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("terms of the call"))
    results = RichTextField(
        _("results"),
        blank=True,
        features=["bold", "italic", "ol", "ul", "link", "document-link"],
        help_text=_("Fill in when the call is resolved: organisations and amounts awarded."),
    )
    results_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("results document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = CallManager()

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("task_area"),
                FieldPanel("lead"),
                FieldRowPanel([FieldPanel("total_amount"), FieldPanel("offer_deadline")]),
                FieldPanel("status"),
            ],
            heading=_("The call"),
        ),
        FieldPanel("body"),
        InlinePanel("documents", heading=_("Documents of the call"), label=_("Document")),
        MultiFieldPanel(
            [FieldPanel("results"), FieldPanel("results_document")], heading=_("Results")
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("results"),
        index.FilterField("status"),
        index.FilterField("offer_deadline"),
    ]

    parent_page_types = ["cms_pages.CallIndexPage"]
    subpage_types: list = []

    class Meta:
        verbose_name = _("call for proposals")
        verbose_name_plural = _("calls for proposals")

    def accepts_offers(self, now=None) -> bool:
        now = now or timezone.now()
        return self.status in ACCEPTING_STATUSES and self.offer_deadline > now

    @property
    def is_accepting_offers(self) -> bool:
        return self.accepts_offers()

    def display_status(self, now=None) -> tuple[str, str]:
        """(css modifier, label): an "open" call past its deadline shows as closed for offers."""
        if self.accepts_offers(now):
            return "open", str(self.get_status_display())
        if self.status in ACCEPTING_STATUSES:
            return "closed", str(_("Closed for offers"))
        if self.status == CallStatus.CANCELLED:
            return "warn", str(self.get_status_display())
        return "closed", str(self.get_status_display())

    @property
    def status_badge(self) -> tuple[str, str]:
        return self.display_status()

    @property
    def amount_display(self) -> str:
        return format_pln(self.total_amount)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["documents"] = self.documents.select_related("document")
        return context


class CallDocument(Orderable):
    page = ParentalKey(CallForProposalsPage, related_name="documents", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        _("link text"),
        max_length=255,
        blank=True,
        help_text=_("Leave empty to use the document's title."),
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("document of the call")
        verbose_name_plural = _("documents of the call")

    @property
    def link_text(self) -> str:
        return self.title or self.document.title
