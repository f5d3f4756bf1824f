from django.db import models
from django.utils import timezone


class PostQuerySet(models.QuerySet):
    def listed(self):
        """Open posts that have not expired (Polish date), with what the list shows."""
        return self.filter(status="open", expires_on__gte=timezone.localdate()).select_related(
            "municipality", "organisation"
        )

    def readable_by(self, user):
        """What a user may open: listed posts, their own, and for officials the posts of
        their municipalities (hidden and expired included)."""
        from accounts.permissions import is_official
        from municipalities.permissions import municipality_filter

        condition = models.Q(status__in=["open", "fulfilled"])
        if user.is_authenticated:
            condition |= models.Q(author=user)
            if is_official(user):
                condition |= municipality_filter(user)
        return self.filter(condition)
