"""Storage of the database search backends and the extracted-text cache.

`SearchEntry` is one indexed SearchDocument: metadata for results and facets,
plus (on PostgreSQL) a weighted tsvector with a GIN index. On SQLite the words
live in the FTS5 table `portal_search_fts` (rowid = SearchEntry.id), created by
migration 0002 only when the database is SQLite.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    key = models.CharField(max_length=100, unique=True)
    type = models.CharField(max_length=50, db_index=True)
    type_label = models.CharField(max_length=100)
    title = models.CharField(max_length=500)
    url = models.CharField(max_length=500)
    text = models.TextField(blank=True)
    date = models.DateField(null=True, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    status = models.CharField(max_length=50, blank=True)
    status_label = models.CharField(max_length=100, blank=True)
    area = models.CharField(max_length=50, blank=True)
    area_label = models.CharField(max_length=100, blank=True)
    municipality = models.CharField(max_length=80, blank=True)
    municipality_label = models.CharField(max_length=150, blank=True)
    place = models.CharField(max_length=500, blank=True)
    citation = models.CharField(max_length=200, blank=True)
    # Filled by the PostgreSQL backend only; NULL elsewhere.
    search_vector = SearchVectorField(null=True, blank=True, editable=False)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")

    def __str__(self):
        return self.key


class SearchVocabulary(models.Model):
    """Word forms with Polish letters seen while indexing, keyed by their folded form.

    Lets a query typed without diacritics ("uchwaly") be expanded to the forms
    that occur in the index ("uchwały"), which the stemmers then understand.
    """

    folded = models.CharField(max_length=100, db_index=True)
    form = models.CharField(max_length=100)

    class Meta:
        verbose_name = _("indexed word form")
        verbose_name_plural = _("indexed word forms")
        constraints = [
            models.UniqueConstraint(fields=["folded", "form"], name="portal_search_vocab_unique")
        ]

    def __str__(self):
        return f"{self.folded} → {self.form}"


class DocumentText(models.Model):
    """Text extracted from a document file, cached by the file's content hash.

    Re-indexing reuses it; a new file (new hash) is parsed again.
    """

    document_id = models.PositiveBigIntegerField(unique=True)
    file_hash = models.CharField(max_length=64)
    text = models.TextField(blank=True)
    error = models.CharField(max_length=300, blank=True)
    extracted_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("extracted document text")
        verbose_name_plural = _("extracted document texts")

    def __str__(self):
        return f"document {self.document_id} ({self.file_hash[:8]})"


class IndexChange(models.Model):
    """An object whose index entry must be brought up to date.

    Written in the same transaction as the change itself (search.services.schedule_index)
    and deleted only by the sweep that applied it, one row at a time by its id: a change
    made while a sweep runs is a new row, which that sweep does not delete.
    """

    model_label = models.CharField(max_length=100)
    object_pk = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pending index change")
        verbose_name_plural = _("pending index changes")

    def __str__(self):
        return f"{self.model_label} {self.object_pk}"
