"""The consultation page for anonymous visitors comes from the cache until anything it
shows changes (consultations.caching); no page carries a per-visitor token."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from consultations import services
from consultations.factories import CommentFactory

from .conftest import clauses_of


def comment_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response, [q for q in queries if "consultations_consultationcomment" in q["sql"]]


def test_an_anonymous_page_carries_no_token_and_sets_no_cookie(client, open_consultation):
    response = client.get(open_consultation.url)
    body = response.content.decode()
    assert "csrfmiddlewaretoken" not in body
    assert not response.cookies
    assert 'class="language-switch"' in body and 'hreflang="en"' in body


def test_the_second_anonymous_visit_is_served_from_the_cache(client, open_consultation):
    first, read = comment_queries(client, open_consultation.url)
    assert read  # the act was built
    second, read_again = comment_queries(client, open_consultation.url)
    assert read_again == []
    assert second.content == first.content
    with CaptureQueriesContext(connection) as queries:
        third = client.get(open_consultation.url)
    assert third.content == first.content
    assert not [q for q in queries if "draftactversion" in q["sql"]]  # not rendered at all


@pytest.mark.parametrize("change", ["comment", "hide", "reaction"])
def test_every_change_under_the_act_shows_at_once(
    client, change, resident, official, open_consultation
):
    clause = clauses_of(open_consultation)[0]
    comment = services.post_comment(
        consultation=open_consultation,
        user=resident,
        text=services.CommentText(comment="Pierwsza uwaga"),
        clause=clause,
    )
    client.get(open_consultation.url)
    if change == "comment":
        new = services.post_comment(
            consultation=open_consultation,
            user=resident,
            text=services.CommentText(comment="Świeża uwaga"),
        )
        expected = f'id="komentarz-{new.pk}"'
    elif change == "hide":
        services.hide_comment(comment=comment, reason="Wulgaryzmy", by=official)
        expected = "Wulgaryzmy"
    else:
        services.react(comment=comment, user=resident, like=True)
        expected = 'class="comment__reactions"'
    assert expected in client.get(open_consultation.url).content.decode()


def test_another_page_renamed_in_the_menu_shows_at_once(client, open_consultation, home_page):
    from cms_pages.factories import NewsPageFactory

    client.get(open_consultation.url)
    NewsPageFactory(parent=home_page, title="Nowa strona w menu", show_in_menus=True)
    body = client.get(open_consultation.url).content.decode()
    assert "Nowa strona w menu" in body


def test_a_proxy_may_keep_the_page_and_must_revalidate(client, open_consultation):
    client.get(open_consultation.url)  # the first visit creates the site settings rows
    response = client.get(open_consultation.url)
    assert "public" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]
    etag = response["ETag"]
    assert client.get(open_consultation.url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    CommentFactory(clause=clauses_of(open_consultation)[0])
    services.touch(open_consultation)
    assert client.get(open_consultation.url, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_a_signed_in_page_is_private_and_shows_the_visitor(client, resident, open_consultation):
    client.get(open_consultation.url)  # an anonymous copy in the cache
    client.force_login(resident)
    response = client.get(open_consultation.url)
    assert "private" in response["Cache-Control"]
    assert "account_logout" not in response.content.decode()  # the URL name is not shown
    assert resident.public_name in response.content.decode() or "logout" in str(response.content)


def test_counts_on_the_index_leave_out_hidden_comments(
    client, official, resident, open_consultation, consultation_index
):
    clause = clauses_of(open_consultation)[0]
    shown, hidden = (
        services.post_comment(
            consultation=open_consultation,
            user=resident,
            text=services.CommentText(comment=f"Uwaga {n}"),
            clause=clause,
        )
        for n in (1, 2)
    )
    services.hide_comment(comment=hidden, reason="Poza tematem", by=official)
    index = client.get(consultation_index.url).content.decode()
    assert 'data-count="1"' in index
    page = client.get(open_consultation.url).content.decode()
    assert 'class="clause__count" data-count="1"' in page
    assert f'id="komentarz-{shown.pk}"' in page and f'id="komentarz-{hidden.pk}"' in page


def test_the_language_link_sets_the_language_and_goes_back(client, open_consultation):
    response = client.get(f"/jezyk/en/?next={open_consultation.url}")
    assert response.status_code == 302 and response["Location"] == open_consultation.url
    assert response.cookies["django_language"].value == "en"
    assert client.get(open_consultation.url).content.decode().count('lang="en"') >= 1


def test_the_language_link_does_not_send_anyone_elsewhere(db, client):
    response = client.get("/jezyk/en/?next=https://example.org/")
    assert response["Location"] == "/"
    assert client.get("/jezyk/xx/").status_code == 404
