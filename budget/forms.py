"""Residents' forms: a project with its cost lines and images, a support signature,
an appeal, a vote, the receipt check."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .amounts import PLNField
from .models import Identity, Project
from .services.submission import CostItem

IMAGE_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}


def max_image_bytes() -> int:
    return getattr(settings, "BUDGET_IMAGE_MAX_BYTES", 5 * 1024 * 1024)


def checked_image(upload):
    """The upload when it is a JPEG, PNG or WebP picture within the size limits (its
    content decides, not its name); ValidationError otherwise."""
    from PIL import Image, UnidentifiedImageError

    if upload.size > max_image_bytes():
        raise ValidationError(
            _("The image is larger than %(mb)s MB.") % {"mb": max_image_bytes() // (1024 * 1024)}
        )
    try:
        upload.seek(0)
        with Image.open(upload) as picture:
            kind = picture.format
            width, height = picture.size
            picture.verify()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError) as exc:
        raise ValidationError(_("The file is not a JPEG, PNG or WebP image.")) from exc
    if kind not in IMAGE_TYPES:
        raise ValidationError(_("The file is not a JPEG, PNG or WebP image."))
    if width * height > 40_000_000:
        raise ValidationError(_("The image has too many pixels (at most 40 megapixels)."))
    upload.seek(0)
    upload.content_type = IMAGE_TYPES[kind]
    return upload


class ImageFields(forms.Form):
    """An optional image with its required text alternative."""

    image = forms.FileField(
        label=gettext_lazy("Image"),
        required=False,
        help_text=gettext_lazy("JPEG, PNG or WebP, at most 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    alt_text = forms.CharField(
        label=gettext_lazy("Text alternative of the image"),
        required=False,
        max_length=250,
        help_text=gettext_lazy("What the image shows, for people who cannot see it."),
    )

    def clean(self):
        return clean_image_pair(self, super().clean())


def clean_image_pair(form, data):
    """An image needs its text alternative, and a text alternative its image."""
    if data.get("image"):
        try:
            data["image"] = checked_image(data["image"])
        except ValidationError as exc:
            form.add_error("image", exc)
        if not data.get("alt_text", "").strip():
            form.add_error("alt_text", _("Describe the image for people who cannot see it."))
    elif data.get("alt_text"):
        form.add_error("image", _("Choose the image this text describes."))
    return data


class ProjectForm(forms.ModelForm):
    image = ImageFields.base_fields["image"]
    alt_text = ImageFields.base_fields["alt_text"]

    class Meta:
        model = Project
        fields = ["title", "pool", "location", "description", "justification"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "justification": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pool"].queryset = edition.pools.all()
        self.fields["pool"].empty_label = None

    def clean(self):
        return clean_image_pair(self, super().clean())

    def project_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class CostLineForm(forms.Form):
    item = forms.CharField(label=gettext_lazy("Item"), max_length=200, required=False)
    amount = PLNField(label=gettext_lazy("Amount (PLN)"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("item") and data.get("amount") is None and "amount" not in self.errors:
            self.add_error("amount", _("Give the amount of this item."))
        if data.get("amount") is not None and not data.get("item"):
            self.add_error("item", _("Name the item this amount pays for."))
        return data


class BaseCostLines(forms.BaseFormSet):
    def lines(self) -> list[CostItem]:
        return [
            CostItem(form.cleaned_data["item"], form.cleaned_data["amount"])
            for form in self.forms
            if form.cleaned_data.get("item") and form.cleaned_data.get("amount") is not None
        ]


CostLineFormSet = forms.formset_factory(
    CostLineForm, formset=BaseCostLines, extra=0, min_num=1, max_num=30, validate_max=True
)


def cost_lines_for(project=None, data=None, blank=3):
    initial = None
    if project is not None and project.pk:
        initial = [{"item": c.item, "amount": c.amount} for c in project.cost_lines.all()]
    formset = CostLineFormSet(data=data, initial=initial, prefix="costs")
    if data is None:
        formset.extra = blank
    return formset


class SupportForm(forms.Form):
    full_name = forms.CharField(label=gettext_lazy("Full name"), max_length=150)
    address = forms.CharField(
        label=gettext_lazy("Address"),
        max_length=250,
        help_text=gettext_lazy("Where you live in the area of the project's pool."),
    )


class AppealForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Grounds of the appeal"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )


class ProjectIdsField(forms.Field):
    """The chosen projects' ids. Which ids a ballot may hold is the pool's rule, checked
    by the voting service against the admitted projects; so casting a vote does not
    read the list of projects twice."""

    widget = forms.CheckboxSelectMultiple
    default_error_messages = {"invalid": gettext_lazy("Choose projects from the list.")}

    def to_python(self, value):
        if not value:
            return []
        try:
            return [int(pk) for pk in value]
        except (TypeError, ValueError) as exc:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from exc


def _residence_label(edition) -> str:
    return _("I declare that I live in %(municipality)s.") % {
        "municipality": edition.municipality.name
    }


residence_label = lazy(_residence_label, str)


class VoteForm(forms.Form):
    projects = ProjectIdsField(
        label=gettext_lazy("Projects"),
        error_messages={"required": gettext_lazy("Choose at least one project.")},
    )
    full_name = forms.CharField(label=gettext_lazy("Full name"), max_length=150)
    pesel = forms.CharField(
        label=gettext_lazy("PESEL number"),
        max_length=11,
        min_length=11,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        help_text=gettext_lazy(
            "Checked and stored only as a code that cannot be turned back into the number."
        ),
    )
    declared_residence = forms.BooleanField(
        label=gettext_lazy("I declare that I live in the municipality.")
    )
    declared_age = forms.BooleanField()

    def __init__(self, *args, pool, **kwargs):
        super().__init__(*args, **kwargs)
        edition = pool.edition
        # Read when the form is shown: a vote that is stored never needs the name.
        self.fields["declared_residence"].label = residence_label(edition)
        if edition.identity == Identity.ACCOUNT:
            del self.fields["full_name"], self.fields["pesel"]
            self.fields["declared_age"].label = _("I am %(age)s years old or older.") % {
                "age": edition.minimum_age
            }
        else:
            del self.fields["declared_age"]


class ReceiptForm(forms.Form):
    kod = forms.CharField(
        label=gettext_lazy("Receipt code"),
        max_length=20,
        help_text=gettext_lazy("The code shown after you voted."),
    )

    def clean_kod(self):
        return self.cleaned_data["kod"].strip().upper().replace(" ", "").replace("-", "")
