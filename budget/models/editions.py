"""An edition of the participatory budget: the council resolution's rules as data."""

import math

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from municipalities.models import Municipality


class Phase(models.TextChoices):
    UPCOMING = "upcoming", _("Announced")
    SUBMISSION = "submission", _("Submission of projects")
    VERIFICATION = "verification", _("Verification")
    APPEALS = "appeals", _("Appeals")
    WAITING = "waiting", _("Before the vote")
    VOTING = "voting", _("Voting")
    COUNTING = "counting", _("Counting the votes")
    RESULTS = "results", _("Results")
    IMPLEMENTATION = "implementation", _("Implementation")


class Identity(models.TextChoices):
    ACCOUNT = "account", _("A portal account with a verified e-mail address")
    PESEL = "pesel", _("Name, PESEL number and a declaration of residence")


class TieBreak(models.TextChoices):
    LOWER_COST = "lower_cost", _("The lower verified cost first")
    LOTTERY = "lottery", _("A lottery (the seed is recorded with the results)")


# The phase dates in the order they must follow; (field, phase it starts).
PHASE_DATES = [
    ("submission_start", Phase.SUBMISSION),
    ("submission_end", Phase.VERIFICATION),
    ("verification_end", Phase.APPEALS),
    ("appeals_end", Phase.WAITING),
    ("voting_start", Phase.VOTING),
    ("voting_end", Phase.COUNTING),
    ("results_date", Phase.RESULTS),
    ("implementation_start", Phase.IMPLEMENTATION),
]


class EditionQuerySet(models.QuerySet):
    def for_public(self):
        return self.filter(is_published=True)


class Edition(models.Model):
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="budget_editions",
        verbose_name=_("municipality"),
    )
    name = models.CharField(_("name"), max_length=200)
    resolution = models.CharField(
        _("council resolution"),
        max_length=200,
        blank=True,
        help_text=_("Number and date of the resolution that sets the rules."),
    )
    description = models.TextField(_("description"), blank=True)
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Shown to the public.")
    )
    submission_start = models.DateTimeField(_("submission starts"))
    submission_end = models.DateTimeField(_("submission ends"))
    verification_end = models.DateTimeField(_("verification ends"))
    appeals_end = models.DateTimeField(_("appeals end"))
    voting_start = models.DateTimeField(_("voting starts"))
    voting_end = models.DateTimeField(_("voting ends"))
    results_date = models.DateTimeField(_("results announced"))
    implementation_start = models.DateTimeField(_("implementation starts"))
    appeal_days = models.PositiveSmallIntegerField(
        _("days to appeal"),
        default=5,
        validators=[MinValueValidator(1)],
        help_text=_("Days after a rejection during which its author may appeal."),
    )
    minimum_age = models.PositiveSmallIntegerField(_("minimum age to vote"), default=16)
    identity = models.CharField(
        _("voters identify with"),
        max_length=10,
        choices=Identity.choices,
        default=Identity.ACCOUNT,
    )
    tie_break = models.CharField(
        _("ties are resolved by"),
        max_length=12,
        choices=TieBreak.choices,
        default=TieBreak.LOWER_COST,
    )
    one_district_pool = models.BooleanField(
        _("one district pool per voter"),
        default=True,
        help_text=_(
            "A voter votes in the whole-municipality pools and in at most one district "
            "pool. Applies to editions with district pools; fixed once the first ballot "
            "is cast."
        ),
    )
    results_published_at = models.DateTimeField(_("results published"), null=True, blank=True)
    lottery_seed = models.CharField(_("lottery seed"), max_length=64, blank=True)

    objects = EditionQuerySet.as_manager()

    class Meta:
        ordering = ["-voting_start", "pk"]
        verbose_name = _("budget edition")
        verbose_name_plural = _("budget editions")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("budget:edition", args=[self.pk])

    def clean(self):
        dates = [(f, getattr(self, f)) for f, _phase in PHASE_DATES]
        for (earlier, first), (later, second) in zip(dates, dates[1:], strict=False):
            if first and second and second < first:
                raise ValidationError(
                    {
                        later: _("Must not be earlier than “%(earlier)s”.")
                        % {"earlier": self._meta.get_field(earlier).verbose_name}
                    }
                )

    def phase_at(self, moment) -> Phase:
        current = Phase.UPCOMING
        for field, phase in PHASE_DATES:
            if moment >= getattr(self, field):
                current = phase
        if current in (Phase.RESULTS, Phase.IMPLEMENTATION) and not self.results_published_at:
            return Phase.COUNTING
        if current == Phase.COUNTING and self.results_published_at:
            return Phase.RESULTS  # published before the announced date
        return current

    @property
    def phase(self) -> Phase:
        return self.phase_at(timezone.now())

    @property
    def phase_label(self):
        return Phase(self.phase).label

    @property
    def accepts_submissions(self) -> bool:
        return self.phase == Phase.SUBMISSION

    @property
    def accepts_votes(self) -> bool:
        return self.phase == Phase.VOTING

    @property
    def results_public(self) -> bool:
        return self.results_published_at is not None

    def timeline(self):
        return [
            (self._meta.get_field(field).verbose_name, getattr(self, field))
            for field, _phase in PHASE_DATES
        ]


