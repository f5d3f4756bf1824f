"""The other log-in doors, each behind the lock-out of accounts.login_limits.

Included first in portal/urls.py, so these paths answer before the Wagtail and Django
admin URL sets and Wagtail's page serving define the same paths.
"""

from django.contrib import admin
from django.urls import path
from wagtail import views as wagtail_views
from wagtail.admin.views.account import LoginView as WagtailLoginView
from wagtail.documents.views import serve as document_views

from .login_limits import guard_login, guard_password_form

urlpatterns = [
    path(
        "admin/login/", guard_login(WagtailLoginView.as_view()), name="guarded_wagtailadmin_login"
    ),
    path("django-admin/login/", guard_login(admin.site.login), name="guarded_admin_login"),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        guard_password_form(
            wagtail_views.authenticate_with_password,
            restriction_kwarg="page_view_restriction_id",
            scope="page",
        ),
        name="guarded_page_password",
    ),
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        guard_password_form(
            document_views.authenticate_with_password,
            restriction_kwarg="restriction_id",
            scope="collection",
        ),
        name="guarded_collection_password",
    ),
]
