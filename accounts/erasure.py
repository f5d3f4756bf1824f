"""What every app forgets when an account is deleted (GDPR art. 17).

`accounts.services.delete_account` anonymises the user row (the row stays, so what the
person published keeps an author shown as "deleted user") and then runs every eraser
registered here, inside its transaction. An app that keeps personal data about
accounts registers an eraser for those models in its AppConfig.ready():

    @erasure.eraser("newsletters.subscriber", "newsletters.consentrecord")
    def forget_subscriber(user, *, emails, names): ...

`emails` holds the account's addresses as they were before the anonymisation (the
main one and every allauth address), for rows that match people by address; `names`
the names it showed (first, last, display name), for copies of them.

tests/accounts/test_erasure_walk.py walks every model of the app registry: a model
with an e-mail, IP address or personal-name field must be named by an eraser or in
NOT_ABOUT_ACCOUNTS with the reason, and after a deletion no row of any model may
still hold the person's name or address.
"""

from collections.abc import Callable

_ERASERS: list[tuple[tuple[str, ...], Callable]] = []

# Models with such fields that hold no data about a portal account, and why.
NOT_ABOUT_ACCOUNTS = {
    "accounts.organisation": "an organisation's public contact data, not a person's account",
    "cms_pages.portalsettings": "the office's contact address",
    "cms_pages.supportcentrepage": "a support centre's public contact data",
    "wagtailembeds.embed": "the author of embedded media (oEmbed), as its provider names them",
    "municipalities.municipality": "a municipality's office contact data",
    "municipalities.accessibilitystatementpage": (
        "the office's accessibility contact, which the law requires to be published"
    ),
    "cooperation.body": "a working group's or council's public contact address",
    "grants.offer": (
        "the offeror's contact data in an offer: an organisation's document the office "
        "keeps as a record of public funds"
    ),
    "budget.paperentry": (
        "a paper ballot as officials typed it (double entry); linked to no account, its "
        "PESEL only as a keyed hash"
    ),
    "cms_pages.contactperson": (
        "an official's work contact that editors publish on a page; editors change it"
    ),
}


def eraser(*model_labels: str):
    """Register `fn(user, *, emails, names)` as the eraser of the named models."""

    def decorator(fn):
        _ERASERS.append((tuple(label.lower() for label in model_labels), fn))
        return fn

    return decorator


def handled_models() -> set[str]:
    return {label for labels, _fn in _ERASERS for label in labels}


def erase_everywhere(user, *, emails: set[str], names: set[str]) -> None:
    for _labels, fn in _ERASERS:
        fn(user, emails=emails, names=names)


@eraser(
    "accounts.user",
    "accounts.membership",
    "account.emailaddress",
    "mfa.authenticator",
    "wagtailusers.userprofile",
    "wagtailcore.modellogentry",
    "admin.logentry",
)
def forget_account(user, **_former):
    """The account's own data beyond the user row (anonymised by delete_account)."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from django.contrib.admin.models import LogEntry
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ModelLogEntry
    from wagtail.users.models import UserProfile

    # Audit logs of changes to the account keep the events, under the new name.
    user_type = ContentType.objects.get_for_model(user)
    ModelLogEntry.objects.filter(content_type=user_type, object_id=str(user.pk)).update(
        label=user.public_name
    )
    LogEntry.objects.filter(content_type=user_type, object_id=str(user.pk)).update(
        object_repr=user.public_name
    )

    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    for profile in UserProfile.objects.filter(user=user):
        if profile.avatar:
            profile.avatar.delete(save=False)
        profile.delete()
    user.memberships.all().delete()
    user.groups.clear()
    user.user_permissions.clear()


@eraser(
    "django_comments.comment",
    "django_comments_xtd.xtdcomment",
    "consultations.consultationcomment",
)
def forget_comment_signatures(user, **_former):
    """django-comments copies the author's name, e-mail and IP into each comment.

    The base Comment table holds those columns for every comment model built on it
    (django-comments-xtd and the consultations' comments included). A comment entered
    from paper keeps its `submitter_name`: that person has no account.
    """
    from django_comments.models import Comment

    Comment.objects.filter(user=user).update(
        user_name="", user_email="", user_url="", ip_address=None
    )
