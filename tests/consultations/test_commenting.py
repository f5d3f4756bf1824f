"""Commenting on the consultation page: clauses, the act as a whole, replies, organisations,
refusals that keep the text, flags and reactions, deep links and pages without JavaScript."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.utils.html import escape
from django_comments.models import CommentFlag
from django_comments_xtd.models import LIKEDIT_FLAG

from accounts.factories import OrganisationFactory
from consultations import services
from consultations.factories import CommentFactory, DraftActVersionFactory
from consultations.models import ConsultationComment, DraftActVersion, ModerationEvent

from .conftest import clauses_of, version_of


def without_tokens(html: bytes) -> bytes:
    """Each response carries a freshly masked CSRF token; the rest must be identical."""
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", html)


def form_url(page):
    return f"/konsultacje/{page.pk}/komentarz/"


def text(comment="Proszę doprecyzować termin.", **kwargs):
    return services.CommentText(comment=comment, **kwargs)


def test_resident_comments_on_a_clause_and_lands_on_the_comment(
    client, resident, open_consultation
):
    clause = clauses_of(open_consultation)[1]
    client.force_login(resident)
    response = client.post(
        form_url(open_consultation),
        {
            "clause": clause.pk,
            "comment": "Termin 7 dni jest za krótki.",
            "proposed_wording": "Termin wynosi 14 dni.",
            "justification": "Organizacje działają społecznie.",
        },
    )
    comment = ConsultationComment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{open_consultation.url}#komentarz-{comment.pk}"
    assert (comment.clause, comment.consultation_id, comment.user) == (
        clause,
        open_consultation.pk,
        resident,
    )
    assert comment.content_object == clause
    assert comment.proposed_wording == "Termin wynosi 14 dni."
    assert comment.body_html == "<p>Termin 7 dni jest za krótki.</p>"
    body = client.get(open_consultation.url).content.decode()
    assert f'id="komentarz-{comment.pk}"' in body
    assert "Termin wynosi 14 dni." in body and "Organizacje działają społecznie." in body


def test_comment_on_the_act_as_a_whole_goes_to_the_general_section(
    client, resident, open_consultation
):
    client.force_login(resident)
    client.post(form_url(open_consultation), {"comment": "Cały projekt jest dobry."})
    comment = ConsultationComment.objects.get()
    assert comment.clause is None
    assert comment.content_type == ContentType.objects.get_for_model(DraftActVersion)
    assert comment.object_pk == str(version_of(open_consultation).pk)
    body = client.get(open_consultation.url).content.decode()
    general = body.split('id="uwagi-ogolne"', 1)[1]
    assert "Cały projekt jest dobry." in general
    assert 'class="general__count" data-count="1"' in general


def test_ngo_representative_comments_on_behalf_of_the_organisation(
    client, ngo_user, organisation, open_consultation
):
    client.force_login(ngo_user)
    form = client.get(form_url(open_consultation)).content.decode()
    assert f'value="{organisation.pk}"' in form  # the organisation is offered
    client.post(
        form_url(open_consultation),
        {"comment": "Stanowisko stowarzyszenia.", "on_behalf": organisation.pk},
    )
    comment = ConsultationComment.objects.get()
    assert comment.organisation == organisation
    assert comment.submitter == organisation.name
    body = client.get(open_consultation.url).content.decode()
    assert organisation.name in body and f"({ngo_user.public_name})" in body


def test_ngo_representatives_invalid_post_as_themselves_offers_the_organisation_again(
    client, ngo_user, organisation, open_consultation
):
    """A post on one's own behalf does not read the organisations; shown again after an
    error, the form still offers them, with the text kept."""
    client.force_login(ngo_user)
    clause = clauses_of(open_consultation)[0]
    response = client.post(
        form_url(open_consultation),
        {"clause": clause.pk, "comment": "", "justification": "Uzasadnienie zostaje."},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Wpisz swoją uwagę." in page
    assert "Uzasadnienie zostaje." in page
    assert f'value="{organisation.pk}"' in page and 'name="on_behalf"' in page
    # The clause (read for posting as id and version only) is shown whole again.
    assert escape(clause.citation) in page and escape(clause.text.split()[0]) in page
    assert f'name="clause" value="{clause.pk}"' in page
    assert not ConsultationComment.objects.exists()


def test_organisation_the_user_does_not_represent_is_refused_and_text_kept(
    client, ngo_user, open_consultation
):
    other = OrganisationFactory(name="Fundacja Obca")
    client.force_login(ngo_user)
    response = client.post(
        form_url(open_consultation),
        {"comment": "Podszywam się pod fundację.", "on_behalf": other.pk},
    )
    assert response.status_code == 200
    assert "Podszywam się pod fundację." in response.content.decode()
    assert not ConsultationComment.objects.exists()
    with pytest.raises(PermissionDenied):
        services.post_comment(
            consultation=open_consultation, user=ngo_user, text=text(), organisation=other
        )


def test_reply_joins_the_parents_thread(client, resident, ngo_user, open_consultation):
    clause = clauses_of(open_consultation)[0]
    parent = services.post_comment(
        consultation=open_consultation, user=resident, text=text(), clause=clause
    )
    client.force_login(ngo_user)
    page = client.get(f"{form_url(open_consultation)}?reply_to={parent.pk}").content.decode()
    assert "Proszę doprecyzować termin." in page  # the parent is quoted
    response = client.post(
        form_url(open_consultation), {"reply_to": parent.pk, "comment": "Popieram."}
    )
    reply = ConsultationComment.objects.exclude(pk=parent.pk).get()
    assert response["Location"].endswith(f"#komentarz-{reply.pk}")
    assert (reply.parent_id, reply.thread_id, reply.level, reply.clause) == (
        parent.pk,
        parent.pk,
        1,
        clause,
    )
    body = client.get(open_consultation.url).content.decode()
    assert f'<a href="#komentarz-{parent.pk}">{resident.public_name}</a>' in body
    assert body.index(f'id="komentarz-{parent.pk}"') < body.index(f'id="komentarz-{reply.pk}"')


def test_reply_deeper_than_the_thread_limit_is_refused(settings, resident, open_consultation):
    settings.COMMENTS_XTD_MAX_THREAD_LEVEL = 1
    parent = services.post_comment(consultation=open_consultation, user=resident, text=text())
    child = services.reply(parent=parent, user=resident, text=text("Odpowiedź"))
    with pytest.raises(services.CommentRefused) as exc:
        services.reply(parent=child, user=resident, text=text("Za głęboko"))
    assert exc.value.code == services.CommentRefused.TOO_DEEP


def test_clause_of_an_unpublished_version_is_refused(resident, open_consultation):
    draft = DraftActVersionFactory(consultation=open_consultation, number=2, is_published=False)
    from consultations.factories import ClauseFactory

    clause = ClauseFactory(version=draft, position=1)
    with pytest.raises(services.CommentRefused) as exc:
        services.post_comment(
            consultation=open_consultation, user=resident, text=text(), clause=clause
        )
    assert exc.value.code == services.CommentRefused.BAD_TARGET
    assert not ConsultationComment.objects.exists()


def test_unpublished_consultation_refuses_the_comment_and_keeps_the_text(
    client, resident, open_consultation
):
    type(open_consultation).objects.filter(pk=open_consultation.pk).update(
        first_published_at=open_consultation.start_at
    )
    client.force_login(resident)
    assert client.get(form_url(open_consultation)).status_code == 200
    open_consultation.refresh_from_db()
    open_consultation.unpublish()
    response = client.post(form_url(open_consultation), {"comment": "Pisałem to godzinę."})
    assert response.status_code == 403
    body = response.content.decode()
    assert 'data-refusal="not_published"' in body and "Pisałem to godzinę." in body
    assert not ConsultationComment.objects.exists()
    assert client.get(form_url(open_consultation)).status_code == 404


def test_never_published_consultation_is_not_found(client, resident, open_consultation):
    open_consultation.unpublish()
    type(open_consultation).objects.filter(pk=open_consultation.pk).update(first_published_at=None)
    client.force_login(resident)
    response = client.post(form_url(open_consultation), {"comment": "Uwaga"})
    assert response.status_code == 404


def test_unverified_user_is_told_to_confirm_and_keeps_the_text(
    client, unverified_user, open_consultation
):
    client.force_login(unverified_user)
    response = client.post(form_url(open_consultation), {"comment": "Moja uwaga do § 1."})
    body = response.content.decode()
    assert response.status_code == 403
    assert 'data-refusal="unverified"' in body and "Moja uwaga do § 1." in body
    assert 'id="verify-link"' in body


def test_rate_limit_keeps_the_text_and_lets_the_user_send_again(
    client, settings, resident, open_consultation
):
    settings.CONSULTATIONS_COMMENT_RATE = 2
    client.force_login(resident)
    for n in range(2):
        response = client.post(form_url(open_consultation), {"comment": f"Uwaga {n}"})
        assert response.status_code == 302
    response = client.post(form_url(open_consultation), {"comment": "Uwaga trzecia"})
    body = response.content.decode()
    assert 'data-refusal="rate_limited"' in body and "Uwaga trzecia" in body
    assert "Publish the comment" in body or "Opublikuj" in body  # the button stays
    assert open_consultation.comments.count() == 2


def test_empty_comment_is_refused_and_other_fields_kept(client, resident, open_consultation):
    client.force_login(resident)
    response = client.post(
        form_url(open_consultation), {"comment": "  ", "justification": "Uzasadnienie bez uwagi"}
    )
    assert response.status_code == 200
    assert "Uzasadnienie bez uwagi" in response.content.decode()
    assert not ConsultationComment.objects.exists()


def test_anonymous_post_is_sent_to_the_login_page(client, open_consultation):
    response = client.post(form_url(open_consultation), {"comment": "Anonimowo"})
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert not ConsultationComment.objects.exists()


def test_closed_form_warns_before_typing(client, resident, consultation_index):
    from .conftest import make_consultation

    closed = make_consultation(consultation_index, "closed")
    client.force_login(resident)
    body = client.get(form_url(closed)).content.decode()
    assert 'data-refusal="closed"' in body
    assert 'type="submit"' not in body.split('id="comment-form"', 1)[1]


# --- Flags and reactions -------------------------------------------------------------


def test_flag_is_recorded_once_and_audited(client, resident, open_consultation):
    comment = CommentFactory(clause=clauses_of(open_consultation)[0])
    client.force_login(resident)
    url = f"/konsultacje/komentarze/{comment.pk}/zglos/"
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 302
    assert CommentFlag.objects.filter(comment=comment, user=resident).count() == 1
    event = ModerationEvent.objects.get(comment=comment)
    assert (event.action, event.actor) == (ModerationEvent.Action.FLAG, resident)


def test_flagged_comment_is_listed_for_the_moderator(client, resident, official, open_consultation):
    flagged, quiet = (CommentFactory(clause=clauses_of(open_consultation)[0]) for _ in range(2))
    services.flag_comment(comment=flagged, user=resident)
    client.force_login(official)
    body = client.get(
        f"/admin/consultations/{open_consultation.pk}/moderation/?show=flagged"
    ).content.decode()
    assert f'id="comment-{flagged.pk}"' in body and f'id="comment-{quiet.pk}"' not in body


def test_reaction_toggles_and_is_counted_on_the_page(client, resident, open_consultation):
    comment = CommentFactory(clause=clauses_of(open_consultation)[0])
    client.force_login(resident)
    client.post(f"/konsultacje/komentarze/{comment.pk}/like/")
    assert CommentFlag.objects.filter(comment=comment, flag=LIKEDIT_FLAG).count() == 1
    client.logout()
    body = client.get(open_consultation.url).content.decode()
    assert re.search(r'<span class="comment__reactions">1 [^<,]+, 0 ', body)
    client.force_login(resident)
    client.post(f"/konsultacje/komentarze/{comment.pk}/like/")
    assert not CommentFlag.objects.filter(comment=comment, flag=LIKEDIT_FLAG).exists()


def test_anonymous_reaction_goes_to_the_login_page(client, open_consultation):
    comment = CommentFactory(clause=clauses_of(open_consultation)[0])
    response = client.post(f"/konsultacje/komentarze/{comment.pk}/like/")
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert not CommentFlag.objects.exists()


# --- The page: every clause, counts, deep links, no JavaScript needed ------------------


def test_page_shows_every_clause_with_its_count_and_its_comments(client, nested_consultation):
    clauses = clauses_of(nested_consultation)
    on_pkt = [CommentFactory(clause=clauses[3]) for _ in range(2)]
    on_par = CommentFactory(clause=clauses[0])
    body = client.get(nested_consultation.url).content.decode()
    for clause in clauses:
        assert f'id="{clause.anchor}"' in body
        assert f'<a href="#{clause.anchor}" class="clause__citation">{clause.citation}</a>' in body
    pattern = r'id="([a-z0-9-]+)" data-clause="\d+".*?data-count="(\d+)"'
    counts = dict(re.findall(pattern, body, re.S))
    assert counts == {
        "par-1": "1",
        "par-1-ust-1": "0",
        "par-1-ust-2": "0",
        "par-1-ust-2-pkt-1": "2",
        "par-2": "0",
    }
    # Collapsed per clause in <details> (opens without JavaScript), in the HTML itself.
    details = body.split('<details class="comments" id="komentarze-par-1-ust-2-pkt-1">', 1)[1]
    details = details.split("</details>", 1)[0]
    for comment in on_pkt:
        assert f'id="komentarz-{comment.pk}"' in details and comment.comment in details
    assert f'id="komentarz-{on_par.pk}"' not in details


def test_deep_links_to_a_clause_and_to_a_comment(client, open_consultation):
    clause = clauses_of(open_consultation)[2]
    comment = CommentFactory(clause=clause)
    body = client.get(open_consultation.url).content.decode()
    assert f'id="{clause.anchor}"' in body  # /konsultacja/#par-3
    assert f'href="#komentarz-{comment.pk}" class="comment__permalink"' in body
    # The comment's own page (no JavaScript, no <details>) links back to the anchor.
    page = client.get(f"/konsultacje/komentarze/{comment.pk}/").content.decode()
    assert comment.comment in page
    assert f'href="{open_consultation.url}#komentarz-{comment.pk}"' in page
    # The comment form of a clause links back to the clause.
    form = client.get(f"{form_url(open_consultation)}?clause={clause.pk}").content.decode()
    assert f'href="{open_consultation.url}#{clause.anchor}"' in form
    assert clause.text in form


def test_every_action_is_a_plain_link_or_form(client, resident, open_consultation):
    """Nothing on the act needs JavaScript: reply, comment and actions are links to pages."""
    clause = clauses_of(open_consultation)[0]
    comment = CommentFactory(clause=clause)
    body = client.get(open_consultation.url).content.decode()
    assert f'href="{form_url(open_consultation)}?clause={clause.pk}#comment-form"' in body
    assert f'href="{form_url(open_consultation)}?reply_to={comment.pk}#comment-form"' in body
    assert f'href="/konsultacje/komentarze/{comment.pk}/"' in body
    client.force_login(resident)
    actions = client.get(f"/konsultacje/komentarze/{comment.pk}/").content.decode()
    for form_id in ("like-form", "dislike-form", "flag-form"):
        assert f'id="{form_id}"' in actions
    assert "onclick" not in body and "onclick" not in actions


def test_page_download_of_the_draft(client, official, consultation_index):
    from .conftest import make_consultation

    page = make_consultation(consultation_index, "planned", clauses=0)
    page.versions.all().delete()
    version = services.import_draft(
        consultation=page, text="§ 1. Uchwała wchodzi w życie.", by=official
    )
    services.publish_version(version=version, by=official)
    version.source_file.save("projekt-uchwaly.txt", __import__("io").BytesIO(b"x"), save=True)
    body = client.get(page.url).content.decode()
    assert 'id="draft-download"' in body and "projekt-uchwaly.txt" in body


def test_database_fault_while_saving_keeps_the_text_and_says_what_happened(
    client, resident, open_consultation, monkeypatch
):
    from django.db import OperationalError

    def fail(**kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(services, "post_comment", fail)
    client.force_login(resident)
    response = client.post(
        form_url(open_consultation),
        {"comment": "Uwaga, której nie wolno zgubić", "justification": "Bo tak"},
    )
    assert response.status_code == 503
    html = response.content.decode()
    assert 'id="save-failed"' in html
    assert "Uwaga, której nie wolno zgubić" in html
    assert "Bo tak" in html
    assert not ConsultationComment.objects.exists()
