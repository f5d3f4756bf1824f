from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Organisation, PublicBenefitArea, User
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


class OrganisationForm(forms.ModelForm):
    """Register an organisation; the user becomes its (pending) representative."""

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
            "krs",
            "nip",
            "areas",
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
        }

    def clean_krs(self):
        krs = normalise_digits(self.cleaned_data["krs"])
        if Organisation.objects.filter(krs=krs).exists():
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
