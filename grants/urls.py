from django.urls import path

from .views import agreements, calls, corrections, evaluation, offers, reports, results, small

app_name = "grants"

urlpatterns = [
    path("", offers.my_offers, name="my_offers"),
    path("male-granty/nowa/", offers.start_small_offer, name="start_small_offer"),
    path("nabory/<int:pk>/oferta/", offers.start_call_offer, name="start_call_offer"),
    path("nabory/<int:pk>/warunki/", calls.call_terms, name="call_terms"),
    path("nabory/<int:pk>/publikuj/", calls.call_publish, name="call_publish"),
    path("nabory/<int:pk>/uniewaznij/", calls.call_cancel, name="call_cancel"),
    path("nabory/<int:pk>/oferty/", calls.call_offers, name="call_offers"),
    path("nabory/<int:pk>/komisja/", evaluation.committee, name="committee"),
    path("nabory/<int:pk>/ocena/", evaluation.my_evaluations, name="my_evaluations"),
    path("nabory/<int:pk>/wyniki/opublikuj/", evaluation.publish_results, name="publish_results"),
    path("nabory/<int:pk>/wyniki.json", results.results_json, name="results_json"),
    path("nabory/<int:pk>/wyniki.csv", results.results_csv, name="results_csv"),
    path("nabory/<int:pk>/wyniki/atom/", results.ResultsFeed(), name="results_feed"),
    path("oferty/<int:pk>/", offers.offer_detail, name="offer"),
    path("oferty/<int:pk>/ocena-formalna/", evaluation.formal_check, name="formal_check"),
    path("oferty/<int:pk>/decyzja/", evaluation.decision, name="decision"),
    path("oferty/<int:pk>/ocena/", evaluation.evaluate, name="evaluate"),
    path("oferty/<int:pk>/korekta/", offers.offer_correct, name="offer_correct"),
    path("oferty/<int:pk>/oferta.<str:fmt>", offers.offer_download, name="offer_download"),
    # Small grants (art. 19a) and formal corrections
    path("male-granty/", small.small_offers, name="small_offers"),
    path("male-granty/<int:pk>/publikacja/", small.publish_small_offer, name="publish_small_offer"),
    path("male-granty/<int:pk>/decyzja/", small.decide_small_offer, name="decide_small_offer"),
    path(
        "oferty/<int:pk>/wezwanie-do-korekty/",
        corrections.request_corrections,
        name="request_corrections",
    ),
]

# Agreements (art. 16) and reports (art. 18)
urlpatterns += [
    path("umowy/", agreements.agreements, name="agreements"),
    path("oferty/<int:pk>/umowa/", agreements.agreement_start, name="agreement_start"),
    path("umowy/<int:pk>/", agreements.agreement_detail, name="agreement"),
    path("umowy/<int:pk>/kosztorys/", agreements.estimate, name="estimate"),
    path(
        "umowy/<int:pk>/kosztorys/decyzja/",
        agreements.estimate_decision,
        name="estimate_decision",
    ),
    path(
        "umowy/<int:pk>/umowa.<str:fmt>",
        agreements.agreement_download,
        name="agreement_download",
    ),
    path("sprawozdania/<int:pk>/", reports.report_detail, name="report"),
    path("sprawozdania/<int:pk>/decyzja/", reports.report_decision, name="report_decision"),
    path("sprawozdania/<int:pk>/sprawozdanie.pdf", reports.report_pdf, name="report_pdf"),
]
