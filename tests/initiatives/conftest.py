"""Two municipalities (A runs local initiative), their staff, applicants and applications."""

import pytest
from django.core.cache import cache

from accounts.factories import MembershipFactory, OrganisationFactory, UserFactory
from accounts.models import Role
from initiatives.factories import ApplicationFactory, setup_with_criteria
from initiatives.models import ApplicantKind, Status
from municipalities.factories import staff_user
from tests.municipalities import conftest as municipal

# The two municipalities of the municipalities tests (and their regional operator).
operator = municipal.operator
gmina_a = municipal.gmina_a
gmina_b = municipal.gmina_b
_fresh_site_root_paths = municipal._fresh_site_root_paths


@pytest.fixture(autouse=True)
def _private_files(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    cache.clear()


@pytest.fixture
def setup_a(gmina_a):
    return setup_with_criteria(gmina_a)


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


@pytest.fixture
def applicant(db):
    return UserFactory(username="wnioskodawca", roles=[Role.RESIDENT])


@pytest.fixture
def other_resident(db):
    return UserFactory(username="sasiad", roles=[Role.RESIDENT])


@pytest.fixture
def ngo_member(db):
    return MembershipFactory(
        user=UserFactory(username="ngo_rep", roles=[Role.NGO_REPRESENTATIVE]),
        organisation=OrganisationFactory(name="Stowarzyszenie Zielony Zakątek"),
        status="approved",
    )


@pytest.fixture
def other_ngo_member(db):
    return MembershipFactory(
        user=UserFactory(username="inna_ngo", roles=[Role.NGO_REPRESENTATIVE]),
        organisation=OrganisationFactory(name="Fundacja Obca"),
        status="approved",
    )


@pytest.fixture
def submitted(setup_a, applicant):
    return ApplicationFactory(municipality=setup_a.municipality, created_by=applicant)


@pytest.fixture
def draft(setup_a, applicant):
    return ApplicationFactory(
        municipality=setup_a.municipality,
        created_by=applicant,
        status=Status.DRAFT,
        submitted_at=None,
        title="Szkic: plac zabaw",
    )


@pytest.fixture
def ngo_application(setup_a, ngo_member):
    return ApplicationFactory(
        municipality=setup_a.municipality,
        created_by=ngo_member.user,
        applicant_kind=ApplicantKind.ORGANISATION,
        organisation=ngo_member.organisation,
        group_name=ngo_member.organisation.name,
    )
