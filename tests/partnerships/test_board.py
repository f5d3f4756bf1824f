"""The partnership board: list, filters, posting, answering, fulfilled, expiry."""

import datetime

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from partnerships.factories import PostFactory
from partnerships.models import Answer, Post

LIST = reverse("partnerships:list")


def test_expired_fulfilled_and_hidden_posts_leave_the_list(client, city, post):
    PostFactory(
        municipality=city,
        title="Przeterminowane",
        expires_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    PostFactory(municipality=city, title="Zrealizowane", status=Post.Status.FULFILLED)
    PostFactory(municipality=city, title="Ukryte", status=Post.Status.HIDDEN)
    PostFactory(municipality=city, title="Dziś ostatni dzień", expires_on=timezone.localdate())
    body = client.get(LIST).content.decode()
    assert post.title in body and "Dziś ostatni dzień" in body
    for gone in ("Przeterminowane", "Zrealizowane", "Ukryte"):
        assert gone not in body


def test_filters_by_kind_area_direction_and_municipality(client, city, other_municipality):
    PostFactory(
        municipality=city, title="Sala A", kind="premises", area="culture", direction="need"
    )
    PostFactory(
        municipality=city,
        title="Namioty A",
        kind="equipment",
        area="communities",
        direction="offer",
    )
    PostFactory(
        municipality=other_municipality,
        title="Sala B",
        kind="premises",
        area="culture",
        direction="need",
    )

    def titles(**query):
        return {p.title for p in client.get(LIST, query).context["posts"]}

    assert titles(kind="premises") == {"Sala A", "Sala B"}
    assert titles(area="communities") == {"Namioty A"}
    assert titles(direction="need", gmina="beta") == {"Sala B"}
    assert titles(gmina=city.slug) == {"Sala A", "Namioty A"}
    # An unknown value is ignored, not an error.
    assert client.get(LIST, {"kind": "rakieta"}).status_code == 200


def _list_queries(client, query=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(LIST, query or {}).status_code == 200
    return len(captured)


def test_list_query_count_does_not_grow_with_posts(client, city, other_municipality):
    PostFactory.create_batch(2, municipality=city)
    PostFactory(municipality=other_municipality)
    client.get(LIST)  # site and settings lookups are cached after the first request
    small = _list_queries(client), _list_queries(client, {"kind": "equipment", "gmina": "beta"})
    PostFactory.create_batch(60, municipality=city)
    PostFactory.create_batch(20, municipality=other_municipality)
    large = _list_queries(client), _list_queries(client, {"kind": "equipment", "gmina": "beta"})
    assert small == large
    assert large[0] <= 6  # municipalities, count, page of posts (+ site and header lookups)


def test_anonymous_visitor_sees_no_contact_details(client, post):
    body = client.get(post.get_absolute_url()).content.decode()
    assert post.title in body
    assert post.contact not in body
    assert post.author.public_name not in body
    assert post.author.email not in body


def test_logged_in_user_sees_contact_but_never_the_posters_email(client, resident, post):
    client.force_login(resident)
    body = client.get(post.get_absolute_url()).content.decode()
    assert post.contact in body
    assert post.author.email not in body


def test_answer_is_stored_and_emailed_to_the_poster(
    client, resident, post, django_capture_on_commit_callbacks
):
    client.force_login(resident)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("partnerships:answer", args=[post.pk]), {"message": "Chętnie pomożemy."}
        )
    assert response.status_code == 302
    answer = Answer.objects.get()
    assert answer.author == resident and answer.post == post
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == [post.author.email]
    assert sent.reply_to == [resident.email]
    assert "Chętnie pomożemy." in sent.body


def test_empty_answer_keeps_the_page_and_lists_the_error(client, resident, post):
    client.force_login(resident)
    response = client.post(reverse("partnerships:answer", args=[post.pk]), {"message": ""})
    assert response.status_code == 400
    assert b"error-summary" in response.content
    assert not Answer.objects.exists()


def test_poster_cannot_answer_own_post_and_expired_post_takes_no_answers(client, post, resident):
    client.force_login(post.author)
    assert (
        client.post(reverse("partnerships:answer", args=[post.pk]), {"message": "x"}).status_code
        == 403
    )
    Post.objects.filter(pk=post.pk).update(
        expires_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    client.force_login(resident)
    assert (
        client.post(reverse("partnerships:answer", args=[post.pk]), {"message": "x"}).status_code
        == 403
    )


def test_poster_sees_answers_and_marks_fulfilled(client, post, resident):
    Answer.objects.create(post=post, author=resident, message="Mogę w czwartki.")
    client.force_login(post.author)
    assert "Mogę w czwartki." in client.get(post.get_absolute_url()).content.decode()
    client.post(reverse("partnerships:fulfilled", args=[post.pk]))
    post.refresh_from_db()
    assert post.status == Post.Status.FULFILLED


def test_another_user_cannot_mark_fulfilled_nor_read_answers(
    client, post, other_ngo_user, resident
):
    Answer.objects.create(post=post, author=resident, message="Tajna odpowiedź.")
    client.force_login(other_ngo_user)
    assert "Tajna odpowiedź." not in client.get(post.get_absolute_url()).content.decode()
    assert client.post(reverse("partnerships:fulfilled", args=[post.pk])).status_code == 403
    post.refresh_from_db()
    assert post.status == Post.Status.OPEN


def _form(city, **extra):
    return {
        "direction": "need",
        "kind": "volunteers",
        "title": "Wolontariusze na festyn",
        "description": "Potrzebujemy 10 osób.",
        "area": "volunteering",
        "municipality": city.pk,
        "poster_kind": "business",
        "poster_name": "Piekarnia Kłos",
        "contact": "",
        "expires_on": (timezone.localdate() + datetime.timedelta(days=10)).isoformat(),
        **extra,
    }


def test_a_business_posts_with_its_company_name(client, resident, city):
    client.force_login(resident)
    response = client.post(reverse("partnerships:create"), _form(city))
    post = Post.objects.get()
    assert response.url == post.get_absolute_url()
    assert post.poster_label == "Piekarnia Kłos" and post.author == resident


def test_ngo_posts_for_its_own_organisation_only(
    client, ngo_user, organisation, other_ngo_user, city
):
    client.force_login(ngo_user)
    client.post(
        reverse("partnerships:create"),
        _form(city, poster_kind="organisation", organisation=organisation.pk),
    )
    assert Post.objects.get().organisation == organisation
    client.force_login(other_ngo_user)
    response = client.post(
        reverse("partnerships:create"),
        _form(city, poster_kind="organisation", organisation=organisation.pk, title="Cudze"),
    )
    assert response.status_code == 200
    assert not Post.objects.filter(title="Cudze").exists()


def test_only_an_official_of_the_municipality_posts_for_a_department(
    client, resident, official, official_elsewhere, city
):
    data = _form(city, poster_kind="office", poster_name="Wydział Sportu")
    client.force_login(resident)
    assert client.post(reverse("partnerships:create"), data).status_code == 200
    client.force_login(official_elsewhere)
    response = client.post(reverse("partnerships:create"), data)
    assert "municipality" in response.context["form"].errors
    client.force_login(official)
    assert client.post(reverse("partnerships:create"), data).status_code == 302
    assert Post.objects.get().poster_kind == "office"


def test_bad_post_keeps_what_was_typed(client, resident, city):
    client.force_login(resident)
    data = _form(city, expires_on=(timezone.localdate() - datetime.timedelta(days=1)).isoformat())
    response = client.post(reverse("partnerships:create"), data)
    body = response.content.decode()
    assert (
        "error-summary" in body and "Wolontariusze na festyn" in body and "Piekarnia Kłos" in body
    )
    assert not Post.objects.exists()


def test_posting_answering_and_reporting_are_rate_limited(client, resident, city, post, settings):
    settings.PARTNERSHIPS_RATES = {"post": (1, 3600), "answer": (1, 3600), "report": (1, 3600)}
    client.force_login(resident)
    assert client.post(reverse("partnerships:create"), _form(city)).status_code == 302
    assert (
        client.post(reverse("partnerships:create"), _form(city, title="Drugi")).status_code == 429
    )
    answer = reverse("partnerships:answer", args=[post.pk])
    assert client.post(answer, {"message": "1"}).status_code == 302
    assert client.post(answer, {"message": "2"}).status_code == 429
    other = PostFactory(municipality=city)
    assert (
        client.post(reverse("partnerships:report", args=[post.pk]), {"reason": "spam"}).status_code
        == 302
    )
    assert (
        client.post(reverse("partnerships:report", args=[other.pk]), {"reason": "spam"}).status_code
        == 429
    )
    assert Answer.objects.count() == 1
