import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms_pages.models import NewsPage

pytestmark = pytest.mark.django_db


def news_form_data(**overrides):
    data = {
        "title": "Nabór do komisji konkursowej",
        "slug": "nabor-do-komisji",
        "date": "2026-11-20",
        "lead": "Zapraszamy przedstawicieli organizacji do pracy w komisjach.",
        "listing_image_alt": "",
        "body": streamfield([("paragraph", rich_text("<p>Szczegóły naboru.</p>"))]),
        "attachments": inline_formset([]),
        "tags": "komisje, nabór",
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_editor_can_create_and_publish_news_in_the_admin(client, editor, news_index):
    client.force_login(editor)
    url = f"/admin/pages/add/cms_pages/newspage/{news_index.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url, news_form_data())
    assert response.status_code == 302, response.content.decode()[:2000]
    news = NewsPage.objects.get(slug="nabor-do-komisji")
    assert news.live
    assert news.get_parent().pk == news_index.pk
    assert sorted(t.name for t in news.tags.all()) == ["komisje", "nabór"]
    assert client.get(news.url).status_code == 200


def test_editor_cannot_put_news_outside_a_news_index(client, editor, home_page):
    client.force_login(editor)
    response = client.post(f"/admin/pages/add/cms_pages/newspage/{home_page.pk}/", news_form_data())
    assert response.status_code in (302, 403)
    assert not NewsPage.objects.exists()


def test_resident_cannot_enter_the_admin(client, resident, news_index):
    client.force_login(resident)
    response = client.get("/admin/")
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/admin/login/" in response["Location"]
    response = client.post(
        f"/admin/pages/add/cms_pages/newspage/{news_index.pk}/", news_form_data()
    )
    assert response.status_code in (302, 403)
    assert not NewsPage.objects.exists()


def test_anonymous_visitor_is_sent_to_the_admin_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
