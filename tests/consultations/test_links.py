"""Every consultation object has an address, so e-mails and "view on site" links work."""

import pytest

from consultations.factories import ClauseFactory, CommentFactory

pytestmark = pytest.mark.django_db


def test_clause_version_and_comment_lead_to_the_consultation_page(client):
    clause = ClauseFactory()
    page = clause.version.consultation
    comment = CommentFactory(clause=clause)

    assert clause.get_absolute_url() == f"{page.url}#{clause.anchor}"
    assert clause.version.get_absolute_url() == page.url
    assert client.get(comment.get_absolute_url()).status_code == 200
