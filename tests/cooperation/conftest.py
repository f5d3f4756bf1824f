"""Two municipalities, a working group of A and one person in each role of the matrix."""

import datetime

import pytest

from accounts.factories import MembershipFactory, OrganisationFactory, UserFactory
from accounts.models import Role
from cooperation.factories import BodyFactory, BodyMemberFactory
from cooperation.models import BodyKind, MemberRole
from municipalities.factories import rural_municipality, staff_user
from municipalities.kinds import MunicipalityKind
from municipalities.services import MunicipalityData, add_municipality


@pytest.fixture(autouse=True)
def _fresh_site_root_paths():
    """The operator's regional page moves the default site (as in tests/municipalities)."""
    from wagtail.models import Site

    Site.clear_site_root_paths_cache()
    yield
    Site.clear_site_root_paths_cache()


@pytest.fixture
def operator(db):
    return add_municipality(
        MunicipalityData(
            name="Związek Gmin Doliny Testowej", kind=MunicipalityKind.ASSOCIATION, slug="region"
        )
    )


@pytest.fixture
def gmina_a(operator):
    return rural_municipality(1, name="Gmina Alfa", slug="alfa")


@pytest.fixture
def gmina_b(operator):
    return rural_municipality(2, name="Gmina Beta", slug="beta")


@pytest.fixture
def group(gmina_a):
    return BodyFactory(municipality=gmina_a, name="Grupa robocza ds. seniorów", area="seniors")


@pytest.fixture
def council(gmina_a):
    return BodyFactory(
        municipality=gmina_a, kind=BodyKind.COUNCIL, name="Rada Działalności Pożytku Publicznego"
    )


@pytest.fixture
def member_org(db):
    return OrganisationFactory(name="Stowarzyszenie Członkowskie")


@pytest.fixture
def other_org(db):
    return OrganisationFactory(name="Fundacja Spoza Grupy")


@pytest.fixture
def member(group, member_org):
    """An NGO representative who sits in the group for their organisation (which works
    in the group's municipality)."""
    member_org.municipalities.add(group.municipality)
    delegate = UserFactory(username="delegat", roles=[Role.NGO_REPRESENTATIVE])
    user = MembershipFactory(organisation=member_org, user=delegate).user
    BodyMemberFactory(body=group, user=user, organisation=member_org)
    return user


@pytest.fixture
def secretary(group):
    user = UserFactory(username="sekretarz", roles=[Role.NGO_REPRESENTATIVE])
    BodyMemberFactory(body=group, user=user, role=MemberRole.SECRETARY)
    return user


@pytest.fixture
def outsider_ngo(other_org):
    """A representative of an organisation with no seat, working in no municipality of
    the portal."""
    return MembershipFactory(
        organisation=other_org, user=UserFactory(username="obcy", roles=[Role.NGO_REPRESENTATIVE])
    ).user


@pytest.fixture
def official_a(gmina_a):
    return staff_user(gmina_a, username="urzednik_a", roles=[Role.OFFICIAL])


@pytest.fixture
def official_b(gmina_b):
    return staff_user(gmina_b, username="urzednik_b", roles=[Role.OFFICIAL])


@pytest.fixture
def editor_a(gmina_a):
    return staff_user(gmina_a, username="redaktor_a", roles=[Role.EDITOR])


@pytest.fixture
def admin_a(gmina_a):
    return staff_user(gmina_a, username="admin_a", roles=[Role.ADMINISTRATOR])


ROLES = [
    "anonymous",
    "resident",
    "member",
    "outsider_ngo",
    "editor_a",
    "official_a",
    "official_b",
    "admin_a",
]


@pytest.fixture
def as_role(client, request):
    """as_role(name) logs the client in as that role's user (anonymous: nobody)."""

    def login(name):
        client.logout()
        if name != "anonymous":
            client.force_login(request.getfixturevalue(name))
        return client

    return login


TODAY = datetime.date(2026, 3, 10)
