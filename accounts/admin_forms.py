from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import Organisation, PublicBenefitArea
from .validators import normalise_digits


class OrganisationAdminForm(WagtailAdminModelForm):
    """Officials edit directory entries; areas as checkboxes instead of raw JSON."""

    areas = forms.MultipleChoiceField(
        label=_("Public benefit areas"),
        choices=PublicBenefitArea.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Organisation
        fields = [
            "name",
            "slug",
            "legal_form",
            "krs",
            "register_number",
            "group_members",
            "nip",
            "is_public_benefit",
            "areas",
            "municipalities",
            "districts",
            "description",
            "logo",
            "logo_alt",
            "volunteers_wanted",
            "volunteers_text",
            "street",
            "postal_code",
            "city",
            "website",
            "email",
            "phone",
            "is_public",
        ]
        widgets = {"municipalities": forms.CheckboxSelectMultiple}

    def clean_krs(self):
        return normalise_digits(self.cleaned_data.get("krs") or "") or None

    def clean_nip(self):
        return normalise_digits(self.cleaned_data.get("nip", ""))
