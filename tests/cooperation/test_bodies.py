"""Bodies and their members: public pages, the officials' admin screens by role."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cooperation.factories import BodyFactory, BodyMemberFactory, TermFactory
from cooperation.models import BodyKind
from cooperation.sections import bodies_of_organisation
from tests.cooperation.conftest import ROLES

pytestmark = pytest.mark.django_db


def test_a_working_group_needs_its_field(gmina_a):
    body = BodyFactory.build(municipality=gmina_a, kind=BodyKind.WORKING_GROUP, area="")
    with pytest.raises(ValidationError) as error:
        body.full_clean()
    assert "area" in error.value.message_dict


def test_a_member_of_a_term_of_another_body_is_refused(group, council):
    term = TermFactory(body=council)
    seat = BodyMemberFactory.build(body=group, user=BodyMemberFactory(body=group).user, term=term)
    with pytest.raises(ValidationError) as error:
        seat.full_clean()
    assert "term" in error.value.message_dict


@pytest.mark.parametrize("role", ROLES)
def test_everyone_sees_the_lists_and_the_body_page(role, as_role, group, member, gmina_a):
    client = as_role(role)
    assert client.get(reverse("cooperation:body_list")).status_code == 200
    assert client.get(reverse("cooperation:municipality_bodies", args=["alfa"])).status_code == 200
    page = client.get(group.get_absolute_url())
    assert page.status_code == 200
    assert member.public_name in page.content.decode()
    assert "Stowarzyszenie Członkowskie" in page.content.decode()


def test_a_past_member_is_not_listed(group, member):
    seat = group.members.get(user=member)
    seat.ends_on = datetime.date(2025, 6, 30)
    seat.save()
    assert (
        member.public_name
        not in pytest.importorskip("django.test")
        .Client()
        .get(group.get_absolute_url())
        .content.decode()
    )


def test_unknown_municipality_or_body_is_not_found(client, group):
    assert client.get("/wspolpraca/nie-ma/").status_code == 404
    assert client.get("/wspolpraca/alfa/nie-ma/").status_code == 404
    assert client.get("/wspolpraca/beta/" + group.slug + "/").status_code == 404


def _bodies(gmina, n):
    for i in range(n):
        body = BodyFactory(municipality=gmina, name=f"Zespół {gmina.slug} {i}")
        BodyMemberFactory(body=body)


@pytest.mark.parametrize("n", [1, 15])
def test_the_list_costs_the_same_for_few_and_many(
    n, client, gmina_a, gmina_b, django_assert_max_num_queries
):
    _bodies(gmina_a, n)
    _bodies(gmina_b, n)
    client.get(reverse("cooperation:body_list"))  # the site's settings row is made on first use
    with django_assert_max_num_queries(7):
        response = client.get(reverse("cooperation:body_list"))
    assert response.content.decode().count("Zespół") == 2 * n


def test_bodies_of_an_organisation(group, council, member, member_org, other_org):
    BodyMemberFactory(body=council, organisation=member_org)
    assert {b.pk for b in bodies_of_organisation(member_org)} == {group.pk, council.pk}
    assert bodies_of_organisation(other_org) == []


def test_the_profile_lists_the_users_seats(client, member, group):
    client.force_login(member)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert group.name in page


# --- The officials' admin screens -------------------------------------------------

ADMIN_INDEX = "/admin/cooperation_bodies/"


def admin_codes(client, body):
    return (
        client.get(ADMIN_INDEX).status_code,
        client.get(f"{ADMIN_INDEX}edit/{body.pk}/").status_code,
        client.get(f"{ADMIN_INDEX}delete/{body.pk}/").status_code,
    )


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", (302, 302, 302)),
        ("resident", (302, 302, 302)),
        ("member", (302, 302, 302)),
        ("outsider_ngo", (302, 302, 302)),
        ("editor_a", (302, 302, 302)),
        ("official_a", (200, 200, 200)),
        ("official_b", (200, 404, 404)),
        ("admin_a", (200, 200, 200)),
    ],
)
def test_admin_screens_of_a_body_by_role(role, expected, as_role, group, member):
    assert admin_codes(as_role(role), group) == expected


def test_an_official_lists_only_own_bodies(as_role, group, gmina_b):
    BodyFactory(municipality=gmina_b, name="Grupa z Bety")
    page = as_role("official_a").get(ADMIN_INDEX).content.decode()
    assert group.name in page and "Grupa z Bety" not in page
    page = as_role("official_b").get(ADMIN_INDEX).content.decode()
    assert group.name not in page and "Grupa z Bety" in page


def test_an_official_cannot_add_a_body_to_another_municipality(as_role, gmina_a, gmina_b):
    client = as_role("official_a")
    data = {"municipality": gmina_b.pk, "kind": "team", "name": "Zespół obcy", "slug": "obcy"}
    response = client.post(f"{ADMIN_INDEX}new/", data)
    assert response.status_code == 200  # the form again: B is not a choice
    data["municipality"] = gmina_a.pk
    assert client.post(f"{ADMIN_INDEX}new/", data).status_code == 302
    assert gmina_a.cooperation_bodies.filter(slug="obcy").exists()


@pytest.mark.parametrize("screen", ["edit", "history", "usage", "delete"])
def test_an_official_of_another_municipality_never_opens_a_seat(screen, as_role, group, member):
    seat = group.members.get()
    prefix = "/admin/cooperation_members"
    assert as_role("official_b").get(f"{prefix}/{screen}/{seat.pk}/").status_code == 404
    assert as_role("official_a").get(f"{prefix}/{screen}/{seat.pk}/").status_code == 200


def test_the_term_screens_list_only_own_terms(as_role, council, gmina_b):
    TermFactory(body=council, name="Kadencja Alfy")
    TermFactory(body=BodyFactory(municipality=gmina_b, kind=BodyKind.COUNCIL), name="Kadencja Bety")
    page = as_role("official_a").get("/admin/cooperation_terms/").content.decode()
    assert "Kadencja Alfy" in page and "Kadencja Bety" not in page
