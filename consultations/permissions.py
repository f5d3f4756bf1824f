"""Who may do what in a consultation, as small named predicates (role x phase).

Every predicate takes the acting user and, where the phase matters, the consultation
and the moment (`now`) so tests can freeze time and views, services and templates ask
the same question. The rules (docs/consultations.md):

- commenting and replying: any active account with a verified e-mail (residents, NGO
  representatives, editors) while the consultation is open; officials do not comment,
  they are the authority that answers;
- moderation (hide / restore): officials, in every phase;
- offline comments (paper, e-mail, meeting): officials while open or closed, not
  before the consultation starts and not after the report is published;
- managing drafts (import, review, publish): officials; a published draft cannot be
  replaced while the consultation is open, because people are commenting on it;
- every official action on a consultation is for the officials of its municipality
  (municipalities.permissions.can_act_in); the regional operator's staff act everywhere.
"""

from __future__ import annotations

from django.utils import timezone

from accounts.permissions import can_participate, is_official
from municipalities.permissions import can_act_in

from .models import Phase


def _phase(consultation, now) -> str:
    return consultation.phase_at(now or timezone.now())


def can_manage(user) -> bool:
    """Officials (and administrators) manage consultations in the admin."""
    return is_official(user)


def can_manage_consultation(user, consultation) -> bool:
    """An official of the consultation's municipality (or of the regional operator)."""
    return is_official(user) and can_act_in(user, consultation)


def can_moderate(user) -> bool:
    return is_official(user)


def can_comment_at_all(user) -> bool:
    """The account may take part (phase aside)."""
    return can_participate(user) and not is_official(user)


class CommenterFacts:
    """What commenting asks about an account, read together (see commenter_facts).

    - verified: has_verified_email(): a verified address, account not deleted;
    - official: is_official(): superuser, Official or Administrator role;
    - organisations: approved memberships, by name. Given, or (None) read on first use:
      most comments are sent on one's own behalf and never ask.
    """

    __slots__ = ("verified", "official", "_organisations", "_user")

    def __init__(self, verified=False, official=False, organisations=(), user=None):
        self.verified = verified
        self.official = official
        self._organisations = organisations
        self._user = user

    @property
    def organisations(self) -> tuple:
        if self._organisations is None:
            self._organisations = _organisations_of(self._user)
        return self._organisations

    @property
    def organisations_read(self) -> bool:
        return self._organisations is not None

    def speaks_for(self, organisation) -> bool:
        """accounts.permissions.can_speak_for(), answered from the facts."""
        return any(o.pk == organisation.pk for o in self.organisations)


def commenter_facts(user) -> CommenterFacts:
    """The account's verified e-mail, official role and represented organisations,
    without a query per question: posting a comment asks all three.

    The session's user carries the first two, read with the user row at the start of
    the request (accounts.backends); any other user object is read again the same way
    (one query). The organisations are read only if asked. The answers equal
    has_verified_email(), is_official() and can_speak_for(); they are never kept across
    requests, so a verification, role change or membership decision counts from the
    next request on.
    """
    if not user.is_authenticated:
        return CommenterFacts()
    if getattr(user, "facts_verified_email", None) is None or (
        getattr(user, "facts_official_role", None) is None
    ):
        from accounts.backends import user_with_facts

        user = user_with_facts(user.pk)
        if user is None:  # the account was deleted meanwhile
            return CommenterFacts()
    return CommenterFacts(
        verified=bool(user.facts_verified_email) and not user.is_deleted,
        official=bool(user.is_superuser or user.facts_official_role),
        organisations=None,
        user=user,
    )


def _organisations_of(user) -> tuple:
    from accounts.models import Membership, Organisation

    if user is None or not user.is_authenticated:
        return ()
    return tuple(
        Organisation.objects.filter(
            memberships__user=user, memberships__status=Membership.Status.APPROVED
        )
        .only("id", "name")
        .order_by("name", "id")
    )


def can_comment(user, consultation, now=None) -> bool:
    return _phase(consultation, now) == Phase.OPEN and can_comment_at_all(user)


def can_reply(user, consultation, now=None) -> bool:
    return can_comment(user, consultation, now)


def can_flag(user) -> bool:
    return can_participate(user)


def can_react(user) -> bool:
    return can_participate(user)


def can_enter_offline_comment(user, consultation, now=None) -> bool:
    phase = _phase(consultation, now)
    return can_manage_consultation(user, consultation) and phase in (Phase.OPEN, Phase.CLOSED)


def can_import_draft(user, consultation, now=None) -> bool:
    if not can_manage_consultation(user, consultation):
        return False
    if _phase(consultation, now) != Phase.OPEN:
        return True
    return not consultation.versions.filter(is_published=True).exists()


def can_publish_version(user, consultation, now=None) -> bool:
    return can_import_draft(user, consultation, now)


# --- Responses and the report (helper R: responses.py, report_views.py) ---------
# Officials answer comments and publish the report only between the deadline and the
# report; once published the report is final. The report (page and exports) is public
# after publishing; before that officials see it as a preview.


def can_respond(user, consultation, now=None) -> bool:
    return can_manage_consultation(user, consultation) and _phase(consultation, now) == Phase.CLOSED


def can_publish_report(user, consultation, now=None) -> bool:
    return can_respond(user, consultation, now)


def can_view_report(user, consultation, now=None) -> bool:
    phase = _phase(consultation, now)
    if phase == Phase.REPORTED:
        return consultation.live or can_manage_consultation(user, consultation)
    return phase == Phase.CLOSED and can_manage_consultation(user, consultation)


def can_export_report(user, consultation, now=None) -> bool:
    return can_view_report(user, consultation, now)
