import pytest
from django.core.management import call_command

from grants.models import Offer, OfferStatus

# Seeding the whole demo takes seconds on a quiet machine and minutes on a busy one;
# the per-test limit (pyproject) would stop a healthy run. Still bounded.
pytestmark = [pytest.mark.django_db, pytest.mark.timeout(900)]


def test_demo_call_has_offers_in_every_state(client, official):
    call_command("seed_demo", "--seed", "2026")
    states = set(Offer.objects.values_list("status", flat=True))
    assert states == set(OfferStatus.values)
    assert Offer.objects.count() == 12
    call = Offer.objects.first().call
    assert client.get(call.url).status_code == 200
