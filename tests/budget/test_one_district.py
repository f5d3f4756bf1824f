"""One district pool per voter (an edition setting, on by default): a voter votes in the
whole-municipality pool and in at most one district pool; the refusal names the
district already voted in. Online and on paper, by account and by PESEL."""

import pytest
from django.urls import reverse

from accounts.factories import UserFactory
from accounts.models import Role
from budget.admin_forms import EditionForm
from budget.factories import make_ballot, make_edition, make_pool, make_project
from budget.models import Ballot, Edition, Identity, PaperEntry, Phase, PoolKind, Status
from budget.pesel import pesel_hash, with_checksum
from budget.services import voting
from municipalities.services import add_staff

ADULT = with_checksum("8501150812")


@pytest.fixture
def districts(city):
    """An edition in voting: the whole city and two districts, one project each."""
    edition = make_edition(city, phase=Phase.VOTING)
    pools = {
        "city": make_pool(edition, name="Cała gmina"),
        "north": make_pool(edition, name="Osiedle Północ", kind=PoolKind.DISTRICT, position=1),
        "south": make_pool(edition, name="Osiedle Południe", kind=PoolKind.DISTRICT, position=2),
    }
    for key, pool in pools.items():
        pool.project = make_project(pool, title=f"Projekt {key}", status=Status.ADMITTED)
    return edition, pools


def cast(pool, voter):
    return voting.cast_vote(pool=pool, voter=voter, project_ids=[pool.project.pk])


def account_voter(user):
    return voting.Voter(user=user, declared_residence=True, declared_age=True)


def test_the_rule_is_on_for_a_new_edition(city):
    assert make_edition(city).one_district_pool is True
    assert Edition._meta.get_field("one_district_pool").default is True


def test_city_pool_and_one_district_then_another_district_is_refused(resident, districts):
    _edition, pools = districts
    voter = account_voter(resident)
    cast(pools["city"], voter)
    ballot = cast(pools["north"], voter)
    assert ballot.district_vote is True
    with pytest.raises(voting.OtherDistrictVoted) as refused:
        cast(pools["south"], voter)
    assert refused.value.district == pools["north"]
    assert "Osiedle Północ" in refused.value.message
    assert Ballot.objects.filter(voter=resident).count() == 2


def test_the_same_district_again_is_an_ordinary_second_vote(resident, districts):
    _edition, pools = districts
    cast(pools["north"], account_voter(resident))
    with pytest.raises(voting.AlreadyVoted) as refused:
        cast(pools["north"], account_voter(resident))
    assert not isinstance(refused.value, voting.OtherDistrictVoted)


def test_with_the_rule_off_every_district_is_open(resident, districts):
    edition, pools = districts
    edition.one_district_pool = False
    edition.save()
    for key in ("north", "south"):
        pool = type(pools[key]).objects.select_related("edition").get(pk=pools[key].pk)
        pool.project = pools[key].project
        assert cast(pool, account_voter(resident)).district_vote is False


def test_the_rule_holds_for_pesel_voters(districts):
    edition, pools = districts
    edition.identity = Identity.PESEL
    edition.save()

    def person(name):
        return voting.Voter(full_name=name, pesel=ADULT, declared_residence=True)

    cast(pools["south"], person("Anna Lipowa"))
    with pytest.raises(voting.OtherDistrictVoted):
        cast(pools["north"], person("Anna Lipowa"))
    assert Ballot.objects.filter(pesel_hash=pesel_hash(ADULT)).count() == 1


def test_the_refusal_names_the_district_on_the_page(client, resident, districts):
    _edition, pools = districts
    client.force_login(resident)
    data = {"declared_residence": "on", "declared_age": "on"}
    url = reverse("budget:vote", args=[pools["north"].pk])
    body = client.get(url).content.decode()
    assert 'id="one-district"' in body
    assert client.post(url, {**data, "projects": [pools["north"].project.pk]}).status_code == 302
    response = client.post(
        reverse("budget:vote", args=[pools["south"].pk]),
        {**data, "projects": [pools["south"].project.pk]},
    )
    assert response.status_code == 409
    body = response.content.decode()
    assert "error-summary" in body and "Osiedle Północ" in body
    assert "checked" in body  # the choice is kept


def test_the_edition_page_states_the_rule(client, districts):
    edition, _pools = districts
    assert 'id="one-district"' in client.get(edition.get_absolute_url()).content.decode()
    edition.one_district_pool = False
    edition.save()
    assert 'id="one-district"' not in client.get(edition.get_absolute_url()).content.decode()


def test_paper_ballot_of_a_voter_of_another_district_is_flagged(official, districts):
    edition, pools = districts
    second = UserFactory(username="urzednik2", roles=[Role.OFFICIAL])
    add_staff(user=second, municipality=edition.municipality)
    make_ballot(pools["north"], [pools["north"].project], pesel_hash=pesel_hash(ADULT))
    entries = [
        voting.enter_paper_ballot(
            by=by,
            pool=pools["south"],
            sheet="S-1",
            full_name="Anna Lipowa",
            pesel=ADULT,
            project_ids=[pools["south"].project.pk],
        )
        for by in (official, second)
    ]
    assert entries[1].state == PaperEntry.State.OTHER_DISTRICT
    assert not Ballot.objects.filter(pool=pools["south"]).exists()


def test_the_setting_is_fixed_once_ballots_are_cast(official, districts):
    edition, pools = districts
    assert not EditionForm(instance=edition, user=official).fields["one_district_pool"].disabled
    make_ballot(pools["city"], [pools["city"].project])
    assert EditionForm(instance=edition, user=official).fields["one_district_pool"].disabled
