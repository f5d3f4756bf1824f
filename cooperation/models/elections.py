from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .bodies import Body, Term


class CallPhase(models.TextChoices):
    PLANNED = "planned", _("planned")
    NOMINATIONS = "nominations", _("nominations open")
    BETWEEN = "between", _("waiting for the vote")
    VOTING = "voting", _("voting open")
    COUNTING = "counting", _("voting closed, results not published yet")
    RESULTS = "results", _("results published")


class CandidateCall(models.Model):
    """The council's call for candidates: organisations nominate, then vote (one vote per
    organisation); the elected join the council for the term."""

    body = models.ForeignKey(
        Body, verbose_name=_("council"), on_delete=models.CASCADE, related_name="candidate_calls"
    )
    term = models.ForeignKey(
        Term,
        verbose_name=_("term of office of those elected"),
        on_delete=models.PROTECT,
        related_name="candidate_calls",
    )
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("rules and information"), blank=True)
    seats = models.PositiveSmallIntegerField(_("seats for organisations"), default=5)
    nominations_open_at = models.DateTimeField(_("nominations open"))
    nominations_close_at = models.DateTimeField(_("nominations close"))
    voting_open_at = models.DateTimeField(_("voting opens"))
    voting_close_at = models.DateTimeField(_("voting closes"))
    results_published_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("call for council candidates")
        verbose_name_plural = _("calls for council candidates")
        ordering = ["-nominations_open_at", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("cooperation:call", kwargs={"pk": self.pk})

    def clean(self):
        super().clean()
        if self.body_id and not self.body.is_council:
            raise ValidationError({"body": _("Candidates are called for the council only.")})
        if self.body_id and self.term_id and self.term.body_id != self.body_id:
            raise ValidationError({"term": _("Choose a term of this council.")})
        dates = [
            self.nominations_open_at,
            self.nominations_close_at,
            self.voting_open_at,
            self.voting_close_at,
        ]
        if all(dates) and dates != sorted(dates):
            raise ValidationError(
                _("Nominations open, then close; voting opens after that, then closes.")
            )
        if self.seats == 0:
            raise ValidationError({"seats": _("At least one seat.")})

    def phase(self, now=None) -> str:
        now = now or timezone.now()
        if self.results_published_at:
            return CallPhase.RESULTS
        if now < self.nominations_open_at:
            return CallPhase.PLANNED
        if now < self.nominations_close_at:
            return CallPhase.NOMINATIONS
        if now < self.voting_open_at:
            return CallPhase.BETWEEN
        if now < self.voting_close_at:
            return CallPhase.VOTING
        return CallPhase.COUNTING

    @property
    def phase_label(self) -> str:
        return CallPhase(self.phase()).label

    @property
    def nominations_are_open(self) -> bool:
        return self.phase() == CallPhase.NOMINATIONS

    @property
    def voting_is_open(self) -> bool:
        return self.phase() == CallPhase.VOTING


class Candidate(models.Model):
    """A person an organisation nominates (one candidate per organisation and call)."""

    call = models.ForeignKey(
        CandidateCall, verbose_name=_("call"), on_delete=models.CASCADE, related_name="candidates"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("nominated by"),
        on_delete=models.CASCADE,
        related_name="council_candidates",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("candidate"),
        on_delete=models.CASCADE,
        related_name="council_candidacies",
    )
    statement = models.TextField(_("about the candidate"), blank=True)
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    nominated_at = models.DateTimeField(default=timezone.now)
    votes = models.PositiveIntegerField(_("votes"), null=True, editable=False)
    elected = models.BooleanField(_("elected"), default=False, editable=False)

    class Meta:
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        ordering = ["user__last_name", "user__first_name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["call", "organisation"], name="cooperation_one_candidate_per_organisation"
            ),
            models.UniqueConstraint(fields=["call", "user"], name="cooperation_candidate_once"),
        ]

    def __str__(self):
        return f"{self.user.public_name} ({self.organisation})"


class Vote(models.Model):
    """One organisation's vote in a call, cast by one of its representatives."""

    call = models.ForeignKey(
        CandidateCall, verbose_name=_("call"), on_delete=models.CASCADE, related_name="votes"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="council_votes",
    )
    candidate = models.ForeignKey(
        Candidate, verbose_name=_("candidate"), on_delete=models.CASCADE, related_name="vote_set"
    )
    cast_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    cast_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(
                fields=["call", "organisation"], name="cooperation_one_vote_per_organisation"
            )
        ]

    def __str__(self):
        return f"{self.organisation} → {self.candidate}"
