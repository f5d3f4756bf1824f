from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.utils.translation import gettext_lazy as _

from municipalities.models import Municipality

from .legal_forms import LegalForm
from .models import Organisation, PublicBenefitArea, User
from .name_search import name_search_filter
from .validators import normalise_digits


class SignupForm(AllauthSignupForm):
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    accept_terms = forms.BooleanField(
        label=_("I accept the terms of use and the privacy notice."),
        required=True,
        error_messages={"required": _("You need to accept the terms to create an account.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Autocomplete tokens let browsers fill the form (WCAG 1.3.5).
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        # A visible label replaces allauth's placeholder, which vanishes while typing.
        self.fields["email"].widget.attrs.pop("placeholder", None)
        for name in ("password1", "password2"):
            if name in self.fields:
                self.fields[name].widget.attrs.pop("placeholder", None)
        self.order_fields(
            ["email", "first_name", "last_name", "password1", "password2", "accept_terms"]
        )

    def save(self, request):
        user = super().save(request)
        user.first_name = self.cleaned_data.get("first_name", "")
        user.last_name = self.cleaned_data.get("last_name", "")
        user.save(update_fields=["first_name", "last_name"])
        return user


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "first_name", "last_name"]
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "display_name": forms.TextInput(attrs={"autocomplete": "nickname"}),
        }


def municipality_choices():
    return Municipality.objects.local().order_by("name")


class OrganisationForm(forms.ModelForm):
    """Register an organisation; the user becomes its (pending) representative.

    The legal form decides which register number is required (accounts.legal_forms);
    the model's clean() says so next to the field."""

    legal_form = forms.ChoiceField(
        label=_("Legal form"), choices=LegalForm.choices, widget=forms.RadioSelect
    )
    municipalities = forms.ModelMultipleChoiceField(
        label=_("Where the organisation works"),
        queryset=Municipality.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("One profile for every municipality where you work."),
    )
    areas = forms.MultipleChoiceField(
        label=_("Public benefit areas"),
        choices=PublicBenefitArea.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    function = forms.CharField(
        label=_("Your function in the organisation"),
        max_length=100,
        required=False,
        help_text=_("For example: president of the board, volunteer coordinator."),
    )

    class Meta:
        model = Organisation
        fields = [
            "name",
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
            "street",
            "postal_code",
            "city",
            "website",
            "email",
            "phone",
        ]
        widgets = {
            "krs": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
            "nip": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
            "street": forms.TextInput(attrs={"autocomplete": "address-line1"}),
            "postal_code": forms.TextInput(attrs={"autocomplete": "postal-code"}),
            "city": forms.TextInput(attrs={"autocomplete": "address-level2"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "website": forms.URLInput(attrs={"autocomplete": "url"}),
            "group_members": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipalities"].queryset = municipality_choices()

    def clean_krs(self):
        krs = normalise_digits(self.cleaned_data.get("krs") or "")
        # The instance keeps what was typed, so the model's clean() does not call a
        # refused number missing as well.
        self.instance.krs = krs or None
        if krs and Organisation.objects.filter(krs=krs).exists():
            raise forms.ValidationError(
                _(
                    "An organisation with this KRS number is already in the directory. "
                    "Find it there and ask to represent it."
                ),
                code="duplicate_krs",
            )
        return krs

    def clean_nip(self):
        return normalise_digits(self.cleaned_data.get("nip", ""))

    def validate_unique(self):
        # clean_krs already explains a duplicate KRS in plain words.
        pass


class MembershipRequestForm(forms.Form):
    function = forms.CharField(
        label=_("Your function in the organisation"),
        max_length=100,
        required=False,
        help_text=_("For example: president of the board, volunteer coordinator."),
    )


class OrganisationFilterForm(forms.Form):
    q = forms.CharField(label=_("Name contains"), required=False, max_length=100)
    area = forms.ChoiceField(
        label=_("Public benefit area"),
        required=False,
        choices=[("", _("All areas")), *PublicBenefitArea.choices],
    )
    legal_form = forms.ChoiceField(
        label=_("Legal form"),
        required=False,
        choices=[("", _("All legal forms")), *LegalForm.choices],
    )
    municipality = forms.ModelChoiceField(
        label=_("Works in"),
        required=False,
        queryset=Municipality.objects.none(),
        empty_label=_("All municipalities"),
        to_field_name="slug",
    )
    volunteers = forms.BooleanField(label=_("Looking for volunteers"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipality_choices()

    def filter(self, organisations):
        """The organisations that match the valid filters (all of them otherwise)."""
        if not self.is_valid():
            return organisations
        data = self.cleaned_data
        if q := data["q"].strip():
            organisations = organisations.filter(name_search_filter(q))
        if area := data["area"]:
            # areas is a JSON list of codes; the quoted code matches on SQLite and PostgreSQL.
            organisations = organisations.filter(areas__icontains=f'"{area}"')
        if legal_form := data["legal_form"]:
            organisations = organisations.filter(legal_form=legal_form)
        if municipality := data["municipality"]:
            organisations = organisations.filter(municipalities=municipality)
        if data["volunteers"]:
            organisations = organisations.filter(volunteers_wanted=True)
        return organisations


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Enter your password to confirm that you want to delete your account."),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not correct."), code="wrong_password")
        return password
