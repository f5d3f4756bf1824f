from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignupsConfig(AppConfig):
    name = "signups"
    verbose_name = _("Event sign-up and advice booking")

    def ready(self):
        from . import erasure  # noqa: F401 - registers what account deletion erases
