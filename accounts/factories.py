"""Factories for accounts; used by tests (via fixtures) and by the demo seeder."""

import random

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils.text import slugify

from .models import Membership, Organisation, Role, User
from .validators import NIP_WEIGHTS


def valid_nip(rng: random.Random) -> str:
    """A random NIP with a correct check digit (checksum 10 is not allowed: retry)."""
    while True:
        head = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(8)]
        check = sum(d * w for d, w in zip(head, NIP_WEIGHTS, strict=True)) % 11
        if check != 10:
            return "".join(map(str, head)) + str(check)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    first_name = factory.Faker("first_name", locale="pl_PL")
    last_name = factory.Faker("last_name", locale="pl_PL")
    password = factory.django.Password("haslo-testowe-123")

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        """Verified primary e-mail unless `verified=False` is passed."""
        if create and extracted is not False:
            EmailAddress.objects.update_or_create(
                user=self, email=self.email, defaults={"verified": True, "primary": True}
            )

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            for role in extracted:
                self.groups.add(Group.objects.get_or_create(name=role)[0])


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Stowarzyszenie Przyjaciół Okienka nr {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name)[:200])
    krs = factory.Sequence(lambda n: f"{100000 + n:010d}")
    nip = factory.LazyFunction(lambda: valid_nip(random.Random()))  # noqa: S311
    areas = factory.LazyFunction(lambda: ["social", "culture"])
    street = "ul. Lipowa 7"
    postal_code = "00-950"
    city = "Zielonogród"
    email = factory.LazyAttribute(lambda o: f"biuro@{o.slug[:30]}.example.org")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory, roles=[Role.NGO_REPRESENTATIVE])
    organisation = factory.SubFactory(OrganisationFactory)
    status = Membership.Status.APPROVED
    function = "prezes zarządu"
