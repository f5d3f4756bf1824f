"""The data migration that turns a single-city database into its first municipality."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from accounts.factories import UserFactory
from accounts.models import Role
from cms_pages import factories
from cms_pages.models import IssuingBody, PortalSettings
from municipalities.models import Municipality

pytestmark = pytest.mark.django_db

first_municipality = importlib.import_module("municipalities.migrations.0002_first_municipality")
OLD_RIGHTS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]


@pytest.fixture
def single_city_database(home_page):
    """The state before municipalities: role groups hold the page rights on the home."""
    Municipality.objects.all().delete()
    Group.objects.filter(name__endswith=": staff").delete()
    for name in ("Editor", "Official", "Administrator"):
        group = Group.objects.get(name=name)
        for codename in OLD_RIGHTS:
            GroupPagePermission.objects.create(
                group=group,
                page=home_page,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
    return home_page


def test_existing_content_becomes_the_first_municipality(single_city_database, home_page):
    settings = PortalSettings.for_site(home_page.get_site())
    settings.city_name = "Zielonogród"
    settings.contact_email = "okienko@zielonogrod.example.org"
    settings.save()
    official = UserFactory(username="old-official", roles=[Role.OFFICIAL])
    resident = UserFactory(username="old-resident", roles=[Role.RESIDENT])
    factories.ResolutionPageFactory(
        parent=factories.ResolutionIndexPageFactory(parent=home_page),
        issuing_body=IssuingBody.PRESIDENT,
    )

    first_municipality.forwards(apps, None)

    municipality = Municipality.objects.get()
    assert municipality.name == "Zielonogród"
    assert municipality.slug == "zielonogrod"
    assert municipality.kind == "city_county"
    assert municipality.home_page_id == home_page.pk
    assert municipality.contact_email == "okienko@zielonogrod.example.org"
    assert official.groups.filter(pk=municipality.staff_group_id).exists()
    assert not resident.groups.filter(pk=municipality.staff_group_id).exists()
    holders = set(
        GroupPagePermission.objects.filter(page=home_page).values_list("group__name", flat=True)
    )
    assert holders == {"Zielonogród: staff"}


def test_official_keeps_editing_after_the_migration(single_city_database, home_page, client):
    official = UserFactory(username="old-official", roles=[Role.OFFICIAL])
    first_municipality.forwards(apps, None)
    client.force_login(official)
    assert client.get(f"/admin/pages/{home_page.pk}/edit/").status_code == 200


def test_migration_runs_once(single_city_database):
    first_municipality.forwards(apps, None)
    first_municipality.forwards(apps, None)
    assert Municipality.objects.count() == 1
