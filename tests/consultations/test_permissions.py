"""Permission matrix: role (anonymous, resident, NGO, editor, official) x phase.

The predicates are what views, services and templates ask; the HTTP tests below check
that the screens follow them.
"""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from freezegun import freeze_time

from accounts.factories import UserFactory
from consultations import permissions, services
from consultations.factories import (
    ClauseFactory,
    CommentFactory,
    ConsultationPageFactory,
    DraftActVersionFactory,
)
from consultations.models import Channel, ConsultationComment, Phase

ROLES = ["anonymous", "resident", "ngo_user", "editor", "official"]

# Expected answers per role and phase.
COMMENT = {
    "anonymous": set(),
    "resident": {Phase.OPEN},
    "ngo_user": {Phase.OPEN},
    "editor": {Phase.OPEN},
    "official": set(),
}
OFFLINE = {
    "anonymous": set(),
    "resident": set(),
    "ngo_user": set(),
    "editor": set(),
    "official": {Phase.OPEN, Phase.CLOSED},
}
# A published draft cannot be replaced while comments are open.
IMPORT = {
    "anonymous": set(),
    "resident": set(),
    "ngo_user": set(),
    "editor": set(),
    "official": {Phase.PLANNED, Phase.CLOSED, Phase.REPORTED},
}
MODERATE = {
    "anonymous": False,
    "resident": False,
    "ngo_user": False,
    "editor": False,
    "official": True,
}


def user_for(request, role):
    return AnonymousUser() if role == "anonymous" else request.getfixturevalue(role)


@pytest.mark.parametrize("role", ROLES)
def test_commenting_matrix(request, role, consultation_in_phase):
    user = user_for(request, role)
    expected = consultation_in_phase.test_phase in COMMENT[role]
    policy = permissions.CommentPolicy(user, consultation_in_phase)
    assert permissions.can_comment(user, consultation_in_phase) is expected
    assert policy.may_comment is expected
    top_level = ConsultationComment(level=0)
    assert policy.may_reply(top_level) is expected
    assert policy.may_react is policy.may_flag is REACT[role]


@pytest.mark.parametrize("role", ["resident", "ngo_user", "editor"])
def test_a_reply_at_the_deepest_level_is_refused_as_too_deep(
    request, settings, role, open_consultation
):
    policy = permissions.CommentPolicy(request.getfixturevalue(role), open_consultation)
    deepest = ConsultationComment(level=settings.COMMENTS_XTD_MAX_THREAD_LEVEL)
    assert not policy.may_reply(deepest)
    assert policy.reply_refusal(deepest) == permissions.Refusal.TOO_DEEP


def test_the_policy_reads_each_fact_about_the_account_once(
    django_assert_max_num_queries, resident, open_consultation
):
    policy = permissions.CommentPolicy(resident, open_consultation)
    with django_assert_max_num_queries(2):  # verified e-mail, role names
        for _ in range(3):
            assert policy.may_comment and policy.may_react and policy.may_flag


@pytest.mark.parametrize("role", ROLES)
def test_offline_entry_matrix(request, role, consultation_in_phase):
    user = user_for(request, role)
    expected = consultation_in_phase.test_phase in OFFLINE[role]
    assert permissions.can_enter_offline_comment(user, consultation_in_phase) is expected


@pytest.mark.parametrize("role", ROLES)
def test_draft_import_matrix(request, role, consultation_in_phase):
    user = user_for(request, role)
    expected = consultation_in_phase.test_phase in IMPORT[role]
    assert permissions.can_import_draft(user, consultation_in_phase) is expected


@pytest.mark.parametrize("role", ROLES)
def test_moderation_does_not_depend_on_phase(request, role, consultation_in_phase):
    assert permissions.can_moderate(user_for(request, role)) is MODERATE[role]


def test_open_consultation_without_published_draft_accepts_a_draft_import(
    official, open_consultation
):
    open_consultation.versions.update(is_published=False)
    assert permissions.can_import_draft(official, open_consultation)


def test_unverified_user_cannot_comment(unverified_user, open_consultation):
    assert not permissions.can_comment(unverified_user, open_consultation)


def test_administrator_moderates_but_does_not_comment(administrator, open_consultation):
    assert permissions.can_moderate(administrator)
    assert not permissions.can_comment(administrator, open_consultation)


@pytest.mark.parametrize("role", ROLES)
def test_admin_screens_follow_can_manage(request, client, role, open_consultation):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    urls = [
        "/admin/consultations/",
        f"/admin/consultations/{open_consultation.pk}/draft/",
        f"/admin/consultations/{open_consultation.pk}/moderation/",
        f"/admin/consultations/{open_consultation.pk}/offline/",
    ]
    for url in urls:
        response = client.get(url)
        if role == "official":
            assert response.status_code == 200, url
        elif role == "anonymous":
            assert response.status_code == 302, url  # to the admin login
        else:
            # Wagtail sends users without admin access away; officials-only screens 403.
            assert response.status_code in (302, 403), url


