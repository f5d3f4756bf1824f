"""Adapters for what the search app indexes itself: every Wagtail page type and
the documents in Wagtail's library (with the text inside their files).

Page types can steer how they are indexed without importing this module, by
defining optional attributes or methods:

    search_type = "news"                  # facet slug (default: the model name)
    search_type_label = _("News")         # default: the model's verbose name
    search_exclude = True                 # never index pages of this type
    def search_date(self): ...            # default: date / adopted_on / ... / first publish
    def search_status(self): ...          # (slug, label); default: a `status` field with choices
    def search_area(self): ...            # (slug, label); default: subject_area / task_area / area
    def search_place(self): ...           # the "exact place" line under the title
    def search_extra_text(self): ...      # more text to index (e.g. names of attachments)
"""

import datetime
import logging

from django.db.models import Q
from django.utils.html import strip_tags
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page
from wagtail.search import index as wagtail_index

from .documents import SearchDocument
from .registry import SearchAdapter, register

DATE_ATTRIBUTES = (
    "search_date",
    "date",
    "adopted_on",
    "publication_date",
    "published_on",
    "start_date",
    "starts_at",
    "start",
    "announced_on",
)
logger = logging.getLogger(__name__)

AREA_FIELDS = ("subject_area", "task_area", "area")


def _call(value):
    return value() if callable(value) else value


def _as_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return None


def _choice(instance, field_name):
    """(value, label) of a choices field, or None."""
    try:
        field = instance._meta.get_field(field_name)
    except Exception:  # noqa: BLE001 - FieldDoesNotExist and friends: no such facet
        return None
    value = getattr(instance, field.attname, None)
    if not value:
        return None
    label = dict(field.flatchoices).get(value, value) if field.choices else value
    return str(value), str(label)


def municipality_fields(page) -> dict:
    """The `municipality` facet fields of whatever lies in this page's window (one
    query); empty when the page is outside every municipality's tree."""
    from municipalities.models import Municipality

    found = Municipality.objects.for_page(page) if page is not None else None
    if found is None:
        return {"municipality": "", "municipality_label": ""}
    return {"municipality": found.slug, "municipality_label": found.name}


def _text_of(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "\n".join(_text_of(v) for v in value)
    text = str(value)
    return strip_tags(text) if "<" in text else text


class PageAdapter(SearchAdapter):
    """Every live, public Wagtail page, text from its `search_fields`."""

    key_prefix = "page"
    # Saves of pages include draft revisions: follow publish/unpublish instead.
    watch_saves = False

    def get_queryset(self):
        return (
            Page.objects.live()
            .public()
            .filter(depth__gt=1, alias_of__isnull=True)
            .order_by("path")
            .specific()
        )

    def get_instance(self, pk):
        page = Page.objects.filter(pk=pk).first()
        return page.specific if page else None

    def is_indexable(self, page) -> bool:
        if getattr(page, "search_exclude", False):
            return False
        if not page.live or page.depth <= 1 or page.alias_of_id:
            return False
        if page.get_view_restrictions().exists():
            return False
        return page.get_url() is not None

    def iter_indexable(self):
        # .public() already excluded restricted subtrees: skip the per-page query.
        for page in self.get_queryset().iterator(chunk_size=self.chunk_size):
            if not getattr(page, "search_exclude", False) and page.get_url() is not None:
                yield page

    def page_text(self, page) -> str:
        parts = []
        for field in getattr(page, "search_fields", []):
            if not isinstance(field, wagtail_index.SearchField) or field.field_name == "title":
                continue
            try:
                parts.append(_text_of(field.get_value(page)))
            except Exception:  # noqa: BLE001 - one odd field must not keep a page out
                logger.warning(
                    "Cannot index %s of page %s", field.field_name, page.pk, exc_info=True
                )
        if page.search_description:
            parts.append(page.search_description)
        extra = getattr(page, "search_extra_text", None)
        if extra is not None:
            parts.append(_text_of(_call(extra)))
        return "\n".join(dict.fromkeys(p.strip() for p in parts if p and p.strip()))

    def page_date(self, page):
        for name in DATE_ATTRIBUTES:
            value = _as_date(_call(getattr(page, name, None)))
            if value:
                return value
        return _as_date(page.first_published_at or page.last_published_at)

    def to_document(self, page) -> SearchDocument | None:
        url = page.get_url()
        if url is None:
            return None
        status = _call(getattr(page, "search_status", None)) or _choice(page, "status")
        area = _call(getattr(page, "search_area", None))
        for name in AREA_FIELDS:
            area = area or _choice(page, name)
        place = _call(getattr(page, "search_place", None)) or ""
        return SearchDocument(
            key=self.key(page),
            type=getattr(page, "search_type", None) or page._meta.model_name,
            type_label=capfirst(
                str(getattr(page, "search_type_label", None) or page._meta.verbose_name)
            ),
            title=page.title,
            url=url,
            text=self.page_text(page),
            date=self.page_date(page),
            status=status[0] if status else "",
            status_label=status[1] if status else "",
            area=area[0] if area else "",
            area_label=area[1] if area else "",
            place=str(place),
            **municipality_fields(page),
        )


def restricted_collection_ids() -> set[int]:
    """Collections closed to the public (restricted themselves or below a restricted one)."""
    restricted = Collection.objects.filter(
        pk__in=CollectionViewRestriction.objects.values("collection_id")
    )
    ids = set()
    for collection in restricted:
        ids |= set(collection.get_descendants(inclusive=True).values_list("pk", flat=True))
    return ids


class DocumentAdapter(SearchAdapter):
    """Documents in Wagtail's library: title plus the text inside PDF/DOCX/ODT/TXT files."""

    key_prefix = "document"
    chunk_size = 100

    def get_queryset(self):
        return get_document_model().objects.select_related("collection").order_by("pk")

    def is_indexable(self, document) -> bool:
        return not document.collection.get_view_restrictions().exists()

    def iter_indexable(self):
        closed = restricted_collection_ids()
        queryset = self.get_queryset()
        if closed:
            queryset = queryset.filter(~Q(collection_id__in=closed))
        yield from queryset.iterator(chunk_size=self.chunk_size)

    def to_document(self, document) -> SearchDocument:
        from .extraction import document_text

        text = document_text(document)
        tags = ", ".join(t.name for t in document.tags.all()) if hasattr(document, "tags") else ""
        return SearchDocument(
            key=self.key(document),
            type="document",
            type_label=_("Document"),
            title=document.title,
            url=document.url,
            text="\n".join(p for p in (text, tags, document.filename) if p),
            date=_as_date(document.created_at),
            place=document.collection.name if document.collection.depth > 1 else "",
        )


def register_builtin_adapters():
    register(Page, PageAdapter())
    register(get_document_model(), DocumentAdapter())
