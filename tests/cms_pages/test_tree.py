"""Page-tree rules: each content type lives only where it belongs."""

import pytest
from wagtail.models import Page

from cms_pages import factories
from cms_pages.models import (
    CallForProposalsPage,
    CallIndexPage,
    DocumentLibraryPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    ProgrammePage,
    ResolutionPage,
    StandardPage,
    SupportCentrePage,
)

pytestmark = pytest.mark.django_db


def test_news_page_can_be_created_only_under_a_news_index(home_page, news_index, call_index):
    assert NewsPage.can_create_at(news_index)
    assert not NewsPage.can_create_at(home_page)
    assert not NewsPage.can_create_at(call_index)


@pytest.mark.parametrize(
    ("child", "parent_fixture"),
    [
        (ResolutionPage, "resolution_index"),
        (CallForProposalsPage, "call_index"),
        (EventPage, "event_index"),
        (ProgrammePage, "programme_index"),
        (DocumentLibraryPage, "programme_index"),
        (SupportCentrePage, "centre_index"),
    ],
)
def test_detail_pages_belong_under_their_index(
    request, home_page, news_index, child, parent_fixture
):
    parent = request.getfixturevalue(parent_fixture)
    assert child.can_create_at(parent)
    assert not child.can_create_at(news_index)
    if child is not DocumentLibraryPage:
        assert not child.can_create_at(home_page)


def test_index_pages_go_under_the_home_page_only(home_page, news_index):
    assert NewsIndexPage.can_create_at(home_page)
    assert not NewsIndexPage.can_create_at(news_index)
    assert not CallIndexPage.can_create_at(news_index)


def test_news_index_accepts_only_news_pages(news_index):
    assert news_index.specific_class.allowed_subpage_models() == [NewsPage]


def test_detail_pages_have_no_children(news_index):
    news = factories.NewsPageFactory(parent=news_index)
    assert not StandardPage.can_create_at(news)
    assert NewsPage.allowed_subpage_models() == []


def test_second_home_page_cannot_be_created(home_page):
    root = Page.get_first_root_node()
    assert HomePage.objects.count() == 1
    assert not HomePage.can_create_at(root)
    assert not HomePage.can_create_at(home_page)


def test_adding_news_under_home_page_is_refused_by_the_admin(client, administrator, home_page):
    client.force_login(administrator)
    response = client.get(f"/admin/pages/add/cms_pages/newspage/{home_page.pk}/")
    assert response.status_code in (302, 403)
    assert not NewsPage.objects.exists()
