from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import PublicBenefitArea

from ..models import CallCriterion, CallTerms, PreviousYearAmount
from ..numbers import AmountField

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CallTermsForm(forms.ModelForm):
    areas = forms.MultipleChoiceField(
        label=_("task areas"),
        choices=PublicBenefitArea.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    max_grant = AmountField(label=_("maximum grant per offer (PLN)"), required=False)

    class Meta:
        model = CallTerms
        fields = [
            "mode",
            "areas",
            "max_grant",
            "min_own_contribution_pct",
            "admin_cost_cap_pct",
            "in_kind_allowed",
            "implementation_start",
            "implementation_end",
            "corrections_allowed_days",
            "required_attachments",
        ]
        widgets = {
            "implementation_start": DATE,
            "implementation_end": DATE,
            "required_attachments": forms.Textarea(attrs={"rows": 4}),
        }

    def clean(self):
        data = super().clean()
        start, end = data.get("implementation_start"), data.get("implementation_end")
        if start and end and start > end:
            self.add_error("implementation_end", _("The end date is before the start date."))
        return data


class CriterionForm(forms.ModelForm):
    class Meta:
        model = CallCriterion
        fields = ["kind", "name", "max_points"]

    def clean(self):
        data = super().clean()
        if data.get("kind") == "substantive" and data.get("max_points") in (None, 0):
            self.add_error("max_points", _("Give a substantive criterion its maximum points."))
        return data


class PreviousYearForm(forms.ModelForm):
    amount = AmountField(label=_("grants awarded (PLN)"))

    class Meta:
        model = PreviousYearAmount
        fields = ["year", "amount", "note"]


CriterionFormSet = forms.inlineformset_factory(
    CallTerms, CallCriterion, form=CriterionForm, extra=3, can_delete=True
)
PreviousYearFormSet = forms.inlineformset_factory(
    CallTerms, PreviousYearAmount, form=PreviousYearForm, extra=2, can_delete=True
)


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("reason for cancelling (art. 18a)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("E.g. no offer was submitted, or none meets the terms of the call."),
    )
