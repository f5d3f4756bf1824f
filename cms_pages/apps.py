from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsPagesConfig(AppConfig):
    name = "cms_pages"
    verbose_name = _("Portal pages")

    def ready(self):
        from cms_pages import sections
        from cms_pages.window import register_section

        for provider in sections.PROVIDERS:
            register_section(provider)

        # Every CSV/XLSX download of the Wagtail admin (reports, form submissions,
        # redirects, listings with list_export) is written formula-safe.
        from portal.admin_exports import guard_admin_exports

        guard_admin_exports()
