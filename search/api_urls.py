"""Mounted at /api/v1/ by portal/urls.py."""

from django.urls import path

from . import views

app_name = "search_api"

urlpatterns = [path("search", views.api_search, name="search")]
