"""Included at /wspolpraca/ (portal/urls.py)."""

from django.urls import path

from . import meeting_views, proposal_views, views

app_name = "cooperation"

urlpatterns = [
    path("", views.body_list, name="body_list"),
    path("posiedzenia/<int:pk>/", meeting_views.meeting_detail, name="meeting"),
    path("posiedzenia/<int:pk>.ics", meeting_views.meeting_ics, name="meeting_ics"),
    path("posiedzenia/<int:pk>/protokol/", meeting_views.minutes_edit, name="minutes"),
    path("uchwaly/<int:pk>/", views.resolution_detail, name="resolution"),
    path("wnioski/<int:pk>/", proposal_views.proposal_detail, name="proposal"),
    path("<slug:municipality>/", views.municipality_bodies, name="municipality_bodies"),
    path("<slug:municipality>/<slug:slug>/", views.body_detail, name="body"),
    path(
        "<slug:municipality>/<slug:slug>/wnioski/nowy/",
        proposal_views.proposal_new,
        name="proposal_new",
    ),
]
