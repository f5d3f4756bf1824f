"""Moderation (hide with a public reason, restore, audit trail), comments received offline
(paper, e-mail, meeting) and user text that tries to run script or break the layout."""

from html.parser import HTMLParser

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.factories import MembershipFactory, OrganisationFactory, UserFactory
from accounts.models import Role
from consultations import services
from consultations.comments.bleaching import render_user_text
from consultations.factories import CommentFactory
from consultations.models import Channel, ConsultationComment, ModerationEvent

from .conftest import clauses_of


def moderation_url(page):
    return f"/admin/consultations/{page.pk}/moderation/"


def offline_url(page):
    return f"/admin/consultations/{page.pk}/offline/"


# --- Hiding ----------------------------------------------------------------------------


def test_hidden_comment_shows_the_moderators_reason_instead_of_the_text(
    client, official, open_consultation
):
    clause = clauses_of(open_consultation)[0]
    comment = CommentFactory(clause=clause, comment="Obraźliwa treść o sąsiedzie.")
    client.force_login(official)
    response = client.post(
        moderation_url(open_consultation),
        {"comment": comment.pk, "action": "hide", "reason": "Narusza regulamin (pkt 3)."},
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.is_hidden and comment.hidden_by == official
    client.logout()
    body = client.get(open_consultation.url).content.decode()
    item = body.split(f'id="komentarz-{comment.pk}"', 1)[1].split("</li>", 1)[0]
    assert "Narusza regulamin (pkt 3)." in item
    assert "Obraźliwa treść" not in body
    assert comment.submitter not in item  # the author is not shown next to hidden text
    assert f'id="{clause.anchor}"' in body and 'data-count="0"' in body  # not counted
    # Kept for the report and the audit trail.
    assert ConsultationComment.objects.filter(pk=comment.pk, is_removed=False).exists()
    event = ModerationEvent.objects.get(comment=comment)
    assert (event.action, event.actor, event.reason) == (
        ModerationEvent.Action.HIDE,
        official,
        "Narusza regulamin (pkt 3).",
    )


def test_reply_to_a_hidden_comment_does_not_name_its_author(client, official, open_consultation):
    parent = CommentFactory(clause=clauses_of(open_consultation)[0])
    child = CommentFactory(clause=parent.clause, parent=parent, comment="Odpowiedź")
    services.hide_comment(comment=parent, reason="Spam", by=official)
    body = client.get(open_consultation.url).content.decode()
    reply = body.split(f'id="komentarz-{child.pk}"', 1)[1].split("</li>", 1)[0]
    assert f'href="#komentarz-{parent.pk}"' in reply
    assert parent.submitter not in reply


def test_hiding_needs_a_reason(client, official, open_consultation):
    comment = CommentFactory(clause=clauses_of(open_consultation)[0])
    client.force_login(official)
    response = client.post(
        moderation_url(open_consultation), {"comment": comment.pk, "action": "hide", "reason": ""}
    )
    assert response.status_code == 400
    assert f'id="reason-{comment.pk}-error"' in response.content.decode()
    comment.refresh_from_db()
    assert not comment.is_hidden and not ModerationEvent.objects.exists()
    with pytest.raises(ValidationError):
        services.hide_comment(comment=comment, reason="  ", by=official)


def test_restoring_keeps_both_decisions_in_the_audit_trail(client, official, open_consultation):
    comment = CommentFactory(clause=clauses_of(open_consultation)[0], comment="Uwaga sporna")
    services.hide_comment(comment=comment, reason="Do wyjaśnienia", by=official)
    client.force_login(official)
    client.post(moderation_url(open_consultation), {"comment": comment.pk, "action": "unhide"})
    comment.refresh_from_db()
    assert not comment.is_hidden and comment.hidden_reason == ""
    actions = list(
        ModerationEvent.objects.filter(comment=comment)
        .order_by("created_at", "pk")
        .values_list("action", "reason", "actor")
    )
    assert actions == [
        (ModerationEvent.Action.HIDE, "Do wyjaśnienia", official.pk),
        (ModerationEvent.Action.UNHIDE, "", official.pk),
    ]
    screen = client.get(moderation_url(open_consultation)).content.decode()
    history = screen.split(f'id="history-{comment.pk}"', 1)[1].split("</details>", 1)[0]
    assert history.count("<li>") == 2 and "Do wyjaśnienia" in history
    assert official.public_name in history
    client.logout()
    assert "Uwaga sporna" in client.get(open_consultation.url).content.decode()


@pytest.mark.parametrize("role", ["resident", "ngo_user", "editor"])
def test_only_officials_hide(request, role, open_consultation):
    comment = CommentFactory(clause=clauses_of(open_consultation)[0])
    with pytest.raises(PermissionDenied):
        services.hide_comment(comment=comment, reason="Nie", by=request.getfixturevalue(role))
    assert not ModerationEvent.objects.exists()


def test_moderation_list_shows_hidden_comments_with_reason_and_moderator(
    client, official, open_consultation
):
    hidden, visible = (CommentFactory(clause=clauses_of(open_consultation)[0]) for _ in range(2))
    services.hide_comment(comment=hidden, reason="Dane osobowe", by=official)
    client.force_login(official)
    body = client.get(moderation_url(open_consultation) + "?show=hidden").content.decode()
    assert f'id="comment-{hidden.pk}"' in body and f'id="comment-{visible.pk}"' not in body
    assert "Dane osobowe" in body and official.public_name in body


# --- Comments received offline --------------------------------------------------------


def test_official_enters_a_paper_comment_against_a_clause(client, official, open_consultation):
    clause = clauses_of(open_consultation)[1]
    client.force_login(official)
    response = client.post(
        offline_url(open_consultation),
        {
            "clause": clause.pk,
            "channel": Channel.PAPER,
            "submitter_name": "Halina Wróblewska",
            "comment": "Pismo z 3 marca: proszę dodać konsultacje na osiedlach.",
            "justification": "Nie wszyscy korzystają z internetu.",
        },
    )
    assert response.status_code == 302
    comment = ConsultationComment.objects.get()
    assert (comment.clause, comment.channel, comment.user, comment.entered_by) == (
        clause,
        Channel.PAPER,
        None,
        official,
    )
    event = ModerationEvent.objects.get(comment=comment)
    assert (event.action, event.actor) == (ModerationEvent.Action.ENTER, official)
    client.logout()
    body = client.get(open_consultation.url).content.decode()
    item = body.split(f'id="komentarz-{comment.pk}"', 1)[1].split("</li>", 1)[0]
    assert "Halina Wróblewska" in item and 'class="badge comment__channel"' in item
    assert f'id="{clause.anchor}"' in body
    section = body.split(f'id="{clause.anchor}"', 1)[1].split('class="clause ', 1)[0]
    assert 'data-count="1"' in section


@pytest.mark.parametrize("channel", [Channel.PAPER, Channel.EMAIL, Channel.MEETING])
def test_each_offline_channel_is_stored_and_counted(official, open_consultation, channel):
    comment = services.enter_offline_comment(
        consultation=open_consultation,
        text=services.CommentText(comment="Uwaga zgłoszona poza portalem."),
        channel=channel,
        submitter_name="Rada Osiedla Zielone Wzgórze",
        entered_by=official,
    )
    assert comment.channel == channel and comment.clause is None
    assert comment.submitter == "Rada Osiedla Zielone Wzgórze"
    assert open_consultation.comments.filter(channel=channel).count() == 1


def test_offline_comment_on_behalf_of_an_organisation(official, open_consultation):
    organisation = OrganisationFactory(name="Stowarzyszenie Zielony Skwer")
    comment = services.enter_offline_comment(
        consultation=open_consultation,
        text=services.CommentText(comment="Stanowisko zarządu."),
        channel=Channel.EMAIL,
        submitter_name="Ewa Kordecka, prezes",
        organisation=organisation,
        entered_by=official,
    )
    assert comment.submitter == "Stowarzyszenie Zielony Skwer"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"channel": Channel.PORTAL}, "channel"),
        ({"submitter_name": "  "}, "submitter"),
        ({"comment": ""}, "comment"),
    ],
)
def test_offline_entry_is_validated(official, open_consultation, changes, field):
    kwargs = {
        "consultation": open_consultation,
        "text": services.CommentText(comment=changes.pop("comment", "Uwaga")),
        "channel": Channel.PAPER,
        "submitter_name": "Jan Kowalewski",
        "entered_by": official,
        **changes,
    }
    with pytest.raises(ValidationError):
        services.enter_offline_comment(**kwargs)
    assert not ConsultationComment.objects.exists()


