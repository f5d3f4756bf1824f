"""The portal's URLs plus a yardstick: the smallest Django view, through the same
middleware stack, to compare the consultation page against."""

from django.http import HttpResponse
from django.urls import include, path


def yardstick(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("bench/yardstick/", yardstick, name="bench_yardstick"),
    path("", include("portal.urls")),
]
