"""The edition's rules as data: amounts, PESEL numbers, phase order, the signature cap."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from budget import pesel
from budget.admin_forms import PoolForm
from budget.amounts import parse_pln
from budget.factories import make_edition, make_pool
from budget.models import Phase, Pool, VotingRule, signature_cap


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("12 345,67", "12345.67"),
        ("12\u00a0345,67 zł", "12345.67"),
        ("12345.6", "12345.60"),
        ("1 000 000", "1000000.00"),
        ("0,5", "0.50"),
    ],
)
def test_amounts_are_accepted_the_polish_way(typed, expected):
    assert parse_pln(typed) == Decimal(expected)


@pytest.mark.parametrize("typed", ["12,345,67", "abc", "1.234.5", "", "12,3456"])
def test_malformed_amounts_are_refused(typed):
    with pytest.raises(ValueError):
        parse_pln(typed)


def test_pool_form_accepts_a_polish_amount():
    form = PoolForm(
        data={
            "name": "Osiedle Północ",
            "kind": "district",
            "amount": "1 250 000,00",
            "residents": "12000",
            "signatures_required": "12",
            "voting_rule": "budget",
            "position": "0",
        }
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["amount"] == Decimal("1250000.00")


def test_pesel_checksum_birth_date_and_century():
    number = pesel.with_checksum("0421030812")  # born 3 January 2004
    assert pesel.checksum_ok(number)
    assert pesel.birth_date(number) == datetime.date(2004, 1, 3)
    assert pesel.birth_date(pesel.with_checksum("8501150812")) == datetime.date(1985, 1, 15)
    wrong = number[:10] + str((int(number[10]) + 1) % 10)
    assert not pesel.checksum_ok(wrong)
    assert not pesel.checksum_ok("1234567890")
    assert pesel.birth_date(pesel.with_checksum("8502300812")) is None  # 30 February


def test_pesel_is_stored_as_a_keyed_hash(settings):
    number = pesel.with_checksum("8501150812")
    digest = pesel.pesel_hash(number)
    assert number not in digest and len(digest) == 64
    assert digest == pesel.pesel_hash(number)
    settings.BUDGET_PESEL_KEY = "another key"
    assert pesel.pesel_hash(number) != digest


def test_signature_cap_is_one_per_mille_of_residents():
    assert signature_cap(40_000) == 40
    assert signature_cap(999) == 0


def test_pool_over_the_statutory_cap_is_refused_with_the_cap(city):
    edition = make_edition(city)
    pool = Pool(
        edition=edition,
        name="Osiedle",
        kind="district",
        amount=Decimal(100_000),
        residents=12_500,
        signatures_required=13,
    )
    with pytest.raises(ValidationError) as caught:
        pool.full_clean()
    message = caught.value.message_dict["signatures_required"][0]
    assert ("0.1" in message or "0,1" in message) and "12" in message
    pool.signatures_required = 12
    pool.full_clean()


def test_fixed_number_rule_needs_the_number(city):
    pool = make_pool(make_edition(city))
    pool.voting_rule = VotingRule.COUNT
    with pytest.raises(ValidationError) as caught:
        pool.full_clean()
    assert "max_choices" in caught.value.message_dict


def test_phases_must_follow_in_order(city):
    edition = make_edition(city)
    edition.voting_start = edition.submission_end - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as caught:
        edition.full_clean()
    assert "voting_start" in caught.value.message_dict or "appeals_end" in str(caught.value)


@pytest.mark.parametrize("phase", list(Phase))
def test_edition_phase_follows_the_dates(city, phase):
    fields = {}
    if phase in (Phase.RESULTS, Phase.IMPLEMENTATION):
        from django.utils import timezone

        fields["results_published_at"] = timezone.now()
    edition = make_edition(city, phase=phase, **fields)
    assert edition.phase == phase


def test_results_phase_waits_for_publication(city):
    edition = make_edition(city, phase=Phase.RESULTS)
    assert edition.phase == Phase.COUNTING
