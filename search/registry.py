"""Which models are searchable, and how: `register(model, adapter)`.

Stable API for other apps (documented in docs/search.md)::

    # consultations/search.py, imported from ConsultationsConfig.ready()
    from search.documents import SearchDocument
    from search.registry import SearchAdapter, register

    class ClauseAdapter(SearchAdapter):
        key_prefix = "clause"

        def get_queryset(self):
            # candidates for a full rebuild; narrow in SQL, select_related what to_document reads
            return Clause.objects.filter(draft__consultation__live=True).select_related(...)

        def is_indexable(self, clause):
            return clause.draft.consultation.is_public

        def to_document(self, clause):
            return SearchDocument(
                key=self.key(clause), type="clause", type_label=_("Clause"),
                title=..., url=clause.get_absolute_url(), text=clause.text,
                date=..., status="open", status_label=_("Open"),
                place=consultation.title, citation=clause.citation,
            )

    register(Clause, ClauseAdapter())

The adapter promises:

- `key(instance)` is "<key_prefix>:<pk>" and never changes for an instance;
- `is_indexable(instance)` is False for anything a member of the public must
  not find (drafts, private pages, hidden or removed comments, closed-off
  collections) — the index then drops it;
- `to_document(instance)` returns a SearchDocument (or None to skip it);
- `get_queryset()` yields the rebuild candidates; `iter_indexable()` walks it in
  chunks with `.iterator()`, so rebuilds never load a whole table;
- `watch_saves` (default True): a post_save/post_delete on the model schedules
  a re-index through a background task after the transaction commits. Set it
  False when saves do not mean "published" (Wagtail pages use their
  publish/unpublish signals instead).

When an object's indexability changes without a save of that model (e.g. a
comment hidden by a moderator through another model), call
`search.signals.request_reindex(instance)` or `search.services.schedule_index(instance)`.
"""

from collections.abc import Iterator

from django.db import models

from .documents import SearchDocument


class SearchAdapter:
    """Turns instances of one model into SearchDocuments. Subclass per model."""

    key_prefix: str = ""
    model: type[models.Model] | None = None
    watch_saves: bool = True
    chunk_size: int = 500

    def key(self, instance) -> str:
        return self.key_for_pk(instance.pk)

    def key_for_pk(self, pk) -> str:
        return f"{self.key_prefix}:{pk}"

    def get_queryset(self) -> models.QuerySet:
        return self.model._default_manager.all()

    def get_instance(self, pk):
        """The instance as stored in the database now, or None."""
        return self.get_queryset().model._default_manager.filter(pk=pk).first()

    def is_indexable(self, instance) -> bool:
        return True

    def to_document(self, instance) -> SearchDocument | None:
        raise NotImplementedError

    def iter_indexable(self) -> Iterator[models.Model]:
        for instance in self.get_queryset().iterator(chunk_size=self.chunk_size):
            if self.is_indexable(instance):
                yield instance

    def count_candidates(self) -> int:
        return self.get_queryset().count()

    def __repr__(self):
        return f"<{type(self).__name__} {self.key_prefix!r}>"


_registry: dict[type[models.Model], SearchAdapter] = {}


def register(model: type[models.Model], adapter: SearchAdapter | type[SearchAdapter]) -> None:
    """Make `model` searchable through `adapter` (an instance or a class)."""
    if isinstance(adapter, type):
        adapter = adapter()
    if not adapter.key_prefix:
        raise ValueError(f"{adapter!r} needs a key_prefix")
    for other_model, other in _registry.items():
        related = issubclass(model, other_model) or issubclass(other_model, model)
        if other.key_prefix == adapter.key_prefix and not related:
            raise ValueError(f"key_prefix {adapter.key_prefix!r} is already used")
    adapter.model = model
    _registry[model] = adapter


def unregister(model: type[models.Model]) -> None:
    _registry.pop(model, None)


def adapter_for(model_or_instance) -> SearchAdapter | None:
    """The adapter registered for this class or its nearest registered ancestor."""
    cls = model_or_instance if isinstance(model_or_instance, type) else type(model_or_instance)
    for klass in cls.__mro__:
        if klass in _registry:
            return _registry[klass]
    return None


def adapters() -> list[SearchAdapter]:
    return list(_registry.values())


def registered_models() -> list[type[models.Model]]:
    return list(_registry)
