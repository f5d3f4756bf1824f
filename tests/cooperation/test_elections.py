"""The council's election: nominations, one vote per organisation, published results."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from accounts.factories import MembershipFactory, OrganisationFactory, UserFactory
from accounts.models import Role
from cooperation import elections
from cooperation.factories import TermFactory
from cooperation.models import BodyMember, Candidate, CandidateCall, Vote
from tests.cooperation.conftest import ROLES

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def call_for(council, phase):
    """A call whose dates put it in `phase` now."""
    now = timezone.now()
    start = {"nominations": -1, "voting": -10, "counting": -20}[phase]
    return CandidateCall.objects.create(
        body=council,
        term=TermFactory(body=council),
        title="Nabór kandydatów do Rady 2026–2029",
        seats=2,
        nominations_open_at=now + start * DAY,
        nominations_close_at=now + (start + 5) * DAY,
        voting_open_at=now + (start + 6) * DAY,
        voting_close_at=now + (start + 12) * DAY,
    )


def representative(organisation, username):
    user = UserFactory(username=username, roles=[Role.NGO_REPRESENTATIVE])
    return MembershipFactory(organisation=organisation, user=user)


def test_dates_must_follow_each_other(council):
    call = call_for(council, "voting")
    call.voting_open_at = call.nominations_open_at - DAY
    with pytest.raises(ValidationError):
        call.full_clean()


def test_a_working_group_holds_no_elections(group, council):
    call = call_for(council, "voting")
    call.body = group
    with pytest.raises(ValidationError):
        call.full_clean()


def test_a_representative_nominates_through_the_form(client, council, member, member_org):
    call = call_for(council, "nominations")
    membership = member.memberships.get()
    client.force_login(member)
    url = reverse("cooperation:nominate", args=[call.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"membership": membership.pk, "statement": "Doświadczona."})
    assert response.status_code == 302
    assert Candidate.objects.get().organisation == member_org
    assert client.get(url).status_code == 403  # the organisation has nominated


def test_an_organisation_working_elsewhere_is_refused_politely(
    client, council, outsider_ngo, other_org, gmina_b
):
    other_org.municipalities.set([gmina_b])
    call = call_for(council, "nominations")
    client.force_login(outsider_ngo)
    page = client.get(call.get_absolute_url()).content.decode()
    assert 'id="nomination-elsewhere"' in page
    assert reverse("cooperation:nominate", args=[call.pk]) not in page
    url = reverse("cooperation:nominate", args=[call.pk])
    response = client.get(url)
    assert response.status_code == 403
    assert 'id="nomination-refused"' in response.content.decode()
    assert "Gmina Alfa" in response.content.decode()
    membership = outsider_ngo.memberships.get()
    assert client.post(url, {"membership": membership.pk}).status_code == 403
    with pytest.raises(ValidationError, match="Gmina Alfa"):
        elections.nominate(call=call, membership=membership, by=outsider_ngo)
    assert not Candidate.objects.exists()


def test_only_the_local_organisation_is_offered_to_a_representative_of_two(
    client, council, member, member_org, other_org
):
    MembershipFactory(organisation=other_org, user=member)
    call = call_for(council, "nominations")
    client.force_login(member)
    html = client.get(reverse("cooperation:nominate", args=[call.pk])).content.decode()
    assert member_org.name in html and other_org.name not in html


def test_organisations_working_elsewhere_still_vote_once(council, member, member_org, outsider_ngo):
    call = call_for(council, "voting")
    candidate = Candidate.objects.create(call=call, organisation=member_org, user=member)
    other = outsider_ngo.memberships.get().organisation
    elections.cast_vote(call=call, organisation=other, candidate=candidate, by=outsider_ngo)
    with pytest.raises(ValidationError):
        elections.cast_vote(call=call, organisation=other, candidate=candidate, by=outsider_ngo)
    assert Vote.objects.filter(organisation=other).count() == 1


def test_one_vote_per_organisation_is_a_database_rule(council, member_org):
    call = call_for(council, "voting")
    membership = representative(member_org, "kandydat")
    candidate = Candidate.objects.create(call=call, organisation=member_org, user=membership.user)
    Vote.objects.create(call=call, organisation=member_org, candidate=candidate)
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(call=call, organisation=member_org, candidate=candidate)


def test_a_second_representative_cannot_vote_again(council, member, member_org):
    call = call_for(council, "voting")
    candidate = Candidate.objects.create(call=call, organisation=member_org, user=member)
    colleague = representative(member_org, "kolega").user
    elections.cast_vote(call=call, organisation=member_org, candidate=candidate, by=member)
    with pytest.raises(ValidationError, match="already voted|już głosowała"):
        elections.cast_vote(call=call, organisation=member_org, candidate=candidate, by=colleague)
    assert Vote.objects.count() == 1


def test_nobody_votes_for_an_organisation_they_do_not_represent(council, member, other_org):
    call = call_for(council, "voting")
    candidate = Candidate.objects.create(call=call, organisation=other_org, user=member)
    with pytest.raises(elections.PermissionDenied):
        elections.cast_vote(call=call, organisation=other_org, candidate=candidate, by=member)


def test_voting_outside_its_dates_is_refused_politely(client, council, member):
    call = call_for(council, "nominations")
    client.force_login(member)
    response = client.get(reverse("cooperation:vote", args=[call.pk]), follow=True)
    assert response.status_code == 200
    assert "Voting is closed." in response.content.decode() or "Głosowanie jest zamknięte" in (
        response.content.decode()
    )


def test_results_are_published_with_counts_and_the_elected_join(council, official_a, client):
    call = call_for(council, "counting")
    orgs = [OrganisationFactory(name=f"Organizacja {i}") for i in range(4)]
    candidates = [
        Candidate.objects.create(
            call=call, organisation=org, user=representative(org, f"k{i}").user
        )
        for i, org in enumerate(orgs)
    ]
    # Votes: candidate 0 twice, candidate 1 once, candidate 2 once (later nomination), 3 none.
    for org, chosen in zip(orgs, [0, 0, 1, 2], strict=True):
        Vote.objects.create(call=call, organisation=org, candidate=candidates[chosen])
    elections.publish_results(call=call, by=official_a)
    elected = set(Candidate.objects.filter(elected=True).values_list("pk", flat=True))
    assert elected == {candidates[0].pk, candidates[1].pk}
    assert Candidate.objects.get(pk=candidates[0].pk).votes == 2
    seats = BodyMember.objects.filter(body=council, term=call.term)
    assert {s.user_id for s in seats} == {candidates[0].user_id, candidates[1].user_id}
    assert all(s.ends_on == call.term.ends_on for s in seats)
    with pytest.raises(ValidationError):
        elections.publish_results(call=call, by=official_a)  # only once
    page = client.get(call.get_absolute_url()).content.decode()
    assert "<td>2</td>" in page


def test_results_wait_for_the_vote_to_close(council, official_a):
    call = call_for(council, "voting")
    with pytest.raises(ValidationError):
        elections.publish_results(call=call, by=official_a)


# GET of the call page, the nominate and vote forms, POST of the results, per role.
SCREENS = {
    "anonymous": (200, 302, 302, 302),
    "resident": (200, 403, 403, 403),
    "member": (200, 200, 200, 403),
    "outsider_ngo": (200, 403, 200, 403),  # it works elsewhere: a polite refusal
    "editor_a": (200, 403, 403, 403),
    "official_a": (200, 403, 403, 302),
    "official_b": (200, 403, 403, 403),
    "admin_a": (200, 403, 403, 302),
}


@pytest.mark.parametrize("role", ROLES)
def test_call_screens_by_role(role, as_role, council, member, outsider_ngo):
    nominations = call_for(council, "nominations")
    voting = call_for(council, "voting")
    Candidate.objects.create(
        call=voting, organisation=member.memberships.get().organisation, user=member
    )
    counting = call_for(council, "counting")
    client = as_role(role)
    codes = (
        client.get(nominations.get_absolute_url()).status_code,
        client.get(reverse("cooperation:nominate", args=[nominations.pk])).status_code,
        client.get(reverse("cooperation:vote", args=[voting.pk])).status_code,
        client.post(reverse("cooperation:publish_results", args=[counting.pk])).status_code,
    )
    assert codes == SCREENS[role]
    counting.refresh_from_db()
    assert (counting.results_published_at is not None) == (
        SCREENS[role][3] == 302 and role != "anonymous"
    )
