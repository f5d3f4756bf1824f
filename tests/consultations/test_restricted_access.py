"""A consultation behind a Wagtail view restriction, or unpublished, shows its clauses and
comments on no side route: not in search, open data, the comment form, comment pages,
the changes page or the report. Whoever passed the restriction (or an official) still
gets them. And none of django-comments-xtd's own addresses answers.
"""

import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.models import PageViewRestriction

from consultations.factories import ClauseFactory, DraftActVersionFactory
from consultations.models import Clause, ConsultationComment

from .report_fixtures import *  # noqa: F403 - fixtures
from .report_fixtures import set_phase

PASSWORD = "rada-2026"  # noqa: S105 - a test restriction's password


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def search_backend(db):
    from search.backends import get_search_backend

    backend = get_search_backend()
    backend.clear()
    return backend


def restrict(page, run_on_commit=None):
    if run_on_commit is None:
        return PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
        )
    with run_on_commit():
        return restrict(page)


def pass_restriction(client, restriction, page):
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    response = client.post(url, {"password": PASSWORD, "return_url": page.url})
    assert response.status_code == 302


def reindex(consultation, run_on_commit):
    from consultations.search import schedule_consultation_reindex

    with run_on_commit():
        schedule_consultation_reindex(consultation.pk)


def found_keys(backend, *queries):
    return {hit.key for query in queries for hit in backend.search(query).hits}


def side_routes(consultation, comment, clause):
    """GET addresses that show the consultation's clauses or comments."""
    pk = consultation.pk
    return {
        "open data json": f"/konsultacje/{pk}/dane.json",
        "open data comments": f"/konsultacje/{pk}/dane.csv",
        "open data clauses": f"/konsultacje/{pk}/przepisy.csv",
        "comment form": f"/konsultacje/{pk}/komentarz/?clause={clause.pk}",
        "reply form": f"/konsultacje/{pk}/komentarz/?reply_to={comment.pk}",
        "comment page": f"/konsultacje/komentarze/{comment.pk}/",
        "changes": f"/konsultacje/{pk}/zmiany/",
        "report": f"/konsultacje/{pk}/raport/",
    }


@pytest.fixture
def reported(consultation, clauses, comments):
    """The reported consultation, with a second published version (the changes page)."""
    set_phase(consultation, "reported")
    second = DraftActVersionFactory(consultation=consultation, number=2, is_published=True)
    ClauseFactory(version=second, position=1, text="Przyjmuje się program współpracy i świetlic.")
    return consultation


def test_every_side_route_answers_404_behind_a_password_and_200_once_it_is_given(
    client, reported, clauses, comments
):
    routes = side_routes(reported, comments["resident"], clauses[0])
    set_phase(reported, "open")
    open_routes = {k: v for k, v in routes.items() if k.endswith("form")}
    set_phase(reported, "reported")
    restriction = restrict(reported)

    refused = {name: client.get(url).status_code for name, url in routes.items()}
    assert refused == dict.fromkeys(routes, 404)

    pass_restriction(client, restriction, reported)
    allowed = {name: client.get(url).status_code for name, url in routes.items()}
    assert allowed == dict.fromkeys(routes, 200)
    assert "świetlice" in client.get(routes["open data json"]).content.decode()
    assert open_routes  # the forms answer in every phase (they explain the refusal)


def test_an_official_sees_a_restricted_consultations_side_routes(
    client, reported, clauses, comments, official
):
    restrict(reported)
    client.force_login(official)
    for name, url in side_routes(reported, comments["resident"], clauses[0]).items():
        assert client.get(url).status_code == 200, name


def test_unpublished_consultation_answers_404_on_every_side_route(
    client, reported, clauses, comments, resident
):
    reported.unpublish()
    client.force_login(resident)
    routes = side_routes(reported, comments["resident"], clauses[0])
    assert {name: client.get(url).status_code for name, url in routes.items()} == dict.fromkeys(
        routes, 404
    )


def test_reacting_and_flagging_need_access_to_the_consultation(
    client, reported, comments, resident
):
    restrict(reported)
    client.force_login(resident)
    comment = comments["resident"]
    for url in (
        f"/konsultacje/komentarze/{comment.pk}/like/",
        f"/konsultacje/komentarze/{comment.pk}/zglos/",
    ):
        assert client.post(url).status_code == 404, url


