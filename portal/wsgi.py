import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

application = get_wsgi_application()


def _warm_up_search() -> None:
    # Also runs under `manage.py runserver`, which loads this module.
    from django.db import connection

    if connection.vendor == "sqlite":
        from search.polish import warm_up_in_background

        warm_up_in_background()


_warm_up_search()
