"""Included at the site root (portal/urls.py), under the directory's /organizacje/."""

from django.urls import path

from . import views

app_name = "ngo"

urlpatterns = [
    path("organizacje/<slug:slug>/profil/", views.profile_edit, name="profile_edit"),
]
