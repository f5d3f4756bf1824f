"""The validation tables of agreements and reports (pure functions, no database)."""

import datetime
from decimal import Decimal

import pytest

from grants.agreement_rules import AgreementDraft, bank_account_problem, check_agreement
from grants.estimates import from_stored, merged, to_stored
from grants.numbers import parse_amount
from grants.report_rules import (
    ReportData,
    ReportTerms,
    achievement,
    check_report,
    compare_sources,
    leading_number,
)
from grants.rules import CallRules, OfferData

D = Decimal
START, END = datetime.date(2027, 3, 1), datetime.date(2027, 6, 30)
TODAY = datetime.date(2027, 2, 20)


def agreed():
    return OfferData(
        fields={"start_date": START, "end_date": END, "grant_requested": D("1800")},
        actions=[{"number": 1, "start_date": START, "end_date": END}],
    )


def draft(**fields):
    values = {
        "start_date": START,
        "end_date": END,
        "place": "Zielonogród",
        "municipality_signatory": "Wójt",
        "organisation_signatories": "Prezes",
        "bank_account": "61 1090 1014 0000 0712 1981 2874",
        "signed_on": TODAY,
    }
    payments = fields.pop("payments", [{"due_on": START, "amount": D("1800")}])
    return AgreementDraft(fields={**values, **fields}, payments=payments)


def problems_of(d, *, signing=True, rules=None):
    found = check_agreement(
        d,
        amount=D("1800"),
        agreed=agreed(),
        rules=rules or CallRules(),
        signing=signing,
        today=TODAY,
    )
    return [(p.table, p.field) for p in found]


AGREEMENT_CASES = [
    ("complete", {}, []),
    (
        "instalments short",
        {"payments": [{"due_on": START, "amount": D("1000")}]},
        [("payments", "amount")],
    ),
    (
        "instalment after the end",
        {"payments": [{"due_on": END + datetime.timedelta(days=1), "amount": D("1800")}]},
        [("payments", "due_on")],
    ),
    (
        "zero instalment",
        {"payments": [{"due_on": START, "amount": D("0")}, {"due_on": START, "amount": D("1800")}]},
        [("payments", "amount")],
    ),
    ("no schedule", {"payments": []}, [(None, "signed_on")]),
    (
        "end before start",
        {"end_date": START - datetime.timedelta(days=1)},
        [(None, "end_date"), ("payments", "due_on")],
    ),
    ("action outside", {"start_date": START + datetime.timedelta(days=1)}, [(None, "start_date")]),
    ("partial after the end", {"partial_period_end": END}, [(None, "partial_period_end")]),
    ("short account", {"bank_account": "1234"}, [(None, "bank_account")]),
    (
        "wrong check sum",
        {"bank_account": "62 1090 1014 0000 0712 1981 2874"},
        [(None, "bank_account")],
    ),
    ("no place", {"place": ""}, [(None, "place")]),
    ("no signing date", {"signed_on": None}, [(None, "signed_on")]),
    ("signed tomorrow", {"signed_on": TODAY + datetime.timedelta(days=1)}, [(None, "signed_on")]),
]


@pytest.mark.parametrize(
    ("name", "fields", "expected"), AGREEMENT_CASES, ids=[c[0] for c in AGREEMENT_CASES]
)
def test_agreement_rules(name, fields, expected):
    assert problems_of(draft(**fields)) == expected


def test_agreement_dates_follow_the_calls_period_and_small_grant_limit():
    period = CallRules(period=(START, datetime.date(2027, 5, 31)))
    assert (None, "start_date") in problems_of(draft(), rules=period)
    small = CallRules(small_grant=True)
    assert (None, "end_date") in problems_of(draft(), rules=small)


def test_saving_needs_no_signing_data():
    assert problems_of(draft(place="", signed_on=None, bank_account=""), signing=False) == []


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("61 1090 1014 0000 0712 1981 2874", False),
        ("PL61109010140000071219812874", False),
        ("61-1090-1014-0000-0712-1981-2874", False),
        ("61 1090 1014 0000 0712 1981 287", True),
        ("61 1090 1014 0000 0712 1981 287X", True),
        ("16 1090 1014 0000 0712 1981 2874", True),
    ],
)
def test_bank_account_numbers(text, problem):
    assert (bank_account_problem(text) is not None) == problem


def report(**fields):
    values = {
        "actions_description": "Warsztaty.",
        "grant_spent": D("1800"),
        "own_financial": D("200"),
        "own_personal": D("0"),
        "own_in_kind": D("0"),
        "recipient_fees": D("0"),
        "declared_truth": True,
        "declared_accounts": True,
    }
    results = fields.pop(
        "results", [{"target_value": "40 osób", "achieved": D("40"), "comment": ""}]
    )
    costs = fields.pop(
        "costs",
        [
            {"agreed": D("1000"), "actual_total": D("1000"), "actual_grant": D("900")},
            {"agreed": D("1000"), "actual_total": D("1000"), "actual_grant": D("900")},
        ],
    )
    return ReportData(fields={**values, **fields}, results=results, costs=costs)


def report_problems(data, *, submitting=True, terms=None):
    terms = terms or ReportTerms(grant=D("1800"))
    return [(p.table, p.field) for p in check_report(data, terms, submitting=submitting)]


