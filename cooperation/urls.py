"""Included at /wspolpraca/ (portal/urls.py)."""

from django.urls import path

from . import election_views, meeting_views, proposal_views, views

app_name = "cooperation"

urlpatterns = [
    path("", views.body_list, name="body_list"),
    path("posiedzenia/<int:pk>/", meeting_views.meeting_detail, name="meeting"),
    path("posiedzenia/<int:pk>.ics", meeting_views.meeting_ics, name="meeting_ics"),
    path("posiedzenia/<int:pk>/protokol/", meeting_views.minutes_edit, name="minutes"),
    path("uchwaly/<int:pk>/", views.resolution_detail, name="resolution"),
    path("wnioski/<int:pk>/", proposal_views.proposal_detail, name="proposal"),
    path("nabory/<int:pk>/", election_views.call_detail, name="call"),
    path("nabory/<int:pk>/zglos/", election_views.nominate, name="nominate"),
    path("nabory/<int:pk>/glosuj/", election_views.vote, name="vote"),
    path("nabory/<int:pk>/wyniki/", election_views.publish_results, name="publish_results"),
    path("<slug:municipality>/", views.municipality_bodies, name="municipality_bodies"),
    path("<slug:municipality>/<slug:slug>/", views.body_detail, name="body"),
    path(
        "<slug:municipality>/<slug:slug>/wnioski/nowy/",
        proposal_views.proposal_new,
        name="proposal_new",
    ),
]
