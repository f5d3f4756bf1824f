"""The partnership board, under /partnerstwa/."""

from django.urls import path

from . import views

app_name = "partnerships"

urlpatterns = [
    path("", views.post_list, name="list"),
    path("nowe/", views.post_create, name="create"),
    path("moje/", views.my_posts, name="mine"),
    path("moderacja/", views.moderation_queue, name="moderation"),
    path("moderacja/<int:pk>/", views.moderation_decide, name="decide"),
    path("<int:pk>/", views.post_detail, name="detail"),
    path("<int:pk>/odpowiedz/", views.post_answer, name="answer"),
    path("<int:pk>/zrealizowane/", views.post_fulfilled, name="fulfilled"),
    path("<int:pk>/zglos/", views.post_report, name="report"),
]