@pytest.mark.parametrize("role", ROLES)
def test_comment_post_follows_the_matrix(request, client, role, consultation_in_phase):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    response = client.post(
        f"/konsultacje/{consultation_in_phase.pk}/komentarz/", {"comment": "Uwaga do projektu."}
    )
    stored = consultation_in_phase.comments.count()
    if consultation_in_phase.test_phase in COMMENT[role]:
        assert response.status_code == 302
        assert stored == 1
    else:
        assert stored == 0
        assert response.status_code in (302, 403)  # anonymous: to the login page


# --- The same matrix with the clock frozen at a moment of each phase --------------------
# Dates are fixed (Europe/Warsaw); each test freezes time at a moment of one phase and asks
# the services themselves, not only the predicates.

WARSAW = ZoneInfo("Europe/Warsaw")
START = datetime.datetime(2027, 5, 3, 9, 0, tzinfo=WARSAW)
END = datetime.datetime(2027, 5, 24, 23, 59, tzinfo=WARSAW)
REPORT = datetime.datetime(2027, 6, 14, 12, 0, tzinfo=WARSAW)
MOMENTS = {
    Phase.PLANNED: START - datetime.timedelta(hours=1),
    Phase.OPEN: END - datetime.timedelta(minutes=1),
    Phase.CLOSED: END + datetime.timedelta(minutes=1),
    Phase.REPORTED: REPORT + datetime.timedelta(days=1),
}
REACT = {"anonymous": False, "resident": True, "ngo_user": True, "editor": True, "official": True}
RESPOND = {"official": {Phase.CLOSED}}


@pytest.fixture
def dated_consultation(consultation_index):
    from .conftest import clauses_of

    page = ConsultationPageFactory(
        parent=consultation_index, start_at=START, end_at=END, report_published_at=REPORT
    )
    version = DraftActVersionFactory(consultation=page, number=1)
    ClauseFactory(version=version, position=1)
    page.clause = clauses_of(page)[0]
    return page


@pytest.mark.parametrize("phase", list(MOMENTS))
@pytest.mark.parametrize("role", ROLES)
def test_frozen_time_matrix_of_the_services(request, role, phase, dated_consultation):
    user = user_for(request, role)
    official = request.getfixturevalue("official")
    page = dated_consultation
    with freeze_time(MOMENTS[phase]):
        assert page.phase == phase
        assert permissions.can_comment(user, page) is (phase in COMMENT[role])
        assert permissions.can_enter_offline_comment(user, page) is (phase in OFFLINE[role])
        assert permissions.can_import_draft(user, page) is (phase in IMPORT[role])
        assert permissions.can_respond(user, page) is (phase in RESPOND.get(role, set()))
        assert permissions.can_moderate(user) is MODERATE[role]
        assert permissions.can_flag(user) is REACT[role]
        assert permissions.can_react(user) is REACT[role]
        text = services.CommentText(comment="Uwaga w zamrożonym czasie")
        try:
            services.post_comment(consultation=page, user=user, text=text, clause=page.clause)
            posted = True
        except services.CommentRefused:
            posted = False
        assert posted is (phase in COMMENT[role])
        try:
            services.enter_offline_comment(
                consultation=page,
                text=text,
                channel=Channel.PAPER,
                submitter_name="Zofia Leśniewska",
                entered_by=user,
            )
            entered = True
        except PermissionDenied:
            entered = False
        assert entered is (phase in OFFLINE[role])
        comment = CommentFactory(clause=page.clause, user=UserFactory())
        try:
            services.hide_comment(comment=comment, reason="Regulamin", by=user)
            hidden = True
        except PermissionDenied:
            hidden = False
        assert hidden is MODERATE[role]
    stored = page.comments.exclude(pk=comment.pk)
    assert stored.filter(channel=Channel.PORTAL).count() == int(posted)
    assert stored.exclude(channel=Channel.PORTAL).count() == int(entered)
    assert official  # the fixture exists for the roles above


@pytest.mark.parametrize("phase", list(MOMENTS))
@pytest.mark.parametrize("role", ROLES)
def test_frozen_time_comment_form(request, client, role, phase, dated_consultation):
    with freeze_time(MOMENTS[phase]):  # log in at the frozen moment: sessions expire
        if role != "anonymous":
            client.force_login(request.getfixturevalue(role))
        response = client.post(
            f"/konsultacje/{dated_consultation.pk}/komentarz/",
            {"clause": dated_consultation.clause.pk, "comment": "Tekst, który zostaje"},
        )
    if phase in COMMENT[role]:
        assert response.status_code == 302
        assert dated_consultation.comments.count() == 1
    elif role == "anonymous":
        assert response.status_code == 302 and "/login/" in response["Location"]
    else:
        assert response.status_code == 403
        assert "Tekst, który zostaje" in response.content.decode()
        assert dated_consultation.comments.count() == 0
