"""Every consultation object has an address, so e-mails and "view on site" links work."""

import pytest
from django.contrib.contenttypes.models import ContentType

from consultations.factories import ClauseFactory, CommentFactory

pytestmark = pytest.mark.django_db


def test_clause_comment_and_xtd_redirect_lead_to_the_consultation_page(client):
    clause = ClauseFactory()
    page = clause.version.consultation
    comment = CommentFactory(clause=clause)

    assert clause.get_absolute_url() == f"{page.url}#{clause.anchor}"
    assert clause.version.get_absolute_url() == page.url
    assert client.get(comment.get_absolute_url()).status_code == 200

    # django-comments' generic "view on site" redirect for the commented clause
    ct = ContentType.objects.get_for_model(clause)
    response = client.get(f"/komentarze/cr/{ct.pk}/{clause.pk}/")
    assert response.status_code == 302
    assert response.url.endswith(f"{page.url}#{clause.anchor}")
