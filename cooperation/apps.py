from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    name = "cooperation"
    verbose_name = _("Working groups, teams and the council")

    def ready(self):
        from accounts.organisation_sections import register_organisation_section
        from accounts.profile_sections import register_profile_section

        from .sections import bodies_profile_section, organisation_bodies_section

        register_profile_section(bodies_profile_section)
        register_organisation_section(organisation_bodies_section)
