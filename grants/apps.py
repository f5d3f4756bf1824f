from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrantsConfig(AppConfig):
    name = "grants"
    verbose_name = _("Grants")

    def ready(self):
        from accounts.organisation_sections import register_organisation_section

        from .organisation_section import organisation_grants_section

        register_organisation_section(organisation_grants_section)

        from consultations.subjects import register_describer

        from .subject import describe_small_grant

        register_describer(describe_small_grant)
