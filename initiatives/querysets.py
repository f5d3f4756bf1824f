from django.db import models
from django.db.models import Q

from municipalities.permissions import municipality_filter


class ApplicationQuerySet(models.QuerySet):
    def public(self):
        """Accepted initiatives: the only ones anybody may see."""
        return self.filter(status="accepted")

    def of_applicant(self, user):
        """Applications the user made or speaks for (through the organisation)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            Q(created_by=user)
            | Q(
                organisation__memberships__user=user,
                organisation__memberships__status="approved",
            )
        ).distinct()

    def for_officials(self, user):
        """Submitted and decided applications of the user's municipalities (no drafts)."""
        return self.exclude(status="draft").filter(municipality_filter(user))
