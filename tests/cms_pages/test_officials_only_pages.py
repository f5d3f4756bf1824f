"""Consultations and calls for proposals are run by officials: in the Wagtail admin an
editor may see them but not edit, publish, move, delete or create them; officials and
administrators may. News and other pages stay open to editors."""

import pytest

from cms_pages import factories
from consultations.factories import ConsultationIndexPageFactory, ConsultationPageFactory

pytestmark = pytest.mark.django_db

ACTIONS = ["can_edit", "can_publish", "can_unpublish", "can_delete", "can_add_subpage", "can_move"]


@pytest.fixture
def official_pages(home_page, call_index):
    consultations = ConsultationIndexPageFactory(parent=home_page)
    return {
        "consultation index": consultations,
        "consultation": ConsultationPageFactory(parent=consultations),
        "call index": call_index,
        "call": factories.CallForProposalsPageFactory(parent=call_index),
    }


@pytest.mark.parametrize("role", ["editor", "official", "administrator"])
def test_page_rights_on_consultations_and_calls_by_role(request, official_pages, role):
    user = request.getfixturevalue(role)
    for name, page in official_pages.items():
        tester = page.permissions_for_user(user)
        rights = {action: getattr(tester, action)() for action in ACTIONS}
        if role == "editor":
            assert not any(rights.values()), (name, rights)
        else:
            assert rights["can_edit"] and rights["can_publish"], (name, rights)


def test_editor_keeps_the_rights_on_news(editor, news_index):
    news = factories.NewsPageFactory(parent=news_index)
    tester = news.permissions_for_user(editor)
    assert tester.can_edit() and tester.can_publish() and tester.can_delete()
    assert news_index.permissions_for_user(editor).can_add_subpage()


def test_editor_cannot_open_the_edit_view_of_a_consultation_or_call(client, editor, official_pages):
    client.force_login(editor)
    for name, page in official_pages.items():
        response = client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code in (302, 403), name
        assert "/edit/" not in response.get("Location", "")


def test_official_opens_the_edit_view_of_a_consultation_and_a_call(
    client, official, official_pages
):
    client.force_login(official)
    for name in ("consultation", "call"):
        page = official_pages[name]
        assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200, name


@pytest.mark.parametrize(
    ("model", "parent"),
    [
        ("consultations/consultationpage", "consultation index"),
        ("cms_pages/callforproposalspage", "call index"),
        ("cms_pages/callindexpage", "home"),
    ],
)
def test_editor_cannot_create_consultations_or_calls(
    client, editor, official, official_pages, home_page, model, parent
):
    parent_page = home_page if parent == "home" else official_pages[parent]
    url = f"/admin/pages/add/{model}/{parent_page.pk}/"
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code in (302, 403)
    assert response.status_code != 200
    client.force_login(official)
    if model != "cms_pages/callindexpage":  # a second call index may not exist (max_count)
        assert client.get(url).status_code == 200


def test_editor_cannot_add_a_consultation_index_under_the_home_page(
    client, editor, official, home_page
):
    url = f"/admin/pages/add/consultations/consultationindexpage/{home_page.pk}/"
    client.force_login(editor)
    assert client.get(url).status_code in (302, 403)
    client.force_login(official)
    assert client.get(url).status_code == 200
