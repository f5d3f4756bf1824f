"""Residents submit projects: draft/submit, cost lines, images, support signatures;
edits only during submission, refused politely afterwards with the text kept."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from budget.factories import make_project
from budget.models import Phase, Project, ProjectImage, Status, Support
from budget.services.submission import support_token


def png(size=(20, 10)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, "green").save(buffer, "PNG")
    return SimpleUploadedFile("plac.png", buffer.getvalue(), content_type="image/png")


def form_data(pool, **overrides):
    data = {
        "title": "Zielony skwer",
        "pool": pool.pk,
        "location": "ul. Lipowa 3",
        "description": "Nasadzenia i ławki.",
        "justification": "Brakuje zieleni.",
        "costs-TOTAL_FORMS": "3",
        "costs-INITIAL_FORMS": "0",
        "costs-MIN_NUM_FORMS": "1",
        "costs-MAX_NUM_FORMS": "30",
        "costs-0-item": "Drzewa",
        "costs-0-amount": "12 345,67",
        "costs-1-item": "Ławki",
        "costs-1-amount": "7 654,33",
        "costs-2-item": "",
        "costs-2-amount": "",
    }
    data.update(overrides)
    return data


def test_resident_saves_a_draft_then_submits(client, author, submission_edition):
    pool = submission_edition.pools.get()
    client.force_login(author)
    url = reverse("budget:project_new", args=[submission_edition.pk])
    response = client.post(url, form_data(pool, draft="1"))
    project = Project.objects.get()
    assert response.status_code == 302 and project.status == Status.DRAFT
    assert project.estimated_cost == Decimal("20000.00")
    assert [line.item for line in project.cost_lines.all()] == ["Drzewa", "Ławki"]
    edit = reverse("budget:project_edit", args=[project.pk])
    client.post(edit, form_data(pool, submit="1", **{"costs-INITIAL_FORMS": "2"}))
    project.refresh_from_db()
    assert project.status == Status.SUBMITTED and project.submitted_at


def test_wrong_cost_lines_keep_what_was_typed(client, author, submission_edition):
    pool = submission_edition.pools.get()
    client.force_login(author)
    response = client.post(
        reverse("budget:project_new", args=[submission_edition.pk]),
        form_data(pool, **{"costs-0-amount": "12,345,67", "costs-1-amount": ""}, submit="1"),
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Zielony skwer" in body and "12,345,67" in body
    assert 'class="error-summary"' in body
    assert not Project.objects.exists()


def test_cost_over_the_pool_is_refused(client, author, submission_edition):
    pool = submission_edition.pools.get()
    client.force_login(author)
    response = client.post(
        reverse("budget:project_new", args=[submission_edition.pk]),
        form_data(pool, **{"costs-0-amount": "600 000,00"}, submit="1"),
    )
    assert response.status_code == 200 and not Project.objects.exists()


def test_image_needs_alt_text_and_stays_private_until_published(
    client, author, other_resident, submission_edition
):
    pool = submission_edition.pools.get()
    client.force_login(author)
    url = reverse("budget:project_new", args=[submission_edition.pk])
    response = client.post(url, form_data(pool, draft="1", image=png()))
    assert response.status_code == 200 and not Project.objects.exists()
    client.post(url, form_data(pool, draft="1", image=png(), alt_text="Zaniedbany skwer"))
    image = ProjectImage.objects.get()
    assert image.content_type == "image/png"
    assert "private" in image.file.path
    own = client.get(image.get_url())
    assert own.status_code == 200 and own["Cache-Control"] == "private, no-store"
    client.force_login(other_resident)
    assert client.get(image.get_url()).status_code == 404  # a draft's image
    image.project.status = Status.SUBMITTED
    image.project.save()
    assert client.get(image.get_url()).status_code == 200


def test_a_file_that_is_not_an_image_is_refused(client, author, submission_edition):
    pool = submission_edition.pools.get()
    client.force_login(author)
    fake = SimpleUploadedFile("x.png", b"<script>alert(1)</script>", content_type="image/png")
    response = client.post(
        reverse("budget:project_new", args=[submission_edition.pk]),
        form_data(pool, draft="1", image=fake, alt_text="Opis"),
    )
    assert response.status_code == 200 and not ProjectImage.objects.exists()


def test_oversized_image_is_refused(client, author, submission_edition, settings):
    settings.BUDGET_IMAGE_MAX_BYTES = 100
    pool = submission_edition.pools.get()
    client.force_login(author)
    client.post(
        reverse("budget:project_new", args=[submission_edition.pk]),
        form_data(pool, draft="1", image=png((200, 200)), alt_text="Opis"),
    )
    assert not ProjectImage.objects.exists()


def test_edit_after_submission_ended_is_refused_politely_keeping_the_text(
    client, author, submission_edition
):
    pool = submission_edition.pools.get()
    project = make_project(pool, author=author)
    client.force_login(author)
    edit = reverse("budget:project_edit", args=[project.pk])
    type(submission_edition).objects.filter(pk=submission_edition.pk).update(
        submission_end=submission_edition.submission_start,
    )
    response = client.post(edit, form_data(pool, title="Nowy tytuł", submit="1"))
    assert response.status_code == 409
    assert "Nowy tytuł" in response.content.decode()  # what was typed, to copy
    assert "phase-closed" in client.get(edit).content.decode()  # no form any more
    project.refresh_from_db()
    assert project.title == "Ławki w parku"


def test_new_project_posted_after_the_deadline_keeps_the_text(client, author, submission_edition):
    pool = submission_edition.pools.get()
    client.force_login(author)
    url = reverse("budget:project_new", args=[submission_edition.pk])
    page = client.get(url)
    assert page.status_code == 200
    type(submission_edition).objects.filter(pk=submission_edition.pk).update(
        submission_end=submission_edition.submission_start
    )
    response = client.post(url, form_data(pool, submit="1"))
    assert response.status_code == 409
    assert "Zielony skwer" in response.content.decode()
    assert not Project.objects.exists()


def test_residents_sign_through_the_shared_link_once(
    client, author, other_resident, submission_edition
):
    project = make_project(submission_edition.pools.get(), author=author)
    url = reverse("budget:support", args=[support_token(project)])
    client.force_login(other_resident)
    response = client.post(url, {"full_name": "Jan Sąsiad", "address": "ul. Lipowa 5"})
    assert response.status_code == 302
    again = client.post(url, {"full_name": "Jan Sąsiad", "address": "ul. Lipowa 5"})
    assert again.status_code == 409
    assert Support.objects.filter(project=project).count() == 1


def test_a_forged_support_link_is_not_found(client, other_resident, submission_edition):
    client.force_login(other_resident)
    assert client.get(reverse("budget:support", args=["123:forged"])).status_code == 404


def test_author_sees_the_support_link(client, author, submission_edition):
    project = make_project(submission_edition.pools.get(), author=author)
    client.force_login(author)
    body = client.get(project.get_absolute_url()).content.decode()
    assert support_token(project) in body


@pytest.mark.parametrize("phase", [Phase.VERIFICATION, Phase.VOTING])
def test_support_after_submission_is_closed(client, other_resident, city, edition_in, phase):
    edition = edition_in(city, phase)
    project = make_project(edition.pools.get())
    client.force_login(other_resident)
    url = reverse("budget:support", args=[support_token(project)])
    response = client.post(url, {"full_name": "Jan", "address": "ul. Lipowa 5"})
    assert "phase-closed" in response.content.decode()
    assert not Support.objects.exists()
