from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "portal_search"
    verbose_name = _("Search")

    def ready(self):
        from .adapters import register_builtin_adapters
        from .signals import connect

        register_builtin_adapters()
        connect()

        from . import erasure  # noqa: F401 - registers what account deletion erases
