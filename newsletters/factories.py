"""Factories for newsletters; used by tests (via fixtures), the demo seeder and the benchmark."""

import factory
from django.utils import timezone

from .models import ConsentRecord, Issue, IssueItem, MailingStatus, Subscriber, Topic


def topic(slug: str) -> Topic:
    return Topic.objects.get(slug=slug)


class SubscriberFactory(factory.django.DjangoModelFactory):
    """A confirmed subscriber of "news" unless told otherwise (`topics=[...]` takes slugs)."""

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
        slugs = ["news"] if extracted is None else extracted
        self.topics.set(Topic.objects.filter(slug__in=slugs))

    @factory.post_generation
    def consent(self, create, extracted, **kwargs):
        if create and extracted is not False and self.status == Subscriber.Status.CONFIRMED:
            ConsentRecord.objects.create(
                subscriber=self,
                action=ConsentRecord.Action.CONFIRMED,
                text="Chcę otrzymywać wiadomości z portalu.",
                source="signup-form",
                topics=sorted(self.topics.values_list("slug", flat=True)),
            )


class IssueFactory(factory.django.DjangoModelFactory):
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
            self.topics.set(Topic.objects.filter(slug__in=extracted or ["news"]))
            self.save()


class IssueItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IssueItem

    issue = factory.SubFactory(IssueFactory)
    title = factory.Sequence(lambda n: f"Wiadomość {n + 1}")
    summary = "Krótkie streszczenie wiadomości z portalu Okienko."
    sort_order = factory.Sequence(int)
