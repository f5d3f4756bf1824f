"""Included at the site root (portal/urls.py), under the directory's /organizacje/ and
the account's /konto/."""

from django.urls import path

from . import proposal_views, views
from .models import Proposal

app_name = "ngo"

urlpatterns = [
    path("organizacje/<slug:slug>/profil/", views.profile_edit, name="profile_edit"),
    path(
        "organizacje/<slug:slug>/propozycje/aktualnosc/",
        proposal_views.propose,
        {"kind": Proposal.Kind.NEWS},
        name="propose_news",
    ),
    path(
        "organizacje/<slug:slug>/propozycje/wydarzenie/",
        proposal_views.propose,
        {"kind": Proposal.Kind.EVENT},
        name="propose_event",
    ),
    path("konto/propozycje/", proposal_views.my_proposals, name="my_proposals"),
]
