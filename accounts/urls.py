"""Included at the site root (portal/urls.py): the profile under /konto/, the NGO
directory under /organizacje/. allauth's own pages are under /konto/ as well."""

from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("konto/profil/", views.profile, name="profile"),
    path("konto/usun/", views.delete_account, name="delete_account"),
    path(
        "konto/czlonkostwo/<int:pk>/wycofaj/",
        views.membership_withdraw,
        name="membership_withdraw",
    ),
    path("organizacje/", views.organisation_list, name="organisation_list"),
    path("organizacje/zglos/", views.organisation_register, name="organisation_register"),
    path("organizacje/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path(
        "organizacje/<slug:slug>/reprezentuj/",
        views.membership_request,
        name="membership_request",
    ),
]
