"""Who reaches the proposal screens: the forms only the organisation's representatives
(the rest learn nothing: 404; anonymous visitors log in first); "My proposals" any
logged-in person, listing only their own organisations' proposals."""

import pytest
from django.urls import reverse

from accounts.factories import MembershipFactory, UserFactory
from cms_pages.factories import NewsPageFactory
from organisations.models import Proposal
from organisations.proposals import section_index

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "plain_resident",
    "rep_a",
    "rep_other",
    "editor_a",
    "official_a",
    "official_b",
    "administrator_user",
]
# Answers in ROLES order.
FORM = [302, 404, 200, 404, 404, 404, 404, 404]
FORM_POST = [302, 404, 200, 404, 404, 404, 404, 404]  # 200: the empty form's errors
LIST = [302, 200, 200, 200, 200, 200, 200, 200]


@pytest.fixture
def as_role(client, request):
    def login(name):
        client.logout()
        if name != "anonymous":
            client.force_login(request.getfixturevalue(name))
        return client

    return login


@pytest.mark.parametrize("kind", ["news", "event"])
@pytest.mark.parametrize(("role", "get", "post"), list(zip(ROLES, FORM, FORM_POST, strict=True)))
def test_proposal_forms(as_role, ngo_a, gmina_a, gmina_b, role, get, post, kind):
    url = reverse(f"ngo:propose_{kind}", args=[ngo_a.slug])
    client = as_role(role)
    assert client.get(url).status_code == get
    assert client.post(url, {}).status_code == post
    assert not Proposal.objects.exists()


@pytest.mark.parametrize(("role", "status"), list(zip(ROLES, LIST, strict=True)))
def test_my_proposals_lists_only_ones_own_organisations(
    as_role, ngo_a, gmina_a, gmina_b, rep_other, role, status
):
    Proposal.objects.create(
        organisation=ngo_a, municipality=gmina_a, kind="news", title="Propozycja Alfy"
    )
    other = rep_other.memberships.get().organisation
    Proposal.objects.create(
        organisation=other, municipality=gmina_a, kind="news", title="Propozycja innej"
    )
    response = as_role(role).get(reverse("ngo:my_proposals"))
    assert response.status_code == status
    if status != 200:
        return
    html = response.content.decode()
    assert ("Propozycja Alfy" in html) == (role == "rep_a")
    assert ("Propozycja innej" in html) == (role == "rep_other")


def test_a_pending_or_rejected_representative_cannot_propose(client, ngo_a, gmina_a):
    for status in ("pending", "rejected"):
        user = UserFactory(username=f"claim-{status}")
        MembershipFactory(user=user, organisation=ngo_a, status=status)
        client.force_login(user)
        assert client.get(reverse("ngo:propose_news", args=[ngo_a.slug])).status_code == 404


def test_representatives_find_the_forms_on_their_organisations_page(
    client, ngo_a, rep_a, rep_other
):
    url = ngo_a.get_absolute_url()
    client.force_login(rep_a)
    html = client.get(url).content.decode()
    assert reverse("ngo:propose_news", args=[ngo_a.slug]) in html
    client.force_login(rep_other)
    assert reverse("ngo:propose_news", args=[ngo_a.slug]) not in client.get(url).content.decode()
    client.logout()
    assert "propozycje" not in client.get(url).content.decode()


def test_the_account_profile_counts_waiting_proposals(client, ngo_a, gmina_a, rep_a):
    Proposal.objects.create(organisation=ngo_a, municipality=gmina_a, kind="news", title="A")
    Proposal.objects.create(
        organisation=ngo_a, municipality=gmina_a, kind="event", title="B", status="published"
    )
    client.force_login(rep_a)
    html = client.get(reverse("accounts:profile")).content.decode()
    assert 'id="section-proposals"' in html and reverse("ngo:my_proposals") in html
    client.force_login(UserFactory(username="nikt"))
    assert 'id="section-proposals"' not in client.get(reverse("accounts:profile")).content.decode()


def test_my_proposals_query_count_does_not_grow(
    client, ngo_a, gmina_a, rep_a, django_assert_max_num_queries
):
    index = section_index(gmina_a, "news")

    def add(n):
        for i in range(n):
            page = NewsPageFactory(parent=index, title=f"Wieść {i}", author_organisation=ngo_a)
            Proposal.objects.create(
                organisation=ngo_a,
                municipality=gmina_a,
                kind="news",
                title=page.title,
                page=page,
                status="published" if i % 2 else "rejected",
                comment="Za długi tekst." if not i % 2 else "",
            )

    add(2)
    client.force_login(rep_a)
    url = reverse("ngo:my_proposals")
    client.get(url)
    with django_assert_max_num_queries(15) as small:
        client.get(url)
    add(18)
    with django_assert_max_num_queries(len(small.captured_queries)):
        html = client.get(url).content.decode()
    assert html.count('id="proposal-') == 20
