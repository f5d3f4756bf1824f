from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms_pages.blocks import BodyBlock
from cms_pages.listing import FilterForm, with_any

from .choices import DocumentCategory, ProgrammeKind


class ProgrammeIndexPage(Page):
    """Programy współpracy: the annual and multi-annual cooperation programmes."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["cms_pages.HomePage"]
    subpage_types = ["cms_pages.ProgrammePage", "cms_pages.DocumentLibraryPage"]

    class Meta:
        verbose_name = _("index of cooperation programmes")
        verbose_name_plural = _("indexes of cooperation programmes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programmes"] = (
            ProgrammePage.objects.live()
            .public()
            .child_of(self)
            .select_related("document", "resolution")
            .order_by("-year_from", "kind")
        )
        context["libraries"] = DocumentLibraryPage.objects.live().public().child_of(self)
        return context


class ProgrammePage(Page):
    """A programme of cooperation between the city and NGOs (annual or multi-annual)."""

    kind = models.CharField(
        _("kind"), max_length=15, choices=ProgrammeKind.choices, default=ProgrammeKind.ANNUAL
    )
    year_from = models.PositiveSmallIntegerField(_("first year"))
    year_to = models.PositiveSmallIntegerField(
        _("last year"),
        null=True,
        blank=True,
        help_text=_("For a multi-annual programme; leave empty for an annual one."),
    )
    summary = models.TextField(_("summary"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    resolution = models.ForeignKey(
        "cms_pages.ResolutionPage",
        verbose_name=_("adopting resolution"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The council resolution that adopted the programme."),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("programme document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("year_from"), FieldPanel("year_to")]),
            ],
            heading=_("Programme period"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("resolution"),
        FieldPanel("document"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("year_from"),
    ]

    parent_page_types = ["cms_pages.ProgrammeIndexPage"]
    subpage_types: list = []

    class Meta:
        verbose_name = _("cooperation programme")
        verbose_name_plural = _("cooperation programmes")

    def clean(self):
        super().clean()
        if self.kind == ProgrammeKind.ANNUAL:
            self.year_to = None
        elif self.year_to is None or (self.year_from and self.year_to <= self.year_from):
            raise ValidationError(
                {"year_to": _("A multi-annual programme ends in a later year than it starts.")}
            )

    @property
    def period(self) -> str:
        if self.year_to and self.year_to != self.year_from:
            return f"{self.year_from}–{self.year_to}"
        return str(self.year_from)


class DocumentLibraryPage(Page):
    """Biblioteka dokumentów: downloadable files grouped by category, with size and format."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("library_documents", heading=_("Documents"), label=_("Document")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["cms_pages.HomePage", "cms_pages.ProgrammeIndexPage"]
    subpage_types: list = []

    class Meta:
        verbose_name = _("document library")
        verbose_name_plural = _("document libraries")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = LibraryFilterForm(request.GET)
        items = self.library_documents.select_related("document")
        category = form.cleaned_filters().get("category")
        if category:
            items = items.filter(category=category)
        labels = dict(DocumentCategory.choices)
        groups: dict[str, list] = {}
        for item in items:
            groups.setdefault(item.category, []).append(item)
        context["filter_form"] = form
        context["document_groups"] = [
            (key, labels[key], groups[key]) for key in labels if key in groups
        ]
        return context


class LibraryFilterForm(FilterForm):
    category = forms.ChoiceField(
        label=_("Category"), required=False, choices=with_any(DocumentCategory.choices)
    )


class LibraryDocument(Orderable):
    page = ParentalKey(
        DocumentLibraryPage, related_name="library_documents", on_delete=models.CASCADE
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    category = models.CharField(
        _("category"),
        max_length=10,
        choices=DocumentCategory.choices,
        default=DocumentCategory.OTHER,
    )
    description = models.CharField(_("description"), max_length=255, blank=True)

    panels = [FieldPanel("document"), FieldPanel("category"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("library document")
        verbose_name_plural = _("library documents")

    @property
    def file_format(self) -> str:
        return self.document.file_extension.upper()
