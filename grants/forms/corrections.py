from django import forms
from django.utils.translation import gettext_lazy as _

from ..corrections import item_choices


class CorrectionRequestForm(forms.Form):
    items = forms.MultipleChoiceField(
        label=_("parts the offeror may correct"),
        choices=item_choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose the parts of the offer to correct.")},
    )
    note = forms.CharField(
        label=_("what to correct"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Sent to the offeror and shown with the offer."),
        error_messages={"required": _("Say what is to be corrected.")},
    )
