from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    name = "partnerships"
    verbose_name = _("Partnership board")

    def ready(self):
        from accounts.organisation_sections import register_organisation_section

        from .sections import organisation_posts_section

        register_organisation_section(organisation_posts_section)
