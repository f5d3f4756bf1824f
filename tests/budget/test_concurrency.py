"""Concurrent voting loses no vote and counts none twice: parallel clients, each
thread on its own database connection, on PostgreSQL (SQLite serialises writers and its
in-memory test database is not shared safely between threads)."""

import threading
from collections import Counter

import pytest
from django.db import connection, connections

from accounts.factories import UserFactory
from accounts.models import Role
from budget.factories import make_edition, make_pool, make_project
from budget.models import (
    Ballot,
    BallotChoice,
    Identity,
    PaperEntry,
    Phase,
    Pool,
    PoolKind,
    Status,
)
from budget.pesel import with_checksum
from budget.services import voting
from budget.services.results import publish_results, recount
from municipalities.services import add_staff, home_municipality

# serialized_rollback: the flush after each test would drop the site and home page that
# the migrations create and the other tests need.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

THREADS = 8
PER_THREAD = 12


@pytest.fixture
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL)")


def run_in_threads(work, n_threads=THREADS):
    errors, outcomes = [], []
    start = threading.Barrier(n_threads)

    def runner(n):
        try:
            start.wait()
            outcomes.append(work(n))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=runner, args=(n,)) for n in range(n_threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return errors, outcomes


@pytest.fixture
def election():
    edition = make_edition(home_municipality(), phase=Phase.VOTING)
    pool = make_pool(edition, amount="1000000.00")
    projects = [
        make_project(pool, title=f"Projekt {i}", cost="100000.00", status=Status.ADMITTED)
        for i in range(4)
    ]
    return edition, pool, projects


def test_parallel_votes_of_many_voters_are_all_counted_once(postgres_only, election):
    edition, pool, projects = election
    voters = [
        [UserFactory(username=f"glos{n}-{i}", roles=[Role.RESIDENT]) for i in range(PER_THREAD)]
        for n in range(THREADS)
    ]
    expected = Counter()
    for n in range(THREADS):
        for i in range(PER_THREAD):
            expected.update(p.pk for p in projects[: 1 + (n + i) % 4])

    def work(n):
        local_pool = Pool.objects.select_related("edition").get(pk=pool.pk)
        for i, user in enumerate(voters[n]):
            voter = voting.Voter(user=user, declared_residence=True, declared_age=True)
            chosen = [p.pk for p in projects[: 1 + (n + i) % 4]]
            voting.cast_vote(pool=local_pool, voter=voter, project_ids=chosen)

    errors, _ = run_in_threads(work)
    assert errors == []
    assert Ballot.objects.filter(pool=pool).count() == THREADS * PER_THREAD
    stored = Counter(BallotChoice.objects.values_list("project_id", flat=True))
    assert stored == expected


@pytest.mark.parametrize("identity", [Identity.ACCOUNT, Identity.PESEL])
def test_the_same_voter_from_parallel_clients_gets_one_ballot(postgres_only, election, identity):
    edition, pool, projects = election
    edition.identity = identity
    edition.save()
    user = UserFactory(username="jedna-osoba", roles=[Role.RESIDENT])
    number = with_checksum("8501150812")

    def work(n):
        local_pool = Pool.objects.select_related("edition").get(pk=pool.pk)
        voter = voting.Voter(
            user=user,
            full_name="Anna Lipowa",
            pesel=number,
            declared_residence=True,
            declared_age=True,
        )
        try:
            voting.cast_vote(pool=local_pool, voter=voter, project_ids=[projects[n % 4].pk])
        except voting.AlreadyVoted:
            return "refused"
        return "stored"

    errors, outcomes = run_in_threads(work)
    assert errors == []
    assert sorted(outcomes) == ["refused"] * (THREADS - 1) + ["stored"]
    assert Ballot.objects.filter(pool=pool).count() == 1
    assert BallotChoice.objects.filter(ballot__pool=pool).count() == 1


def test_two_officials_typing_the_same_sheet_at_once_make_one_ballot(postgres_only, election):
    edition, pool, projects = election
    officials = [UserFactory(username=f"urz{n}", roles=[Role.OFFICIAL]) for n in range(2)]
    for official in officials:
        add_staff(user=official, municipality=edition.municipality)

    def work(n):
        local_pool = Pool.objects.select_related("edition__municipality").get(pk=pool.pk)
        return voting.enter_paper_ballot(
            by=officials[n],
            pool=local_pool,
            sheet="K-7",
            full_name="Jan Polny",
            pesel=with_checksum("7203140123"),
            project_ids=[projects[0].pk],
        ).state

    errors, outcomes = run_in_threads(work, n_threads=2)
    assert errors == []
    assert sorted(outcomes) == [PaperEntry.State.MATCHED, PaperEntry.State.WAITING]
    assert Ballot.objects.filter(pool=pool, channel=Ballot.Channel.PAPER).count() == 1


def test_recount_after_parallel_voting_equals_the_published_results(postgres_only, election):
    edition, pool, projects = election
    users = [UserFactory(username=f"r{n}", roles=[Role.RESIDENT]) for n in range(THREADS * 4)]

    def work(n):
        local_pool = Pool.objects.select_related("edition").get(pk=pool.pk)
        for user in users[n * 4 : n * 4 + 4]:
            voter = voting.Voter(user=user, declared_residence=True, declared_age=True)
            voting.cast_vote(pool=local_pool, voter=voter, project_ids=[projects[n % 4].pk])

    errors, _ = run_in_threads(work)
    assert errors == []
    official = UserFactory(username="liczacy", roles=[Role.OFFICIAL])
    add_staff(user=official, municipality=edition.municipality)
    type(edition).objects.filter(pk=edition.pk).update(voting_end=edition.voting_start)
    edition.refresh_from_db()
    publish_results(by=official, edition=edition)
    assert recount(edition) == []
    pool.refresh_from_db()
    assert pool.ballots_counted == THREADS * 4


@pytest.mark.parametrize("identity", [Identity.ACCOUNT, Identity.PESEL])
def test_one_district_holds_against_parallel_clients(postgres_only, identity):
    """The same person sends votes in four district pools at once (two clients each):
    one district ballot is stored, every other client is told it is taken."""
    edition = make_edition(home_municipality(), phase=Phase.VOTING, identity=identity)
    districts = [
        make_pool(edition, name=f"Osiedle {n}", kind=PoolKind.DISTRICT, position=n)
        for n in range(4)
    ]
    projects = [make_project(pool, status=Status.ADMITTED) for pool in districts]
    user = UserFactory(username="wszedzie", roles=[Role.RESIDENT])

    def work(n):
        local_pool = Pool.objects.select_related("edition").get(pk=districts[n % 4].pk)
        voter = voting.Voter(
            user=user,
            full_name="Anna Lipowa",
            pesel=with_checksum("8501150812"),
            declared_residence=True,
            declared_age=True,
        )
        try:
            voting.cast_vote(pool=local_pool, voter=voter, project_ids=[projects[n % 4].pk])
        except voting.OtherDistrictVoted as exc:
            return ("other district", exc.district.pk)
        except voting.AlreadyVoted:
            return ("same pool", local_pool.pk)
        return ("stored", local_pool.pk)

    errors, outcomes = run_in_threads(work)
    assert errors == []
    stored = [pool for outcome, pool in outcomes if outcome == "stored"]
    assert len(stored) == 1
    assert Ballot.objects.filter(edition=edition).count() == 1
    # Every refusal names the one district that was stored (or is that same pool).
    assert {pool for _outcome, pool in outcomes} == set(stored)


def test_parallel_mail_tasks_send_the_decision_once(postgres_only, mailoutbox):
    from budget import tasks

    edition = make_edition(home_municipality(), phase=Phase.VERIFICATION)
    author = UserFactory(username="autor-rownolegly", roles=[Role.RESIDENT])
    project = make_project(make_pool(edition), author=author, status=Status.ADMITTED)

    errors, outcomes = run_in_threads(lambda n: tasks.send_verification_mail.call(project.pk))
    assert errors == []
    assert sorted(outcomes) == [False] * (THREADS - 1) + [True]
    assert len(mailoutbox) == 1
