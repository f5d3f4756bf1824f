"""Factories for the partnership board (tests and the demo seeder)."""

import datetime

import factory
from django.utils import timezone

from accounts.factories import UserFactory

from .models import Direction, Post, PosterKind, PostKind


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post

    author = factory.SubFactory(UserFactory)
    poster_kind = PosterKind.BUSINESS
    poster_name = "Pracownia Stolarska Dąb sp. z o.o."
    direction = Direction.OFFER
    kind = PostKind.EQUIPMENT
    area = "communities"
    title = factory.Sequence(lambda n: f"Użyczymy namiotów na festyn nr {n}")
    description = "Trzy namioty 3×6 m z ławkami, do odbioru z naszego magazynu."
    contact = "+48 600 000 000"
    expires_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
