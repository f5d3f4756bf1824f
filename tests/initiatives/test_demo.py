import pytest
from django.core.management import call_command
from django.urls import reverse

from initiatives.models import Application, Status

# Seeding the whole demo takes seconds on a quiet machine and minutes on a busy one;
# the per-test limit (pyproject) would stop a healthy run. Still bounded.
pytestmark = pytest.mark.timeout(900)


def test_demo_has_an_accepted_initiative_with_results_and_one_under_evaluation(
    client, db, home_page
):
    call_command("seed_demo", "--seed", "2026")
    accepted = Application.objects.get(status=Status.ACCEPTED)
    assert accepted.agreement.number and accepted.result.is_accepted
    assert Application.objects.filter(status=Status.SUBMITTED).count() == 1
    slug = accepted.municipality.slug
    html = client.get(reverse("initiatives:municipality", args=[slug])).content.decode()
    assert accepted.title in html and "Bezpieczne przejście" not in html
    call_command("seed_demo", "--seed", "2026")  # a second run duplicates nothing
    assert Application.objects.count() == 2
