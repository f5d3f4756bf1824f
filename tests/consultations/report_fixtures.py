"""Fixtures for the response / report / export / open-data tests.

Import the fixtures you need into a test module: `from .report_fixtures import ...`.
A closed consultation with three clauses and comments of every kind: portal comments
by a resident and an NGO (on behalf of its organisation), a general comment on the act
as a whole, one entered from paper, one hidden by a moderator, and a reply.
"""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from consultations.factories import (
    ClauseFactory,
    CommentFactory,
    ConsultationPageFactory,
    DraftActVersionFactory,
)
from consultations.models import Channel, ConsultationComment, ConsultationPage

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'
ROLES = ["anonymous", "resident", "ngo_user", "editor", "official"]
PHASES = ["planned", "open", "closed", "reported"]


def user_for(request, role):
    return AnonymousUser() if role == "anonymous" else request.getfixturevalue(role)


def set_phase(consultation, phase):
    """Move a consultation's dates so that it is in `phase` now."""
    now = timezone.now()
    day = datetime.timedelta(days=1)
    dates = {
        "planned": (now + day, now + 10 * day, None),
        "open": (now - day, now + 10 * day, None),
        "closed": (now - 20 * day, now - day, None),
        "reported": (now - 30 * day, now - 10 * day, now - day),
    }[phase]
    ConsultationPage.objects.filter(pk=consultation.pk).update(
        start_at=dates[0], end_at=dates[1], report_published_at=dates[2]
    )
    consultation.refresh_from_db()
    return consultation


def general_comment(version, **kwargs):
    """A comment on the act as a whole (commented object: the version, no clause)."""
    comment = CommentFactory(clause=ClauseFactory(version=version, position=999), **kwargs)
    placeholder = comment.clause
    ConsultationComment.objects.filter(pk=comment.pk).update(
        clause=None,
        content_type=ContentType.objects.get_for_model(version),
        object_pk=str(version.pk),
    )
    placeholder.delete()
    comment.refresh_from_db()
    return comment


@pytest.fixture
def consultation(db):
    page = ConsultationPageFactory(
        closed=True,
        title="Konsultacje programu współpracy na 2027 rok",
        subject="Projekt uchwały w sprawie programu współpracy Zielonogrodu z organizacjami",
    )
    return page


@pytest.fixture
def version(consultation):
    return DraftActVersionFactory(consultation=consultation, number=1)


@pytest.fixture
def clauses(version):
    return [
        ClauseFactory(version=version, position=1, text="Przyjmuje się program współpracy."),
        ClauseFactory(version=version, position=2, text="Program obejmuje zadania publiczne."),
        ClauseFactory(version=version, position=3, text="Wykonanie powierza się Prezydentowi."),
    ]


@pytest.fixture
def comments(clauses, version, resident, ngo_user, organisation, official):
    """Six reportable comments (plus one reply) of every kind, keyed by a name."""
    made = {
        "resident": CommentFactory(
            clause=clauses[0],
            user=resident,
            comment="Proszę dopisać świetlice środowiskowe.",
            proposed_wording="Przyjmuje się program współpracy i świetlic.",
            justification="Świetlice prowadzą organizacje.",
        ),
        "ngo": CommentFactory(
            clause=clauses[1],
            user=ngo_user,
            organisation=organisation,
            comment="Zadania należy wymienić w załączniku.",
        ),
        "general": general_comment(version, user=resident, comment="Uwaga ogólna do całości."),
        "paper": CommentFactory(
            clause=clauses[2],
            user=None,
            user_name="Halina Wierzbicka",
            user_email="",
            channel=Channel.PAPER,
            submitter_name="Halina Wierzbicka",
            entered_by=official,
            comment="Uwaga złożona na piśmie w kancelarii.",
        ),
        "hidden": CommentFactory(
            clause=clauses[2],
            comment="Obraźliwa uwaga ukryta przez moderatora.",
            hidden_at=timezone.now(),
            hidden_reason="Naruszenie regulaminu",
            hidden_by=official,
        ),
        "xss": CommentFactory(
            clause=clauses[1],
            comment=f'=HYPERLINK("http://zly.example.org") {XSS}',
            proposed_wording=f"+{XSS}",
            justification=f"@SUM(1) {XSS}",
        ),
    }
    made["reply"] = CommentFactory(parent=made["resident"], user=ngo_user, comment="Popieram.")
    return made


def reportable(comments):
    return [c for name, c in comments.items() if name != "reply"]


def add_answered_comments(consultation, clauses, organisation, official, count):
    """`count` more top-level comments of every kind, each with a response (and a reply).

    Used by the "queries do not grow with comments" tests: new authors, an organisation,
    offline channels, a group and replies, so that any per-row lookup would show.
    """
    from consultations.models import CommentGroup, CommentResponse, ResponseStatus

    group = CommentGroup.objects.create(consultation=consultation, label="Kampania")
    made = []
    for i in range(count):
        extra = {}
        if i % 4 == 1:
            extra["organisation"] = organisation
        elif i % 4 == 2:
            extra.update(
                user=None,
                user_name=f"Zofia Kmieć {i}",
                user_email="",
                channel=Channel.EMAIL,
                submitter_name=f"Zofia Kmieć {i}",
                entered_by=official,
            )
        elif i % 4 == 3:
            extra["group"] = group
        comment = CommentFactory(
            clause=clauses[i % len(clauses)], comment=f"Dodatkowa uwaga {i}.", **extra
        )
        CommentResponse.objects.create(
            comment=comment,
            status=ResponseStatus.values[i % 4],
            text=f"Odpowiedź {i}.",
            responded_by=official,
        )
        if i % 5 == 0:
            CommentFactory(parent=comment, comment=f"Odpowiedź w wątku {i}.")
        made.append(comment)
    return made