def test_resident_cannot_enter_offline_comments(resident, open_consultation):
    with pytest.raises(PermissionDenied):
        services.enter_offline_comment(
            consultation=open_consultation,
            text=services.CommentText(comment="Uwaga"),
            channel=Channel.PAPER,
            submitter_name="Ktoś",
            entered_by=resident,
        )


def test_offline_form_refuses_an_invalid_entry_and_keeps_it(client, official, open_consultation):
    client.force_login(official)
    response = client.post(
        offline_url(open_consultation),
        {"clause": "", "channel": Channel.MEETING, "submitter_name": "", "comment": "Zapis"},
    )
    assert response.status_code == 400
    assert "Zapis" in response.content.decode()
    assert not ConsultationComment.objects.exists()


# --- Nothing a user types can run script or break the layout ---------------------------

PAYLOADS = [
    "<script>alert('x1')</script>",
    '"><img src=x onerror=alert(2)>',
    '<a href="javascript:alert(3)">klik</a> javascript:alert(4)',
    "</li></ol></details></div><h1>Przejęcie strony</h1>",
    "<svg onload=alert(5)>",
    "<iframe src='https://example.org'></iframe>",
    "{{ 7|add:7 }} {% now 'Y' %}",
    "<style>body{display:none}</style>",
]
PAYLOAD = " ".join(PAYLOADS)


