"""Forms of the agreement: the updated cost estimate (the offer's own table forms),
the agreement's terms with its payment schedule, and the office's decision."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..agreement_rules import AgreementDraft
from ..estimates import ESTIMATE_FIELDS
from ..models import Agreement, Offer
from ..numbers import AmountField
from ..rules import OfferData
from .offers import CAPTIONS, DATE, FORMSETS, MAX_ROWS, RowForm, collect

AGREEMENT_FORM_FIELDS = (
    "place",
    "municipality_signatory",
    "organisation_signatories",
    "bank_account",
    "start_date",
    "end_date",
    "partial_period_end",
    "result_threshold_pct",
)


class EstimateForm(forms.Form):
    """The estimate's own fields; the grant is the amount awarded, not an input."""

    revision = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, offer, **kwargs):
        super().__init__(*args, **kwargs)
        self.offer = offer
        for name in ESTIMATE_FIELDS:
            model_field = Offer._meta.get_field(name)
            if name in ("start_date", "end_date"):
                field = forms.DateField(label=model_field.verbose_name, widget=DATE)
            else:
                field = AmountField(label=model_field.verbose_name, required=False)
            self.fields[name] = field

    def clean(self):
        data = super().clean()
        # the joint split is kept (and checked) for a joint offer only: see collect()
        data["is_joint"] = self.offer.is_joint
        return data


def build_estimate_forms(offer, data=None, *, initial: OfferData | None = None, revision=None):
    """(estimate form, {table: formset}) with the offer's row forms, bound to POST data
    or filled from a stored version."""
    form_initial = None
    if initial is not None:
        form_initial = {**{n: initial.fields.get(n) for n in ESTIMATE_FIELDS}, "revision": revision}
    form = EstimateForm(data, offer=offer, initial=form_initial)
    formsets = {}
    tables = (
        ("actions", "results", "costs", "shares")
        if offer.is_joint
        else ("actions", "results", "costs")
    )
    for table in tables:
        form_class, _fields, extra = FORMSETS[table]
        formset_class = forms.formset_factory(
            form_class, extra=extra, max_num=MAX_ROWS, absolute_max=MAX_ROWS
        )
        rows = getattr(initial, table) if initial is not None else None
        formsets[table] = formset_class(data, prefix=table, initial=rows)
        formsets[table].caption = CAPTIONS[table]
    return form, formsets


def collect_estimate(form, formsets) -> tuple[OfferData, dict]:
    data, positions = collect(form, formsets)
    data.fields.pop("is_joint", None)
    return data, positions


class AgreementForm(forms.Form):
    signed_on = forms.DateField(
        label=_("signed on"),
        required=False,
        widget=DATE,
        help_text=_("Only when recording the signing."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        model_fields = forms.fields_for_model(Agreement, fields=AGREEMENT_FORM_FIELDS)
        for name in AGREEMENT_FORM_FIELDS:
            field = model_fields[name]
            if isinstance(field, forms.DateField):
                field.widget = DATE
            self.fields[name] = field
        self.order_fields([*AGREEMENT_FORM_FIELDS, "signed_on"])


class PaymentForm(RowForm):
    due_on = forms.DateField(label=_("paid by"), required=False, widget=DATE)
    amount = AmountField(label=_("amount"), required=False)


PaymentFormSet = forms.formset_factory(PaymentForm, extra=2, max_num=24, absolute_max=24)


def build_agreement_forms(agreement, data=None):
    initial = {name: getattr(agreement, name) for name in AGREEMENT_FORM_FIELDS}
    initial["signed_on"] = agreement.signed_on
    form = AgreementForm(data, initial=initial)
    rows = [{"due_on": p.due_on, "amount": p.amount} for p in agreement.payments.all()]
    payments = PaymentFormSet(data, prefix="payments", initial=rows)
    payments.caption = _("Payment schedule")
    return form, payments


def collect_agreement(form, payments) -> tuple[AgreementDraft, dict]:
    rows, where = [], []
    for index, row_form in enumerate(payments.forms):
        if row_form.is_blank():
            continue
        rows.append(dict(row_form.cleaned_data))
        where.append(index)
    return AgreementDraft(fields=dict(form.cleaned_data), payments=rows), {"payments": where}


class DecisionForm(forms.Form):
    """The office's decision on an updated estimate or a report."""

    DECISIONS = [("accept", _("accept")), ("return", _("return for changes"))]
    decision = forms.ChoiceField(label=_("decision"), choices=DECISIONS, widget=forms.RadioSelect)
    comment = forms.CharField(
        label=_("comments"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when returning: what is to be changed."),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "return" and not (data.get("comment") or "").strip():
            self.add_error("comment", _("Say what is to be changed."))
        return data
