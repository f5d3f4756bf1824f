from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from portal.health import healthz
from portal.views import switch_language

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # Admin log-ins and page passwords behind the log-in lock-out (before their apps' URLs).
    path("", include("accounts.login_urls")),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jezyk/<str:code>/", switch_language, name="switch_language"),
    path("konto/", include("allauth.urls")),
    # /konto/profil/, /konto/usun/ and the NGO directory at /organizacje/.
    path("", include("accounts.urls")),
    path("", include("organisations.urls")),
    path("konsultacje/", include("consultations.urls")),
    path("szukaj/", include("search.urls")),
    path("api/v1/", include("search.api_urls")),
    path("newsletter/", include("newsletters.urls")),
    path("partnerstwa/", include("partnerships.urls")),
    path("zapisy/", include("signups.urls")),
    path("wspolpraca/", include("cooperation.urls")),
    path("dotacje/", include("grants.urls")),
    path("inicjatywa-lokalna/", include("initiatives.urls")),
    path("budzet-obywatelski/", include("budget.urls")),
    path("", include("cms_pages.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots_txt",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page serving must come last: it catches every remaining path.
urlpatterns += [path("", include(wagtail_urls))]

handler404 = "cms_pages.views.page_not_found"
handler500 = "cms_pages.views.server_error"
