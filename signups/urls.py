"""Event sign-up and advice booking, under /zapisy/."""

from django.urls import path

from .views import advice, events

app_name = "signups"

urlpatterns = [
    path("wydarzenie/<int:pk>/", events.event_signup, name="event"),
    path("wydarzenie/<int:pk>/uczestnicy/", events.participants, name="participants"),
    path(
        "wydarzenie/<int:pk>/uczestnicy.<str:fmt>",
        events.participants_file,
        name="participants_file",
    ),
    path("potwierdz/<str:token>/", events.confirm, name="confirm"),
    path("anuluj/<str:token>/", events.cancel, name="cancel"),
    path("porady/kalendarz/", advice.advice_calendar, name="advice_calendar"),
    path("porady/moje/", advice.advice_mine, name="advice_mine"),
    path("porady/rezerwacje/<int:pk>/", advice.advice_decide, name="advice_decide"),
    path("porady/<int:pk>/", advice.advice_request, name="advice_request"),
]
