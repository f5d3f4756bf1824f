"""Organisations propose news and events: the proposal becomes a draft page in the
municipality's window, credited to the organisation and submitted to the review
workflow; the municipality's editors approve (publish) or reject it with a comment in
the Wagtail admin; the representative is e-mailed each decision once."""

import datetime
import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from wagtail.models import TaskState

from accounts.models import Role
from cms_pages.models import EventPage, NewsPage
from municipalities.factories import staff_user
from organisations import proposals
from organisations.models import Proposal

pytestmark = pytest.mark.django_db


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), "green").save(buffer, "PNG")
    return SimpleUploadedFile("sadzenie.png", buffer.getvalue(), content_type="image/png")


def news_data(municipality, **overrides):
    data = {
        "municipality": municipality.pk,
        "title": "Sadzimy drzewa przy szkole",
        "lead": "W sobotę sadzimy dwadzieścia lip przy Szkole Podstawowej nr 1.",
        "body": "Zapraszamy wszystkich.\n\nPrzynieście <b>rękawice</b>.<script>alert(1)</script>",
        "image_alt": "",
    }
    data.update(overrides)
    return data


def event_data(municipality, **overrides):
    day = timezone.localdate() + datetime.timedelta(days=10)
    data = {
        "municipality": municipality.pk,
        "title": "Warsztaty pisania wniosków",
        "kind": "training",
        "lead": "Jak napisać ofertę w otwartym konkursie.",
        "start_date": day.isoformat(),
        "start_time": "17:00",
        "end_date": "",
        "end_time": "19:30",
        "place": "Świetlica wiejska",
        "address": "ul. Polna 3, Alfa",
        "registration_info": "Zapisy do piątku.",
        "registration_url": "",
        "body": "",
        "image_alt": "",
    }
    data.update(overrides)
    return data


def propose_url(organisation, kind="news"):
    name = "ngo:propose_news" if kind == "news" else "ngo:propose_event"
    return reverse(name, args=[organisation.slug])


@pytest.fixture
def editor_b(gmina_b):
    return staff_user(gmina_b, username="editor-b", roles=[Role.EDITOR])


@pytest.fixture
def proposal(client, rep_a, ngo_a, gmina_a, editor_a, django_capture_on_commit_callbacks):
    client.force_login(rep_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(propose_url(ngo_a), news_data(gmina_a))
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    mail.outbox.clear()
    return Proposal.objects.get()


def task_state_of(page):
    return TaskState.objects.get(workflow_state__object_id=str(page.pk), status="in_progress")


def act(client, user, page, action, **data):
    client.force_login(user)
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state_of(page).pk]
    )
    return client.post(url, data)


