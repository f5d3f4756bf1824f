"""Included at /wspolpraca/ (portal/urls.py)."""

from django.urls import path

from . import views

app_name = "cooperation"

urlpatterns = [
    path("", views.body_list, name="body_list"),
    path("<slug:municipality>/", views.municipality_bodies, name="municipality_bodies"),
    path("<slug:municipality>/<slug:slug>/", views.body_detail, name="body"),
]
