import pytest
from django.core.management import call_command

from grants.models import FormalCorrection, Offer, OfferKind, OfferStatus, SmallGrantPublication

pytestmark = pytest.mark.django_db


def test_demo_call_has_offers_in_every_state(client, official):
    call_command("seed_demo", "--seed", "2026")
    states = set(Offer.objects.values_list("status", flat=True))
    assert states == set(OfferStatus.values)
    assert Offer.objects.filter(kind=OfferKind.STANDARD).count() == 13
    call = Offer.objects.filter(call__isnull=False).first().call
    assert client.get(call.url).status_code == 200


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
