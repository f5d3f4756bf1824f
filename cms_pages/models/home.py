from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from cms_pages.window import collect_sections


class HomePage(Page):
    """A municipality's one-stop window: the root of its page tree (the site's root in
    a single-city installation, a child of the regional home page in a region)."""

    lead = models.TextField(
        _("lead"),
        blank=True,
        help_text=_("One or two sentences under the portal's name."),
    )

    content_panels = [*Page.content_panels, FieldPanel("lead")]

    parent_page_types = ["wagtailcore.Page", "municipalities.RegionalHomePage"]
    # A window comes with its municipality, staff group and sections:
    # `manage.py add_municipality` creates it, not the page editor.
    is_creatable = False

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["window_sections"] = collect_sections(self, request)
        return context
