from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = _("Consultations")

    def ready(self):
        from cms_pages.window import register_section

        from .sections import open_consultations_section

        register_section(open_consultations_section)

        from . import receivers

        receivers.connect()

        from .search import register_search  # clauses, comments, report rows (helper R)

        register_search()
