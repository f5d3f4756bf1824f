from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from .legal_forms import LegalForm, member_names, register_errors
from .name_search import name_search_text
from .querysets import MembershipQuerySet, OrganisationQuerySet
from .validators import normalise_digits, validate_krs, validate_logo, validate_nip


class Role(models.TextChoices):
    """Role groups, created by a data migration."""

    RESIDENT = "Resident", _("Resident")
    NGO_REPRESENTATIVE = "NGO representative", _("NGO representative")
    EDITOR = "Editor", _("Editor")
    OFFICIAL = "Official", _("Official")
    ADMINISTRATOR = "Administrator", _("Administrator")


class User(AbstractUser):
    """A portal account. Deleting an account anonymises it (see services.delete_account)."""

    display_name = models.CharField(
        _("display name"),
        max_length=100,
        blank=True,
        help_text=_("Shown next to your comments. Leave empty to use your first and last name."),
    )
    is_deleted = models.BooleanField(_("deleted"), default=False)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.public_name

    @property
    def public_name(self) -> str:
        if self.is_deleted:
            return str(_("deleted user"))
        full = f"{self.first_name} {self.last_name}".strip()
        # Never the username: allauth makes it from the e-mail address's local part.
        return (
            self.display_name or full or str(_("Portal user no. %(number)s") % {"number": self.pk})
        )

    def get_full_name(self):
        # Third-party apps (django-comments) sign content with the full name.
        if self.is_deleted:
            return self.public_name
        return super().get_full_name()

    @cached_property
    def role_names(self) -> frozenset[str]:
        """The account's role (group) names, read once per user object: a request asks
        several role questions of the same user. Forgotten when the groups change."""
        return frozenset(self.groups.values_list("name", flat=True))

    def has_role(self, role: str) -> bool:
        return role in self.role_names


class PublicBenefitArea(models.TextChoices):
    """The sphere of public tasks (art. 4 ust. 1 of the public benefit act), in the act's
    order. Codes are stable; labels follow the act's wording, shortened where it is long.
    The first twelve codes predate the full list and keep their old values."""

    SOCIAL_ASSISTANCE = "social", _("Social assistance")
    FAMILY_SUPPORT = "family_support", _("Support for families and the foster care system")
    LEGAL_AID = "legal_aid", _("Free legal aid and legal awareness")
    CIVIC_ADVICE = "civic_advice", _("Free civic advice")
    CHARITY = "charity", _("Charitable activity")
    NATIONAL_TRADITION = "tradition", _("National tradition, civic and cultural awareness")
    MINORITIES = "minorities", _("National and ethnic minorities and the regional language")
    FOREIGNERS = "foreigners", _("Integration of foreigners")
    HEALTH = "health", _("Health protection and promotion")
    DISABILITY = "disability", _("People with disabilities")
    SENIORS = "seniors", _("Seniors")
    EMPLOYMENT = "employment", _("Employment and vocational activation")
    EQUALITY = "equality", _("Equal rights of women and men")
    ECONOMY = "economy", _("Economic development and entrepreneurship")
    INNOVATION = "innovation", _("Technology, invention and innovation")
    COMMUNITIES = "communities", _("Development of local communities")
    EDUCATION = "education", _("Education and upbringing")
    YOUTH = "youth", _("Children and youth")
    CULTURE = "culture", _("Culture, art and heritage")
    SPORT = "sport", _("Physical culture and sport")
    ECOLOGY = "ecology", _("Ecology and animal protection")
    TOURISM = "tourism", _("Tourism and recreation")
    SAFETY = "safety", _("Public order and safety")
    DEFENCE = "defence", _("National defence and the Armed Forces")
    CIVIC = "civic", _("Human rights, civil liberties and democracy")
    RESCUE = "rescue", _("Rescue and civil protection")
    DISASTER_RELIEF = "disaster_relief", _("Help for victims of disasters, conflicts and wars")
    CONSUMERS = "consumers", _("Consumer rights")
    EUROPE = "europe", _("European integration and cooperation between societies")
    VOLUNTEERING = "volunteering", _("Promotion and organisation of volunteering")
    POLONIA = "polonia", _("Help for Poles abroad")
    VETERANS = "veterans", _("Veterans and victims of repression")
    PROMOTION_ABROAD = "promotion_abroad", _("Promotion of Poland abroad")
    FAMILY = "family", _("Family, parenthood and children's rights")
    ADDICTIONS = "addictions", _("Prevention of addictions and social pathologies")
    REVITALISATION = "revitalisation", _("Revitalisation")
    NGO_SUPPORT = "ngo_support", _("Support for NGOs (technical, training, information, financial)")


