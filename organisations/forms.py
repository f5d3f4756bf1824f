from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.forms import municipality_choices
from accounts.models import Organisation, PublicBenefitArea
from accounts.validators import validate_logo

from .profile_fields import EDITABLE_FIELDS


class ProfileEditForm(forms.ModelForm):
    """The public profile as its representatives edit it. Never saved directly: the
    differences become a change set an official approves (services)."""

    areas = forms.MultipleChoiceField(
        label=_("Public benefit areas"),
        choices=PublicBenefitArea.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    municipalities = forms.ModelMultipleChoiceField(
        label=_("Where the organisation works"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    logo = forms.ImageField(
        label=_("New logo"),
        required=False,
        help_text=_("PNG, JPEG or WebP, at most 1 MB and 3000 pixels a side."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
    )

    class Meta:
        model = Organisation
        fields = EDITABLE_FIELDS
        widgets = {
            "street": forms.TextInput(attrs={"autocomplete": "address-line1"}),
            "postal_code": forms.TextInput(attrs={"autocomplete": "postal-code"}),
            "city": forms.TextInput(attrs={"autocomplete": "address-level2"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "website": forms.URLInput(attrs={"autocomplete": "url"}),
            "volunteers_text": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipalities"].queryset = municipality_choices()

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and hasattr(logo, "image"):  # a new upload, not the current file
            validate_logo(logo)
            return logo
        return None

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("logo") and not cleaned.get("logo_alt", "").strip():
            self.add_error(
                "logo_alt", forms.ValidationError(_("Describe the logo."), code="alt_required")
            )
        return cleaned

    def _post_clean(self):
        # Validate the fields without touching the instance: it is the public profile.
        pass


class DecisionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (required to reject)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
