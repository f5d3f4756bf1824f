"""Officials of gmina A cannot see or touch gmina B: every admin screen and action,
GET and POST, answers 403/404 (or Wagtail's redirect to the dashboard) and changes
nothing; the officials of B and the regional operator's staff get through."""

import re

import pytest
from django.urls import reverse
from wagtail.models import Page

from accounts.models import Role
from cms_pages import factories as cms
from cms_pages.models import NewsIndexPage, NewsPage
from consultations.factories import CommentFactory
from consultations.models import ConsultationIndexPage, ConsultationPage, DraftActVersion
from municipalities.factories import staff_user
from tests.consultations.conftest import make_consultation

pytestmark = pytest.mark.django_db


@pytest.fixture
def gmina_b_content(gmina_b):
    home = gmina_b.home_page
    index = ConsultationIndexPage.objects.child_of(home).get()
    consultation = make_consultation(index, "closed", title="Konsultacje w Gminie Beta")
    version = consultation.versions.get()
    clause = version.clauses.first()
    comment = CommentFactory(clause=clause)
    news_index = NewsIndexPage.objects.child_of(home).get()
    draft = cms.NewsPageFactory(parent=news_index, title="Szkic gminy Beta", publish=False)
    return {
        "consultation": consultation,
        "version": version,
        "clause": clause,
        "comment": comment,
        "news_index": news_index,
        "draft": draft,
        "home": home,
    }


@pytest.fixture
def official_a(gmina_a):
    return staff_user(gmina_a, username="urzednik-a", roles=[Role.OFFICIAL])


@pytest.fixture
def official_b(gmina_b):
    return staff_user(gmina_b, username="urzednik-b", roles=[Role.OFFICIAL])


@pytest.fixture
def operator_admin(operator):
    return staff_user(operator, username="operator", roles=[Role.ADMINISTRATOR])


def _screens(c):
    """(name, method, url, data) of every official screen and action on B's content."""
    cid, draft = c["consultation"].pk, c["draft"].pk
    hide = {"comment": c["comment"].pk, "action": "hide", "reason": "spam"}
    offline = {
        "clause": "",
        "channel": "paper",
        "submitter_name": "Jan Obcy",
        "comment": "Uwaga z zewnątrz.",
    }
    news_add = f"/admin/pages/add/cms_pages/newspage/{c['news_index'].pk}/"
    return [
        ("draft", "get", reverse("consultations_admin:draft", args=[cid]), None),
        ("draft", "post", reverse("consultations_admin:draft", args=[cid]), {"text": "§ 1. X."}),
        ("version", "get", reverse("consultations_admin:version", args=[c["version"].pk]), None),
        (
            "version",
            "post",
            reverse("consultations_admin:version", args=[c["version"].pk]),
            {"action": "reparse", "text": "§ 1. Nowy."},
        ),
        ("clause", "get", reverse("consultations_admin:clause", args=[c["clause"].pk]), None),
        (
            "clause",
            "post",
            reverse("consultations_admin:clause", args=[c["clause"].pk]),
            {"label": "§ 9", "level": "paragraf", "text": "Zmienione."},
        ),
        ("moderation", "get", reverse("consultations_admin:moderation", args=[cid]), None),
        ("moderation", "post", reverse("consultations_admin:moderation", args=[cid]), hide),
        ("offline", "get", reverse("consultations_admin:offline", args=[cid]), None),
        ("offline", "post", reverse("consultations_admin:offline", args=[cid]), offline),
        ("responses", "get", reverse("consultations_admin:responses", args=[cid]), None),
        (
            "responses",
            "post",
            reverse("consultations_admin:responses", args=[cid]),
            {"action": "respond", "comment": c["comment"].pk, "status": "accepted", "text": "Ok"},
        ),
        ("report preview", "get", reverse("consultations:report", args=[cid]), None),
        ("page explorer", "get", f"/admin/pages/{c['home'].pk}/", None),
        ("page edit", "get", f"/admin/pages/{cid}/edit/", None),
        ("page edit", "post", f"/admin/pages/{cid}/edit/", {"title": "Przejęte"}),
        ("add news", "get", news_add, None),
        ("add news", "post", news_add, {"title": "Obca", "slug": "obca", "action-publish": "1"}),
        ("draft view", "get", f"/admin/pages/{draft}/view_draft/", None),
        ("draft edit", "get", f"/admin/pages/{draft}/edit/", None),
        ("delete", "get", f"/admin/pages/{draft}/delete/", None),
        ("delete", "post", f"/admin/pages/{draft}/delete/", {}),
        ("unpublish", "get", f"/admin/pages/{cid}/unpublish/", None),
        ("unpublish", "post", f"/admin/pages/{cid}/unpublish/", {}),
        ("history", "get", f"/admin/pages/{cid}/history/", None),
    ]


