"""From the application to the published results, through the screens."""

import io
from decimal import Decimal

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from initiatives.factories import accept, make_agreement
from initiatives.models import Application, Result, ResultStatus, Status

YEAR = timezone.localdate().year


def application_data(**overrides):
    data = {
        "applicant_kind": "residents",
        "group_name": "Sąsiedzi z Wierzbowej",
        "residents": "Ewa Przykładowa, ul. Wierzbowa 1",
        "title": "Ogródek deszczowy",
        "description": "Ogródek deszczowy przy szkole.",
        "area": "ecology",
        "place": "Teren szkoły przy ul. Wierzbowej",
        "social_work_hours": "80,5",
        "social_work_description": "Kopanie, sadzenie.",
        "in_kind_description": "Narzędzia.",
        "in_kind_value": "1 200,00",
        "money": "300",
        "city_contribution": "12 345,67",
        "city_contribution_description": "Ziemia, rośliny, obrzeża.",
        "steps-TOTAL_FORMS": "3",
        "steps-INITIAL_FORMS": "0",
        "steps-MIN_NUM_FORMS": "0",
        "steps-MAX_NUM_FORMS": "12",
        "steps-0-action": "Przygotowanie",
        "steps-0-starts_on": f"{YEAR}-04-01",
        "steps-0-ends_on": f"{YEAR}-04-10",
        "steps-1-action": "Sadzenie",
        "steps-1-starts_on": f"{YEAR}-04-11",
        "steps-1-ends_on": f"{YEAR}-04-30",
    }
    data.update(overrides)
    return data


def test_a_resident_saves_a_draft_then_submits(client, setup_a, applicant):
    client.force_login(applicant)
    url = reverse("initiatives:new", args=[setup_a.municipality.slug])
    assert client.get(url).status_code == 200
    response = client.post(url, {**application_data(), "draft": "1"})
    application = Application.objects.get()
    assert response.status_code == 302
    assert application.status == Status.DRAFT
    assert application.city_contribution == Decimal("12345.67")
    assert application.social_work_value == Decimal("2415.00")  # 80.5 h × 30 zł
    assert [s.action for s in application.steps.all()] == ["Przygotowanie", "Sadzenie"]

    edit = reverse("initiatives:edit", args=[application.pk])
    data = application_data(**{"steps-INITIAL_FORMS": "0"})
    # The draft's steps are existing rows now: send them as such.
    steps = list(application.steps.all())
    data |= {"steps-INITIAL_FORMS": "2", "steps-0-id": steps[0].pk, "steps-1-id": steps[1].pk}
    response = client.post(edit, {**data, "submit": "1"})
    assert response.status_code == 302, response.content.decode()[:2000]
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED and application.submitted_at
    assert application.steps.count() == 2
    # Submitted: no more edits.
    assert client.get(edit).status_code == 403


def test_a_failed_submission_lists_errors_at_the_top_and_keeps_the_text(client, setup_a, applicant):
    client.force_login(applicant)
    url = reverse("initiatives:new", args=[setup_a.municipality.slug])
    data = application_data(
        place="", city_contribution="dużo", **{"steps-1-ends_on": f"{YEAR}-04-01"}
    )
    response = client.post(url, {**data, "submit": "1"})
    html = response.content.decode()
    assert response.status_code == 400
    assert html.index('class="error-summary"') < html.index('id="application-form"')
    assert 'href="#id_place"' in html and 'href="#id_city_contribution"' in html
    assert "Ogródek deszczowy przy szkole." in html  # typed text kept
    assert 'value="dużo"' in html
    assert not Application.objects.exists()


def test_schedule_errors_are_in_the_summary(client, setup_a, applicant):
    client.force_login(applicant)
    url = reverse("initiatives:new", args=[setup_a.municipality.slug])
    data = application_data(
        **{"steps-1-starts_on": f"{YEAR}-03-01", "steps-1-ends_on": f"{YEAR}-03-05"}
    )
    html = client.post(url, {**data, "submit": "1"}).content.decode()
    assert 'href="#steps-fieldset"' in html


def test_closed_applications_refuse_politely(client, setup_a, applicant):
    setup_a.accepting = False
    setup_a.save()
    client.force_login(applicant)
    response = client.post(
        reverse("initiatives:new", args=[setup_a.municipality.slug]), application_data()
    )
    assert response.status_code == 403
    assert 'id="refusal"' in response.content.decode()
    assert not Application.objects.exists()


def test_an_ngo_representative_applies_for_the_organisation_only(
    client, setup_a, ngo_member, other_ngo_member
):
    client.force_login(ngo_member.user)
    url = reverse("initiatives:new", args=[setup_a.municipality.slug])
    foreign = application_data(
        applicant_kind="organisation", organisation=other_ngo_member.organisation.pk
    )
    assert client.post(url, {**foreign, "submit": "1"}).status_code == 400
    own = application_data(
        applicant_kind="organisation", organisation=ngo_member.organisation.pk, group_name=""
    )
    assert client.post(url, {**own, "submit": "1"}).status_code == 302
    application = Application.objects.get()
    assert application.public_applicant == "Stowarzyszenie Zielony Zakątek"


