"""Signal wiring: publishing, unpublishing, deleting and moderating follow through
to the index via background tasks.

For other apps: when something changes whether an object may be found without
a save of that object's model (say a moderator hides a comment through another
model), send

    from search.signals import request_reindex
    request_reindex.send(sender=type(obj), instance=obj)

(or call `search.services.schedule_index(obj)`); the object is re-read after
commit and indexed or removed.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import services
from .registry import adapter_for

request_reindex = Signal()


@receiver(request_reindex)
def _on_request_reindex(sender, instance, **kwargs):
    services.schedule_index(instance)


def _on_page_published(sender, instance, **kwargs):
    services.schedule_index(instance)


def _on_page_unpublished(sender, instance, **kwargs):
    services.schedule_index(instance)


def _on_page_moved(sender, instance, **kwargs):
    # URLs (and inherited view restrictions) of the whole subtree may have changed.
    for page in instance.get_descendants(inclusive=True).live():
        services.schedule_index(page)


def _on_view_restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        for descendant in page.get_descendants(inclusive=True):
            services.schedule_index(descendant)


def _on_collection_restriction_changed(sender, instance, **kwargs):
    from wagtail.documents import get_document_model

    collection = instance.collection
    documents = get_document_model().objects.filter(
        collection__in=collection.get_descendants(inclusive=True)
    )
    for document in documents.iterator():
        services.schedule_index(document)


def _on_save(sender, instance, raw=False, **kwargs):
    if raw:
        return
    adapter = adapter_for(sender)
    if adapter is not None and adapter.watch_saves:
        services.schedule_index(instance)


def _on_delete(sender, instance, **kwargs):
    if adapter_for(sender) is not None:
        services.schedule_removal(instance)


def connect():
    from wagtail.models import CollectionViewRestriction

    page_published.connect(_on_page_published, dispatch_uid="portal_search_published")
    page_unpublished.connect(_on_page_unpublished, dispatch_uid="portal_search_unpublished")
    post_page_move.connect(_on_page_moved, dispatch_uid="portal_search_moved")
    for model in (PageViewRestriction,):
        post_save.connect(_on_view_restriction_changed, sender=model, dispatch_uid="ps_pvr_s")
        post_delete.connect(_on_view_restriction_changed, sender=model, dispatch_uid="ps_pvr_d")
    post_save.connect(
        _on_collection_restriction_changed,
        sender=CollectionViewRestriction,
        dispatch_uid="ps_cvr_s",
    )
    post_delete.connect(
        _on_collection_restriction_changed,
        sender=CollectionViewRestriction,
        dispatch_uid="ps_cvr_d",
    )
    post_save.connect(_on_save, dispatch_uid="portal_search_save")
    post_delete.connect(_on_delete, dispatch_uid="portal_search_delete")
