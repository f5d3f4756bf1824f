from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import PublicBenefitArea
from cooperation.querysets import BodyMemberQuerySet, BodyQuerySet


class BodyKind(models.TextChoices):
    WORKING_GROUP = "working_group", _("Working group")
    TEAM = "team", _("Joint advisory team")
    COUNCIL = "council", _("Public benefit council")


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    DEPUTY = "deputy", _("Deputy chair")
    SECRETARY = "secretary", _("Secretary")
    MEMBER = "member", _("Member")


class Body(models.Model):
    """A working group by field, a joint advisory team or the public benefit council
    (art. 41a-41i) of one municipality."""

    municipality = models.ForeignKey(
        "municipalities.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="cooperation_bodies",
    )
    kind = models.CharField(_("type"), max_length=20, choices=BodyKind.choices)
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80)
    area = models.CharField(
        _("public benefit area"),
        max_length=30,
        choices=PublicBenefitArea.choices,
        blank=True,
        help_text=_("Required for a working group: the field it works in."),
    )
    description = models.TextField(_("description"), blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = BodyQuerySet.as_manager()

    class Meta:
        verbose_name = _("cooperation body")
        verbose_name_plural = _("cooperation bodies")
        ordering = ["municipality__name", "kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "slug"], name="cooperation_body_unique_slug"
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse(
            "cooperation:body",
            kwargs={"municipality": self.municipality.slug, "slug": self.slug},
        )

    def clean(self):
        super().clean()
        if self.kind == BodyKind.WORKING_GROUP and not self.area:
            raise ValidationError({"area": _("A working group works in one field: choose it.")})

    @property
    def is_council(self) -> bool:
        return self.kind == BodyKind.COUNCIL


class Term(models.Model):
    """A term of office (kadencja) of the council; members are appointed for one."""

    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.CASCADE, related_name="terms"
    )
    name = models.CharField(_("name"), max_length=100, help_text=_("E.g. 2026-2029."))
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"))

    class Meta:
        verbose_name = _("term of office")
        verbose_name_plural = _("terms of office")
        ordering = ["body", "-starts_on"]

    def __str__(self):
        return f"{self.body} – {self.name}"

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on <= self.starts_on:
            raise ValidationError({"ends_on": _("The term must end after it starts.")})


class BodyMember(models.Model):
    """A seat: an NGO delegate (with the organisation that sent them) or an official."""

    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.CASCADE, related_name="members"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="body_seats",
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("delegated by"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="body_seats",
        help_text=_("Empty for an official of the municipality."),
    )
    role = models.CharField(
        _("role"), max_length=10, choices=MemberRole.choices, default=MemberRole.MEMBER
    )
    term = models.ForeignKey(
        Term,
        verbose_name=_("term of office"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="members",
    )
    starts_on = models.DateField(_("member since"))
    ends_on = models.DateField(_("member until"), null=True, blank=True)

    objects = BodyMemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")
        ordering = ["body", "role", "user__last_name", "pk"]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()}, {self.body})"

    def clean(self):
        super().clean()
        if self.term_id and self.body_id and self.term.body_id != self.body_id:
            raise ValidationError({"term": _("Choose a term of this body.")})
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The seat cannot end before it starts.")})

    @property
    def is_ngo_delegate(self) -> bool:
        return self.organisation_id is not None
