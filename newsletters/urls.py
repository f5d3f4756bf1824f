from django.urls import path

from . import views

app_name = "newsletters"

urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("sprawdz-skrzynke/", views.check_inbox, name="check_inbox"),
    path("potwierdz/<str:token>/", views.confirm, name="confirm"),
    path("ustawienia/<str:token>/", views.preferences, name="preferences"),
    path("wypisz/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("ustawienia/<str:token>/eksport/", views.export_request, name="export_request"),
    path("eksport/<str:token>/", views.export, name="export"),
    path("usun/<str:token>/", views.erase, name="erase"),
    path("archiwum/", views.archive, name="archive"),
    path("archiwum/<int:pk>/", views.archive_detail, name="archive_detail"),
    path("moje/", views.profile_subscriptions, name="profile"),
]
