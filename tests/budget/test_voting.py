"""Voting: one ballot per voter per pool, identity as the edition says, the rule of the
pool, paper ballots typed twice, and a receipt that shows the vote was counted."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.factories import UserFactory
from accounts.models import Role
from budget.models import Ballot, BallotChoice, Identity, PaperEntry, VotingRule
from budget.pesel import pesel_hash, with_checksum
from budget.services import voting
from budget.services.submission import PhaseClosed

ADULT = with_checksum("8501150812")
ADULT_2 = with_checksum("9002020345")


def projects_of(edition):
    pool = edition.pools.get()
    return pool, {p.title: p for p in pool.projects.all()}


def test_resident_votes_and_sees_the_receipt(client, resident, voting_edition):
    pool, projects = projects_of(voting_edition)
    client.force_login(resident)
    url = reverse("budget:vote", args=[pool.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "projects": [projects["Ławki"].pk, projects["Drzewa"].pk],
            "declared_residence": "on",
            "declared_age": "on",
        },
    )
    assert response.status_code == 302
    ballot = Ballot.objects.get()
    assert ballot.voter == resident and ballot.receipt in response["Location"]
    receipt = client.get(response["Location"])
    assert ballot.receipt in receipt.content.decode()
    assert "Ławki" not in receipt.content.decode()  # never what was chosen


def test_a_second_vote_in_the_same_pool_is_refused(client, resident, voting_edition):
    pool, projects = projects_of(voting_edition)
    client.force_login(resident)
    url = reverse("budget:vote", args=[pool.pk])
    data = {"projects": [projects["Ławki"].pk], "declared_residence": "on", "declared_age": "on"}
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 409
    assert Ballot.objects.count() == 1 and BallotChoice.objects.count() == 1


def test_choices_over_the_pool_amount_are_refused_keeping_the_choice(
    client, resident, voting_edition
):
    pool, projects = projects_of(voting_edition)
    client.force_login(resident)
    response = client.post(
        reverse("budget:vote", args=[pool.pk]),
        {
            "projects": [projects["Drzewa"].pk, projects["Plac zabaw"].pk],
            "declared_residence": "on",
            "declared_age": "on",
        },
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "error-summary" in body and "checked" in body
    assert not Ballot.objects.exists()


def test_fixed_number_rule(resident, voting_edition):
    pool, projects = projects_of(voting_edition)
    pool.voting_rule, pool.max_choices = VotingRule.COUNT, 2
    pool.save()
    voter = voting.Voter(user=resident, declared_residence=True, declared_age=True)
    with pytest.raises(ValidationError):
        voting.cast_vote(pool=pool, voter=voter, project_ids=[p.pk for p in projects.values()])
    voting.cast_vote(
        pool=pool, voter=voter, project_ids=[projects["Drzewa"].pk, projects["Plac zabaw"].pk]
    )


def test_only_admitted_projects_of_the_pool(resident, voting_edition):
    from budget.factories import make_project
    from budget.models import Status

    pool, _projects = projects_of(voting_edition)
    rejected = make_project(pool, title="Odrzucony", status=Status.REJECTED)
    voter = voting.Voter(user=resident, declared_residence=True, declared_age=True)
    with pytest.raises(ValidationError):
        voting.cast_vote(pool=pool, voter=voter, project_ids=[rejected.pk])


def test_unverified_account_cannot_vote(unverified_user, voting_edition):
    pool, projects = projects_of(voting_edition)
    voter = voting.Voter(user=unverified_user, declared_residence=True, declared_age=True)
    with pytest.raises(PermissionDenied):
        voting.cast_vote(pool=pool, voter=voter, project_ids=[projects["Ławki"].pk])


def test_votes_outside_the_voting_phase_are_refused(resident, voting_edition):
    pool, projects = projects_of(voting_edition)
    voting_edition.voting_end = timezone.now() - datetime.timedelta(minutes=1)
    voting_edition.save()
    voter = voting.Voter(user=resident, declared_residence=True, declared_age=True)
    with pytest.raises(PhaseClosed):
        voting.cast_vote(
            pool=pool.__class__.objects.get(pk=pool.pk),
            voter=voter,
            project_ids=[projects["Ławki"].pk],
        )


@pytest.fixture
def pesel_edition(voting_edition):
    voting_edition.identity = Identity.PESEL
    voting_edition.minimum_age = 16
    voting_edition.save()
    return voting_edition


def test_pesel_vote_needs_no_account_and_stores_only_a_hash(client, pesel_edition):
    pool, projects = projects_of(pesel_edition)
    response = client.post(
        reverse("budget:vote", args=[pool.pk]),
        {
            "projects": [projects["Ławki"].pk],
            "full_name": "Anna Lipowa",
            "pesel": ADULT,
            "declared_residence": "on",
        },
    )
    assert response.status_code == 302
    ballot = Ballot.objects.get()
    assert ballot.pesel_hash == pesel_hash(ADULT) and ballot.voter is None
    assert not Ballot.objects.filter(pesel_hash__contains=ADULT).exists()


def test_same_pesel_twice_in_a_pool_is_refused(client, pesel_edition):
    pool, projects = projects_of(pesel_edition)
    data = {
        "projects": [projects["Ławki"].pk],
        "full_name": "Anna Lipowa",
        "pesel": ADULT,
        "declared_residence": "on",
    }
    url = reverse("budget:vote", args=[pool.pk])
    assert client.post(url, data).status_code == 302
    assert client.post(url, {**data, "full_name": "Ktoś Inny"}).status_code == 409
    assert Ballot.objects.count() == 1


@pytest.mark.parametrize(
    "number",
    [
        ADULT[:10] + str((int(ADULT[10]) + 1) % 10),  # checksum
        "8501150812",  # too short
        with_checksum("8502300812"),  # 30 February
    ],
)
def test_invalid_pesel_is_refused(pesel_edition, number):
    pool, projects = projects_of(pesel_edition)
    voter = voting.Voter(full_name="Anna", pesel=number, declared_residence=True)
    with pytest.raises(ValidationError):
        voting.cast_vote(pool=pool, voter=voter, project_ids=[projects["Ławki"].pk])


def test_minimum_age_is_read_from_the_pesel(pesel_edition):
    pool, projects = projects_of(pesel_edition)
    today = timezone.localdate()
    young = with_checksum(f"{today.year % 100:02d}{today.month + 20:02d}{today.day:02d}1234"[:10])
    voter = voting.Voter(full_name="Dziecko", pesel=young, declared_residence=True)
    with pytest.raises(ValidationError) as caught:
        voting.cast_vote(pool=pool, voter=voter, project_ids=[projects["Ławki"].pk])
    assert "16" in str(caught.value)


def test_declaration_of_residence_is_required(pesel_edition):
    pool, projects = projects_of(pesel_edition)
    voter = voting.Voter(full_name="Anna", pesel=ADULT, declared_residence=False)
    with pytest.raises(ValidationError):
        voting.cast_vote(pool=pool, voter=voter, project_ids=[projects["Ławki"].pk])


@pytest.fixture
def second_official(db):
    from municipalities.services import add_staff, home_municipality

    user = UserFactory(username="urzednik2", roles=[Role.OFFICIAL])
    add_staff(user=user, municipality=home_municipality())
    return user


def enter(by, pool, ids, sheet="A-1", pesel=ADULT, name="Anna Lipowa"):
    return voting.enter_paper_ballot(
        by=by, pool=pool, sheet=sheet, full_name=name, pesel=pesel, project_ids=ids
    )


def test_paper_ballot_counts_when_two_officials_agree(official, second_official, voting_edition):
    pool, projects = projects_of(voting_edition)
    first = enter(official, pool, [projects["Ławki"].pk])
    assert first.state == PaperEntry.State.WAITING and not Ballot.objects.exists()
    with pytest.raises(ValidationError):
        enter(official, pool, [projects["Ławki"].pk])  # the same official again
    second = enter(second_official, pool, [projects["Ławki"].pk])
    assert second.state == PaperEntry.State.MATCHED
    ballot = Ballot.objects.get()
    assert ballot.channel == Ballot.Channel.PAPER and ballot.pesel_hash == pesel_hash(ADULT)


def test_paper_mismatch_is_flagged_and_nothing_counts(official, second_official, voting_edition):
    pool, projects = projects_of(voting_edition)
    enter(official, pool, [projects["Ławki"].pk])
    second = enter(second_official, pool, [projects["Drzewa"].pk])
    assert second.state == PaperEntry.State.MISMATCH
    assert PaperEntry.objects.filter(state=PaperEntry.State.MISMATCH).count() == 2
    assert not Ballot.objects.exists()
    # Typed again from the sheet by both: now it counts.
    enter(official, pool, [projects["Ławki"].pk])
    assert enter(second_official, pool, [projects["Ławki"].pk]).state == PaperEntry.State.MATCHED


def test_paper_ballot_of_someone_who_voted_online_is_flagged(
    official, second_official, pesel_edition
):
    pool, projects = projects_of(pesel_edition)
    voting.cast_vote(
        pool=pool,
        voter=voting.Voter(full_name="Anna", pesel=ADULT, declared_residence=True),
        project_ids=[projects["Ławki"].pk],
    )
    enter(official, pool, [projects["Drzewa"].pk])
    assert enter(second_official, pool, [projects["Drzewa"].pk]).state == PaperEntry.State.DUPLICATE
    assert Ballot.objects.count() == 1


def test_receipt_with_an_unknown_code(client, db):
    response = client.get(reverse("budget:receipt"), {"kod": "NIEMA"})
    assert response.status_code == 404
    assert "error-summary" in response.content.decode()