def _refused(response, tree_of_b=None) -> bool:
    if response.status_code in (403, 404):
        return True
    if response.status_code != 302:
        return False
    # Wagtail answers a refused page action with a redirect to the dashboard, and
    # exploring a tree one may not see with a redirect to the nearest one one may.
    location = response["Location"].rstrip("/")
    if location == "/admin":
        return True
    match = re.fullmatch(r"/admin/pages/(\d+)", location)
    return bool(match and tree_of_b) and not Page.objects.get(pk=match[1]).path.startswith(
        tree_of_b.path
    )


def _state(c):
    comment = c["comment"]
    comment.refresh_from_db()
    consultation = ConsultationPage.objects.get(pk=c["consultation"].pk)
    return (
        comment.hidden_at,
        getattr(comment, "response", None) is not None,
        consultation.title,
        consultation.live,
        DraftActVersion.objects.filter(consultation=consultation).count(),
        c["clause"].__class__.objects.get(pk=c["clause"].pk).text,
        consultation.comments.count(),
        NewsPage.objects.filter(pk=c["draft"].pk).exists(),
        NewsPage.objects.filter(slug="obca").exists(),
    )


def test_official_of_a_is_refused_every_screen_and_action_of_b(client, official_a, gmina_b_content):
    client.force_login(official_a)
    before = _state(gmina_b_content)
    for name, method, url, data in _screens(gmina_b_content):
        response = getattr(client, method)(url, data) if data is not None else client.get(url)
        refused = _refused(response, gmina_b_content["home"])
        assert refused, f"{name} {method.upper()} {url}: {response.status_code}"
    assert _state(gmina_b_content) == before


@pytest.mark.parametrize("user_fixture", ["official_b", "operator_admin"])
def test_officials_of_b_and_the_operator_reach_every_screen_of_b(
    client, request, user_fixture, gmina_b_content
):
    client.force_login(request.getfixturevalue(user_fixture))
    for name, method, url, _data in _screens(gmina_b_content):
        if method != "get":
            continue
        response = client.get(url)
        assert response.status_code == 200, f"{name} {url}: {response.status_code}"


def test_consultation_list_shows_only_the_officials_municipalities(
    client, official_a, official_b, gmina_a, gmina_b_content
):
    own = make_consultation(
        ConsultationIndexPage.objects.child_of(gmina_a.home_page).get(),
        "open",
        title="Konsultacje w Gminie Alfa",
    )
    client.force_login(official_a)
    listing = client.get(reverse("consultations_admin:index")).content.decode()
    assert own.title in listing
    assert "Konsultacje w Gminie Beta" not in listing
    client.force_login(official_b)
    listing = client.get(reverse("consultations_admin:index")).content.decode()
    assert "Konsultacje w Gminie Beta" in listing
    assert own.title not in listing


def test_official_of_a_finds_none_of_bs_unpublished_pages(
    client, official_a, official_b, gmina_b_content
):
    edit_link = f"/admin/pages/{gmina_b_content['draft'].pk}/edit/"
    client.force_login(official_b)
    response = client.get("/admin/pages/search/", {"q": "Szkic"})
    assert edit_link in response.content.decode()
    client.force_login(official_a)
    response = client.get("/admin/pages/search/", {"q": "Szkic"})
    assert response.status_code == 200
    assert edit_link not in response.content.decode()
    assert client.get(gmina_b_content["draft"].get_url()).status_code == 404


def test_editor_of_a_edits_a_but_not_b(client, gmina_a, gmina_b_content):
    editor = staff_user(gmina_a, username="redaktor-a", roles=[Role.EDITOR])
    client.force_login(editor)
    own_news = NewsIndexPage.objects.child_of(gmina_a.home_page).get()
    assert client.get(f"/admin/pages/{own_news.pk}/edit/").status_code == 200
    assert _refused(client.get(f"/admin/pages/{gmina_b_content['news_index'].pk}/edit/"))
