from collections import defaultdict

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from partnerships.permissions import organisations_of

from .slots import WARSAW


class AnonymousSignupForm(forms.Form):
    name = forms.CharField(label=_("First and last name"), max_length=150)
    email = forms.EmailField(
        label=_("E-mail"),
        help_text=_("We will send a link to confirm it; the sign-up counts once you open it."),
    )
    # Filled by bots only (hidden from people and assistive technology).
    website = forms.CharField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"


class AttendanceForm(forms.Form):
    present = forms.TypedMultipleChoiceField(coerce=int, required=False)

    def __init__(self, *args, registrations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].choices = [(r.pk, r.name) for r in registrations]


def slot_choices(slots):
    """Slots grouped by day, for a <select> with one <optgroup> a day."""
    days = defaultdict(list)
    for slot in slots:
        local = slot.starts_at.astimezone(WARSAW)
        day = formats.date_format(local.date(), "l, j E Y")
        end = slot.ends_at.astimezone(WARSAW)
        days[day].append((slot.value, f"{local:%H:%M}–{end:%H:%M}"))
    return [("", _("Choose a slot")), *days.items()]


class AdviceRequestForm(forms.Form):
    topic = forms.CharField(
        label=_("Topic"),
        max_length=200,
        help_text=_('e.g. "accounts of a small association", "applying for a grant"'),
    )
    slot = forms.ChoiceField(label=_("Preferred slot"))
    details = forms.CharField(
        label=_("What should the advisor know beforehand?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    organisation = forms.ModelChoiceField(
        label=_("On behalf of"),
        required=False,
        queryset=None,
        empty_label=_("Myself"),
    )

    def __init__(self, *args, user, slots, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].choices = slot_choices(slots)
        self.fields["organisation"].queryset = organisations_of(user)
        if not self.fields["organisation"].queryset.exists():
            del self.fields["organisation"]


class AdviceDecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("confirm", _("Confirm")), ("cancel", _("Cancel"))])
