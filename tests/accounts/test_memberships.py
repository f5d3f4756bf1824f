"""Officials approve or reject requests to represent an organisation."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts import services
from accounts.factories import MembershipFactory, OrganisationFactory, UserFactory
from accounts.models import Membership, Role
from accounts.permissions import can_speak_for


@pytest.fixture
def pending(db):
    return MembershipFactory(
        user=UserFactory(username="kandydatka", roles=[Role.RESIDENT]),
        organisation=OrganisationFactory(name="Stowarzyszenie Sąsiedzi"),
        status=Membership.Status.PENDING,
        function="sekretarz",
    )


@pytest.mark.django_db
def test_official_approval_links_user_records_decision_and_mails_user(
    pending, official, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_membership(membership=pending, by=official)
    pending.refresh_from_db()
    assert pending.status == Membership.Status.APPROVED
    assert pending.decided_by == official
    assert pending.decided_at is not None
    assert pending.user.has_role(Role.NGO_REPRESENTATIVE)
    assert can_speak_for(pending.user, pending.organisation)
    assert [m.to for m in mailoutbox] == [[pending.user.email]]
    assert "/konto/profil/" in mailoutbox[0].body


@pytest.mark.django_db
def test_rejection_records_decision_mails_user_and_grants_nothing(
    pending, official, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        services.reject_membership(membership=pending, by=official)
    pending.refresh_from_db()
    assert pending.status == Membership.Status.REJECTED
    assert pending.decided_by == official
    assert not pending.user.has_role(Role.NGO_REPRESENTATIVE)
    assert not can_speak_for(pending.user, pending.organisation)
    assert [m.to for m in mailoutbox] == [[pending.user.email]]


@pytest.mark.django_db
def test_decision_mail_is_sent_only_after_commit(pending, official, mailoutbox):
    # Inside the test transaction nothing commits, so nothing may be sent yet.
    services.approve_membership(membership=pending, by=official)
    assert mailoutbox == []


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["resident", "ngo_user", "editor", "unverified_user"])
def test_only_officials_may_decide(pending, request, who):
    user = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        services.approve_membership(membership=pending, by=user)
    with pytest.raises(PermissionDenied):
        services.reject_membership(membership=pending, by=user)
    pending.refresh_from_db()
    assert pending.status == Membership.Status.PENDING
    assert not pending.user.has_role(Role.NGO_REPRESENTATIVE)


@pytest.mark.django_db
def test_administrator_may_decide(pending, administrator):
    services.approve_membership(membership=pending, by=administrator)
    pending.refresh_from_db()
    assert pending.status == Membership.Status.APPROVED


@pytest.mark.django_db
def test_decided_request_cannot_be_decided_again(pending, official):
    services.reject_membership(membership=pending, by=official)
    with pytest.raises(ValidationError):
        services.approve_membership(membership=pending, by=official)
    pending.refresh_from_db()
    assert pending.status == Membership.Status.REJECTED


@pytest.mark.django_db
def test_first_approval_lists_an_organisation_registered_through_the_portal(resident, official):
    organisation = OrganisationFactory.build(name="Fundacja Nowa Droga", krs="0000777111", nip="")
    membership = services.register_organisation(user=resident, organisation=organisation)
    organisation.refresh_from_db()
    assert not organisation.is_public
    services.approve_membership(membership=membership, by=official)
    organisation.refresh_from_db()
    assert organisation.is_public


@pytest.mark.django_db
def test_service_refuses_registration_by_unverified_user(unverified_user):
    organisation = OrganisationFactory.build(krs="0000777112")
    with pytest.raises(PermissionDenied):
        services.register_organisation(user=unverified_user, organisation=organisation)


@pytest.mark.django_db
def test_leaving_last_organisation_drops_the_representative_role(ngo_user):
    membership = ngo_user.memberships.get()
    services.leave_organisation(membership=membership, by=ngo_user)
    assert not Membership.objects.filter(pk=membership.pk).exists()
    ngo_user.refresh_from_db()
    assert not ngo_user.has_role(Role.NGO_REPRESENTATIVE)


@pytest.mark.django_db
def test_nobody_else_may_withdraw_a_membership(ngo_user, official):
    with pytest.raises(PermissionDenied):
        services.leave_organisation(membership=ngo_user.memberships.get(), by=official)


# --- the officials' queue in the Wagtail admin ------------------------------------------


@pytest.mark.django_db
def test_official_sees_pending_requests_in_wagtail_admin(client, official, pending):
    client.force_login(official)
    response = client.get(reverse("accounts_membership_requests"))
    assert response.status_code == 200
    assert list(response.context["pending"]) == [pending]
    assert b'id="pending-requests"' in response.content


@pytest.mark.django_db
def test_official_approves_from_the_admin_queue(
    client, official, pending, django_capture_on_commit_callbacks, mailoutbox
):
    client.force_login(official)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts_membership_requests"),
            {"membership": pending.pk, "action": "approve"},
        )
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == Membership.Status.APPROVED
    assert pending.decided_by == official
    assert len(mailoutbox) == 1


@pytest.mark.django_db
def test_official_rejects_from_the_admin_queue(client, official, pending):
    client.force_login(official)
    client.post(
        reverse("accounts_membership_requests"), {"membership": pending.pk, "action": "reject"}
    )
    pending.refresh_from_db()
    assert pending.status == Membership.Status.REJECTED


@pytest.mark.django_db
def test_editor_cannot_open_or_use_the_admin_queue(client, editor, pending):
    client.force_login(editor)
    assert client.get(reverse("accounts_membership_requests")).status_code in {302, 403}
    client.post(
        reverse("accounts_membership_requests"), {"membership": pending.pk, "action": "approve"}
    )
    pending.refresh_from_db()
    assert pending.status == Membership.Status.PENDING


@pytest.mark.django_db
def test_admin_queue_query_count_does_not_grow_with_requests(client, official):
    MembershipFactory.create_batch(2, status=Membership.Status.PENDING)
    client.force_login(official)
    client.get(reverse("accounts_membership_requests"))  # warm per-process caches
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("accounts_membership_requests"))
    MembershipFactory.create_batch(15, status=Membership.Status.PENDING)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("accounts_membership_requests"))
    assert len(many) == len(few)


@pytest.mark.django_db
def test_admin_menu_shows_organisation_requests_to_officials_only(client, official, editor):
    url = reverse("accounts_membership_requests")
    client.force_login(official)
    assert url in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(editor)
    assert url not in client.get(reverse("wagtailadmin_home")).content.decode()
