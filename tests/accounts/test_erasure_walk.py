"""Deleting an account reaches every app: a walk over every model of the app registry."""

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.db import models
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from accounts import erasure, services
from accounts.factories import MembershipFactory, UserFactory
from accounts.models import Role, User
from consultations.factories import ClauseFactory, CommentFactory, ConsultationPageFactory
from consultations.models import ReportNotice
from newsletters import services as newsletter_services
from newsletters.models import Subscriber, Topic
from search.models import SearchEntry
from search.services import index_instance

# Fields that copy a person's identity into a row.
PERSONAL_FIELD_NAMES = {
    "first_name",
    "last_name",
    "display_name",
    "full_name",
    "user_name",
    "user_email",
    "user_url",
    "submitter_name",
    "author_name",
    "phone",
    "username",
}
SURNAME = "Wścibolska"
EMAIL = "halina.wscibolska@example.org"
OTHER_EMAIL = "h.wscibolska@poczta.example.org"
IP = "203.0.113.77"


def personal_fields(model):
    return [
        f.name
        for f in model._meta.concrete_fields
        if isinstance(f, models.EmailField | models.GenericIPAddressField)
        or f.name in PERSONAL_FIELD_NAMES
    ]


def models_with_personal_fields():
    return sorted(
        model._meta.label_lower
        for model in apps.get_models()
        if not model._meta.proxy and personal_fields(model)
    )


@pytest.mark.parametrize("label", models_with_personal_fields())
def test_every_model_with_personal_fields_has_an_eraser_or_a_reason(label):
    handled = erasure.handled_models()
    assert label in handled or label in erasure.NOT_ABOUT_ACCOUNTS, (
        f"{label} keeps personal data ({', '.join(personal_fields(apps.get_model(label)))}) "
        "but no eraser in accounts.erasure names it: register one that erases it when an "
        "account is deleted, or say in NOT_ABOUT_ACCOUNTS why it holds no account's data."
    )


def test_the_walk_finds_the_models_it_must():
    found = set(models_with_personal_fields())
    assert {
        "accounts.user",
        "newsletters.subscriber",
        "newsletters.consentrecord",
        "consultations.reportnotice",
        "consultations.consultationcomment",
        "account.emailaddress",
    } <= found


def rows_still_naming_the_person():
    """(model, field) of every row in every model that still holds the name, address or IP."""
    left = []
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.concrete_fields:
            manager = model._base_manager
            if isinstance(field, models.GenericIPAddressField):
                lookups = [{field.name: IP}]
            elif isinstance(field, models.CharField | models.TextField):
                lookups = [
                    {f"{field.name}__icontains": marker}
                    for marker in (SURNAME, EMAIL, OTHER_EMAIL, "wscibolska")
                ]
            else:
                continue
            if any(manager.filter(**lookup).exists() for lookup in lookups):
                left.append(f"{model._meta.label_lower}.{field.name}")
    return left


@pytest.fixture
def person(db, home_page):
    user = UserFactory(
        username="wscibolska",
        email=EMAIL,
        first_name="Halina",
        last_name=SURNAME,
        display_name=f"Halina {SURNAME}",
        roles=[Role.RESIDENT],
    )
    EmailAddress.objects.create(user=user, email=OTHER_EMAIL, verified=True)
    MembershipFactory(user=user)
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "x"})
    UserProfile.get_for_user(user)
    ModelLogEntry.objects.log_action(user, "wagtail.edit")
    return user


@pytest.fixture
def traces(person, django_capture_on_commit_callbacks):
    """The person in every app: newsletter, comments, report notices, search index."""
    news = Topic.objects.get(slug="news")
    with django_capture_on_commit_callbacks(execute=True):
        newsletter_services.subscribe_user(user=person, topics=[news], ip_address=IP)
        newsletter_services.request_subscription(
            email=OTHER_EMAIL, topics=[news], source="signup-form", ip_address=IP
        )
    consultation = ConsultationPageFactory()
    clause = ClauseFactory(version__consultation=consultation, version__is_published=True)
    comment = CommentFactory(clause=clause, user=person, ip_address=IP)
    ReportNotice.objects.create(consultation=consultation, email=EMAIL)
    index_instance(comment)
    return comment


def test_deleted_account_leaves_no_trace_in_any_model(
    person, traces, django_capture_on_commit_callbacks
):
    before = rows_still_naming_the_person()
    # The setup really put the person everywhere the walk must clean.
    for place in (
        "accounts.user.last_name",
        "newsletters.subscriber.email",
        "newsletters.consentrecord.ip_address",
        "consultations.reportnotice.email",
        "django_comments.comment.user_email",
        "portal_search.searchentry.title",
        "portal_search.searchvocabulary.form",
        "account.emailaddress.email",
        "wagtailcore.modellogentry.label",
    ):
        assert place in before, place

    with django_capture_on_commit_callbacks(execute=True):
        services.delete_account(user=person)

    assert rows_still_naming_the_person() == []
    assert not Subscriber.objects.exists()
    assert not Authenticator.objects.filter(user=person).exists()
    assert not UserProfile.objects.filter(user=person).exists()
    # The comment stays, signed as a deleted user, and is still found.
    traces.refresh_from_db()
    assert traces.comment
    entry = SearchEntry.objects.get(key=f"comment:{traces.pk}")
    assert User.objects.get(pk=person.pk).public_name in entry.title
