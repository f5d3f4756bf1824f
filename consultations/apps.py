from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = _("Consultations")

    def ready(self):
        from cms_pages.window import register_section

        from .sections import open_consultations_section

        register_section(open_consultations_section)

        from accounts.organisation_sections import register_organisation_section

        from .organisation_section import organisation_comments_section

        register_organisation_section(organisation_comments_section)

        from . import receivers

        receivers.connect()

        from .search import register_search

        register_search()

        from . import erasure  # noqa: F401 - registers what account deletion erases

        _connect_page_cache()


def _connect_page_cache():
    """What a cached consultation page shows around the act changes with any page
    (menu, breadcrumbs) or site setting (footer): consultations.caching."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from .caching import bump_on_settings_saved, bump_site_generation

    for name, signal in (
        ("published", page_published),
        ("unpublished", page_unpublished),
        ("moved", post_page_move),
    ):
        signal.connect(bump_site_generation, dispatch_uid=f"consultations_page_{name}")
    post_delete.connect(bump_site_generation, sender=Page, dispatch_uid="consultations_page_del")
    post_save.connect(bump_on_settings_saved, dispatch_uid="consultations_settings_saved")
