"""Officials verify projects with a published reasoning and the verified cost; the
author may appeal a rejection within the edition's days; the outcome is published."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from budget.factories import make_project
from budget.models import Appeal, Phase, Status
from budget.services import verification
from budget.services.submission import PhaseClosed, enter_paper_support
from municipalities.factories import staff_user


@pytest.fixture
def verifying(city, edition_in):
    return edition_in(city, Phase.VERIFICATION)


def test_admitted_with_the_verified_cost_and_a_public_reasoning(
    client, official, author, verifying
):
    project = make_project(verifying.pools.get(), author=author, cost="80000.00")
    verification.verify_project(
        by=official,
        project=project,
        formal_ok=True,
        legal_ok=True,
        technical_ok=True,
        reasoning="Wykonalny na terenie gminy.",
        verified_cost=Decimal("95000.00"),
    )
    project.refresh_from_db()
    assert project.status == Status.ADMITTED and project.verified_cost == Decimal("95000.00")
    body = client.get(project.get_absolute_url()).content.decode()
    assert "Wykonalny na terenie gminy." in body


def test_any_failed_check_rejects(official, verifying):
    project = make_project(verifying.pools.get())
    verification.verify_project(
        by=official,
        project=project,
        formal_ok=True,
        legal_ok=False,
        technical_ok=True,
        reasoning="Teren nie należy do gminy.",
        verified_cost=None,
    )
    assert project.status == Status.REJECTED


def test_reasoning_and_cost_are_required(official, verifying):
    project = make_project(verifying.pools.get())
    with pytest.raises(ValidationError):
        verification.verify_project(
            by=official,
            project=project,
            formal_ok=True,
            legal_ok=True,
            technical_ok=True,
            reasoning=" ",
            verified_cost=Decimal(1),
        )
    with pytest.raises(ValidationError):
        verification.verify_project(
            by=official,
            project=project,
            formal_ok=True,
            legal_ok=True,
            technical_ok=True,
            reasoning="OK",
            verified_cost=None,
        )


def test_too_few_signatures_cannot_be_admitted(official, verifying):
    pool = verifying.pools.get()
    pool.signatures_required = 2
    pool.save()
    project = make_project(pool)
    enter_paper_support(by=official, project=project, full_name="Anna Lipa", address="ul. Polna 1")
    with pytest.raises(ValidationError):
        verification.verify_project(
            by=official,
            project=project,
            formal_ok=True,
            legal_ok=True,
            technical_ok=True,
            reasoning="OK",
            verified_cost=Decimal(1000),
        )
    enter_paper_support(by=official, project=project, full_name="Jan Lipa", address="ul. Polna 1")
    verification.verify_project(
        by=official,
        project=project,
        formal_ok=True,
        legal_ok=True,
        technical_ok=True,
        reasoning="OK",
        verified_cost=Decimal(1000),
    )
    assert project.status == Status.ADMITTED


def test_official_of_another_municipality_cannot_verify(gmina_a, gmina_b, edition_in):
    outsider = staff_user(gmina_b, username="urz_b", roles=[Role.OFFICIAL])
    project = make_project(edition_in(gmina_a, Phase.VERIFICATION).pools.get())
    with pytest.raises(PermissionDenied):
        verification.verify_project(
            by=outsider,
            project=project,
            formal_ok=True,
            legal_ok=True,
            technical_ok=True,
            reasoning="OK",
            verified_cost=Decimal(1),
        )


def reject(official, project):
    verification.verify_project(
        by=official,
        project=project,
        formal_ok=False,
        legal_ok=True,
        technical_ok=True,
        reasoning="Brak mapy.",
        verified_cost=None,
    )


def test_author_appeals_within_the_days_and_the_outcome_is_published(
    client, official, author, verifying
):
    project = make_project(verifying.pools.get(), author=author)
    reject(official, project)
    client.force_login(author)
    response = client.post(
        reverse("budget:appeal", args=[project.pk]), {"text": "Mapa była w załączniku."}
    )
    assert response.status_code == 302
    appeal = Appeal.objects.get(project=project)
    verification.decide_appeal(by=official, appeal=appeal, upheld=True, reasoning="Mapa jest.")
    project.refresh_from_db()
    assert project.status == Status.ADMITTED and project.verified_cost == Decimal("50000.00")
    body = client.get(project.get_absolute_url()).content.decode()
    assert "Mapa jest." in body and "Mapa była w załączniku." in body


def test_appeal_after_the_days_is_refused(official, author, verifying):
    project = make_project(verifying.pools.get(), author=author)
    reject(official, project)
    project.verified_at = timezone.now() - timezone.timedelta(days=verifying.appeal_days + 1)
    project.save()
    with pytest.raises(PhaseClosed):
        verification.file_appeal(by=author, project=project, text="Za późno")


def test_only_the_author_appeals(client, official, author, other_resident, verifying):
    project = make_project(verifying.pools.get(), author=author)
    reject(official, project)
    client.force_login(other_resident)
    response = client.post(reverse("budget:appeal", args=[project.pk]), {"text": "Ja też."})
    assert response.status_code == 403
    assert not Appeal.objects.exists()


def test_dismissed_appeal_keeps_the_project_out_of_the_vote(official, author, verifying):
    project = make_project(verifying.pools.get(), author=author)
    reject(official, project)
    appeal = verification.file_appeal(by=author, project=project, text="Proszę o ponowne.")
    verification.decide_appeal(by=official, appeal=appeal, upheld=False, reasoning="Nadal brak.")
    project.refresh_from_db()
    assert project.status == Status.REJECTED
    assert project not in verifying.pools.get().projects.admitted()
