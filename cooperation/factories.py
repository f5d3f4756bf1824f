"""Factories of the cooperation bodies; used by tests (via fixtures) and the demo."""

import datetime

import factory
from django.utils import timezone
from django.utils.text import slugify

from accounts.factories import UserFactory
from accounts.models import Role
from municipalities.services import home_municipality

from .models import Body, BodyKind, BodyMember, Meeting, MemberRole, Minutes, Term


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body

    municipality = factory.LazyFunction(home_municipality)
    kind = BodyKind.WORKING_GROUP
    name = factory.Sequence(lambda n: f"Grupa robocza nr {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name)[:80])
    area = factory.LazyAttribute(lambda o: "social" if o.kind == BodyKind.WORKING_GROUP else "")
    description = "Grupa opiniuje projekty i proponuje zadania publiczne."


class TermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Term

    body = factory.SubFactory(BodyFactory, kind=BodyKind.COUNCIL, name="Rada Pożytku")
    name = "2026–2029"
    starts_on = datetime.date(2026, 1, 1)
    ends_on = datetime.date(2028, 12, 31)


class BodyMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BodyMember

    body = factory.SubFactory(BodyFactory)
    user = factory.SubFactory(UserFactory, roles=[Role.NGO_REPRESENTATIVE])
    role = MemberRole.MEMBER
    starts_on = datetime.date(2025, 1, 1)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    body = factory.SubFactory(BodyFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
    place = "Urząd Gminy, sala nr 12"
    agenda = "Otwarcie posiedzenia\nOpinia o projekcie programu współpracy\nSprawy różne"


class MinutesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Minutes

    meeting = factory.SubFactory(MeetingFactory)
    text = "Obecni: 7 z 9 członków. Grupa przyjęła opinię jednogłośnie."
    status = Minutes.Status.DRAFT
