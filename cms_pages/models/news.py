from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from cms_pages.blocks import BodyBlock
from cms_pages.listing import FilterForm, paginate, with_any

from .credits import author_organisation_field

INTRO_FEATURES = ["bold", "italic", "link", "document-link"]
# The rendition used on news cards; prefetched so a list costs no query per image.
CARD_IMAGE_FILTER = "fill-480x270"


def listing_images_with_renditions():
    return models.Prefetch(
        "listing_image",
        queryset=get_image_model().objects.prefetch_renditions(CARD_IMAGE_FILTER),
    )


@register_snippet
class NewsCategory(models.Model):
    """A fixed editorial category of news (e.g. "Grants", "Trainings")."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")

    def __str__(self):
        return self.name


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "cms_pages.NewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class NewsIndexPage(Page):
    """Aktualności: the list of news items, newest first, filterable by year, tag and category."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["cms_pages.HomePage"]
    subpage_types = ["cms_pages.NewsPage"]

    per_page = 10

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def news(self):
        return NewsPage.objects.live().public().child_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = self.news()
        form = NewsFilterForm(request.GET, news=news)
        filters = form.cleaned_filters()
        if "year" in filters:
            news = news.filter(date__year=filters["year"])
        if "tag" in filters:
            news = news.filter(tags__slug=filters["tag"])
        if "category" in filters:
            news = news.filter(category__slug=filters["category"])
        news = (
            news.order_by("-date", "-pk")
            .select_related("category")
            .prefetch_related("tags", listing_images_with_renditions())
        )
        context["filter_form"] = form
        context["page_obj"] = paginate(request, news, self.per_page)
        return context


class NewsFilterForm(FilterForm):
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    tag = forms.ChoiceField(label=_("Tag"), required=False)
    category = forms.ChoiceField(label=_("Category"), required=False)

    def __init__(self, data=None, *, news, **kwargs):
        super().__init__(data, **kwargs)
        years = [d.year for d in news.dates("date", "year", order="DESC")]
        self.fields["year"].choices = with_any([(y, str(y)) for y in years])
        tags = (
            Tag.objects.filter(cms_pages_newspagetag_items__content_object__in=news)
            .distinct()
            .order_by("name")
        )
        self.fields["tag"].choices = with_any([(t.slug, t.name) for t in tags])
        self.fields["category"].choices = with_any(
            [(c.slug, c.name) for c in NewsCategory.objects.all()]
        )


class NewsPage(Page):
    """A news item (aktualność): date, lead, rich body, listing image, tags and attachments."""

    date = models.DateField(_("publication date"), default=timezone.localdate)
    lead = models.TextField(
        _("lead"),
        help_text=_("One or two sentences shown in lists and under the title."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in lists and when the article is shared."),
    )
    listing_image_alt = models.CharField(
        _("alternative text of the image"),
        max_length=250,
        blank=True,
        help_text=_(
            "Describe what the image shows for people who cannot see it. "
            "Leave empty only if the image is purely decorative."
        ),
    )
    category = models.ForeignKey(
        NewsCategory,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news",
    )
    author_organisation = author_organisation_field()
    tags = ClusterTaggableManager(
        through=NewsPageTag,
        blank=True,
        verbose_name=_("tags"),
        help_text=_("Keywords separated by commas, e.g. grants, seniors."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("lead"),
        FieldPanel("author_organisation"),
        MultiFieldPanel(
            [FieldPanel("listing_image"), FieldPanel("listing_image_alt")],
            heading=_("Listing image"),
        ),
        FieldPanel("body"),
        InlinePanel("attachments", heading=_("Attachments"), label=_("Attachment")),
    ]
    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel([FieldPanel("category"), FieldPanel("tags")], heading=_("Categories")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("date"),
    ]

    parent_page_types = ["cms_pages.NewsIndexPage"]
    subpage_types: list = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")

    @property
    def image_alt(self) -> str:
        """Alt text for the listing image: the page's own, else the image's description."""
        if self.listing_image_alt:
            return self.listing_image_alt
        return getattr(self.listing_image, "description", "") or ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["attachments"] = self.attachments.select_related("document")
        return context


class NewsPageAttachment(Orderable):
    page = ParentalKey(NewsPage, related_name="attachments", on_delete=models.CASCADE)
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
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    @property
    def link_text(self) -> str:
        return self.title or self.document.title
