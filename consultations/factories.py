"""Factories for consultations; used by tests (through fixtures), the demo and the bench.

Pages are added the Wagtail way (`parent.add_child`); pass `parent=`. Comments are
built like services.post_comment builds them (sanitised HTML on write) but without the
permission and phase checks, so tests can set up any state.
"""

import datetime

import factory
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Site

from accounts.factories import UserFactory

from .comments.bleaching import render_user_text
from .models import (
    Clause,
    ClauseLevel,
    ConsultationComment,
    ConsultationIndexPage,
    ConsultationPage,
    DraftActVersion,
)


def default_home():
    return Site.objects.get(is_default_site=True).root_page.specific


def _free_slug(parent, base):
    base = (slugify(base) or "konsultacja")[:60]
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


class _PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        parent = parent or cls._default_parent()
        kwargs.setdefault("slug", _free_slug(parent, kwargs["title"]))
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        return page


class ConsultationIndexPageFactory(_PageFactory):
    class Meta:
        model = ConsultationIndexPage

    title = "Konsultacje"
    show_in_menus = True

    @classmethod
    def _default_parent(cls):
        return default_home()


def default_index():
    index = ConsultationIndexPage.objects.first()
    return index or ConsultationIndexPageFactory()


class ConsultationPageFactory(_PageFactory):
    """An open consultation by default (started yesterday, closes in 14 days)."""

    class Meta:
        model = ConsultationPage

    title = factory.Sequence(lambda n: f"Konsultacje projektu uchwały nr {n}")
    subject = "Projekt uchwały Rady Miasta Zielonogrodu w sprawie programu współpracy"
    start_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    end_at = factory.LazyAttribute(lambda o: o.start_at + datetime.timedelta(days=15))
    form = "uwagi pisemne przez portal, pocztą elektroniczną i na spotkaniu"
    organiser = "Biuro ds. Organizacji Pozarządowych"
    contact = "konsultacje@zielonogrod.example.org"

    @classmethod
    def _default_parent(cls):
        return default_index()

    class Params:
        planned = factory.Trait(
            start_at=factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
        )
        closed = factory.Trait(
            start_at=factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=30)),
            end_at=factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=2)),
        )
        reported = factory.Trait(
            start_at=factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=40)),
            end_at=factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=20)),
            report_published_at=factory.LazyFunction(
                lambda: timezone.now() - datetime.timedelta(days=1)
            ),
        )


class DraftActVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DraftActVersion

    consultation = factory.SubFactory(ConsultationPageFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = "Uchwała Nr …/…/2026 Rady Miasta Zielonogrodu"
    preamble = "Na podstawie art. 5a ust. 1 ustawy o działalności pożytku publicznego…"
    is_published = True
    published_at = factory.LazyFunction(timezone.now)


class ClauseFactory(factory.django.DjangoModelFactory):
    """A top-level § by default; the Sequence keeps labels and anchors unique."""

    class Meta:
        model = Clause

    version = factory.SubFactory(DraftActVersionFactory)
    position = factory.Sequence(lambda n: n + 1)
    level = ClauseLevel.PARAGRAF
    label = factory.LazyAttribute(lambda o: f"§ {o.position}")
    citation = factory.LazyAttribute(lambda o: o.label)
    anchor = factory.LazyAttribute(lambda o: f"par-{o.position}")
    text = factory.LazyAttribute(lambda o: f"Treść przepisu {o.label}.")
    depth = factory.LazyAttribute(lambda o: o.parent.depth + 1 if o.parent else 0)
    parent = None


class CommentFactory(factory.django.DjangoModelFactory):
    """A portal comment on `clause` (or on `version` as a whole when clause is None)."""

    class Meta:
        model = ConsultationComment

    # For a comment on the act as a whole: clause=None, version=<DraftActVersion>. Not a
    # Params entry, so that _create sees it (and removes it before the model does).
    version = None
    clause = factory.SubFactory(ClauseFactory)
    consultation = factory.LazyAttribute(
        lambda o: (o.clause.version if o.clause else o.version).consultation
    )
    user = factory.SubFactory(UserFactory)
    user_name = factory.LazyAttribute(lambda o: o.user.public_name[:50] if o.user else "")
    user_email = factory.LazyAttribute(lambda o: o.user.email if o.user else "")
    comment = factory.Sequence(lambda n: f"Uwaga nr {n}: proponuję doprecyzować przepis.")
    proposed_wording = ""
    justification = ""
    site_id = factory.LazyFunction(lambda: settings.SITE_ID)
    submit_date = factory.LazyFunction(timezone.now)
    is_public = True

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        version = kwargs.pop("version", None)
        target = kwargs["clause"] or version
        if parent is not None:
            kwargs["parent_id"] = parent.pk
            kwargs["clause"] = parent.clause
            kwargs["consultation"] = parent.consultation
            kwargs["content_type_id"] = parent.content_type_id
            kwargs["object_pk"] = parent.object_pk
        else:
            kwargs["content_type"] = ContentType.objects.get_for_model(target)
            kwargs["object_pk"] = str(target.pk)
        kwargs["body_html"] = render_user_text(kwargs["comment"])
        kwargs["proposed_wording_html"] = render_user_text(kwargs.get("proposed_wording", ""))
        kwargs["justification_html"] = render_user_text(kwargs.get("justification", ""))
        return super()._create(model_class, *args, **kwargs)
