from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import TaskProposal


class MinutesForm(forms.Form):
    text = forms.CharField(
        label=_("Text of the minutes"),
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_("Who attended, what was discussed, what was decided and how members voted."),
    )


class AmountField(forms.Field):
    """An amount in PLN with two decimal places; accepts "12 345,67" and "12345.67"."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = str(value).strip()[:30]
        text = text.replace("\u00a0", "").replace(" ", "").replace("zł", "").replace(",", ".")
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise ValidationError(_("Enter an amount in złoty, e.g. 12 345,67.")) from None
        if (
            not amount.is_finite()
            or amount < 0
            or amount.as_tuple().exponent < -2
            or amount >= Decimal("10000000000")
        ):
            raise ValidationError(_("Enter an amount in złoty, e.g. 12 345,67.")) from None
        return amount.quantize(Decimal("0.01"))


class ProposalForm(forms.ModelForm):
    estimated_cost = AmountField(label=_("Estimated cost (PLN)"), help_text=_("E.g. 12 345,67."))

    class Meta:
        model = TaskProposal
        fields = ["title", "description", "area", "estimated_cost"]
        widgets = {"description": forms.Textarea(attrs={"rows": 8})}


class NominationForm(forms.Form):
    membership = forms.ModelChoiceField(
        label=_("Candidate"),
        queryset=None,
        help_text=_("A confirmed representative of your organisation; you may name yourself."),
    )
    statement = forms.CharField(
        label=_("About the candidate"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=3000,
    )

    def __init__(self, *args, memberships, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["membership"].queryset = memberships
        self.fields["membership"].label_from_instance = lambda m: (
            f"{m.user.public_name} – {m.organisation.name}"
        )


class VoteForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Your organisation"), queryset=None)
    candidate = forms.ModelChoiceField(
        label=_("Candidate"), queryset=None, widget=forms.RadioSelect, empty_label=None
    )

    def __init__(self, *args, organisations, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["candidate"].queryset = candidates
