"""Factories for newsletters; used by tests (via fixtures), the demo seeder and the benchmark."""

import factory
from django.utils import timezone

from .models import ConsentRecord, Issue, IssueItem, MailingStatus, Subscriber, Topic


def topic(key: str) -> Topic:
    """The topic a key names (Topic.key; a bare slug: the regional or the only one)."""
    return Topic.objects.resolve([key])[key]


def topics_from(values) -> list[Topic]:
    """Topics given as Topic objects or keys."""
    keys = [v for v in values if not isinstance(v, Topic)]
    return [v for v in values if isinstance(v, Topic)] + list(Topic.objects.resolve(keys).values())


class TopicFactory(factory.django.DjangoModelFactory):
    """A content topic of a municipality (`municipality=None`: a regional one)."""

    class Meta:
        model = Topic

    slug = factory.Sequence(lambda n: f"temat-{n + 1}")
    name = factory.Sequence(lambda n: f"Temat {n + 1}")
    kind = Topic.Kind.CONTENT


class SubscriberFactory(factory.django.DjangoModelFactory):
    """A confirmed subscriber of "news" unless told otherwise (`topics=[...]` takes Topic
    objects or keys, see Topic.key)."""

    class Meta:
        model = Subscriber
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"czytelnik{n}@example.org")
    status = Subscriber.Status.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if not create:
            return
        self.topics.set(topics_from(["news"] if extracted is None else extracted))

    @factory.post_generation
    def consent(self, create, extracted, **kwargs):
        if create and extracted is not False and self.status == Subscriber.Status.CONFIRMED:
            ConsentRecord.objects.create(
                subscriber=self,
                action=ConsentRecord.Action.CONFIRMED,
                text="Chcę otrzymywać wiadomości z portalu.",
                source="signup-form",
                topics=sorted(t.key for t in self.topics.select_related("municipality")),
            )


class IssueFactory(factory.django.DjangoModelFactory):
    """A draft issue to "news"; its municipality, unless given, is that of its topics
    when they share one (topics given as Topic objects or keys)."""

    class Meta:
        model = Issue
        skip_postgeneration_save = True

    subject = factory.Sequence(lambda n: f"Biuletyn Okienka nr {n + 1}")
    intro = (
        "Dzień dobry!\n\nW tym numerze piszemy o nowych konsultacjach i konkursach "
        "dla organizacji z Zielonogrodu."
    )
    status = MailingStatus.DRAFT

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create:
            # A ParentalManyToManyField is written to the database on save().
            topics = topics_from(extracted or ["news"])
            self.topics.set(topics)
            owners = {t.municipality_id for t in topics}
            if self.municipality_id is None and len(owners) == 1:
                self.municipality_id = owners.pop()
            self.save()


class IssueItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IssueItem

    issue = factory.SubFactory(IssueFactory)
    title = factory.Sequence(lambda n: f"Wiadomość {n + 1}")
    summary = "Krótkie streszczenie wiadomości z portalu Okienko."
    sort_order = factory.Sequence(int)
