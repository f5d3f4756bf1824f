"""The author is e-mailed each decision once: the verification (with how to appeal by
when, in Polish time), the decision on an appeal, the result of the vote."""

import datetime
import zoneinfo
from decimal import Decimal

import pytest
from django.urls import reverse

from accounts.factories import UserFactory
from accounts.models import Role
from budget import tasks
from budget.factories import make_ballot, make_edition, make_pool, make_project
from budget.models import Appeal, Phase, Status
from budget.services import verification
from budget.services.results import publish_results
from portal.task_priorities import USER_MAIL

WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what a service queues after its transaction commits (the tasks run at once)."""

    def run(service, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return service(**kwargs)

    return run


@pytest.fixture
def verifying(city, edition_in):
    return edition_in(city, Phase.VERIFICATION)


def verify(committed, official, project, ok=True, reasoning="Spełnia wymogi."):
    return committed(
        verification.verify_project,
        by=official,
        project=project,
        formal_ok=True,
        legal_ok=ok,
        technical_ok=True,
        reasoning=reasoning,
        verified_cost=Decimal("50000.00") if ok else None,
    )


def test_the_mails_go_to_the_user_facing_queue():
    for task in (tasks.send_verification_mail, tasks.send_appeal_mail, tasks.send_results_mails):
        assert task.priority == USER_MAIL


def test_admitted_author_is_told_once(committed, official, author, verifying, mailoutbox):
    project = make_project(verifying.pools.get(), author=author, title="Ławki nad stawem")
    verify(committed, official, project)
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [author.email]
    assert "Ławki nad stawem" in message.subject
    assert "Spełnia wymogi." in message.body
    assert project.get_absolute_url() in message.body
    # Saved again with the same decision (a corrected reasoning): nothing more.
    verify(committed, official, project, reasoning="Spełnia wszystkie wymogi.")
    assert tasks.send_verification_mail.call(project.pk) is False
    assert len(mailoutbox) == 1


def test_rejection_says_how_to_appeal_by_when_in_polish_time(
    committed, official, author, verifying, mailoutbox, settings
):
    settings.TIME_ZONE = "UTC"  # the server's zone must not change what the author reads
    project = make_project(verifying.pools.get(), author=author, title="Parking")
    verify(committed, official, project, ok=False, reasoning="Teren nie należy do gminy.")
    project.refresh_from_db()
    deadline = project.appeal_deadline
    assert deadline == project.verified_at + datetime.timedelta(days=verifying.appeal_days)
    (message,) = mailoutbox
    body = message.body
    assert "Teren nie należy do gminy." in body
    assert deadline.astimezone(WARSAW).strftime("%H:%M") in body
    assert deadline.astimezone(datetime.UTC).strftime("%H:%M") not in body
    assert str(deadline.astimezone(WARSAW).year) in body
    assert "Appeal" in body or "Odwołanie" in body
    assert project.get_absolute_url() in body


def test_a_reversed_decision_is_a_new_mail(committed, official, author, verifying, mailoutbox):
    project = make_project(verifying.pools.get(), author=author)
    verify(committed, official, project, ok=False)
    verify(committed, official, project, ok=True)
    verify(committed, official, project, ok=True)
    assert len(mailoutbox) == 2
    assert mailoutbox[0].subject != mailoutbox[1].subject


def test_a_task_run_twice_sends_once(official, author, verifying, mailoutbox):
    project = make_project(verifying.pools.get(), author=author)
    verification.verify_project(
        by=official,
        project=project,
        formal_ok=False,
        legal_ok=True,
        technical_ok=True,
        reasoning="Brak wymaganych załączników.",
        verified_cost=None,
    )
    assert tasks.send_verification_mail.call(project.pk) is True
    assert tasks.send_verification_mail.call(project.pk) is False
    assert len(mailoutbox) == 1


def test_no_mail_without_an_author_or_an_address(committed, official, verifying, mailoutbox):
    pool = verifying.pools.get()
    orphan = make_project(pool, author=None)
    no_address = make_project(pool, author=UserFactory(username="bezadresu", email=""))
    for project in (orphan, no_address):
        verify(committed, official, project)
    assert mailoutbox == []


def test_appeal_decision_is_mailed_once(committed, official, author, verifying, mailoutbox):
    project = make_project(verifying.pools.get(), author=author, title="Parking")
    verify(committed, official, project, ok=False)
    appeal = Appeal.objects.create(project=project, text="Proszę o ponowną ocenę.")
    mailoutbox.clear()
    decide = {"by": official, "appeal": appeal, "upheld": True, "reasoning": "Teren jest gminny."}
    committed(verification.decide_appeal, **decide)
    committed(verification.decide_appeal, **decide)
    (message,) = mailoutbox
    assert "Parking" in message.subject and "Teren jest gminny." in message.body
    assert message.to == [author.email]


def test_a_pending_appeal_is_not_mailed(official, author, verifying, mailoutbox):
    project = make_project(verifying.pools.get(), author=author, status=Status.REJECTED)
    appeal = Appeal.objects.create(project=project, text="Proszę o ponowną ocenę.")
    assert tasks.send_appeal_mail.call(appeal.pk) is False
    assert mailoutbox == []


def test_each_author_learns_the_result_once(committed, official, city, mailoutbox):
    edition = make_edition(city, phase=Phase.COUNTING)
    pool = make_pool(edition, amount="100000.00")
    winner_author = UserFactory(username="wygrana", roles=[Role.RESIDENT])
    loser_author = UserFactory(username="przegrana", roles=[Role.RESIDENT])
    winner = make_project(
        pool, author=winner_author, title="Wybrany", cost="80000.00", status=Status.ADMITTED
    )
    loser = make_project(
        pool, author=loser_author, title="Niewybrany", cost="60000.00", status=Status.ADMITTED
    )
    make_project(pool, author=loser_author, title="Odrzucony", status=Status.REJECTED)
    for _ in range(3):
        make_ballot(pool, [winner])
    make_ballot(pool, [loser])
    committed(publish_results, by=official, edition=edition)
    by_address = {m.to[0]: m for m in mailoutbox}
    assert len(mailoutbox) == 2 and set(by_address) == {winner_author.email, loser_author.email}
    chosen, not_chosen = by_address[winner_author.email], by_address[loser_author.email]
    assert "Wybrany" in chosen.subject and "3" in chosen.body
    assert "Niewybrany" in not_chosen.body and chosen.subject != not_chosen.subject
    assert reverse("budget:results", args=[edition.pk]) in not_chosen.body
    assert tasks.send_results_mails.call(edition.pk) == 0
    assert len(mailoutbox) == 2
    winner.refresh_from_db(), loser.refresh_from_db()
    assert winner.results_mailed_at and loser.results_mailed_at