REPORT_CASES = [
    ("complete", {}, []),
    ("sources short", {"own_financial": D("100")}, [(None, "grant_spent")]),
    (
        "grant not the lines' grant part",
        {"grant_spent": D("1700"), "own_financial": D("300")},
        [(None, "grant_spent")],
    ),
    (
        "more than the grant",
        {
            "grant_spent": D("2000"),
            "own_financial": D("0"),
            "costs": [{"agreed": D("2000"), "actual_total": D("2000"), "actual_grant": D("2000")}],
        },
        [(None, "grant_spent")],
    ),
    (
        "line's grant part above its cost",
        {
            "costs": [
                {"agreed": D("1000"), "actual_total": D("800"), "actual_grant": D("900")},
                {"agreed": D("1000"), "actual_total": D("1200"), "actual_grant": D("900")},
            ]
        },
        [("costs", "actual_grant")],
    ),
    (
        "line left empty",
        {
            "costs": [{"agreed": D("2000"), "actual_total": None, "actual_grant": None}],
            "grant_spent": D("0"),
            "own_financial": D("0"),
        },
        [("costs", "actual_total"), ("costs", "actual_grant")],
    ),
    (
        "result not given",
        {"results": [{"target_value": "40 osób", "achieved": None, "comment": ""}]},
        [("results", "achieved")],
    ),
    (
        "result below 80 % unexplained",
        {"results": [{"target_value": "40 osób", "achieved": D("31"), "comment": ""}]},
        [("results", "comment")],
    ),
    (
        "result below 80 % explained",
        {"results": [{"target_value": "40 osób", "achieved": D("31"), "comment": "Choroby."}]},
        [],
    ),
    (
        "result at 80 %",
        {"results": [{"target_value": "40 osób", "achieved": D("32"), "comment": ""}]},
        [],
    ),
    (
        "descriptive result undescribed",
        {"results": [{"target_value": "raport", "achieved": None, "comment": ""}]},
        [("results", "comment")],
    ),
    ("no actions", {"actions_description": " "}, [(None, "actions_description")]),
    (
        "no declarations",
        {"declared_truth": False, "declared_accounts": False},
        [(None, "declared_truth"), (None, "declared_accounts")],
    ),
    (
        "personal undescribed",
        {"own_financial": D("100"), "own_personal": D("100")},
        [(None, "personal_description")],
    ),
    (
        "in-kind described",
        {"own_financial": D("100"), "own_in_kind": D("100"), "in_kind_description": "Sala."},
        [],
    ),
]


@pytest.mark.parametrize(
    ("name", "fields", "expected"), REPORT_CASES, ids=[c[0] for c in REPORT_CASES]
)
def test_report_rules(name, fields, expected):
    assert report_problems(report(**fields)) == expected


def test_a_draft_report_is_checked_for_arithmetic_only():
    data = report(
        actions_description="",
        declared_truth=False,
        results=[{"target_value": "40", "achieved": None}],
    )
    assert report_problems(data, submitting=False) == []
    assert report_problems(report(own_financial=D("1")), submitting=False) == [
        (None, "grant_spent")
    ]


def test_non_financial_contribution_only_when_the_call_allows_it():
    data = report(own_financial=D("100"), own_in_kind=D("100"), in_kind_description="Sala.")
    terms = ReportTerms(grant=D("1800"), in_kind_allowed=False)
    assert report_problems(data, terms=terms) == [(None, "own_in_kind")]


def test_the_threshold_is_the_agreements():
    data = report(results=[{"target_value": "40", "achieved": D("36"), "comment": ""}])
    assert report_problems(data, terms=ReportTerms(grant=D("1800"), threshold_pct=D("95"))) == [
        ("results", "comment")
    ]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("40 osób", D("40")),
        ("1 200 uczestników", D("1200")),
        ("12,5 %", D("12.5")),
        ("raport", None),
        ("", None),
    ],
)
def test_leading_number_of_a_target(text, number):
    assert leading_number(text) == number


def test_achievement_in_percent():
    assert achievement("40 osób", D("30")) == D("75.00")
    assert achievement("raport", D("1")) is None
    assert achievement("0", D("1")) is None


def test_polish_amounts_are_read_as_the_offer_reads_them():
    assert parse_amount("12 345,67") == D("12345.67")
    with pytest.raises(ValueError):
        parse_amount("12 345,678")


def test_sources_compare_with_shares_summing_to_100():
    rows = compare_sources(
        {"grant_requested": D("1800"), "own_financial": D("200")},
        {
            "grant_spent": D("1700"),
            "own_financial": D("150"),
            "own_personal": D("100"),
            "own_in_kind": D("50"),
        },
    )
    by_number = {row["number"]: row for row in rows}
    assert by_number["1"]["actual"] == D("2000.00")
    assert by_number["2"]["actual_pct"] == D("85.00")
    assert by_number["3.2"]["actual"] == D("150")
    assert by_number["3.2.1"]["agreed"] is None
    parts = ("2", "3.1", "3.2.1", "3.2.2", "4")
    assert sum(by_number[n]["actual_pct"] for n in parts) == D("100.00")


def test_estimates_round_trip_through_json():
    import json

    from django.core.serializers.json import DjangoJSONEncoder

    data = OfferData(
        fields={"start_date": START, "end_date": END, "own_financial": D("200.00")},
        costs=[{"unit_cost": D("12.50"), "units": D("4"), "value": None, "action_number": 1}],
    )
    stored = json.loads(json.dumps(to_stored(data), cls=DjangoJSONEncoder))
    back = from_stored(stored)
    assert back.fields["start_date"] == START and back.fields["own_financial"] == D("200.00")
    assert back.costs[0]["unit_cost"] == D("12.50") and back.costs[0]["value"] is None
    whole = merged(OfferData(fields={"title": "T", "is_joint": False}), back, grant=D("50"))
    assert whole.fields["title"] == "T" and whole.fields["grant_requested"] == D("50")
    assert whole.shares == []
