from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Topic


class TopicChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple
    default_error_messages = {
        "invalid_choice": _("Choose topics from the list."),
        "invalid_pk_value": _("Choose topics from the list."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Topic.objects.active())
        kwargs.setdefault("to_field_name", "slug")
        super().__init__(**kwargs)


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        error_messages={
            "required": _("Enter your e-mail address."),
            "invalid": _("Enter an e-mail address in the form name@example.org."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    topics = TopicChoiceField(
        label=_("Topics"),
        error_messages={"required": _("Choose at least one topic.")},
    )
    # Honeypot for bots: hidden from people by CSS and aria-hidden, must stay empty.
    website = forms.CharField(required=False, label=_("Leave this field empty"))


class PreferencesForm(forms.Form):
    topics = TopicChoiceField(label=_("Topics"), required=False)


class ProfileSubscriptionForm(forms.Form):
    topics = TopicChoiceField(label=_("Topics"), required=False)
