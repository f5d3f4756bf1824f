from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class RegionalHomePage(Page):
    """The regional operator's home page: the root above the municipalities' windows.

    Each municipality's home page is a child, so it answers at /<path>/ under the
    operator's address (and on its own host name where it has one).
    """

    lead = models.TextField(
        _("lead"), blank=True, help_text=_("One or two sentences under the portal's name.")
    )

    content_panels = [*Page.content_panels, FieldPanel("lead")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms_pages.HomePage",
        "cms_pages.StandardPage",
        "municipalities.AccessibilityStatementPage",
    ]
    max_count = 1
    is_creatable = False  # made with the regional operator by `manage.py add_municipality`

    class Meta:
        verbose_name = _("regional home page")
        verbose_name_plural = _("regional home pages")

    def get_context(self, request, *args, **kwargs):
        from municipalities.regional import regional_listing

        context = super().get_context(request, *args, **kwargs)
        context.update(regional_listing(self, request))
        return context
