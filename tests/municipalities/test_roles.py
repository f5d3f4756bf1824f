"""Roles act only where their municipality is: Wagtail's stock groups hold no rights on
the root, and the moderation and response services ask for the municipality."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page

from accounts.factories import UserFactory
from accounts.models import Role
from consultations import services
from consultations.factories import CommentFactory
from consultations.models import ConsultationIndexPage, ResponseStatus
from municipalities.factories import staff_user
from municipalities.models import Municipality
from tests.consultations.conftest import make_consultation

pytestmark = pytest.mark.django_db

stock_groups = importlib.import_module("municipalities.migrations.0003_stock_groups_scoped")


def _stock_rights():
    return GroupPagePermission.objects.filter(
        group__name__in=["Editors", "Moderators"], page__depth=1
    )


def _give_stock_rights_back():
    stock_groups.backwards(apps, None)
    assert _stock_rights().count() == 7


def test_migrated_database_has_no_page_rights_on_the_root():
    assert not GroupPagePermission.objects.filter(page__depth=1).exists()


def test_stock_group_members_of_a_single_city_join_its_staff(home_page, client):
    _give_stock_rights_back()
    moderator = UserFactory(username="stary-moderator", is_staff=True)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    stock_groups.forwards(apps, None)
    assert not _stock_rights().exists()
    city = Municipality.objects.get()
    assert moderator.groups.filter(pk=city.staff_group_id).exists()
    assert Group.objects.filter(name="Moderators").exists()  # the workflow still names it
    client.force_login(moderator)
    assert client.get(f"/admin/pages/{home_page.pk}/edit/").status_code == 200


def test_stock_group_editor_cannot_reach_another_municipality(gmina_a, gmina_b, client):
    _give_stock_rights_back()
    editor = UserFactory(username="stary-redaktor", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    home_b = gmina_b.home_page
    assert client.get(f"/admin/pages/{home_b.pk}/edit/").status_code == 200  # the bypass
    stock_groups.forwards(apps, None)
    assert not _stock_rights().exists()
    assert not editor.groups.filter(name__endswith=": staff").exists()  # several: by hand
    response = client.get(f"/admin/pages/{home_b.pk}/edit/")
    assert response.status_code in (302, 403)


def test_migrating_back_restores_wagtails_rights():
    stock_groups.backwards(apps, None)
    codenames = set(
        _stock_rights()
        .filter(group__name="Moderators")
        .values_list("permission__codename", flat=True)
    )
    assert codenames == {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"}
    assert Page.objects.get(depth=1).pk in set(_stock_rights().values_list("page_id", flat=True))
    assert Permission.objects.filter(codename="publish_page").exists()


@pytest.fixture
def comment_of_b(gmina_b):
    index = ConsultationIndexPage.objects.child_of(gmina_b.home_page).get()
    consultation = make_consultation(index, "closed", title="Konsultacje Beta")
    return CommentFactory(clause=consultation.versions.get().clauses.first())


@pytest.mark.parametrize(
    "action",
    [
        lambda c, by: services.hide_comment(comment=c, reason="Wulgaryzmy", by=by),
        lambda c, by: services.unhide_comment(comment=c, by=by),
        lambda c, by: services.keep_comment(comment=c, by=by),
        lambda c, by: services.respond(
            comment=c, status=ResponseStatus.ACCEPTED, text="Uwzględniono.", by=by
        ),
        lambda c, by: services.publish_report(consultation=c.consultation, by=by),
    ],
    ids=["hide", "unhide", "keep", "answer", "report"],
)
def test_official_of_a_cannot_moderate_answer_or_report_in_b(action, gmina_a, comment_of_b):
    official_a = staff_user(gmina_a, username="urzednik-a", roles=[Role.OFFICIAL])
    with pytest.raises(PermissionDenied):
        action(comment_of_b, official_a)


def test_official_of_b_and_operator_staff_moderate_in_b(operator, gmina_b, comment_of_b):
    official_b = staff_user(gmina_b, username="urzednik-b", roles=[Role.OFFICIAL])
    operator_admin = staff_user(operator, username="operator", roles=[Role.OFFICIAL])
    services.hide_comment(comment=comment_of_b, reason="Dane osobowe", by=official_b)
    services.unhide_comment(comment=comment_of_b, by=operator_admin)
    comment_of_b.refresh_from_db()
    assert comment_of_b.hidden_at is None


def test_draft_file_of_an_unpublished_version_is_not_served_to_another_official(
    client, gmina_a, gmina_b
):
    from django.core.files.base import ContentFile

    from consultations.models import DraftActVersion

    index = ConsultationIndexPage.objects.child_of(gmina_b.home_page).get()
    consultation = make_consultation(index, "open")
    version = DraftActVersion.objects.create(consultation=consultation, number=2)
    version.source_file.save("projekt.txt", ContentFile(b"Projekt uchwaly"))
    url = reverse(
        "consultations:draft_file", kwargs={"page_id": consultation.pk, "version_id": version.pk}
    )
    client.force_login(staff_user(gmina_a, username="urzednik-a", roles=[Role.OFFICIAL]))
    assert client.get(url).status_code == 404
    client.force_login(staff_user(gmina_b, username="urzednik-b", roles=[Role.OFFICIAL]))
    assert client.get(url).status_code == 200
