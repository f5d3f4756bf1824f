from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewslettersConfig(AppConfig):
    name = "newsletters"
    verbose_name = _("Newsletters")

    def ready(self):
        from wagtail.signals import page_published

        from cms_pages.window import register_section

        from . import alerts, erasure, views  # noqa: F401 - erasure registers its eraser

        page_published.connect(alerts.on_page_published, dispatch_uid="newsletters_alerts")
        register_section(views.signup_section)
        try:
            from accounts.profile_sections import register_profile_section
        except ImportError:  # the profile sections hook is not there (yet)
            pass
        else:
            register_profile_section(views.profile_section)
