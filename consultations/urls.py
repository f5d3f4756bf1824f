from django.urls import path

from .comments import views as comment_views
from .drafts import views as draft_views
from .reports import views as report_views

app_name = "consultations"

urlpatterns = [
    path("<int:page_id>/komentarz/", comment_views.comment_form, name="comment_form"),
    path("komentarze/<int:comment_id>/", comment_views.comment_actions, name="comment_actions"),
    path("komentarze/<int:comment_id>/zglos/", comment_views.flag, name="flag"),
    path(
        "komentarze/<int:comment_id>/<str:reaction>/",
        comment_views.react,
        name="react",
    ),
    # The report, its exports and open data (reports/views.py)
    path("<int:page_id>/raport/", report_views.report, name="report"),
    path("<int:page_id>/raport.<str:fmt>", report_views.report_download, name="report_download"),
    path("<int:page_id>/raport/eksport/", report_views.export_start, name="export_start"),
    path(
        "<int:page_id>/raport/eksport/<int:export_id>/",
        report_views.export_status,
        name="export_status",
    ),
    path(
        "<int:page_id>/raport/eksport/<int:export_id>/plik/",
        report_views.export_file,
        name="export_file",
    ),
    path("<int:page_id>/zmiany/", draft_views.version_diff, name="version_diff"),
    path(
        "<int:page_id>/projekt/<int:version_id>/",
        draft_views.draft_file,
        name="draft_file",
    ),
    path("<int:page_id>/dane.json", report_views.open_data_json, name="open_data_json"),
    path(
        "<int:page_id>/dane.csv", report_views.open_data_comments_csv, name="open_data_comments_csv"
    ),
    path(
        "<int:page_id>/przepisy.csv",
        report_views.open_data_clauses_csv,
        name="open_data_clauses_csv",
    ),
]
