"""The report on carrying out a public task (art. 18) as a tagged PDF: the offer's
writer (documents.write_pdf) with the report's own layout."""

from django.utils.translation import gettext as _

from .agreement_documents import long_date, percent, zloty
from .documents import Block, _s, write_pdf
from .numbers import format_amount


def _results_table(data, summary) -> Block:
    return Block(
        "table",
        headers=[
            _("No."),
            _("Result"),
            _("Target value"),
            _("Value achieved"),
            _("Of the target"),
            _("What was achieved; why it differs"),
        ],
        rows=[
            [
                str(n),
                _s(row.get("name")),
                _s(row.get("target_value")),
                format_amount(row.get("achieved")),
                percent(pct),
                _s(row.get("comment")),
            ]
            for n, (row, pct) in enumerate(
                zip(data.results, summary["achievements"], strict=True), start=1
            )
        ],
    )


def _costs_table(data, summary) -> Block:
    rows = [
        [
            str(n),
            str(row.get("action_number") or "II"),
            _s(row.get("name")),
            format_amount(row.get("agreed")),
            format_amount(row.get("actual_total")),
            format_amount(row.get("actual_grant")),
        ]
        for n, row in enumerate(data.costs, start=1)
    ]
    rows.append(
        [
            _("Total"),
            "",
            "",
            format_amount(summary["agreed_total"]),
            format_amount(summary["actual_total"]),
            format_amount(summary["actual_grant"]),
        ]
    )
    return Block(
        "table",
        headers=[
            _("No."),
            _("Action no."),
            _("Type of cost"),
            _("As agreed"),
            _("Actually incurred"),
            _("Of which from the grant"),
        ],
        rows=rows,
    )


def _header(report) -> list[Block]:
    agreement = report.agreement
    offer = agreement.offer
    if report.kind == "final":
        title = _("Final report on carrying out a public task")
    else:
        title = _("Partial report on carrying out a public task")
    return [
        Block("h1", title),
        Block(
            "facts",
            rows=[
                (_("Task"), _s(offer.title)),
                (_("Agreement"), f"{agreement.number}, {long_date(agreement.signed_on)}"),
                (_("Principal"), _s(agreement.municipality.name)),
                (_("Contractor"), _s(offer.offeror_name)),
                (
                    _("Period of the report"),
                    f"{long_date(report.period_start)} – {long_date(report.period_end)}",
                ),
                (_("Status"), str(report.get_status_display())),
            ],
        ),
    ]


def _sources_table(summary) -> Block:
    return Block(
        "table",
        headers=[
            _("No."),
            _("Source"),
            _("As agreed"),
            _("Share"),
            _("Actually incurred"),
            _("Share"),
        ],
        rows=[
            [
                row["number"],
                str(row["label"]),
                "—" if row["agreed"] is None else format_amount(row["agreed"]),
                percent(row["agreed_pct"]),
                format_amount(row["actual"]),
                percent(row["actual_pct"]),
            ]
            for row in summary["sources"]
        ],
    )


def _contributions(f, summary) -> Block:
    return Block(
        "facts",
        rows=[
            (_("Personal contribution"), zloty(f.get("own_personal"))),
            (_("How it was given and valued"), _s(f.get("personal_description")) or "—"),
            (_("In-kind contribution"), zloty(f.get("own_in_kind"))),
            (_("What was used and how it was valued"), _s(f.get("in_kind_description")) or "—"),
            (_("Grant not used"), zloty(summary["unspent"])),
        ],
    )


def report_layout(report, data, summary) -> list[Block]:
    """Part I results and actions, Part II costs, sources and contributions, Part III,
    declarations; `summary` is views.reports.summary()."""
    f = data.fields
    return [
        *_header(report),
        Block("h2", _("Part I. How the task was carried out")),
        Block("text", _("1. Results achieved")),
        _results_table(data, summary),
        Block("text", _("2. Actions carried out")),
        Block("p", _s(f.get("actions_description"))),
        Block("text", _("3. Deviations from the schedule and the offer")),
        Block("p", _s(f.get("deviations")) or "—"),
        Block("h2", _("Part II. Costs and sources of funding")),
        Block("text", _("1. Costs by cost line")),
        _costs_table(data, summary),
        Block("text", _("2. Sources of funding")),
        _sources_table(summary),
        Block("text", _("3. Personal and in-kind contributions")),
        _contributions(f, summary),
        Block("h2", _("Part III. Other information")),
        Block("p", _s(f.get("other_information")) or "—"),
        Block("h2", _("Declarations")),
        Block(
            "facts",
            rows=[
                (
                    str(report._meta.get_field(name).verbose_name),
                    _("yes") if f.get(name) else _("no"),
                )
                for name in ("declared_truth", "declared_accounts")
            ],
        ),
    ]


def render_report_pdf(report, data, summary) -> bytes:
    return write_pdf(
        report_layout(report, data, summary), author=_s(report.agreement.offer.offeror_name)
    )
