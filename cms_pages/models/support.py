from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .choices import Weekday


class ServiceBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Service"))
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "tick"
        label = _("Service")


class SupportCentreIndexPage(Page):
    """Centra Wspierania Organizacji Pozarządowych: where NGOs get help."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["cms_pages.HomePage"]
    subpage_types = ["cms_pages.SupportCentrePage"]

    class Meta:
        verbose_name = _("index of support centres")
        verbose_name_plural = _("indexes of support centres")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["centres"] = (
            SupportCentrePage.objects.live()
            .public()
            .child_of(self)
            .prefetch_related("opening_hours")
            .order_by("path")
        )
        return context


class SupportCentrePage(Page):
    """A support centre: address, opening hours, contact people and services."""

    lead = models.TextField(_("lead"), blank=True)
    street = models.CharField(_("street and number"), max_length=255)
    postal_code = models.CharField(_("postal code"), max_length=6)
    city = models.CharField(_("city"), max_length=100)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    accessibility = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_("Step-free entrance, induction loop, parking for people with disabilities…"),
    )
    services = StreamField([("service", ServiceBlock())], blank=True, verbose_name=_("services"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city")]),
                FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
                FieldPanel("accessibility"),
            ],
            heading=_("Address and contact"),
        ),
        InlinePanel("opening_hours", heading=_("Opening hours"), label=_("Opening hours")),
        InlinePanel("contact_people", heading=_("Contact people"), label=_("Contact person")),
        FieldPanel("services"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("services"),
        index.SearchField("street"),
    ]

    parent_page_types = ["cms_pages.SupportCentreIndexPage"]
    subpage_types: list = []

    class Meta:
        verbose_name = _("support centre")
        verbose_name_plural = _("support centres")

    @property
    def address_line(self) -> str:
        return f"{self.street}, {self.postal_code} {self.city}"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["opening_hours"] = self.opening_hours.all()
        context["contact_people"] = self.contact_people.all()
        return context


class OpeningHours(Orderable):
    page = ParentalKey(SupportCentrePage, related_name="opening_hours", on_delete=models.CASCADE)
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)
    note = models.CharField(
        _("note"), max_length=100, blank=True, help_text=_('e.g. "legal advice only"')
    )

    panels = [
        FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def clean(self):
        super().clean()
        if bool(self.opens) != bool(self.closes):
            raise ValidationError(_("Give both hours, or neither if the centre is closed."))
        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError({"closes": _("Closing time must be after opening time.")})

    @property
    def is_closed(self) -> bool:
        return self.opens is None


class ContactPerson(Orderable):
    page = ParentalKey(SupportCentrePage, related_name="contact_people", on_delete=models.CASCADE)
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("contact person")
        verbose_name_plural = _("contact people")

    def __str__(self):
        return self.name
