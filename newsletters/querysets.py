"""Named reads for the newsletter models."""

from collections import defaultdict

from django.db import models
from django.db.models import Q


class TopicQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def content(self):
        return self.filter(kind="content")

    def areas(self):
        return self.filter(kind="area")

    def regional(self):
        return self.filter(municipality__isnull=True)

    def resolve(self, keys) -> dict:
        """{key: topic} for the keys (Topic.key) naming a topic of this queryset; one query.

        A bare slug names the regional topic with that slug, or, when there is none,
        the only topic with that slug: links and consent records from before topics
        had municipalities (and single-municipality portals) keep working.
        """
        keys = {str(key) for key in keys if key}
        if not keys:
            return {}
        condition = Q(pk__in=[])
        for key in keys:
            prefix, colon, slug = key.partition(":")
            condition |= Q(municipality__slug=prefix, slug=slug) if colon else Q(slug=key)
        by_slug = defaultdict(list)
        for topic in self.filter(condition).select_related("municipality"):
            by_slug[topic.slug].append(topic)
        resolved = {}
        for key in keys:
            prefix, colon, slug = key.partition(":")
            if colon:
                found = [
                    t
                    for t in by_slug.get(slug, ())
                    if t.municipality_id and t.municipality.slug == prefix
                ]
            else:
                candidates = by_slug.get(key, [])
                regional = [t for t in candidates if t.municipality_id is None]
                found = regional or (candidates if len(candidates) == 1 else [])
            if found:
                resolved[key] = found[0]
        return resolved

    def by_keys(self, keys):
        """The topics the keys name (see resolve), as a queryset."""
        return self.filter(pk__in=[topic.pk for topic in self.resolve(keys).values()])


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

    def following_any_of(self, topics):
        """Confirmed subscribers of any topic of a Topic queryset (none when it is empty)."""
        return self.confirmed().filter(
            pk__in=self.model.topics.through.objects.filter(topic__in=topics).values(
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
