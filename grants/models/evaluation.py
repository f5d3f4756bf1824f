"""The committee of a call (art. 15 ust. 2a-2f), its members' declarations and scores,
and the officials' formal check."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MemberKind(models.TextChoices):
    OFFICIAL = "official", _("official")
    NGO_NOMINEE = "ngo", _("person nominated by NGOs")


class CommitteeMember(models.Model):
    call = models.ForeignKey(
        "cms_pages.CallForProposalsPage", on_delete=models.CASCADE, related_name="committee"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="committee_seats"
    )
    kind = models.CharField(_("member"), max_length=10, choices=MemberKind.choices)
    nominated_by = models.CharField(_("nominated by"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("committee member")
        verbose_name_plural = _("committee members")
        constraints = [
            models.UniqueConstraint(fields=["call", "user"], name="unique_committee_member")
        ]

    def __str__(self):
        return str(self.user)


class Declaration(models.Model):
    """A member's declaration about one offer, signed before seeing it."""

    member = models.ForeignKey(
        CommitteeMember, on_delete=models.CASCADE, related_name="declarations"
    )
    offer = models.ForeignKey("grants.Offer", on_delete=models.CASCADE, related_name="declarations")
    no_conflict = models.BooleanField(_("no conflict of interest"))
    signed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("declaration of no conflict of interest")
        verbose_name_plural = _("declarations of no conflict of interest")
        constraints = [
            models.UniqueConstraint(fields=["member", "offer"], name="unique_declaration")
        ]

    def __str__(self):
        return f"{self.member} / {self.offer_id}"


class Score(models.Model):
    member = models.ForeignKey(CommitteeMember, on_delete=models.CASCADE, related_name="scores")
    offer = models.ForeignKey("grants.Offer", on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(
        "grants.CallCriterion", on_delete=models.CASCADE, related_name="scores"
    )
    points = models.DecimalField(_("points"), max_digits=5, decimal_places=1)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["member", "offer", "criterion"], name="unique_score")
        ]

    def __str__(self):
        return f"{self.points}"


class FormalAssessment(models.Model):
    """Whether an offer meets one formal criterion (the officials' formal check)."""

    offer = models.ForeignKey(
        "grants.Offer", on_delete=models.CASCADE, related_name="formal_assessments"
    )
    criterion = models.ForeignKey(
        "grants.CallCriterion", on_delete=models.CASCADE, related_name="assessments"
    )
    met = models.BooleanField(_("met"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["offer", "criterion"], name="unique_formal_assessment")
        ]

    def __str__(self):
        return f"{self.offer_id}/{self.criterion_id}: {self.met}"
