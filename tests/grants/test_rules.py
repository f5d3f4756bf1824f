import datetime
from decimal import Decimal

import pytest

from grants.numbers import format_amount, parse_amount, shares
from grants.rules import CallRules, OfferData, check_offer, check_offer_deadline

D = Decimal


@pytest.fixture(autouse=True)
def english():
    """The messages are checked in their source language."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12 345,67", D("12345.67")),
        ("12\u00a0345,6", D("12345.60")),
        ("12345.67", D("12345.67")),
        ("1 000", D("1000.00")),
        ("  ", None),
        ("100 zł", D("100.00")),
    ],
)
def test_polish_amounts_are_read(text, expected):
    assert parse_amount(text) == expected


@pytest.mark.parametrize("text", ["12,345.67", "1,234", "abc", "1,2345", "1.2.3"])
def test_malformed_amounts_are_refused(text):
    with pytest.raises(ValueError):
        parse_amount(text)


def test_amounts_are_written_the_polish_way():
    assert format_amount(D("1234567.5")) == "1 234 567,50"


def test_shares_always_add_up_to_one_hundred():
    result = shares({"a": D("1"), "b": D("1"), "c": D("1")}, D("3"))
    assert sum(result.values()) == D("100")
    assert sorted(result.values()) == [D("33.33"), D("33.33"), D("33.34")]


NOW = datetime.datetime(2026, 3, 1, 12, tzinfo=datetime.UTC)


def test_deadline_under_21_days_is_refused_with_the_reason():
    message = check_offer_deadline(NOW + datetime.timedelta(days=20), NOW)
    assert "21" in message and "art. 13" in message
    assert check_offer_deadline(NOW + datetime.timedelta(days=21), NOW) is None


def offer(**fields):
    base = {
        "start_date": datetime.date(2026, 3, 1),
        "end_date": datetime.date(2026, 5, 31),
        "grant_requested": D("900"),
        "own_financial": D("100"),
        "own_non_financial": D("0"),
        "recipient_fees": D("0"),
    }
    base.update(fields)
    return OfferData(
        fields=base,
        actions=[
            {
                "number": 1,
                "name": "A",
                "start_date": datetime.date(2026, 3, 1),
                "end_date": datetime.date(2026, 4, 1),
            }
        ],
        costs=[{"action_number": 1, "unit_cost": D("100"), "units": D("10"), "value": None}],
    )


RULES = CallRules(
    funds=D("100000"),
    max_grant=D("950"),
    min_own_pct=D("10"),
    admin_cap_pct=D("10"),
    period=(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)),
)


def messages(problems):
    return [p.message for p in problems]


def test_a_consistent_offer_has_no_problems():
    assert check_offer(offer(), RULES, submitting=False) == []


def test_value_must_equal_unit_cost_times_units():
    data = offer()
    data.costs[0]["value"] = D("999")
    (problem,) = check_offer(data, RULES, submitting=False)
    assert problem.table == "costs" and problem.field == "value" and "1 000,00" in problem.message


def test_years_must_add_up_to_the_value():
    data = offer()
    data.costs[0].update(year_1=D("500"), year_2=D("400"))
    assert [p.field for p in check_offer(data, RULES, submitting=False)] == ["year_1"]


def test_sources_must_add_up_to_the_total():
    problems = check_offer(offer(own_financial=D("50")), RULES, submitting=False)
    assert any("must add up to the total costs" in m for m in messages(problems))


def test_call_limits_are_applied():
    problems = check_offer(
        offer(grant_requested=D("960"), own_financial=D("40")), RULES, submitting=False
    )
    text = " ".join(messages(problems))
    assert "maximum grant" in text and "own contribution of at least 10" in text


def test_administrative_costs_over_the_cap_are_refused():
    data = offer()
    data.costs.append({"action_number": None, "unit_cost": D("200"), "units": D("1")})
    data.fields.update(grant_requested=D("1080"), own_financial=D("120"))
    rules = CallRules(admin_cap_pct=D("10"))
    assert any(
        "Administrative costs" in m for m in messages(check_offer(data, rules, submitting=False))
    )


def test_in_kind_contribution_refused_where_the_call_does_not_allow_it():
    data = offer(own_financial=D("0"), own_non_financial=D("100"))
    problems = check_offer(data, CallRules(in_kind_allowed=False), submitting=False)
    assert [p.field for p in problems] == ["own_non_financial"]


def test_schedule_must_lie_within_the_task_dates_and_the_call_period():
    data = offer(start_date=datetime.date(2025, 12, 1))
    data.actions[0]["end_date"] = datetime.date(2026, 6, 30)
    fields = {(p.table, p.field) for p in check_offer(data, RULES, submitting=False)}
    assert (None, "start_date") in fields and ("actions", "start_date") in fields


def test_cost_line_names_an_existing_action():
    data = offer()
    data.costs[0]["action_number"] = 7
    assert [p.field for p in check_offer(data, RULES, submitting=False)] == ["action_number"]


def test_joint_split_must_add_up_to_the_total():
    data = offer(is_joint=True)
    data.shares = [{"offeror": "A", "amount": D("600")}, {"offeror": "B", "amount": D("300")}]
    assert [p.table for p in check_offer(data, RULES, submitting=False)] == ["shares"]
    data.shares[1]["amount"] = D("400")
    assert check_offer(data, RULES, submitting=False) == []


def test_small_grant_limits():
    data = offer(end_date=datetime.date(2026, 6, 30), grant_requested=D("10000.01"))
    problems = check_offer(data, CallRules(small_grant=True), submitting=False)
    text = " ".join(messages(problems))
    assert "at most 90 days" in text and "at most 10 000,00" in text


def test_submitting_needs_the_declarations_and_the_basics():
    fields = {p.field for p in check_offer(offer(), RULES, submitting=True)}
    assert {"declared_truth", "title", "offeror_name"} <= fields
