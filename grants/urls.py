from django.urls import path

from .views import calls, offers

app_name = "grants"

urlpatterns = [
    path("", offers.my_offers, name="my_offers"),
    path("male-granty/nowa/", offers.start_small_offer, name="start_small_offer"),
    path("nabory/<int:pk>/oferta/", offers.start_call_offer, name="start_call_offer"),
    path("nabory/<int:pk>/warunki/", calls.call_terms, name="call_terms"),
    path("nabory/<int:pk>/publikuj/", calls.call_publish, name="call_publish"),
    path("nabory/<int:pk>/uniewaznij/", calls.call_cancel, name="call_cancel"),
    path("nabory/<int:pk>/oferty/", calls.call_offers, name="call_offers"),
    path("oferty/<int:pk>/", offers.offer_detail, name="offer"),
    path("oferty/<int:pk>/korekta/", offers.offer_correct, name="offer_correct"),
    path("oferty/<int:pk>/oferta.<str:fmt>", offers.offer_download, name="offer_download"),
]
