from django.urls import path

from . import views, vote_views

app_name = "budget"

urlpatterns = [
    path("", views.edition_list, name="editions"),
    path("moje-projekty/", views.my_projects, name="my_projects"),
    path("edycja/<int:pk>/", views.edition_detail, name="edition"),
    path("edycja/<int:pk>/zglos/", views.project_new, name="project_new"),
    path("edycja/<int:pk>/wyniki/", vote_views.results, name="results"),
    path("edycja/<int:pk>/wyniki.csv", vote_views.results_csv, name="results_csv"),
    path("edycja/<int:pk>/wyniki.json", vote_views.results_json, name="results_json"),
    path("projekt/<int:pk>/", views.project_detail, name="project"),
    path("projekt/<int:pk>/edytuj/", views.project_edit, name="project_edit"),
    path("projekt/<int:pk>/odwolanie/", views.appeal, name="appeal"),
    path("projekt/<int:pk>/zdjecie/<int:image_pk>/", views.project_image, name="image"),
    path("projekt/<int:pk>/zdjecie/<int:image_pk>/usun/", views.image_remove, name="image_remove"),
    path("poprzyj/<str:token>/", views.support, name="support"),
    path("glosuj/<int:pool_pk>/", vote_views.vote, name="vote"),
    path("pokwitowanie/", vote_views.receipt, name="receipt"),
]