def test_the_official_scores_decides_and_the_applicants_are_told(
    client, submitted, official_a, django_capture_on_commit_callbacks
):
    client.force_login(official_a)
    url = reverse("initiatives:evaluate", args=[submitted.pk])
    criteria = list(submitted.municipality.initiative_setup.criteria.all())
    # Deciding before scoring is refused.
    response = client.post(url, {"decision": "accept", "reasons": "Dobry pomysł."})
    assert (
        response.status_code == 400
        and "Przed rozstrzygnięciem oceń każde kryterium" in response.content.decode()
    )
    too_many = {f"points_{c.pk}": c.max_points + 1 for c in criteria}
    assert client.post(url, {"scores": "1", **too_many}).status_code == 400
    points = {f"points_{c.pk}": c.max_points for c in criteria}
    reasons = {f"reasons_{c.pk}": "Uzasadnienie." for c in criteria}
    assert client.post(url, {"scores": "1", **points, **reasons}).status_code == 302
    assert submitted.scores.count() == len(criteria)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"decision": "accept", "reasons": "Spełnia kryteria."})
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == Status.ACCEPTED and submitted.decided_by == official_a
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [submitted.created_by.email]
    assert "Spełnia kryteria." in mail.outbox[0].body


def test_a_refusal_is_mailed_with_reasons_and_never_public(
    client, submitted, official_a, django_capture_on_commit_callbacks
):
    for criterion in submitted.municipality.initiative_setup.criteria.all():
        submitted.scores.create(criterion=criterion, points=1)
    client.force_login(official_a)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("initiatives:evaluate", args=[submitted.pk]),
            {"decision": "refuse", "reasons": "Zadanie poza zakresem."},
        )
    assert "Zadanie poza zakresem." in mail.outbox[-1].body
    detail = reverse("initiatives:detail", args=[submitted.municipality.slug, submitted.pk])
    assert client.get(detail).status_code == 404


def test_agreement_is_generated_as_docx_and_pdf(
    client, submitted, official_a, applicant, other_resident
):
    accept(submitted)
    client.force_login(official_a)
    form = reverse("initiatives:agreement", args=[submitted.pk])
    assert client.get(form).status_code == 200
    response = client.post(
        form,
        {
            "number": "IL.524.3.2026",
            "concluded_on": f"{YEAR}-04-20",
            "place": "Alfa",
            "starts_on": f"{YEAR}-05-01",
            "ends_on": f"{YEAR}-06-10",
            "signatory": "Jan Wzorowy, Wójt Gminy Alfa",
            "city_obligations": "Ławki i ziemia.",
        },
    )
    assert response.status_code == 302
    from docx import Document

    client.force_login(applicant)
    docx = client.get(reverse("initiatives:agreement_file", args=[submitted.pk, "docx"]))
    assert docx.status_code == 200
    text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert "IL.524.3.2026" in text and "Gmina Alfa" in text and "12\u00a0345,67\u00a0zł" in text
    pdf = client.get(reverse("initiatives:agreement_file", args=[submitted.pk, "pdf"]))
    assert pdf.content.startswith(b"%PDF") and b"/StructTreeRoot" in pdf.content
    client.force_login(other_resident)
    assert (
        client.get(reverse("initiatives:agreement_file", args=[submitted.pk, "pdf"])).status_code
        == 404
    )


def png_bytes() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (4, 3), "green").save(out, "PNG")
    return out.getvalue()


def test_results_are_reported_accepted_and_published(client, submitted, applicant, official_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    accept(submitted)
    make_agreement(submitted)
    client.force_login(applicant)
    url = reverse("initiatives:report_result", args=[submitted.pk])
    bad = client.post(url, {"result": "1", "what_was_done": "", "social_work_hours": "x"})
    assert bad.status_code == 400 and 'class="error-summary"' in bad.content.decode()
    ok = client.post(
        url,
        {
            "result": "1",
            "what_was_done": "Gotowe.",
            "social_work_hours": "100",
            "in_kind_value": "1 000",
            "money": "0",
        },
    )
    assert ok.status_code == 302
    photo = SimpleUploadedFile("skwer.png", png_bytes(), content_type="image/png")
    assert (
        client.post(
            url, {"photo": "1", "image": photo, "alt_text": "Nowe ławki na skwerze"}
        ).status_code
        == 302
    )
    result = Result.objects.get()
    photo_url = reverse("initiatives:photo", args=[result.photos.get().pk])
    client.logout()
    assert client.get(photo_url).status_code == 404  # not public before acceptance
    detail = reverse("initiatives:detail", args=[submitted.municipality.slug, submitted.pk])
    assert "Gotowe." not in client.get(detail).content.decode()

    client.force_login(official_a)
    assert client.post(reverse("initiatives:accept_result", args=[submitted.pk])).status_code == 302
    result.refresh_from_db()
    assert result.status == ResultStatus.ACCEPTED
    client.logout()
    html = client.get(detail).content.decode()
    assert "Gotowe." in html and 'alt="Nowe ławki na skwerze"' in html
    assert client.get(photo_url).status_code == 200
    # Accepted results are final: the applicants cannot report again.
    client.force_login(applicant)
    assert client.get(url).status_code == 403


def test_attachments_are_private(client, draft, applicant, other_resident, official_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(applicant)
    upload = SimpleUploadedFile("kosztorys.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    client.post(reverse("initiatives:add_attachment", args=[draft.pk]), {"file": upload})
    attachment = draft.attachments.get()
    url = reverse("initiatives:attachment", args=[draft.pk, attachment.pk])
    assert client.get(url).status_code == 200
    client.force_login(other_resident)
    assert client.get(url).status_code == 404
    client.force_login(official_a)
    assert client.get(url).status_code == 404  # a draft is the applicants' own
    bad = SimpleUploadedFile("skrypt.exe", b"MZ", content_type="application/octet-stream")
    client.force_login(applicant)
    client.post(reverse("initiatives:add_attachment", args=[draft.pk]), {"file": bad})
    assert draft.attachments.count() == 1