class Organisation(models.Model):
    """A non-governmental organisation; comments and offers are made on its behalf."""

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)
    legal_form = models.CharField(
        _("legal form"),
        max_length=30,
        choices=LegalForm.choices,
        default=LegalForm.ASSOCIATION,
        help_text=_("It decides which register number the organisation gives."),
    )
    # Unique when given (constraint below); None, never "", when there is none.
    krs = models.CharField(
        _("KRS number"),
        max_length=14,
        validators=[validate_krs],
        null=True,
        blank=True,
        help_text=_("10 digits, as in the National Court Register."),
    )
    register_number = models.CharField(
        _("register number"),
        max_length=50,
        blank=True,
        help_text=_(
            "For an ordinary association or a student sports club: the number in the "
            "starosta's register; for other forms: the register they are in, if any."
        ),
    )
    is_public_benefit = models.BooleanField(
        _("public benefit organisation (OPP)"),
        default=False,
        help_text=_(
            "Has the status of a public benefit organisation (organizacja pożytku publicznego)."
        ),
    )
    group_members = models.TextField(
        _("members of the group"),
        blank=True,
        help_text=_("For an informal group: the names of its members, one per line."),
    )
    municipalities = models.ManyToManyField(
        "municipalities.Municipality",
        verbose_name=_("works in"),
        blank=True,
        related_name="organisations",
    )
    districts = models.CharField(
        _("districts and villages"),
        max_length=255,
        blank=True,
        help_text=_("Where exactly, if it matters: districts, villages, estates."),
    )
    logo = models.ImageField(
        _("logo"), upload_to="organisations/logos/", blank=True, validators=[validate_logo]
    )
    logo_alt = models.CharField(
        _("alternative text of the logo"),
        max_length=200,
        blank=True,
        help_text=_("What the logo shows or says, for people who cannot see it."),
    )
    volunteers_wanted = models.BooleanField(_("looking for volunteers"), default=False)
    volunteers_text = models.TextField(
        _("what volunteers would do"),
        blank=True,
        help_text=_("Who you are looking for, what for and how to get in touch."),
    )
    # The name's folded words and word stems (search.polish), for the directory search.
    name_search = models.TextField(editable=False, blank=True, default="")
    nip = models.CharField(
        _("NIP"),
        max_length=16,
        blank=True,
        validators=[validate_nip],
        help_text=_("Optional tax identification number (10 digits)."),
    )
    areas = models.JSONField(_("public benefit areas"), default=list, blank=True)
    description = models.TextField(_("description"), blank=True)
    street = models.CharField(_("street and number"), max_length=255, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=6, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    is_public = models.BooleanField(
        _("listed in the NGO directory"),
        default=True,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["krs"],
                condition=models.Q(krs__isnull=False) & ~models.Q(krs=""),
                name="unique_krs_when_given",
                violation_error_message=_("An organisation with this KRS number already exists."),
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.krs = normalise_digits(self.krs) or None
        self.nip = normalise_digits(self.nip)
        self.name_search = name_search_text(self.name)
        if kwargs.get("update_fields") is not None and "name" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "name_search"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("accounts:organisation_detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        self.krs = normalise_digits(self.krs) or None
        errors = register_errors(
            legal_form=self.legal_form,
            krs=self.krs or "",
            register_number=self.register_number.strip(),
            members=self.group_members,
        )
        if errors:
            raise ValidationError(errors)

    @property
    def area_labels(self) -> list[str]:
        labels = dict(PublicBenefitArea.choices)
        return [str(labels[a]) for a in self.areas if a in labels]

    @property
    def is_informal_group(self) -> bool:
        return self.legal_form == LegalForm.INFORMAL_GROUP

    @property
    def member_list(self) -> list[str]:
        return member_names(self.group_members)


class Membership(models.Model):
    """A user's claim to represent an organisation; an official approves it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("awaiting approval")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    function = models.CharField(_("function in the organisation"), max_length=100, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation membership")
        verbose_name_plural = _("organisation memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="unique_membership_per_organisation"
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.organisation} ({self.get_status_display()})"
