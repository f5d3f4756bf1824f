import pytest
from django.core.management import call_command
from django.urls import reverse

from grants.models import (
    Agreement,
    AgreementStatus,
    EstimateStatus,
    Offer,
    OfferStatus,
    ReportKind,
    ReportStatus,
)

pytestmark = pytest.mark.django_db


def test_demo_call_has_offers_in_every_state(client, official):
    call_command("seed_demo", "--seed", "2026")
    states = set(Offer.objects.values_list("status", flat=True))
    assert states == set(OfferStatus.values)
    call = Offer.objects.filter(status=OfferStatus.WITHDRAWN).first().call
    assert Offer.objects.filter(call=call).count() == 12
    assert client.get(call.url).status_code == 200


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
