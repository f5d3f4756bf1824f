import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import Organisation
from grants.models import (
    Agreement,
    AgreementStatus,
    CallTerms,
    EstimateStatus,
    FormalCorrection,
    Offer,
    OfferKind,
    OfferStatus,
    ReportKind,
    ReportStatus,
    SmallGrantPublication,
)

# Seeding the whole demo takes seconds on a quiet machine and minutes on a busy one;
# the per-test limit (pyproject) would stop a healthy run. Still bounded.
pytestmark = [pytest.mark.django_db, pytest.mark.timeout(900)]


def test_demo_call_has_offers_in_every_state(client, official):
    call_command("seed_demo", "--seed", "2026")
    states = set(Offer.objects.values_list("status", flat=True))
    assert states == set(OfferStatus.values)
    call = Offer.objects.filter(status=OfferStatus.WITHDRAWN).first().call
    assert Offer.objects.filter(call=call).count() == 13  # 12 states + one being corrected
    assert client.get(call.url).status_code == 200
    # The resolved call's results are published and reach the organisations' profiles.
    resolved = Offer.objects.get(title="Akademia sprawnego seniora").call
    assert resolved.status == "resolved"
    assert CallTerms.objects.get(call=resolved).results_published_at is not None
    assert Offer.objects.filter(call=resolved, status="granted").count() == 3
    seniors = Organisation.objects.get(name="Stowarzyszenie Seniorzy w Akcji")
    html = client.get(seniors.get_absolute_url()).content.decode()
    assert 'id="section-grants-received"' in html and "42\u00a0000,00\u00a0zł" in html


def test_demo_agreements_settled_due_soon_and_waiting(client):
    from django.utils import timezone

    from accounts.models import User
    from grants.agreement_demo import seed_agreements

    call_command("seed_demo", "--seed", "2026")
    agreements = {a.status: a for a in Agreement.objects.all()}
    assert set(agreements) == {
        AgreementStatus.SETTLED,
        AgreementStatus.SIGNED,
        AgreementStatus.ESTIMATE,
    }
    settled = agreements[AgreementStatus.SETTLED]
    assert settled.estimates.get().status == EstimateStatus.ACCEPTED
    final = settled.reports.get(kind=ReportKind.FINAL)
    assert final.status == ReportStatus.ACCEPTED and final.versions.count() == 1
    due = agreements[AgreementStatus.SIGNED].reports.get(kind=ReportKind.FINAL)
    assert due.status == ReportStatus.DRAFT
    assert (due.due_on - timezone.localdate()).days == 5
    representative = User.objects.get(email="fundacja@okienko.example.org")
    client.force_login(representative)
    page = client.get(reverse("grants:agreements")).content.decode()
    assert all(a.number in page for a in agreements.values())
    assert client.get(due.get_absolute_url()).status_code == 200
    # a second run adds nothing
    from portal.demo import DemoContext

    ctx = DemoContext(rng=None)
    seed_agreements(ctx, parent=None, official=None, representative=None, organisation=None)
    assert Agreement.objects.count() == 3


def test_demo_has_small_grants_and_an_offer_waiting_for_corrections(client, official):
    call_command("seed_demo", "--seed", "2026")
    in_week, decided = SmallGrantPublication.objects.select_related("offer").order_by("pk")
    assert in_week.offer.status == OfferStatus.SUBMITTED and not in_week.comment_week_over()
    assert in_week.consultation.comments.count() == 2
    assert decided.offer.status == OfferStatus.GRANTED and decided.comment_week_over()
    assert Offer.objects.filter(kind=OfferKind.SMALL, publication__isnull=True).exists()
    waiting = FormalCorrection.objects.get()
    assert waiting.is_open and waiting.offer.status == OfferStatus.CORRECTION
    client.force_login(official)
    decision = client.get(f"/dotacje/male-granty/{in_week.offer_id}/decyzja/")
    assert decision.status_code == 200 and 'id="week-not-over"' in decision.content.decode()
    assert client.get(in_week.consultation.url).status_code == 200
    call_command("seed_demo", "--seed", "2026")  # seeded already: nothing added
    assert SmallGrantPublication.objects.count() == 2
