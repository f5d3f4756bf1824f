from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class ComplianceStatus(models.TextChoices):
    FULL = "full", _("fully compliant")
    PARTIAL = "partial", _("partially compliant")
    NONE = "none", _("not compliant")


class AccessibilityStatementPage(Page):
    """Deklaracja dostępności: the fields the 2024 technical rules ask for.

    The template prints them under the fixed headings with the `a11y-*` element ids
    (municipalities/accessibility_rules.py holds the list, as data).
    """

    entity_name = models.CharField(
        _("entity"), max_length=200, help_text=_("The public entity, e.g. Urząd Gminy Lipno.")
    )
    website_name = models.CharField(
        _("website name"), max_length=200, help_text=_("The name of the site this covers.")
    )
    published_on = models.DateField(_("website published on"))
    updated_on = models.DateField(_("last major update of the website"))
    status = models.CharField(
        _("compliance status"),
        max_length=10,
        choices=ComplianceStatus.choices,
        default=ComplianceStatus.PARTIAL,
    )
    inaccessible_content = RichTextField(
        _("inaccessible content"),
        blank=True,
        features=TEXT_FEATURES,
        help_text=_("What is not accessible, why, and the accessible alternative."),
    )
    prepared_on = models.DateField(_("statement prepared on"))
    reviewed_on = models.DateField(_("statement last reviewed on"), null=True, blank=True)
    assessment = models.CharField(
        _("assessment made by"),
        max_length=200,
        blank=True,
        help_text=_("E.g. self-assessment by the entity, or the external auditor's name."),
    )
    contact_person = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    procedure = RichTextField(
        _("requests and complaints procedure"), blank=True, features=TEXT_FEATURES
    )
    architecture = RichTextField(
        _("architectural accessibility"), blank=True, features=TEXT_FEATURES
    )
    architecture_url = models.URLField(
        _("architectural accessibility: link"),
        blank=True,
        help_text=_("Where the office publishes it separately, if it does."),
    )
    communication = RichTextField(
        _("communication and information accessibility"), blank=True, features=TEXT_FEATURES
    )
    mobile_apps = RichTextField(_("mobile applications"), blank=True, features=TEXT_FEATURES)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("entity_name"), FieldPanel("website_name")]),
                FieldRowPanel([FieldPanel("published_on"), FieldPanel("updated_on")]),
            ],
            heading=_("Introduction"),
        ),
        FieldPanel("status"),
        FieldPanel("inaccessible_content"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("prepared_on"), FieldPanel("reviewed_on")]),
                FieldPanel("assessment"),
            ],
            heading=_("Preparation of the statement"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_person"),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
            ],
            heading=_("Feedback and contact"),
        ),
        FieldPanel("procedure"),
        MultiFieldPanel(
            [
                FieldPanel("architecture"),
                FieldPanel("architecture_url"),
                FieldPanel("communication"),
                FieldPanel("mobile_apps"),
            ],
            heading=_("Other information"),
        ),
    ]

    parent_page_types = ["cms_pages.HomePage", "municipalities.RegionalHomePage"]
    subpage_types: list = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")

    def get_context(self, request, *args, **kwargs):
        from municipalities.accessibility_rules import HEADINGS, IDS, STATUS_SENTENCES

        context = super().get_context(request, *args, **kwargs)
        parent = self.get_parent()
        context.update(
            {
                "headings": HEADINGS,
                "ids": IDS,
                "status_sentence": STATUS_SENTENCES[self.status],
                "website_url": parent.get_full_url(request) if parent else "",
            }
        )
        return context
