from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Topic


class TopicChoiceField(forms.ModelMultipleChoiceField):
    """Topic checkboxes whose values are topic keys ("lipowa-dolina:calls", see Topic.key)."""

    widget = forms.CheckboxSelectMultiple
    default_error_messages = {
        "invalid_choice": _("Choose topics from the list."),
        "invalid_pk_value": _("Choose topics from the list."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Topic.objects.active().select_related("municipality"))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, Topic):
            return value.key
        if hasattr(value, "__iter__") and not isinstance(value, str):
            return [self.prepare_value(v) for v in value]
        return value

    def _check_values(self, value):
        keys = {str(key) for key in value}
        found = self.queryset.resolve(keys)
        if keys - set(found):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return self.queryset.filter(pk__in=[topic.pk for topic in found.values()])


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


def topic_groups(bound_field, *, first=None) -> list[dict]:
    """The field's checkboxes in one group per owner: the municipality `first(municipality)`
    picks (the visitor's), then the regional topics, then the other municipalities by
    name. Each group has its content topics and its public-benefit areas apart.

    Reads the topics the field has already loaded (no query of its own).
    """
    groups = {}
    for checkbox in bound_field:
        topic = checkbox.data["value"].instance
        group = groups.setdefault(
            topic.municipality_id,
            {"municipality": topic.municipality, "content": [], "areas": []},
        )
        group["areas" if topic.kind == Topic.Kind.AREA else "content"].append(checkbox)

    def order(group):
        municipality = group["municipality"]
        if municipality is None:
            return (1, "")
        return (0 if first and first(municipality) else 2, municipality.name)

    return sorted(groups.values(), key=order)
