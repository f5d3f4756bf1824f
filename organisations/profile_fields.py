"""The public profile fields a representative edits, and how a change set is shown."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from accounts.models import Organisation, PublicBenefitArea
from consultations.drafts.changes import Segment, word_diff
from municipalities.models import Municipality

TEXT_FIELDS = [
    "description",
    "logo_alt",
    "street",
    "postal_code",
    "city",
    "website",
    "email",
    "phone",
    "districts",
    "volunteers_text",
]
EDITABLE_FIELDS = [
    "description",
    "logo",
    "logo_alt",
    "street",
    "postal_code",
    "city",
    "website",
    "email",
    "phone",
    "areas",
    "municipalities",
    "districts",
    "volunteers_wanted",
    "volunteers_text",
]


def current_value(organisation: Organisation, name: str):
    if name == "municipalities":
        return sorted(organisation.municipalities.values_list("pk", flat=True))
    if name == "areas":
        return sorted(organisation.areas)
    return getattr(organisation, name)


def comparable(name: str, value):
    if name == "municipalities":
        return sorted(m if isinstance(m, int) else m.pk for m in value)
    if name == "areas":
        return sorted(value)
    return value


@dataclass
class FieldChange:
    label: str
    segments: list[Segment] = field(default_factory=list)  # for text
    old: str = ""
    new: str = ""
    is_logo: bool = False


def _display(name: str, value) -> str:
    if name == "areas":
        labels = dict(PublicBenefitArea.choices)
        return ", ".join(str(labels.get(code, code)) for code in value)
    if name == "municipalities":
        names = Municipality.objects.filter(pk__in=value).order_by("name")
        return ", ".join(names.values_list("name", flat=True))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value or "")


def describe(change) -> list[FieldChange]:
    """The change set as the official sees it: a word diff for text, old and new values
    for the rest, in the order of the form."""
    organisation = change.organisation
    rows = []
    for name in EDITABLE_FIELDS:
        label = str(Organisation._meta.get_field(name).verbose_name)
        if name == "logo":
            if change.logo:
                rows.append(FieldChange(label=label, is_logo=True))
            continue
        if name not in change.changes:
            continue
        new = change.changes[name]
        if name in TEXT_FIELDS:
            rows.append(
                FieldChange(label=label, segments=word_diff(getattr(organisation, name), new))
            )
        else:
            rows.append(
                FieldChange(
                    label=label,
                    old=_display(name, current_value(organisation, name)),
                    new=_display(name, new),
                )
            )
    return rows
