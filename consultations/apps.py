from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = _("Consultations")

    def ready(self):
        from accounts.organisation_sections import register_organisation_section
        from cms_pages.window import register_section

        from . import receivers
        from .search import register_search
        from .sections import open_consultations_section, organisation_comments_section

        register_section(open_consultations_section)
        register_organisation_section(organisation_comments_section)
        register_search()
        receivers.connect()
