"""The report form: the report's own fields and two fixed tables (the agreed results
and cost lines, each with what was achieved or spent). Amounts accept "12 345,67"."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Report
from ..numbers import AmountField
from ..report_rules import SOURCE_FIELDS, ReportData
from ..services.reports import COST_INPUTS, REPORT_FIELDS, RESULT_INPUTS

TEXTAREA_ROWS = {"actions_description": 6, "deviations": 4}


class ReportForm(forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in REPORT_FIELDS:
            model_field = Report._meta.get_field(name)
            label = model_field.verbose_name
            if name in SOURCE_FIELDS:
                field = AmountField(label=label, required=False)
            elif name.startswith("declared"):
                field = forms.BooleanField(label=label, required=False)
            else:
                field = forms.CharField(
                    label=label,
                    required=False,
                    widget=forms.Textarea(attrs={"rows": TEXTAREA_ROWS.get(name, 3)}),
                )
            field.help_text = model_field.help_text
            self.fields[name] = field


class ResultRowForm(forms.Form):
    achieved = AmountField(
        label=_("value achieved"),
        required=False,
        error_messages={
            "invalid": _("Enter a number such as 1 234 or 12,5 (at most two decimal places).")
        },
    )
    comment = forms.CharField(
        label=_("what was achieved; why it differs"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class CostRowForm(forms.Form):
    actual_total = AmountField(label=_("actually incurred"), required=False)
    actual_grant = AmountField(label=_("of which from the grant"), required=False)


TABLES = {
    "results": (ResultRowForm, RESULT_INPUTS, _("1. Results achieved")),
    "costs": (CostRowForm, COST_INPUTS, _("Costs by cost line")),
}


def build_report_forms(data=None, *, rows: ReportData, revision=None):
    """(report form, {table: formset}); each table has exactly the agreed rows, and each
    row form carries its agreed row (`row_form.row`) for the labels."""
    form = ReportForm(data, initial={**rows.fields, "revision": revision})
    formsets = {}
    for table, (form_class, inputs, caption) in TABLES.items():
        agreed = getattr(rows, table)
        formset_class = forms.formset_factory(
            form_class,
            extra=0,
            min_num=len(agreed),
            max_num=len(agreed),
            validate_min=True,
            validate_max=True,
        )
        formset = formset_class(
            data,
            prefix=table,
            initial=[{name: row.get(name) for name in inputs} for row in agreed],
        )
        for row_form, row in zip(formset.forms, agreed, strict=False):
            row_form.row = row
        formset.caption = caption
        formsets[table] = formset
    return form, formsets


def collect_report(form, formsets, rows: ReportData) -> tuple[ReportData, dict]:
    """The typed report: the agreed rows with the inputs put in."""
    fields = dict(form.cleaned_data)
    fields.pop("revision", None)
    data = ReportData(fields=fields)
    positions = {}
    for table, formset in formsets.items():
        agreed = getattr(rows, table)
        typed = [
            {**row, **row_form.cleaned_data}
            for row, row_form in zip(agreed, formset.forms, strict=True)
        ]
        setattr(data, table, typed)
        positions[table] = list(range(len(typed)))
    return data, positions