RAW = [
    "<script>alert('x1')</script>",
    "<img src=x onerror=alert(2)>",
    'href="javascript:alert(3)"',
    "<h1>Przejęcie strony</h1>",
    "<svg onload=alert(5)>",
    "<iframe src=",
    "<style>body{display:none}</style>",
    "alert('org')</script>",
    "<img src=x onerror=alert('first')>",
]


class _Scan(HTMLParser):
    """Collects what user text must never create: event handlers, javascript: links,
    scripts that call alert()."""

    def __init__(self):
        super().__init__()
        self.problems = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{tag}[{name}]")
            if name in ("href", "src") and (value or "").strip().lower().startswith("javascript"):
                self.problems.append(f"{tag}[{name}={value}]")
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and "alert(" in data:
            self.problems.append("script")


def assert_inert(html: str):
    scan = _Scan()
    scan.feed(html)
    assert scan.problems == []
    assert [raw for raw in RAW if raw in html] == []
    assert html.count("<h1") == 1  # the page's own title only


def test_render_user_text_escapes_markup_and_keeps_safe_links():
    html = render_user_text(PAYLOAD + "\n\nZobacz https://bip.example.org/uchwaly?id=1&x=2")
    assert "<script" not in html and "<img" not in html and "<svg" not in html
    assert 'href="javascript' not in html
    assert (
        '<a href="https://bip.example.org/uchwaly?id=1&amp;x=2" rel="nofollow ugc noopener">'
        in html
    )
    assert html.count("<p>") == 2


@pytest.fixture
def hostile_ngo(db):
    organisation = OrganisationFactory(name="<script>alert('org')</script> Fundacja")
    user = UserFactory(
        username="hostile",
        first_name="<img src=x onerror=alert('first')>",
        last_name='"><script>alert(1)</script>',
        roles=[Role.NGO_REPRESENTATIVE],
    )
    MembershipFactory(user=user, organisation=organisation)
    return user, organisation


def test_payloads_in_every_field_stay_text_everywhere(
    client, hostile_ngo, official, open_consultation
):
    user, organisation = hostile_ngo
    clause = clauses_of(open_consultation)[0]
    client.force_login(user)
    for data in (
        {"clause": clause.pk, "on_behalf": organisation.pk},
        {"clause": clause.pk},
        {},
    ):
        response = client.post(
            f"/konsultacje/{open_consultation.pk}/komentarz/",
            {**data, "comment": PAYLOAD, "proposed_wording": PAYLOAD, "justification": PAYLOAD},
        )
        assert response.status_code == 302
    parent = ConsultationComment.objects.order_by("pk").first()
    client.post(
        f"/konsultacje/{open_consultation.pk}/komentarz/",
        {"reply_to": parent.pk, "comment": PAYLOAD},
    )
    services.enter_offline_comment(
        consultation=open_consultation,
        clause=clause,
        text=services.CommentText(PAYLOAD, PAYLOAD, PAYLOAD),
        channel=Channel.EMAIL,
        submitter_name=PAYLOADS[1],
        entered_by=official,
    )
    hidden = ConsultationComment.objects.order_by("pk")[1]
    services.hide_comment(comment=hidden, reason=PAYLOADS[0], by=official)
    assert ConsultationComment.objects.count() == 5
    client.logout()
    pages = {
        "consultation": client.get(open_consultation.url),
        "reply form": client.get(
            f"/konsultacje/{open_consultation.pk}/komentarz/?reply_to={parent.pk}"
        ),
        "comment page": client.get(f"/konsultacje/komentarze/{parent.pk}/"),
        "hidden comment page": client.get(f"/konsultacje/komentarze/{hidden.pk}/"),
    }
    for name, response in pages.items():
        assert response.status_code == 200, name
        assert_inert(response.content.decode())
    body = pages["consultation"].content.decode()
    assert "&lt;script&gt;alert(&#x27;x1&#x27;)&lt;/script&gt;" in body
    assert "&lt;/li&gt;&lt;/ol&gt;&lt;/details&gt;" in body
    client.force_login(official)
    for url in (
        f"/admin/consultations/{open_consultation.pk}/moderation/",
        f"/admin/consultations/{open_consultation.pk}/offline/",
    ):
        admin_html = client.get(url).content.decode()
        assert [raw for raw in RAW if raw in admin_html] == [], url
