from django.db import models


class OrganisationQuerySet(models.QuerySet):
    def listed(self):
        return self.filter(is_public=True)

    def represented_by(self, user):
        """Organisations the user may speak for (approved memberships only)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__user=user, memberships__status="approved")


class MembershipQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status="pending")

    def approved(self):
        return self.filter(status="approved")
