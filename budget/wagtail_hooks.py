"""The officials' budget screens in the Wagtail admin (URLs and menu)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views, permissions

admin_urlpatterns = [
    path("", admin_views.EditionListView.as_view(), name="index"),
    path("edition/add/", admin_views.EditionEditView.as_view(), name="edition_add"),
    path("edition/<int:pk>/", admin_views.EditionEditView.as_view(), name="edition_edit"),
    path("edition/<int:pk>/projects/", admin_views.ProjectListView.as_view(), name="projects"),
    path("edition/<int:pk>/paper/", admin_views.PaperBallotView.as_view(), name="paper"),
    path(
        "edition/<int:pk>/paper/<int:pool_pk>/",
        admin_views.PaperBallotView.as_view(),
        name="paper_pool",
    ),
    path("edition/<int:pk>/results/", admin_views.ResultsView.as_view(), name="results"),
    path("project/<int:pk>/verify/", admin_views.VerifyView.as_view(), name="verify"),
    path("project/<int:pk>/appeal/", admin_views.AppealView.as_view(), name="appeal"),
    path("project/<int:pk>/supports/", admin_views.SupportsView.as_view(), name="supports"),
    path(
        "project/<int:pk>/implementation/",
        admin_views.ImplementationView.as_view(),
        name="implementation",
    ),
]


@hooks.register("register_admin_urls")
def register_budget_admin_urls():
    return [path("budget/", include((admin_urlpatterns, "budget_admin")))]


class OfficialsMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_manage(request.user)


@hooks.register("register_admin_menu_item")
def register_budget_menu_item():
    return OfficialsMenuItem(
        _("Participatory budget"),
        reverse("budget_admin:index"),
        icon_name="table",
        order=260,
        name="budget",
    )
