"""Forms of the officials' budget screens in the Wagtail admin."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from municipalities.models import Municipality
from municipalities.permissions import scope_filter

from .amounts import PLNField
from .forms import clean_image_pair
from .models import PHASE_DATES, Appeal, Edition, Implementation, Pool

WARSAW_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
YES_NO = [("yes", gettext_lazy("Yes")), ("no", gettext_lazy("No"))]


class EditionForm(forms.ModelForm):
    class Meta:
        model = Edition
        fields = [
            "municipality",
            "name",
            "resolution",
            "description",
            "is_published",
            *[f for f, _p in PHASE_DATES],
            "appeal_days",
            "minimum_age",
            "identity",
            "tie_break",
            "one_district_pool",
        ]
        widgets = {f: WARSAW_INPUT for f, _p in PHASE_DATES} | {
            "description": forms.Textarea(attrs={"rows": 4})
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.filter(
            scope_filter(user, "home_page__path")
        ).order_by("name")
        for field, _phase in PHASE_DATES:
            self.fields[field].help_text = _("Polish time (Europe/Warsaw).")
        if self.instance.pk and self.instance.ballots.exists():
            # Ballots already cast were checked under the rule as it was.
            self.fields["one_district_pool"].disabled = True


class PoolForm(forms.ModelForm):
    amount = PLNField(label=gettext_lazy("Amount (PLN)"))

    class Meta:
        model = Pool
        fields = [
            "name",
            "kind",
            "amount",
            "residents",
            "signatures_required",
            "voting_rule",
            "max_choices",
            "position",
        ]


PoolFormSet = forms.inlineformset_factory(
    Edition, Pool, form=PoolForm, extra=1, can_delete=True, min_num=1, validate_min=True
)


class VerificationForm(forms.Form):
    formal_ok = forms.TypedChoiceField(
        label=gettext_lazy("Formal requirements met"),
        choices=YES_NO,
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    legal_ok = forms.TypedChoiceField(
        label=gettext_lazy("Legal (within the municipality's own tasks, no conflict with law)"),
        choices=YES_NO,
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    technical_ok = forms.TypedChoiceField(
        label=gettext_lazy("Technically feasible within one year"),
        choices=YES_NO,
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    verified_cost = PLNField(label=gettext_lazy("Verified cost (PLN)"), required=False)
    reasoning = forms.CharField(
        label=gettext_lazy("Reasoning (published)"), widget=forms.Textarea(attrs={"rows": 6})
    )


class AppealDecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        choices=[
            (Appeal.Outcome.UPHELD, Appeal.Outcome.UPHELD.label),
            (Appeal.Outcome.DISMISSED, Appeal.Outcome.DISMISSED.label),
        ],
        widget=forms.RadioSelect,
    )
    reasoning = forms.CharField(
        label=gettext_lazy("Reasoning (published)"), widget=forms.Textarea(attrs={"rows": 5})
    )


class PaperSupportForm(forms.Form):
    full_name = forms.CharField(label=gettext_lazy("Full name"), max_length=150)
    address = forms.CharField(label=gettext_lazy("Address"), max_length=250)


class PaperBallotForm(forms.Form):
    sheet = forms.CharField(label=gettext_lazy("Sheet number"), max_length=30)
    full_name = forms.CharField(label=gettext_lazy("Voter's full name"), max_length=150)
    pesel = forms.CharField(label=gettext_lazy("PESEL number"), max_length=11, min_length=11)
    projects = forms.TypedMultipleChoiceField(
        label=gettext_lazy("Projects marked on the sheet"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, projects, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["projects"].choices = [(p.pk, p.title) for p in projects]


class ImplementationForm(forms.Form):
    implementation = forms.ChoiceField(
        label=gettext_lazy("Implementation"), choices=Implementation.choices
    )
    implementation_note = forms.CharField(
        label=gettext_lazy("Note for the public"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    image = forms.FileField(label=gettext_lazy("Photo"), required=False)
    alt_text = forms.CharField(
        label=gettext_lazy("Text alternative of the photo"), required=False, max_length=250
    )

    def clean(self):
        return clean_image_pair(self, super().clean())
