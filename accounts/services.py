"""Verbs on accounts and organisations.

Every mutation lives here, checks its own permission and runs atomically, so the
portal's views, the Wagtail admin and scripts behave the same. E-mails are sent from
tasks enqueued after the transaction commits.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from . import erasure, permissions, signals, tasks
from .models import Membership, Organisation, Role, User


def _unique_slug(name: str) -> str:
    base = slugify(name)[:200] or "organizacja"
    slug, n = base, 2
    while Organisation.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def register_organisation(
    *, user: User, organisation: Organisation, function: str = "", municipalities=()
) -> Membership:
    """Add a new organisation to the directory with `user` as its pending representative.

    Only users who may participate (verified e-mail, active) can register. The
    organisation stays unlisted until an official approves the representative, so the
    public directory only shows organisations a person at the city hall has checked.
    `municipalities` are where it works (one profile for all of them). Returns the
    pending membership.
    """
    if not permissions.can_register_organisation(user):
        raise PermissionDenied(
            _("Only users with a verified e-mail address can register organisations.")
        )
    organisation.slug = organisation.slug or _unique_slug(organisation.name)
    organisation.is_public = False
    organisation.full_clean()
    organisation.save()
    if municipalities:
        organisation.municipalities.set(municipalities)
    membership = Membership.objects.create(
        user=user, organisation=organisation, function=function, status=Membership.Status.PENDING
    )
    transaction.on_commit(lambda: tasks.notify_officials_of_request.enqueue(membership.pk))
    return membership


@transaction.atomic
def request_membership(*, user: User, organisation: Organisation, function: str = "") -> Membership:
    """Ask to represent an existing organisation; creates (or reopens) a pending membership.

    Refuses users who may not participate and users who already have a pending or
    approved link to the organisation. A rejected request may be made again.
    """
    if not permissions.can_register_organisation(user):
        raise PermissionDenied(
            _("Only users with a verified e-mail address can represent organisations.")
        )
    membership = (
        Membership.objects.select_for_update().filter(user=user, organisation=organisation).first()
    )
    if membership and membership.status != Membership.Status.REJECTED:
        raise ValidationError(
            _("You have already asked to represent this organisation."), code="duplicate"
        )
    if membership is None:
        membership = Membership(user=user, organisation=organisation)
    membership.function = function
    membership.status = Membership.Status.PENDING
    membership.decided_by = None
    membership.decided_at = None
    membership.save()
    transaction.on_commit(lambda: tasks.notify_officials_of_request.enqueue(membership.pk))
    return membership


def _decide(membership: Membership, by: User, status: str) -> Membership:
    if not permissions.can_approve_memberships(by):
        raise PermissionDenied(_("Only officials can decide on organisation requests."))
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.status != Membership.Status.PENDING:
        raise ValidationError(_("This request has already been decided."), code="decided")
    membership.status = status
    membership.decided_by = by
    membership.decided_at = timezone.now()
    membership.save(update_fields=["status", "decided_by", "decided_at"])
    transaction.on_commit(lambda: tasks.send_membership_decision.enqueue(membership.pk))
    return membership


@transaction.atomic
def approve_membership(*, membership: Membership, by: User) -> Membership:
    """Approve a pending request: the user may now speak for the organisation.

    The user joins the "NGO representative" group; the decision (who, when) is
    recorded; an organisation registered through the portal becomes listed with its
    first approved representative; the user is told by e-mail after commit.
    """
    first_approval = (
        not Membership.objects.approved()
        .filter(organisation_id=membership.organisation_id)
        .exists()
    )
    membership = _decide(membership, by, Membership.Status.APPROVED)
    membership.user.groups.add(Group.objects.get_or_create(name=Role.NGO_REPRESENTATIVE)[0])
    if first_approval and not membership.organisation.is_public:
        Organisation.objects.filter(pk=membership.organisation_id).update(is_public=True)
    return membership


@transaction.atomic
def reject_membership(*, membership: Membership, by: User) -> Membership:
    """Reject a pending request; the decision is recorded and the user told by e-mail."""
    return _decide(membership, by, Membership.Status.REJECTED)


@transaction.atomic
def leave_organisation(*, membership: Membership, by: User) -> None:
    """Withdraw a pending request or stop representing an organisation.

    Only the member may do this. A user left with no approved membership loses the
    "NGO representative" role.
    """
    if membership.user_id != by.pk:
        raise PermissionDenied(_("You can only withdraw your own memberships."))
    user = membership.user
    membership.delete()
    if not user.memberships.approved().exists():
        user.groups.remove(*Group.objects.filter(name=Role.NGO_REPRESENTATIVE))


def _end_sessions(user: User) -> int:
    """Delete the user's stored sessions (database sessions; others expire on their own)."""
    ended = 0
    user_pk = str(user.pk)
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == user_pk:
            session.delete()
            ended += 1
    return ended


@transaction.atomic
def delete_account(*, user: User, by: User | None = None) -> User:
    """Anonymise an account (GDPR erasure) while keeping what its owner published.

    The user row stays so comments and other published content keep their author,
    now shown as "deleted user". Personal data is cleared: name, e-mail, username
    (becomes "deleted-<id>"), password (unusable) and sessions; then every app forgets
    what it keeps about the person (accounts.erasure: e-mail addresses, two-factor
    devices, roles, memberships, comment signatures, newsletter subscriptions, report
    notices, search entries...). `accounts.signals.account_deleted` is sent last,
    inside the transaction. Only the account's owner or an administrator may delete
    it; a superuser's account only its owner or another superuser.
    """
    by = by or user
    if by.pk != user.pk and not permissions.is_administrator(by):
        raise PermissionDenied(_("You can only delete your own account."))
    if not permissions.may_change_account(by, user):
        raise PermissionDenied(_("Only a superuser can delete a superuser's account."))
    if user.is_deleted:
        return user
    emails = {
        e.lower() for e in EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    }
    if user.email:
        emails.add(user.email.lower())
    names = {n for n in (user.first_name, user.last_name, user.display_name) if n.strip()}
    user.is_deleted = True
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.username = f"deleted-{user.pk}"
    user.email = ""
    user.first_name = ""
    user.last_name = ""
    user.display_name = ""
    user.set_unusable_password()
    user.save()
    erasure.erase_everywhere(user, emails=emails, names=names)
    signals.account_deleted.send(sender=User, user=user, emails=emails)
    _end_sessions(user)
    return user
