"""Local initiative (art. 19b-19h of the public benefit act): a municipality's set-up
with the council's criteria, residents' applications, their evaluation, the agreement
and the reported results."""

from __future__ import annotations

import datetime
import secrets
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.private_files import private_storage

from .areas import INITIATIVE_AREAS
from .querysets import ApplicationQuerySet

MONEY = {"max_digits": 12, "decimal_places": 2, "default": Decimal("0.00")}


def attachment_path(instance, filename) -> str:
    """Private, under an unguessable directory."""
    return f"initiatives/attachments/{secrets.token_urlsafe(16)}/{filename}"


def photo_path(instance, filename) -> str:
    return f"initiatives/photos/{secrets.token_urlsafe(16)}/{filename}"


class InitiativeSetup(models.Model):
    """How a municipality runs local initiative: the council's resolution as data."""

    municipality = models.OneToOneField(
        "municipalities.Municipality",
        on_delete=models.CASCADE,
        related_name="initiative_setup",
        verbose_name=_("municipality"),
    )
    accepting = models.BooleanField(_("applications are open"), default=False)
    resolution = models.CharField(
        _("council resolution"),
        max_length=300,
        blank=True,
        help_text=_("Number and title of the resolution that sets the procedure and criteria."),
    )
    deadlines = models.CharField(
        _("yearly deadlines"),
        max_length=100,
        blank=True,
        help_text=_(
            "Days of the year by which applications are taken, as DD.MM, e.g. 31.03, 30.09."
        ),
    )
    hour_rate = models.DecimalField(
        _("value of an hour of social work (PLN)"),
        max_digits=8,
        decimal_places=2,
        default=Decimal("30.00"),
    )

    class Meta:
        verbose_name = _("local initiative set-up")

    def __str__(self):
        return str(self.municipality)

    def deadline_days(self) -> list[tuple[int, int]]:
        """[(day, month), ...] in calendar order."""
        days = []
        for part in filter(None, (p.strip() for p in self.deadlines.split(","))):
            day, month = part.split(".")
            days.append((int(day), int(month)))
        return sorted(days, key=lambda d: (d[1], d[0]))

    def next_deadline(self, today: datetime.date) -> datetime.date | None:
        for year in (today.year, today.year + 1):
            for day, month in self.deadline_days():
                date = datetime.date(year, month, day)
                if date >= today:
                    return date
        return None


class Criterion(models.Model):
    """One criterion of the council's resolution; the social work one comes first."""

    setup = models.ForeignKey(InitiativeSetup, on_delete=models.CASCADE, related_name="criteria")
    position = models.PositiveSmallIntegerField(_("position"))
    name = models.CharField(_("criterion"), max_length=300)
    max_points = models.PositiveSmallIntegerField(_("maximum points"))
    social_work = models.BooleanField(_("contribution of social work"), default=False)

    class Meta:
        # Positions are checked unique by the set-up form (a database constraint would
        # refuse swapping two positions in one save).
        ordering = ["position"]

    def __str__(self):
        return self.name


class ApplicantKind(models.TextChoices):
    RESIDENTS = "residents", _("residents directly")
    ORGANISATION = "organisation", _("through a non-governmental organisation")
    GROUP = "group", _("through an informal group")


