from django.urls import path

from .views import applicant, official, public

app_name = "initiatives"

urlpatterns = [
    path("", public.index, name="index"),
    path("moje/", applicant.my_applications, name="my_applications"),
    path("urzad/<slug:slug>/", official.official_list, name="official_list"),
    path("urzad/<slug:slug>/ustawienia/", official.setup, name="setup"),
    path("zdjecia/<int:photo_id>/", public.photo, name="photo"),
    path("wnioski/<int:pk>/", applicant.application, name="application"),
    path("wnioski/<int:pk>/edycja/", applicant.edit_application, name="edit"),
    path("wnioski/<int:pk>/zalaczniki/", applicant.add_attachment, name="add_attachment"),
    path(
        "wnioski/<int:pk>/zalaczniki/<int:attachment_id>/",
        applicant.attachment,
        name="attachment",
    ),
    path("wnioski/<int:pk>/rezultaty/", applicant.report_result, name="report_result"),
    path("wnioski/<int:pk>/ocena/", official.evaluate, name="evaluate"),
    path("wnioski/<int:pk>/umowa/", official.agreement, name="agreement"),
    path("wnioski/<int:pk>/umowa.<str:fmt>", official.agreement_file, name="agreement_file"),
    path("wnioski/<int:pk>/rezultaty/przyjmij/", official.accept_result, name="accept_result"),
    path("<slug:slug>/", public.municipality_list, name="municipality"),
    path("<slug:slug>/nowy-wniosek/", applicant.new_application, name="new"),
    path("<slug:slug>/<int:pk>/", public.detail, name="detail"),
]