def test_posting_on_a_restricted_consultation_without_the_password_is_refused(
    client, consultation, clauses, resident
):
    set_phase(consultation, "open")
    restriction = restrict(consultation)
    client.force_login(resident)
    url = f"/konsultacje/{consultation.pk}/komentarz/"
    data = {"clause": clauses[0].pk, "comment": "Uwaga zza hasła."}
    assert client.post(url, data).status_code == 404
    assert not ConsultationComment.objects.filter(comment="Uwaga zza hasła.").exists()
    pass_restriction(client, restriction, consultation)
    assert client.post(url, data).status_code == 302
    assert ConsultationComment.objects.filter(comment="Uwaga zza hasła.").exists()


def test_unpublished_consultation_keeps_the_typed_text_without_the_acts_wording(
    client, consultation, clauses, resident
):
    set_phase(consultation, "open")
    type(consultation).objects.filter(pk=consultation.pk).update(
        first_published_at=consultation.start_at
    )
    consultation.refresh_from_db()
    consultation.unpublish()
    client.force_login(resident)
    response = client.post(
        f"/konsultacje/{consultation.pk}/komentarz/",
        {"clause": clauses[2].pk, "comment": "Mój długi tekst uwagi."},
    )
    body = response.content.decode()
    assert response.status_code == 403
    assert "Mój długi tekst uwagi." in body
    assert clauses[2].text not in body


def test_restricted_consultation_is_not_found_by_search(
    search_backend, run_on_commit, consultation, clauses, comments, official
):
    from consultations import services
    from consultations.models import ResponseStatus

    reported = consultation
    with run_on_commit():
        services.respond(
            comment=comments["resident"],
            status=ResponseStatus.REJECTED,
            text="Zadania finansuje budżet obywatelski.",
            by=official,
        )
    set_phase(reported, "reported")
    reindex(reported, run_on_commit)
    queries = ("Prezydentowi", "świetlice", "budżet obywatelski")
    keys = found_keys(search_backend, *queries)
    assert {key.split(":")[0] for key in keys} >= {"clause", "comment", "report"}

    restriction = restrict(reported, run_on_commit)  # the signal re-indexes the consultation
    assert found_keys(search_backend, *queries) == set()

    with run_on_commit():
        restriction.delete()
    assert found_keys(search_backend, *queries) == keys


def test_search_api_gives_nothing_of_a_restricted_consultation(
    client, search_backend, run_on_commit, reported, comments
):
    reindex(reported, run_on_commit)
    assert "świetlice" in client.get("/api/v1/search", {"q": "świetlice"}).content.decode()
    restrict(reported, run_on_commit)
    data = json.loads(client.get("/api/v1/search", {"q": "świetlice"}).content)
    assert "świetlice" not in json.dumps(data, ensure_ascii=False)
    assert not [r for r in data.get("results", []) if "komentarz" in r.get("url", "")]


def test_consultation_under_a_restricted_parent_is_restricted_too(client, reported, comments):
    restrict(reported.get_parent())
    assert client.get(f"/konsultacje/{reported.pk}/dane.json").status_code == 404
    assert client.get(f"/konsultacje/komentarze/{comments['ngo'].pk}/").status_code == 404


XTD_ADDRESSES = [
    "/komentarze/sent/?c={comment}",
    "/komentarze/api/consultations-clause/{clause}/",
    "/komentarze/api/consultations-clause/{clause}/count/",
    "/komentarze/api/comment/",
    "/komentarze/api/feedback/",
    "/komentarze/api/flag/",
    "/komentarze/post/",
    "/komentarze/reply/{comment}/",
    "/komentarze/like/{comment}/",
    "/komentarze/dislike/{comment}/",
    "/komentarze/flag/{comment}/",
    "/komentarze/flagged/",
    "/komentarze/delete/{comment}/",
    "/komentarze/approve/{comment}/",
    "/komentarze/cr/{content_type}/{clause}/",
]


@pytest.mark.parametrize("address", XTD_ADDRESSES)
def test_django_comments_xtd_addresses_answer_404(client, comments, official, address):
    comment = comments["resident"]
    url = address.format(
        comment=comment.pk,
        clause=comment.clause_id,
        content_type=ContentType.objects.get_for_model(Clause).pk,
    )
    assert client.get(url, headers={"x-requested-with": "XMLHttpRequest"}).status_code == 404
    assert client.post(url, {"comment": "x"}).status_code == 404
    client.force_login(official)
    assert client.get(url).status_code == 404


def test_page_stored_for_anonymous_visitors_is_not_served_once_restricted(
    client, reported, clauses
):
    first = client.get(reported.url)
    second = client.get(reported.url)
    assert second.content == first.content
    assert clauses[2].text in first.content.decode()
    restrict(reported)
    after = client.get(reported.url)
    assert clauses[2].text not in after.content.decode()
