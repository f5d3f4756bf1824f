"""Named reads for the newsletter models."""

from django.db import models
from django.db.models import Q


class TopicQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def content(self):
        return self.filter(kind="content")

    def areas(self):
        return self.filter(kind="area")


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status="confirmed")

    def following(self, topics):
        """Confirmed subscribers of any of the topics (all confirmed ones when none given)."""
        qs = self.confirmed()
        topic_ids = [t.pk if hasattr(t, "pk") else t for t in topics]
        if not topic_ids:
            return qs
        return qs.filter(
            pk__in=self.model.topics.through.objects.filter(topic_id__in=topic_ids).values(
                "subscriber_id"
            )
        )


class IssueQuerySet(models.QuerySet):
    def sent(self):
        return self.filter(status="sent")

    def published(self):
        """Issues in the public archive: sent, or being sent (links in the e-mail work)."""
        return self.filter(status__in=["sending", "sent"])

    def due(self, now):
        return self.filter(status="scheduled", scheduled_at__lte=now)

    def in_progress(self):
        return self.filter(status="sending")


class DeliveryQuerySet(models.QuerySet):
    def of(self, mailing):
        """Deliveries of an Issue or an AlertLog."""
        field = "issue" if mailing._meta.model_name == "issue" else "alert"
        return self.filter(**{field: mailing})

    def claimable(self, now, lease_expired_before):
        """Due pending rows, and rows a killed worker left "sending" past their lease."""
        return self.filter(
            Q(status="pending", next_attempt_at__isnull=True)
            | Q(status="pending", next_attempt_at__lte=now)
            | Q(status="sending", claimed_at__lt=lease_expired_before)
        )

    def unfinished(self):
        return self.filter(status__in=["pending", "sending"])
