"""Editors cannot put unpublished or private pages into a newsletter."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import PageViewRestriction

from cms_pages.factories import NewsPageFactory
from newsletters import services
from newsletters.emails import MailingRenderer
from newsletters.factories import IssueFactory, IssueItemFactory
from newsletters.models import IssueItem

from .test_admin import manage_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    return NewsPageFactory(title="Projekt wiadomości o dotacjach", publish=False)


@pytest.fixture
def private():
    page = NewsPageFactory(title="Notatka dla radnych")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="rada"
    )
    return page


@pytest.fixture
def published():
    return NewsPageFactory(title="Nabór wniosków o mikrodotacje")


def test_service_refuses_a_draft_or_private_page(draft, private, published):
    issue = IssueFactory()
    for page in (draft, private):
        with pytest.raises(ValueError, match=page.title):
            services.add_items(issue=issue, pages=[published, page])
    assert not issue.items.exists()
    assert services.add_items(issue=issue, pages=[published]) == 1


def test_admin_add_items_with_a_draft_shows_an_error_and_adds_nothing(client, editor, draft):
    issue = IssueFactory()
    client.force_login(editor)
    response = client.post(
        manage_url(issue), {"action": "add_items", "page": [draft.pk]}, follow=True
    )
    assert "Tylko opublikowane strony" in response.content.decode()
    assert not issue.items.exists()


def test_item_form_refuses_a_draft_page(draft):
    item = IssueItem(issue=IssueFactory(), page=draft)
    with pytest.raises(ValidationError) as exc:
        item.full_clean()
    assert "page" in exc.value.message_dict


def test_sending_refuses_an_issue_whose_page_was_unpublished(published):
    issue = IssueFactory()
    services.add_items(issue=issue, pages=[published])
    published.unpublish()
    with pytest.raises(ValueError, match="Nabór wniosków"):
        services.send_issue_now(issue=issue)
    issue.refresh_from_db()
    assert issue.status == "draft"


def test_page_made_private_after_sending_started_is_left_out_of_the_mail(published, private):
    issue = IssueFactory()
    IssueItemFactory(issue=issue, page=published, title="")
    IssueItemFactory(issue=issue, page=private, title="")  # made private after it was added
    titles = [item["title"] for item in MailingRenderer(issue).get_context()["items"]]
    assert titles == ["Nabór wniosków o mikrodotacje"]


def test_suggestions_leave_out_private_pages(private, published):
    suggested = {page.pk for page in services.suggested_pages()}
    assert published.pk in suggested
    assert private.pk not in suggested
