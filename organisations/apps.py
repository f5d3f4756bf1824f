from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "organisations"
    verbose_name = _("Organisations' own profiles")

    def ready(self):
        from accounts.organisation_sections import register_organisation_section
        from accounts.profile_sections import register_profile_section

        from . import receivers
        from .sections import proposals_profile_section, propose_organisation_section

        receivers.connect()
        register_profile_section(proposals_profile_section)
        register_organisation_section(propose_organisation_section)
