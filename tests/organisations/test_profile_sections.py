"""The profile page lists the organisation's public consultation comments, through the
section registry other apps use too."""

import pytest
from django.utils import timezone

from accounts.factories import OrganisationFactory
from accounts.organisation_sections import _providers, register_organisation_section
from consultations.factories import (
    ClauseFactory,
    CommentFactory,
    ConsultationPageFactory,
    DraftActVersionFactory,
    default_index,
)


@pytest.mark.django_db
def test_profile_lists_public_comments_only(client):
    organisation = OrganisationFactory()
    now = timezone.now()
    page = ConsultationPageFactory(
        parent=default_index(),
        title="Projekt programu współpracy",
        start_at=now - timezone.timedelta(days=1),
        end_at=now + timezone.timedelta(days=9),
    )
    clause = ClauseFactory(version=DraftActVersionFactory(consultation=page, number=1))
    CommentFactory(clause=clause, organisation=organisation, comment="Jawna uwaga fundacji.")
    CommentFactory(clause=clause, organisation=organisation, comment="Ukryta uwaga.", hidden_at=now)
    CommentFactory(
        clause=clause, organisation=organisation, comment="Nieopublikowana.", is_public=False
    )
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert 'id="section-consultation-comments"' in html
    assert "Jawna uwaga fundacji." in html
    assert "Ukryta uwaga." not in html and "Nieopublikowana." not in html


@pytest.mark.django_db
def test_other_apps_add_sections_without_editing_the_template(client):
    def grants_section(request, organisation):
        return {
            "template": "accounts/includes/organisation_section.html",
            "order": 40,
            "id": "grants",
            "title": "Otrzymane dotacje",
            "items": [("Konkurs 2026", "/konkursy/2026/", "12 000,00 zł")],
        }

    register_organisation_section(grants_section)
    try:
        html = client.get(OrganisationFactory().get_absolute_url()).content.decode()
    finally:
        _providers.remove(grants_section)
    assert 'id="section-grants"' in html and "12 000,00 zł" in html


@pytest.mark.django_db
def test_profile_page_query_count_does_not_grow_with_comments(
    client, django_assert_max_num_queries
):
    organisation = OrganisationFactory()
    now = timezone.now()
    page = ConsultationPageFactory(
        parent=default_index(),
        start_at=now - timezone.timedelta(days=1),
        end_at=now + timezone.timedelta(days=9),
    )
    clause = ClauseFactory(version=DraftActVersionFactory(consultation=page, number=1))
    CommentFactory(clause=clause, organisation=organisation)
    url = organisation.get_absolute_url()
    client.get(url)
    with django_assert_max_num_queries(12) as small:
        assert client.get(url).status_code == 200
    for _ in range(25):
        CommentFactory(clause=clause, organisation=organisation)
    with django_assert_max_num_queries(len(small.captured_queries) + 1):  # + the count
        html = client.get(url).content.decode()
    assert "26 " in html
