"""Factories for the page types; used by tests (through fixtures) and the demo seeder.

Pages are created the Wagtail way: `parent.add_child(instance=page)`, then a revision
is saved and published, so they have a history in the admin like editor-made pages.
Pass `parent=` (defaults: the site's home page, or a fresh index of the right type)
and `publish=False` for a draft.
"""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Site

from cms_pages import demo_files
from cms_pages.models import (
    ActStatus,
    ActType,
    CallForProposalsPage,
    CallIndexPage,
    CallStatus,
    ContactPerson,
    DocumentLibraryPage,
    EventIndexPage,
    EventKind,
    EventPage,
    IssuingBody,
    LibraryDocument,
    NewsCategory,
    NewsIndexPage,
    NewsPage,
    OpeningHours,
    ProgrammeIndexPage,
    ProgrammeKind,
    ProgrammePage,
    ResolutionIndexPage,
    ResolutionPage,
    StandardPage,
    SupportCentreIndexPage,
    SupportCentrePage,
)


def default_home():
    return Site.objects.get(is_default_site=True).root_page.specific


# NFKD folds most Polish letters to ASCII, but not "ł", which slugify would drop.
POLISH_L = str.maketrans({"ł": "l", "Ł": "L"})


def polish_slugify(value: str) -> str:
    return slugify(value.translate(POLISH_L))


def unique_slug(parent, base: str) -> str:
    base = (polish_slugify(base) or "strona")[:70].rstrip("-")
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Strona {n}")
    parent = factory.LazyFunction(default_home)

    @classmethod
    def _create(cls, model_class, *args, parent=None, publish=True, tags=None, **kwargs):
        parent = parent or default_home()
        kwargs.setdefault("slug", unique_slug(parent, kwargs["title"]))
        page = model_class(*args, **kwargs)
        if not publish:
            page.live = False
        if tags:
            page.tags.add(*tags)
        parent.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
            page.refresh_from_db()
        return page


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Strona informacyjna {n}")
    intro = "Krótki wstęp do strony."


class DocumentFactory(factory.django.DjangoModelFactory):
    """A wagtail Document with a small generated file (pdf, docx or txt)."""

    class Meta:
        model = "wagtaildocs.Document"

    title = factory.Sequence(lambda n: f"Dokument {n}")

    @classmethod
    def _create(cls, model_class, *args, title, fmt="pdf", paragraphs=None, **kwargs):
        paragraphs = paragraphs or [f"Treść dokumentu „{title}”."]
        return demo_files.make_document(title, paragraphs, fmt=fmt, filename=polish_slugify(title))


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "wagtailimages.Image"

    title = factory.Sequence(lambda n: f"Ilustracja {n}")
    description = ""

    @classmethod
    def _create(cls, model_class, *args, title, description="", seed=0, **kwargs):
        return demo_files.make_image(
            title, filename=polish_slugify(title), description=description, seed=seed
        )


class NewsCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsCategory
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Kategoria {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class NewsIndexPageFactory(PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Aktualności"
    show_in_menus = True


class NewsPageFactory(PageFactory):
    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"Wiadomość {n}")
    parent = factory.SubFactory(NewsIndexPageFactory)
    date = factory.LazyFunction(timezone.localdate)
    lead = "Krótkie wprowadzenie do wiadomości dla organizacji pozarządowych."
    body = factory.LazyFunction(
        lambda: [("paragraph", "<p>Treść wiadomości z Urzędu Miasta Zielonogród.</p>")]
    )


class ResolutionIndexPageFactory(PageFactory):
    class Meta:
        model = ResolutionIndexPage

    title = "Uchwały i zarządzenia"
    show_in_menus = True


class ResolutionPageFactory(PageFactory):
    class Meta:
        model = ResolutionPage

    title = factory.Sequence(lambda n: f"w sprawie sprawy nr {n}")
    parent = factory.SubFactory(ResolutionIndexPageFactory)
    act_type = ActType.RESOLUTION
    number = factory.Sequence(lambda n: f"XII/{100 + n}/2026")
    adopted_on = datetime.date(2026, 3, 25)
    issuing_body = IssuingBody.CITY_COUNCIL
    status = ActStatus.IN_FORCE
    subject_area = "ngo_cooperation"
    summary = "<p>Rada Miasta postanawia przyjąć dokument.</p>"


class CallIndexPageFactory(PageFactory):
    class Meta:
        model = CallIndexPage

    title = "Otwarte konkursy ofert"
    show_in_menus = True


class CallForProposalsPageFactory(PageFactory):
    class Meta:
        model = CallForProposalsPage

    title = factory.Sequence(lambda n: f"Otwarty konkurs ofert nr {n}")
    parent = factory.SubFactory(CallIndexPageFactory)
    task_area = "culture"
    lead = "Wspieranie zadań publicznych z zakresu kultury."
    total_amount = Decimal("150000.00")
    offer_deadline = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
    status = CallStatus.OPEN


class ProgrammeIndexPageFactory(PageFactory):
    class Meta:
        model = ProgrammeIndexPage

    title = "Programy współpracy"
    show_in_menus = True


class ProgrammePageFactory(PageFactory):
    class Meta:
        model = ProgrammePage

    title = factory.Sequence(lambda n: f"Roczny program współpracy {2020 + n}")
    parent = factory.SubFactory(ProgrammeIndexPageFactory)
    kind = ProgrammeKind.ANNUAL
    year_from = 2026
    summary = "Program określa cele, zasady i formy współpracy miasta z organizacjami."


class DocumentLibraryPageFactory(PageFactory):
    class Meta:
        model = DocumentLibraryPage

    title = "Biblioteka dokumentów"
    parent = factory.SubFactory(ProgrammeIndexPageFactory)

    @classmethod
    def _create(cls, model_class, *args, documents=(), **kwargs):
        kwargs["library_documents"] = [
            LibraryDocument(document=document, category=category, description=description)
            for document, category, description in documents
        ]
        return super()._create(model_class, *args, **kwargs)


class EventIndexPageFactory(PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Wydarzenia i szkolenia"
    show_in_menus = True


class EventPageFactory(PageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Szkolenie nr {n}")
    parent = factory.SubFactory(EventIndexPageFactory)
    kind = EventKind.TRAINING
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    place = "Centrum Organizacji Pozarządowych, sala 2"
    address = "ul. Tkacka 12, 65-100 Zielonogród"
    lead = "Bezpłatne szkolenie dla organizacji pozarządowych."


class SupportCentreIndexPageFactory(PageFactory):
    class Meta:
        model = SupportCentreIndexPage

    title = "Centra wspierania organizacji"
    show_in_menus = True


class SupportCentrePageFactory(PageFactory):
    class Meta:
        model = SupportCentrePage

    title = factory.Sequence(lambda n: f"Centrum Organizacji Pozarządowych nr {n}")
    parent = factory.SubFactory(SupportCentreIndexPageFactory)
    street = "ul. Tkacka 12"
    postal_code = "65-100"
    city = "Zielonogród"
    email = "centrum@zielonogrod.example.org"
    phone = "+48 68 555 01 20"

    @classmethod
    def _create(cls, model_class, *args, hours=None, people=None, **kwargs):
        if hours is None:
            hours = [(day, datetime.time(9), datetime.time(17), "") for day in range(1, 6)]
        kwargs["opening_hours"] = [
            OpeningHours(weekday=day, opens=opens, closes=closes, note=note)
            for day, opens, closes, note in hours
        ]
        kwargs["contact_people"] = [ContactPerson(**person) for person in (people or [])]
        return super()._create(model_class, *args, **kwargs)