def test_news_proposal_becomes_a_draft_in_the_review_workflow(
    client, rep_a, ngo_a, gmina_a, editor_a, official_a, django_capture_on_commit_callbacks
):
    client.force_login(rep_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(propose_url(ngo_a), news_data(gmina_a))
    assert response.status_code == 302
    assert response["Location"] == reverse("ngo:my_proposals")
    proposal = Proposal.objects.get()
    page = proposal.page.specific
    assert isinstance(page, NewsPage)
    assert not page.live and page.author_organisation == ngo_a and page.owner == rep_a
    assert page.get_parent().get_parent().pk == gmina_a.home_page_id
    html = page.body[0].value.source
    assert "<b>rękawice</b>" in html and "script" not in html and "alert(1)" in html
    assert page.current_workflow_state.status == "in_progress"
    assert page.current_workflow_task.specific.__class__.__name__ == "ProposalReviewTask"
    assert (proposal.organisation, proposal.municipality, proposal.status) == (
        ngo_a,
        gmina_a,
        Proposal.Status.PENDING,
    )
    assert sorted(m.to[0] for m in mail.outbox) == sorted([editor_a.email, official_a.email])
    assert "Fundacja Alfa" in mail.outbox[0].subject
    assert f"/admin/pages/{page.pk}/edit/" in mail.outbox[0].body


def test_event_proposal_with_image_and_alt_text(client, rep_a, ngo_a, gmina_a, settings, tmp_path):
    client.force_login(rep_a)
    data = event_data(gmina_a, image_alt="Uczestnicy przy stole z laptopami")
    response = client.post(propose_url(ngo_a, "event"), {**data, "image": png()})
    assert response.status_code == 302
    page = Proposal.objects.get().page.specific
    assert isinstance(page, EventPage)
    assert timezone.localtime(page.start).strftime("%H:%M") == "17:00"
    assert timezone.localtime(page.end).strftime("%H:%M") == "19:30"
    assert (page.place, page.kind, page.registration_info) == (
        "Świetlica wiejska",
        "training",
        "Zapisy do piątku.",
    )
    image_block = page.body[0]
    assert image_block.block_type == "image"
    assert image_block.value.contextual_alt_text == "Uczestnicy przy stole z laptopami"


def test_an_image_needs_its_alternative_text_and_typed_input_stays(client, rep_a, ngo_a, gmina_a):
    client.force_login(rep_a)
    response = client.post(propose_url(ngo_a), {**news_data(gmina_a), "image": png()})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html and 'href="#id_image_alt"' in html
    assert "Sadzimy drzewa przy szkole" in html
    assert not Proposal.objects.exists() and not NewsPage.objects.filter(title__startswith="Sadz")


def test_event_in_the_past_or_ending_before_it_starts_is_refused(client, rep_a, ngo_a, gmina_a):
    client.force_login(rep_a)
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    response = client.post(propose_url(ngo_a, "event"), event_data(gmina_a, start_date=yesterday))
    assert response.status_code == 200 and 'href="#id_start_date"' in response.content.decode()
    response = client.post(propose_url(ngo_a, "event"), event_data(gmina_a, end_time="16:00"))
    assert response.status_code == 200 and 'href="#id_end_time"' in response.content.decode()
    assert not Proposal.objects.exists()


def test_only_municipalities_where_the_organisation_works_are_offered(
    client, rep_a, ngo_a, gmina_a, gmina_b
):
    client.force_login(rep_a)
    html = client.get(propose_url(ngo_a)).content.decode()
    assert "Gmina Alfa" in html and "Gmina Beta" not in html
    response = client.post(propose_url(ngo_a), news_data(gmina_b))
    assert response.status_code == 200 and 'href="#id_municipality"' in response.content.decode()
    assert not Proposal.objects.exists()


def test_the_service_refuses_a_municipality_where_the_organisation_does_not_work(
    rep_a, ngo_a, gmina_b
):
    from django.core.exceptions import ValidationError

    data = {"title": "T", "lead": "L", "body": "<p>B</p>"}
    with pytest.raises(ValidationError):
        proposals.propose(
            organisation=ngo_a, municipality=gmina_b, kind="news", by=rep_a, data=data
        )


def test_an_organisation_naming_no_municipality_is_told_to_edit_its_profile(client, rep_a, ngo_a):
    ngo_a.municipalities.clear()
    client.force_login(rep_a)
    html = client.get(propose_url(ngo_a)).content.decode()
    assert 'id="no-municipalities"' in html and 'id="proposal-form"' not in html


def test_proposals_are_rate_limited(client, rep_a, ngo_a, gmina_a, settings):
    settings.ORGANISATIONS_PROPOSAL_RATE = (2, 3600)
    client.force_login(rep_a)
    for n in range(2):
        response = client.post(propose_url(ngo_a), news_data(gmina_a, title=f"Wieść {n}"))
        assert response.status_code == 302
    response = client.post(propose_url(ngo_a), news_data(gmina_a, title="Trzecia"))
    assert response.status_code == 429
    assert Proposal.objects.count() == 2 and not NewsPage.objects.filter(title="Trzecia")


def test_editor_of_the_municipality_approves_and_the_page_is_published(
    client, proposal, editor_a, rep_a, django_capture_on_commit_callbacks
):
    page = proposal.page
    with django_capture_on_commit_callbacks(execute=True):
        response = act(client, editor_a, page, "approve")
    assert response.status_code == 302
    page.refresh_from_db()
    proposal.refresh_from_db()
    assert page.live and proposal.status == Proposal.Status.PUBLISHED
    # The portal's own e-mail only (Wagtail's would link the admin the representative
    # cannot open).
    assert [m.to for m in mail.outbox] == [[rep_a.email]]
    assert "opublikowan" in mail.outbox[0].subject.lower() or "published" in mail.outbox[0].subject
    assert page.full_url in mail.outbox[0].body
    html = client.get(page.url).content.decode()
    assert "Fundacja Alfa" in html and 'class="page-author"' in html


def test_rejection_needs_a_comment_that_reaches_the_representative(
    client, proposal, editor_a, rep_a, django_capture_on_commit_callbacks
):
    page = proposal.page
    act(client, editor_a, page, "reject")  # no comment: nothing happens
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.PENDING
    with django_capture_on_commit_callbacks(execute=True):
        act(client, editor_a, page, "reject", comment="Prosimy dodać datę wydarzenia.")
    proposal.refresh_from_db()
    page.refresh_from_db()
    assert proposal.status == Proposal.Status.REJECTED and not page.live
    assert proposal.comment == "Prosimy dodać datę wydarzenia."
    assert [m.to for m in mail.outbox] == [[rep_a.email]]
    assert "Prosimy dodać datę wydarzenia." in mail.outbox[0].body
    client.force_login(rep_a)
    html = client.get(reverse("ngo:my_proposals")).content.decode()
    assert "Prosimy dodać datę wydarzenia." in html


def test_each_decision_is_mailed_once(proposal, editor_a, django_capture_on_commit_callbacks):
    from organisations import tasks

    page = proposal.page.specific
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision(user=editor_a).publish(user=editor_a)
    assert len(mail.outbox) == 1
    assert tasks.send_proposal_decision.call(proposal.pk) is False
    assert len(mail.outbox) == 1


def test_an_editor_publishing_directly_and_taking_it_down_are_recorded(
    proposal, editor_a, django_capture_on_commit_callbacks
):
    page = proposal.page.specific
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision(user=editor_a).publish(user=editor_a)
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.PUBLISHED
    page.refresh_from_db()
    page.unpublish(user=editor_a)
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.UNPUBLISHED


def test_editors_of_another_municipality_cannot_see_or_decide(
    client, proposal, editor_b, official_b
):
    page = proposal.page
    task = task_state_of(page).task.specific
    for user in (editor_b, official_b):
        assert task.get_actions(page, user) == []
        assert not task.get_task_states_user_can_moderate(user).exists()
        client.force_login(user)
        response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 302  # Wagtail sends them to the dashboard
        refused = act(client, user, page, "approve")  # PermissionDenied: to the dashboard
        assert (refused.status_code, refused["Location"]) == (302, reverse("wagtailadmin_home"))
        preview = reverse("wagtailadmin_pages:workflow_preview", args=[page.pk, task.pk])
        assert client.get(preview).status_code in (302, 403)
        assert proposal.title not in client.get(reverse("wagtailadmin_home")).content.decode()
    page.refresh_from_db()
    assert not page.live


def test_the_municipalitys_reviewers_find_it_awaiting_review(
    client, proposal, editor_a, official_a
):
    page = proposal.page
    task = task_state_of(page).task.specific
    for user in (editor_a, official_a):
        assert [name for name, _label, _modal in task.get_actions(page, user)] == [
            "reject",
            "approve",
        ]
        assert task.get_task_states_user_can_moderate(user).count() == 1
        client.force_login(user)
        assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200
        assert proposal.title in client.get(reverse("wagtailadmin_home")).content.decode()


def test_wagtails_own_decision_mail_still_reaches_admin_users(
    proposal, editor_a, official_a, django_capture_on_commit_callbacks
):
    """An editor who submits a page to the same workflow gets Wagtail's usual e-mail."""
    page = proposal.page.specific
    state = page.current_workflow_state
    state.requested_by = official_a
    state.save(update_fields=["requested_by"])
    task_state = task_state_of(page)
    with django_capture_on_commit_callbacks(execute=True):
        task_state.task.specific.on_action(task_state, editor_a, "approve")
    assert official_a.email in [m.to[0] for m in mail.outbox]


def test_superusers_are_not_mailed_by_wagtail_about_each_proposal(
    client, rep_a, ngo_a, gmina_a, editor_a, django_capture_on_commit_callbacks
):
    from accounts.factories import UserFactory

    superuser = UserFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(rep_a)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(propose_url(ngo_a), news_data(gmina_a))
    assert superuser.email not in [m.to[0] for m in mail.outbox]
    assert editor_a.email in [m.to[0] for m in mail.outbox]