class PoolKind(models.TextChoices):
    CITY = "city", _("Whole municipality")
    DISTRICT = "district", _("District")
    THEMATIC = "thematic", _("Thematic")


class VotingRule(models.TextChoices):
    BUDGET = "budget", _("Any projects whose costs fit within the pool's amount")
    COUNT = "count", _("At most a fixed number of projects")


def signature_cap(residents: int) -> int:
    """The statutory cap: at most 0.1 % of the residents of the pool's area."""
    return math.floor(residents / 1000)


class Pool(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="pools")
    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(_("kind"), max_length=10, choices=PoolKind.choices)
    amount = models.DecimalField(_("amount (PLN)"), max_digits=12, decimal_places=2)
    residents = models.PositiveIntegerField(
        _("residents of the area"),
        help_text=_("Used for the cap on support signatures and turnout."),
    )
    signatures_required = models.PositiveIntegerField(_("support signatures required"), default=0)
    voting_rule = models.CharField(
        _("voting rule"), max_length=10, choices=VotingRule.choices, default=VotingRule.BUDGET
    )
    max_choices = models.PositiveSmallIntegerField(
        _("projects a voter may choose"),
        null=True,
        blank=True,
        help_text=_("For the fixed-number rule."),
    )
    position = models.PositiveSmallIntegerField(default=0)
    # Published with the results.
    ballots_counted = models.PositiveIntegerField(_("ballots counted"), null=True, blank=True)

    class Meta:
        ordering = ["edition", "position", "pk"]
        verbose_name = _("pool")
        verbose_name_plural = _("pools")

    def __str__(self):
        return self.name

    def clean(self):
        errors = {}
        if self.residents is not None and self.signatures_required is not None:
            cap = signature_cap(self.residents)
            if self.signatures_required > cap:
                errors["signatures_required"] = _(
                    "The law allows at most 0.1 %% of the area's residents: with "
                    "%(residents)s residents that is %(cap)s signatures."
                ) % {"residents": self.residents, "cap": cap}
        if self.voting_rule == VotingRule.COUNT and not self.max_choices:
            errors["max_choices"] = _("Give the number of projects a voter may choose.")
        if self.amount is not None and self.amount <= 0:
            errors["amount"] = _("The pool needs an amount above zero.")
        if errors:
            raise ValidationError(errors)

    @property
    def limits_districts(self) -> bool:
        """A district pool of an edition whose voters may vote in one district only."""
        return self.kind == PoolKind.DISTRICT and self.edition.one_district_pool

    @property
    def turnout_percent(self):
        if self.ballots_counted is None or not self.residents:
            return None
        return round(100 * self.ballots_counted / self.residents, 2)
