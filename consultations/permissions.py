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

from django.conf import settings
from django.utils import timezone
from django.utils.functional import cached_property

from accounts.permissions import has_verified_email, is_official
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
    """Officials moderate (somewhere): menus and the dashboard panel ask this; every
    action on a comment asks can_moderate_consultation."""
    return is_official(user)


def can_moderate_consultation(user, consultation) -> bool:
    """An official of the municipality whose window holds the consultation."""
    return can_manage_consultation(user, consultation)


class Refusal:
    """Why a comment or reply cannot be accepted (CommentPolicy, services.CommentRefused)."""

    ANONYMOUS = "anonymous"
    NOT_PUBLISHED = "not_published"
    UNVERIFIED = "unverified"
    NOT_PARTICIPANT = "not_participant"
    PLANNED = "planned"
    CLOSED = "closed"
    RATE_LIMITED = "rate_limited"
    BAD_TARGET = "bad_target"
    TOO_DEEP = "too_deep"


class CommentPolicy:
    """May this user comment, reply, react or flag in this consultation at `now`?

    The one answer for templates, views and services. Each fact about the account
    (verified e-mail, role, represented organisations) is read once per policy object;
    build one per request.
    """

    def __init__(self, user, consultation, now=None):
        self.user = user
        self.consultation = consultation
        self.now = now or timezone.now()

    @cached_property
    def verified(self) -> bool:
        return has_verified_email(self.user)

    @cached_property
    def participates(self) -> bool:
        """accounts.permissions.can_participate(), from the fact read above."""
        return self.verified and self.user.is_active

    @cached_property
    def official(self) -> bool:
        return is_official(self.user)

    @cached_property
    def organisations(self) -> tuple:
        """Organisations the user represents (approved memberships), by name."""
        from accounts.models import Membership, Organisation

        if not self.user.is_authenticated:
            return ()
        return tuple(
            Organisation.objects.filter(
                memberships__user=self.user, memberships__status=Membership.Status.APPROVED
            )
            .only("id", "name")
            .order_by("name", "id")
        )

    def speaks_for(self, organisation) -> bool:
        return any(o.pk == organisation.pk for o in self.organisations)

    def comment_refusal(self) -> str | None:
        """None if a comment can be accepted now, else the Refusal code to explain."""
        if not self.user.is_authenticated:
            return Refusal.ANONYMOUS
        if not self.consultation.live:  # a draft, or unpublished while people were typing
            return Refusal.NOT_PUBLISHED
        phase = _phase(self.consultation, self.now)
        if phase == Phase.PLANNED:
            return Refusal.PLANNED
        if phase != Phase.OPEN:
            return Refusal.CLOSED
        if not self.verified:
            return Refusal.UNVERIFIED
        if not self.participates or self.official:
            return Refusal.NOT_PARTICIPANT
        return None

    def reply_refusal(self, parent) -> str | None:
        if parent.level >= settings.COMMENTS_XTD_MAX_THREAD_LEVEL:
            return Refusal.TOO_DEEP
        return self.comment_refusal()

    @property
    def may_comment(self) -> bool:
        return self.comment_refusal() is None

    def may_reply(self, parent) -> bool:
        return self.reply_refusal(parent) is None

    @property
    def may_react(self) -> bool:
        return self.participates

    @property
    def may_flag(self) -> bool:
        return self.participates


# The same questions for one user outside a request (tests, scripts): the policy answers.


def can_comment(user, consultation, now=None) -> bool:
    return CommentPolicy(user, consultation, now).may_comment


def can_flag(user, consultation=None) -> bool:
    return CommentPolicy(user, consultation).may_flag


def can_react(user, consultation=None) -> bool:
    return CommentPolicy(user, consultation).may_react


def takes_offline_comments(consultation, now=None) -> bool:
    """The phase part of can_enter_offline_comment: open or closed (not yet reported)."""
    return _phase(consultation, now) in (Phase.OPEN, Phase.CLOSED)


def can_enter_offline_comment(user, consultation, now=None) -> bool:
    return can_manage_consultation(user, consultation) and takes_offline_comments(consultation, now)


def can_import_draft(user, consultation, now=None) -> bool:
    if not can_manage_consultation(user, consultation):
        return False
    if _phase(consultation, now) != Phase.OPEN:
        return True
    return not consultation.versions.published().exists()


def can_publish_version(user, consultation, now=None) -> bool:
    return can_import_draft(user, consultation, now)


# --- Responses and the report --------------------------------------------------
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


# --- Who may see a consultation at all ------------------------------------------
# The public page is guarded by Wagtail (live, view restrictions); the side routes
# (comment form and pages, changes, report, exports, open data) ask the same here.


def _is_view_restricted(consultation) -> bool:
    flag = getattr(consultation, "view_restricted", None)  # with_view_restriction_flag()
    if flag is None:
        return consultation.get_view_restrictions().exists()
    return flag


def is_publicly_viewable(consultation) -> bool:
    """Live and under no view restriction (the page's or an ancestor's): what anyone,
    search and open data may show. Matches ConsultationQuerySet.publicly_viewable()."""
    return consultation.live and not _is_view_restricted(consultation)


def can_view_consultation(request, consultation) -> bool:
    """May this request see the consultation's clauses and comments?

    Officials of its municipality always (they run it, published or not); others only a
    live page whose every view restriction accepts the request — a password given in
    this session, a login, a group — exactly as Wagtail decides for the page itself.
    """
    if is_publicly_viewable(consultation):
        return True
    if consultation.live and all(
        r.accept_request(request) for r in consultation.get_view_restrictions()
    ):
        return True
    return can_manage_consultation(request.user, consultation)
