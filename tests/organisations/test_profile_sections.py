"""The profile page lists the organisation's public consultation comments, grants
received, seats in cooperation bodies and open partnership posts, through the section
registry, in the same number of queries for few and many."""

import datetime

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


def _grant(organisation, call, n, *, status="granted", amount="4500.00"):
    from decimal import Decimal

    from grants.factories import complete_offer

    offer = complete_offer(
        call=call, organisation=organisation, status=status, title=f"Warsztaty nr {n}"
    )
    offer.granted_amount = Decimal(amount) if status == "granted" else None
    offer.save()
    return offer


def _published_call(home, *, published=True):
    from cms_pages.factories import CallIndexPageFactory
    from grants.factories import call_with_terms

    terms = call_with_terms(parent=CallIndexPageFactory(parent=home))
    if published:
        terms.results_published_at = timezone.now()
        terms.save()
    return terms.call


def _cooperation(organisation, n):
    from cooperation.factories import BodyFactory, BodyMemberFactory
    from cooperation.models import BodyKind

    for i in range(n):
        kind = [BodyKind.WORKING_GROUP, BodyKind.TEAM, BodyKind.COUNCIL][i % 3]
        body = BodyFactory(kind=kind)
        BodyMemberFactory(body=body, organisation=organisation)


def _posts(organisation, n):
    from partnerships.factories import PostFactory

    for _i in range(n):
        PostFactory(
            poster_kind="organisation",
            organisation=organisation,
            poster_name="",
            municipality_id=_city().pk,
        )


def _city():
    from municipalities.services import home_municipality

    return home_municipality()


@pytest.mark.django_db
def test_profile_lists_grants_bodies_and_open_posts(client, home_page, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    from cooperation.factories import BodyFactory, BodyMemberFactory
    from partnerships.factories import PostFactory

    organisation = OrganisationFactory()
    published = _published_call(home_page)
    unpublished = _published_call(home_page, published=False)
    _grant(organisation, published, 1, amount="12500.00")
    _grant(organisation, published, 2, status="refused")
    _grant(organisation, unpublished, 3)
    group = BodyFactory(name="Grupa robocza ds. ekologii")
    BodyMemberFactory(body=group, organisation=organisation)
    past = BodyFactory(name="Dawny zespół")
    BodyMemberFactory(
        body=past,
        organisation=organisation,
        starts_on=datetime.date(2020, 1, 1),
        ends_on=datetime.date(2021, 1, 1),
    )
    common = {"poster_kind": "organisation", "organisation": organisation, "poster_name": ""}
    PostFactory(title="Szukamy partnera do festynu", municipality=_city(), **common)
    PostFactory(
        title="Wygasłe", municipality=_city(), expires_on=datetime.date(2020, 1, 1), **common
    )
    PostFactory(title="Ukryte", municipality=_city(), status="hidden", **common)
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert 'id="section-grants-received"' in html
    assert "Warsztaty nr 1" in html and "12\u00a0500,00\u00a0zł" in html
    assert "Warsztaty nr 2" not in html and "Warsztaty nr 3" not in html
    assert "#wynik-" in html
    assert 'id="section-cooperation-bodies"' in html
    assert "Grupa robocza ds. ekologii" in html and "Dawny zespół" not in html
    assert 'id="section-partnership-posts"' in html
    assert "Szukamy partnera do festynu" in html
    assert "Wygasłe" not in html and "Ukryte" not in html


@pytest.mark.django_db
def test_an_organisation_without_any_shows_no_empty_sections(client):
    html = client.get(OrganisationFactory().get_absolute_url()).content.decode()
    for section in ("grants-received", "cooperation-bodies", "partnership-posts"):
        assert f'id="section-{section}"' not in html


@pytest.mark.django_db
def test_profile_sections_cost_the_same_queries_for_few_and_many(
    client, home_page, settings, tmp_path, django_assert_max_num_queries
):
    settings.MEDIA_ROOT = str(tmp_path)
    organisation = OrganisationFactory()
    call = _published_call(home_page)
    now = timezone.now()
    page = ConsultationPageFactory(
        parent=default_index(),
        start_at=now - timezone.timedelta(days=1),
        end_at=now + timezone.timedelta(days=9),
    )
    clause = ClauseFactory(version=DraftActVersionFactory(consultation=page, number=1))

    def add(n):
        for i in range(n):
            _grant(organisation, call, i)
            CommentFactory(clause=clause, organisation=organisation)
        _cooperation(organisation, n)
        _posts(organisation, n)

    add(1)
    url = organisation.get_absolute_url()
    client.get(url)
    with django_assert_max_num_queries(25) as small:
        assert client.get(url).status_code == 200
    add(29)  # past every section's limit: each adds its count query
    with django_assert_max_num_queries(len(small.captured_queries) + 3):
        html = client.get(url).content.decode()
    assert html.count("#wynik-") == 20 and "30 " in html