class Status(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted, under evaluation")
    ACCEPTED = "accepted", _("accepted for carrying out")
    REFUSED = "refused", _("refused")


class Application(models.Model):
    municipality = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.PROTECT,
        related_name="initiative_applications",
        verbose_name=_("municipality"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="initiative_applications"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    applicant_kind = models.CharField(
        _("who applies"), max_length=20, choices=ApplicantKind.choices
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("organisation"),
    )
    group_name = models.CharField(
        _("name of the group"),
        max_length=200,
        blank=True,
        help_text=_("Shown publicly instead of your names, e.g. “Residents of Lipowa Street”."),
    )
    residents = models.TextField(
        _("residents applying"),
        blank=True,
        help_text=_(
            "First and last name and address of each resident, one per line. Never shown publicly."
        ),
    )
    title = models.CharField(_("the task"), max_length=200)
    description = models.TextField(_("description of the task"))
    area = models.CharField(_("area"), max_length=30, choices=INITIATIVE_AREAS)
    place = models.CharField(_("place"), max_length=300)
    social_work_hours = models.DecimalField(
        _("hours of social work"), max_digits=8, decimal_places=1, default=Decimal("0")
    )
    hour_rate = models.DecimalField(
        _("value of an hour (PLN)"), max_digits=8, decimal_places=2, default=Decimal("0.00")
    )
    social_work_description = models.TextField(_("what work the residents will do"), blank=True)
    in_kind_description = models.TextField(_("in-kind contribution"), blank=True)
    in_kind_value = models.DecimalField(_("value of the in-kind contribution (PLN)"), **MONEY)
    money = models.DecimalField(_("money contribution (PLN)"), **MONEY)
    city_contribution = models.DecimalField(
        _("expected contribution of the municipality (PLN)"), **MONEY
    )
    city_contribution_description = models.TextField(
        _("what the municipality is asked to do or provide")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decision_reasons = models.TextField(_("reasons"), blank=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("local initiative application")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("initiatives:application", args=[self.pk])

    def get_public_url(self):
        return reverse("initiatives:detail", args=[self.municipality.slug, self.pk])

    @property
    def social_work_value(self) -> Decimal:
        return (self.social_work_hours * self.hour_rate).quantize(Decimal("0.01"))

    @property
    def own_contribution(self) -> Decimal:
        return self.social_work_value + self.in_kind_value + self.money

    @property
    def is_draft(self) -> bool:
        return self.status == Status.DRAFT

    @property
    def is_public(self) -> bool:
        return self.status == Status.ACCEPTED

    @property
    def public_applicant(self) -> str:
        """The only applicant name shown publicly: the group's or organisation's."""
        if self.applicant_kind == ApplicantKind.ORGANISATION and self.organisation_id:
            return self.organisation.name
        return self.group_name


class ScheduleStep(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField()
    action = models.CharField(_("action"), max_length=300)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))

    class Meta:
        ordering = ["position"]

    def __str__(self):
        return self.action


class Attachment(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to=attachment_path, storage=private_storage)
    name = models.CharField(max_length=200)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.name


class Score(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    points = models.PositiveSmallIntegerField(_("points"))
    reasons = models.TextField(_("reasons"), blank=True)
    scored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["application", "criterion"], name="one_score_per_criterion"
            )
        ]

    def __str__(self):
        return f"{self.criterion}: {self.points}"


class Agreement(models.Model):
    """Umowa o wykonanie inicjatywy lokalnej: its number and dates; the text is generated."""

    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="agreement"
    )
    number = models.CharField(_("agreement number"), max_length=60)
    concluded_on = models.DateField(_("date of the agreement"))
    place = models.CharField(_("place of the agreement"), max_length=100)
    starts_on = models.DateField(_("start of the task"))
    ends_on = models.DateField(_("end of the task"))
    signatory = models.CharField(
        _("for the municipality"), max_length=200, help_text=_("Name and office of who signs.")
    )
    city_obligations = models.TextField(_("what the municipality provides"))
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.number


class ResultStatus(models.TextChoices):
    REPORTED = "reported", _("reported, awaiting acceptance")
    ACCEPTED = "accepted", _("accepted by the municipality")


class Result(models.Model):
    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="result")
    status = models.CharField(
        max_length=20, choices=ResultStatus.choices, default=ResultStatus.REPORTED
    )
    what_was_done = models.TextField(_("what was done"))
    social_work_hours = models.DecimalField(
        _("hours of social work given"), max_digits=8, decimal_places=1
    )
    in_kind_value = models.DecimalField(_("value of the in-kind contribution given (PLN)"), **MONEY)
    money = models.DecimalField(_("money given (PLN)"), **MONEY)
    reported_at = models.DateTimeField(auto_now=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    def __str__(self):
        return str(self.application)

    @property
    def is_accepted(self) -> bool:
        return self.status == ResultStatus.ACCEPTED

    @property
    def social_work_value(self) -> Decimal:
        return (self.social_work_hours * self.application.hour_rate).quantize(Decimal("0.01"))

    @property
    def own_contribution(self) -> Decimal:
        return self.social_work_value + self.in_kind_value + self.money


class ResultPhoto(models.Model):
    result = models.ForeignKey(Result, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("photo"), upload_to=photo_path, storage=private_storage)
    alt_text = models.CharField(
        _("description of the photo"),
        max_length=250,
        help_text=_("What the photo shows, for people who cannot see it."),
    )

    def __str__(self):
        return self.alt_text
