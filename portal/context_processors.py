from django.conf import settings


def portal(request):
    """Values every template needs: the site's public base URL and name."""
    return {"BASE_URL": settings.BASE_URL, "SITE_NAME": settings.WAGTAIL_SITE_NAME}
