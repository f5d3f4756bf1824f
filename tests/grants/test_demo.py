import pytest
from django.core.management import call_command

from accounts.models import Organisation
from grants.models import CallTerms, Offer, OfferStatus

# Seeding the whole demo takes seconds on a quiet machine and minutes on a busy one;
# the per-test limit (pyproject) would stop a healthy run. Still bounded.
pytestmark = [pytest.mark.django_db, pytest.mark.timeout(900)]


def test_demo_call_has_offers_in_every_state(client, official):
    call_command("seed_demo", "--seed", "2026")
    states = set(Offer.objects.values_list("status", flat=True))
    assert states == set(OfferStatus.values)
    assert Offer.objects.filter(call__status="evaluation").count() == 12
    call = Offer.objects.filter(call__status="evaluation").first().call
    assert client.get(call.url).status_code == 200
    # The resolved call's results are published and reach the organisations' profiles.
    terms = CallTerms.objects.get(results_published_at__isnull=False)
    assert terms.call.status == "resolved"
    assert Offer.objects.filter(call=terms.call, status="granted").count() == 3
    seniors = Organisation.objects.get(name="Stowarzyszenie Seniorzy w Akcji")
    html = client.get(seniors.get_absolute_url()).content.decode()
    assert 'id="section-grants-received"' in html and "42\u00a0000,00\u00a0zł" in html
