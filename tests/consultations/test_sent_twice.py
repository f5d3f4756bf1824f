"""A comment form sent twice (the answer was lost, a double click, a reload) publishes
the comment once: the form carries a random token and the service stores one comment
per token and author."""

import re

import pytest
from django.db import IntegrityError, transaction

from accounts.factories import UserFactory
from accounts.models import Role
from consultations import services
from consultations.comments import posting
from consultations.factories import CommentFactory
from consultations.models import CommentSubmission, ConsultationComment

from .conftest import clauses_of

KEY = "k" * 32


def form_url(page):
    return f"/konsultacje/{page.pk}/komentarz/"


def key_in(html: str) -> str:
    return re.search(r'name="submission_key" value="([^"]+)"', html).group(1)


def test_the_form_carries_a_fresh_random_token(client, resident, open_consultation):
    client.force_login(resident)
    first = key_in(client.get(form_url(open_consultation)).content.decode())
    second = key_in(client.get(form_url(open_consultation)).content.decode())
    assert len(first) >= 32 and first != second


def test_the_same_form_sent_twice_publishes_one_comment(client, resident, open_consultation):
    clause = clauses_of(open_consultation)[0]
    client.force_login(resident)
    key = key_in(client.get(form_url(open_consultation)).content.decode())
    data = {"clause": clause.pk, "comment": "Proszę wydłużyć termin.", "submission_key": key}
    first = client.post(form_url(open_consultation), data)
    again = client.post(form_url(open_consultation), data)
    comment = ConsultationComment.objects.get()
    assert first.status_code == again.status_code == 302
    assert (
        again["Location"]
        == first["Location"]
        == (f"{open_consultation.url}#komentarz-{comment.pk}")
    )
    assert comment.submission.key == key


def test_a_reply_sent_twice_is_stored_once(client, resident, open_consultation):
    parent = CommentFactory(consultation=open_consultation, clause=clauses_of(open_consultation)[0])
    client.force_login(resident)
    data = {"reply_to": parent.pk, "comment": "Zgadzam się.", "submission_key": KEY}
    assert client.post(form_url(open_consultation), data).status_code == 302
    assert client.post(form_url(open_consultation), data).status_code == 302
    assert (
        ConsultationComment.objects.filter(parent_id=parent.pk).exclude(pk=parent.pk).count() == 1
    )


def test_a_retry_does_not_count_against_the_rate_limit(
    settings, client, resident, open_consultation
):
    settings.CONSULTATIONS_COMMENT_RATE = 1
    client.force_login(resident)
    data = {"comment": "Jedna uwaga.", "submission_key": KEY}
    for _ in range(3):
        assert client.post(form_url(open_consultation), data).status_code == 302
    assert ConsultationComment.objects.count() == 1


def test_two_forms_publish_two_comments(client, resident, open_consultation):
    client.force_login(resident)
    for key in ("a" * 32, "b" * 32):
        data = {"comment": "Ta sama treść.", "submission_key": key}
        client.post(form_url(open_consultation), data)
    assert ConsultationComment.objects.count() == 2


def test_the_token_is_per_author(open_consultation, resident):
    other = UserFactory(username="sasiadka", roles=[Role.RESIDENT])
    for user in (resident, other):
        services.post_comment(
            consultation=open_consultation,
            user=user,
            text=services.CommentText("Uwaga."),
            submission_key=KEY,
        )
    assert ConsultationComment.objects.count() == 2


def test_a_malformed_token_is_ignored(client, resident, open_consultation):
    client.force_login(resident)
    data = {"comment": "Uwaga.", "submission_key": "' OR 1=1 --"}
    assert client.post(form_url(open_consultation), data).status_code == 302
    assert not CommentSubmission.objects.exists()


def test_the_database_refuses_a_second_comment_with_the_same_token(open_consultation, resident):
    services.post_comment(
        consultation=open_consultation,
        user=resident,
        text=services.CommentText("Uwaga."),
        submission_key=KEY,
    )
    other = CommentFactory(consultation=open_consultation)
    with pytest.raises(IntegrityError), transaction.atomic():
        CommentSubmission.objects.create(author=resident, key=KEY, comment=other)


def test_two_sendings_racing_past_the_check_answer_with_the_stored_comment(
    monkeypatch, open_consultation, resident
):
    """Both requests look before either has written: the constraint decides."""
    first = services.post_comment(
        consultation=open_consultation,
        user=resident,
        text=services.CommentText("Uwaga."),
        submission_key=KEY,
    )
    real = posting._sent_before
    calls = []

    def looks_too_early(*args):
        calls.append(args)
        return None if len(calls) == 1 else real(*args)

    monkeypatch.setattr(posting, "_sent_before", looks_too_early)
    second = services.post_comment(
        consultation=open_consultation,
        user=resident,
        text=services.CommentText("Uwaga."),
        submission_key=KEY,
    )
    assert second.pk == first.pk
    assert ConsultationComment.objects.count() == 1
