"""Amounts typed the Polish way, the council's criteria and the schedule's dates."""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from initiatives.forms import CriterionFormSet, ScheduleFormSet, SetupForm
from initiatives.money import AmountField, format_pln, parse_amount


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("12 345,67", Decimal("12345.67")),
        ("12\u00a0345,67 zł", Decimal("12345.67")),
        ("12.345,67", Decimal("12345.67")),
        ("1234.5", Decimal("1234.50")),
        ("0", Decimal("0")),
    ],
)
def test_amounts_accept_polish_notation(typed, value):
    assert AmountField().clean(typed) == value


def test_a_word_is_not_an_amount():
    with pytest.raises(Exception, match="12 345,67"):
        AmountField().clean("dużo")


def test_amounts_are_shown_the_polish_way():
    assert format_pln(Decimal("12345.6")) == "12\u00a0345,60\u00a0zł"
    assert parse_amount("1 000,00") == "1000.00"


@pytest.fixture(autouse=True)
def _english():
    """Messages are checked in the source language."""
    with translation.override("en"):
        yield


def criteria_data(rows):
    data = {
        "criteria-TOTAL_FORMS": str(len(rows)),
        "criteria-INITIAL_FORMS": "0",
        "criteria-MIN_NUM_FORMS": "0",
        "criteria-MAX_NUM_FORMS": "1000",
    }
    for i, (position, name, points, social) in enumerate(rows):
        data |= {
            f"criteria-{i}-position": str(position),
            f"criteria-{i}-name": name,
            f"criteria-{i}-max_points": str(points),
        }
        if social:
            data[f"criteria-{i}-social_work"] = "on"
    return data


def test_social_work_must_be_the_first_criterion(setup_a):
    formset = CriterionFormSet(
        criteria_data([(1, "Potrzeba", 30, False), (2, "Praca społeczna", 40, True)]),
        instance=setup_a,
        prefix="criteria",
    )
    assert not formset.is_valid()
    assert "first criterion" in str(formset.non_form_errors())


def test_social_work_must_be_present(setup_a):
    formset = CriterionFormSet(
        criteria_data([(1, "Potrzeba", 30, False)]), instance=setup_a, prefix="criteria"
    )
    assert not formset.is_valid()


def test_criteria_with_social_work_first_are_accepted(gmina_a):
    from initiatives.models import InitiativeSetup

    setup = InitiativeSetup.objects.create(municipality=gmina_a)
    formset = CriterionFormSet(
        criteria_data([(2, "Potrzeba", 30, False), (1, "Praca społeczna", 40, True)]),
        instance=setup,
        prefix="criteria",
    )
    assert formset.is_valid(), formset.errors


@pytest.mark.parametrize(
    ("typed", "ok"), [("31.03, 30.09", True), ("31.02", False), ("marzec", False), ("", True)]
)
def test_yearly_deadlines_are_days_of_every_year(gmina_a, typed, ok):
    form = SetupForm({"deadlines": typed, "hour_rate": "30,00", "resolution": ""})
    assert form.is_valid() is ok


def test_next_deadline_rolls_into_the_next_year(setup_a):
    assert setup_a.next_deadline(datetime.date(2026, 10, 1)) == datetime.date(2027, 3, 31)
    assert setup_a.next_deadline(datetime.date(2026, 4, 1)) == datetime.date(2026, 9, 30)


def steps_data(rows):
    data = {
        "steps-TOTAL_FORMS": str(len(rows)),
        "steps-INITIAL_FORMS": "0",
        "steps-MIN_NUM_FORMS": "0",
        "steps-MAX_NUM_FORMS": "12",
    }
    for i, (action, start, end) in enumerate(rows):
        data |= {
            f"steps-{i}-action": action,
            f"steps-{i}-starts_on": start,
            f"steps-{i}-ends_on": end,
        }
    return data


@pytest.mark.parametrize(
    ("rows", "problem"),
    [
        ([("A", "2026-05-10", "2026-05-01")], "ends before it starts"),
        ([("A", "2026-06-01", "2026-06-10"), ("B", "2026-05-01", "2026-05-10")], "order"),
        ([("A", "2026-11-01", "2027-01-10")], "one calendar year"),
        ([], "at least one step"),
    ],
)
def test_schedule_rules_on_submit(db, rows, problem):
    formset = ScheduleFormSet(steps_data(rows), prefix="steps", submitting=True)
    assert not formset.is_valid()
    assert problem in str(formset.non_form_errors())


def test_ordered_schedule_within_a_year_is_valid(db):
    rows = [("A", "2026-05-01", "2026-05-10"), ("B", "2026-05-10", "2026-06-30")]
    assert ScheduleFormSet(steps_data(rows), prefix="steps", submitting=True).is_valid()
