"""The offer form: one form for the offer's own fields and a formset per table.

Rows left entirely empty are dropped. Amounts accept "12 345,67". The hidden
`version` is the version the form was opened on (see services.offers.save_offer).
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import PublicBenefitArea

from ..models import Offer
from ..numbers import AmountField
from ..rules import OfferData
from ..services.offers import ACTION_FIELDS, COST_FIELDS, OFFER_FIELDS, RESULT_FIELDS, SHARE_FIELDS

MONEY_FIELDS = ("grant_requested", "own_financial", "own_non_financial", "recipient_fees")
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
SMALL_HIDDEN = ("experience", "resources", "joint_roles", "is_joint", "co_offerors")


def _model_label(name):
    return Offer._meta.get_field(name).verbose_name


class OfferForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, offer, **kwargs):
        super().__init__(*args, **kwargs)
        self.offer = offer
        for name in OFFER_FIELDS:
            model_field = Offer._meta.get_field(name)
            label = model_field.verbose_name
            help_text = model_field.help_text
            if name in MONEY_FIELDS:
                field = AmountField(label=label, required=False)
            elif name == "task_area":
                field = forms.ChoiceField(
                    label=label, choices=[("", "—"), *PublicBenefitArea.choices], required=False
                )
            elif isinstance(model_field, type(Offer._meta.get_field("is_joint"))):
                field = forms.BooleanField(label=label, required=False)
            elif name in ("start_date", "end_date"):
                field = forms.DateField(label=label, required=False, widget=DATE)
            elif name == "email":
                field = forms.EmailField(label=label, required=False)
            elif model_field.get_internal_type() == "TextField":
                field = forms.CharField(
                    label=label, required=False, widget=forms.Textarea(attrs={"rows": 4})
                )
            else:
                field = forms.CharField(
                    label=label, required=False, max_length=model_field.max_length
                )
            field.help_text = help_text
            self.fields[name] = field
        if offer.kind == "small":
            for name in SMALL_HIDDEN:
                del self.fields[name]


class RowForm(forms.Form):
    """A table row; `is_blank` rows are skipped."""

    def is_blank(self) -> bool:
        data = getattr(self, "cleaned_data", {}) or {}
        return not any(value not in (None, "", False) for value in data.values())


class ActionForm(RowForm):
    number = forms.IntegerField(label=_("no."), min_value=1, max_value=999, required=False)
    name = forms.CharField(label=_("action"), max_length=255, required=False)
    description = forms.CharField(
        label=_("description"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    target_group = forms.CharField(label=_("target group"), max_length=255, required=False)
    start_date = forms.DateField(label=_("from"), required=False, widget=DATE)
    end_date = forms.DateField(label=_("until"), required=False, widget=DATE)
    contractor = forms.CharField(
        label=_("part carried out by a non-party"), max_length=255, required=False
    )


class ResultForm(RowForm):
    name = forms.CharField(label=_("result"), max_length=255, required=False)
    target_value = forms.CharField(label=_("target value"), max_length=100, required=False)
    monitoring = forms.CharField(
        label=_("how it is monitored (source)"), max_length=255, required=False
    )


class CostForm(RowForm):
    action_number = forms.IntegerField(
        label=_("action no."),
        min_value=1,
        max_value=999,
        required=False,
        help_text=_("Empty: an administrative cost."),
    )
    name = forms.CharField(label=_("type of cost"), max_length=255, required=False)
    unit = forms.CharField(label=_("unit"), max_length=50, required=False)
    unit_cost = AmountField(label=_("unit cost"), required=False)
    units = AmountField(label=_("number of units"), required=False)
    value = AmountField(label=_("value"), required=False, help_text=_("Empty: computed."))
    year_1 = AmountField(label=_("year 1"), required=False)
    year_2 = AmountField(label=_("year 2"), required=False)
    year_3 = AmountField(label=_("year 3"), required=False)


class ShareForm(RowForm):
    offeror = forms.CharField(label=_("offeror"), max_length=255, required=False)
    amount = AmountField(label=_("amount"), required=False)


FORMSETS = {
    "actions": (ActionForm, ACTION_FIELDS, 2),
    "results": (ResultForm, RESULT_FIELDS, 2),
    "costs": (CostForm, COST_FIELDS, 3),
    "shares": (ShareForm, SHARE_FIELDS, 2),
}
MAX_ROWS = 200
CAPTIONS = {
    "actions": _("Schedule of actions"),
    "results": _("Results"),
    "costs": _("Cost estimate"),
    "shares": _("Split between the offerors"),
}


def build_forms(offer, data=None, *, initial_data: OfferData | None = None, extra_rows=0):
    """(offer form, {table: formset}) bound to POST data or filled from the offer."""
    initial = None
    if initial_data is not None:
        initial = {**initial_data.fields, "version": offer.version}
    form = OfferForm(data, offer=offer, initial=initial)
    formsets = {}
    for table, (form_class, _fields, extra) in FORMSETS.items():
        formset_class = forms.formset_factory(
            form_class, extra=extra + extra_rows, max_num=MAX_ROWS, absolute_max=MAX_ROWS
        )
        rows = getattr(initial_data, table) if initial_data is not None else None
        formsets[table] = formset_class(data, prefix=table, initial=rows)
        formsets[table].caption = CAPTIONS[table]
    return form, formsets


def collect(form, formsets) -> tuple[OfferData, dict]:
    """The typed offer as data, and for each table which formset form each row came from."""
    fields = dict(form.cleaned_data)
    fields.pop("version", None)
    data = OfferData(fields=fields)
    positions = {}
    for table, formset in formsets.items():
        rows, where = [], []
        for index, row_form in enumerate(formset.forms):
            if row_form.is_blank():
                continue
            rows.append(dict(row_form.cleaned_data))
            where.append(index)
        if table == "actions":
            for number, row in enumerate(rows, start=1):
                row["number"] = row.get("number") or number
        setattr(data, table, rows)
        positions[table] = where
    if not fields.get("is_joint"):
        data.shares, positions["shares"] = [], []
    return data, positions


def attach_problems(problems, form, formsets, positions) -> None:
    """Show each rule's problem next to its field (and so in the error summary)."""
    for problem in problems:
        if problem.table is None:
            target, name = form, problem.field
        else:
            where = positions.get(problem.table, [])
            formset = formsets[problem.table]
            if problem.row is not None and problem.row < len(where):
                target = formset.forms[where[problem.row]]
                name = problem.field
            else:
                target, name = form, problem.field if problem.field in form.fields else None
        if name not in target.fields:
            name = None
        target.add_error(name, problem.message)
