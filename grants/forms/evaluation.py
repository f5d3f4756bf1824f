from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..models import MemberKind
from ..numbers import AmountField


class FormalCheckForm(forms.Form):
    note = forms.CharField(
        label=_("remarks"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"c{criterion.pk}"] = forms.BooleanField(
                label=criterion.name, required=False
            )

    def met(self) -> dict[int, bool]:
        return {c.pk: self.cleaned_data.get(f"c{c.pk}", False) for c in self.criteria}


class MemberForm(forms.Form):
    person = forms.CharField(
        label=_("user name or e-mail"), max_length=254, help_text=_("The person needs an account.")
    )
    kind = forms.ChoiceField(label=_("member"), choices=MemberKind.choices)
    nominated_by = forms.CharField(label=_("nominated by"), max_length=255, required=False)

    def clean_person(self):
        value = self.cleaned_data["person"].strip()
        user = (
            get_user_model()
            .objects.filter(Q(username__iexact=value) | Q(email__iexact=value), is_active=True)
            .first()
        )
        if user is None:
            raise forms.ValidationError(_("No active account has this user name or e-mail."))
        return user


class DeclarationForm(forms.Form):
    CHOICES = [
        (
            "yes",
            _(
                "I declare that I have no link to the offeror that could raise doubts "
                "about my impartiality."
            ),
        ),
        ("no", _("I have such a link: I will not evaluate this offer.")),
    ]
    declaration = forms.ChoiceField(
        label=_("Declaration"), choices=CHOICES, widget=forms.RadioSelect
    )


class ScoreForm(forms.Form):
    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"c{criterion.pk}"] = forms.DecimalField(
                label=criterion.name,
                min_value=0,
                max_value=criterion.max_points,
                decimal_places=1,
                localize=True,
                help_text=_("0 to %(max)s points") % {"max": criterion.max_points},
            )

    def points(self):
        return {c.pk: self.cleaned_data[f"c{c.pk}"] for c in self.criteria}


class DecisionForm(forms.Form):
    DECISIONS = [("grant", _("award a grant")), ("refuse", _("refuse the grant"))]
    decision = forms.ChoiceField(label=_("decision"), choices=DECISIONS, widget=forms.RadioSelect)
    amount = AmountField(label=_("grant awarded (PLN)"), required=False)
    reason = forms.CharField(
        label=_("reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when refusing; when awarding less than asked, say why."),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "grant" and not data.get("amount"):
            self.add_error("amount", _("Give the amount awarded."))
        if data.get("decision") == "refuse" and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Give the reason for refusing the grant."))
        return data
