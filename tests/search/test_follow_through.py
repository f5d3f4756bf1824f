"""The index follows publishing, unpublishing, deletion, privacy and moderation."""

import pytest
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from accounts.models import Organisation
from cms_pages.factories import DocumentFactory, NewsPageFactory, ResolutionPageFactory
from search import registry, services
from search.documents import SearchDocument
from search.models import DocumentText
from search.registry import SearchAdapter


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def found(backend, query):
    return [hit.key for hit in backend.search(query).hits]


def test_published_page_is_found_with_its_body(search_backend, run_on_commit):
    with run_on_commit():
        page = NewsPageFactory(
            title="Remont mostu na Odrze",
            body=[("paragraph", "<p>Objazd przez ulicę Kwiatową potrwa do jesieni.</p>")],
        )
    assert found(search_backend, "objazdy kwiatowa") == [f"page:{page.pk}"]
    hit = search_backend.search("most").hits[0]
    assert hit.type == "newspage"
    assert hit.url == page.url
    assert hit.date == page.date


def test_draft_page_is_never_indexed(search_backend, run_on_commit):
    with run_on_commit():
        NewsPageFactory(title="Tajny projekt fontanny", publish=False)
    assert found(search_backend, "fontanna") == []


def test_unsaved_draft_changes_stay_out_until_published(search_backend, run_on_commit):
    with run_on_commit():
        page = NewsPageFactory(title="Festyn sąsiedzki")
    with run_on_commit():
        page.title = "Festyn odwołany"
        revision = page.save_revision()
    assert found(search_backend, "odwołany") == []
    assert found(search_backend, "festyn") == [f"page:{page.pk}"]
    with run_on_commit():
        revision.publish()
    assert found(search_backend, "odwołany") == [f"page:{page.pk}"]


def test_unpublished_page_disappears(search_backend, run_on_commit):
    with run_on_commit():
        page = NewsPageFactory(title="Kiermasz książek")
    assert found(search_backend, "kiermaszu")
    with run_on_commit():
        page.unpublish()
    assert found(search_backend, "kiermaszu") == []


def test_deleted_page_disappears(search_backend, run_on_commit):
    with run_on_commit():
        page = NewsPageFactory(title="Koncert chóru")
    with run_on_commit():
        page.delete()
    assert found(search_backend, "koncert") == []
    assert search_backend.count() >= 1  # the news index page stays


def test_private_page_disappears_and_returns_when_public(search_backend, run_on_commit):
    with run_on_commit():
        page = NewsPageFactory(title="Spotkanie zarządu osiedla")
    with run_on_commit():
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="tajne"
        )
    assert found(search_backend, "zarząd osiedla") == []
    with run_on_commit():
        restriction.delete()
    assert found(search_backend, "zarząd osiedla") == [f"page:{page.pk}"]


def test_status_and_area_facets_come_from_page_fields(search_backend, run_on_commit):
    with run_on_commit():
        ResolutionPageFactory(title="w sprawie programu współpracy z organizacjami")
    results = search_backend.search("program współpracy")
    assert results.hits[0].type == "resolutionpage"
    assert {f.value for f in results.facets["status"]} == {"in_force"}
    assert {f.value for f in results.facets["area"]} == {"ngo_cooperation"}
    assert {f.value for f in results.facets["year"]} == {"2026"}


def test_text_inside_an_attached_pdf_is_found(search_backend, run_on_commit):
    with run_on_commit():
        document = DocumentFactory(
            title="Regulamin konkursu",
            fmt="pdf",
            paragraphs=["Wnioski o dofinansowanie przyjmuje Biuro Rady Seniorów."],
        )
    assert found(search_backend, "wniosek dofinansowanie seniorzy") == [f"document:{document.pk}"]
    hit = search_backend.search("dofinansowania").hits[0]
    assert hit.type == "document"
    assert hit.url == document.url


@pytest.mark.parametrize("fmt", ["docx", "txt"])
def test_text_inside_docx_and_txt_is_found(search_backend, run_on_commit, fmt):
    with run_on_commit():
        document = DocumentFactory(
            title=f"Załącznik {fmt}", fmt=fmt, paragraphs=["Harmonogram odbioru odpadów."]
        )
    assert found(search_backend, "odpady harmonogramu") == [f"document:{document.pk}"]


def test_extracted_text_is_cached_by_file_hash(search_backend, run_on_commit, monkeypatch):
    with run_on_commit():
        document = DocumentFactory(title="Plan", fmt="txt", paragraphs=["Ścieżki rowerowe."])
    cached = DocumentText.objects.get(document_id=document.pk)
    assert cached.file_hash == document.file_hash
    calls = []
    monkeypatch.setattr(
        "search.extraction.extract_text", lambda *a, **k: calls.append(a) or "nowy tekst"
    )
    services.index_instance(document)
    assert calls == []  # same file: no parsing
    assert found(search_backend, "rowerowe") == [f"document:{document.pk}"]


def test_document_in_a_restricted_collection_is_not_indexed(search_backend, run_on_commit):
    root = Collection.get_first_root_node()
    closed = root.add_child(name="Wewnętrzne")
    CollectionViewRestriction.objects.create(
        collection=closed, restriction_type=CollectionViewRestriction.LOGIN
    )
    with run_on_commit():
        document = DocumentFactory(title="Notatka służbowa", fmt="txt")
        document.collection = closed
        document.save()
    assert found(search_backend, "notatka") == []


def test_corrupt_document_file_is_indexed_by_title_only(search_backend, run_on_commit):
    with run_on_commit():
        document = DocumentFactory(title="Uszkodzony skan", fmt="pdf")
    with open(document.file.path, "wb") as handle:
        handle.write(b"%PDF-1.4 garbage")
    document.file_hash = "changed"
    services.index_instance(document)
    assert found(search_backend, "skan") == [f"document:{document.pk}"]
    assert DocumentText.objects.get(document_id=document.pk).error


# --- the adapter API other apps use -------------------------------------------------------


class OrganisationAdapter(SearchAdapter):
    """Stands in for a consultations adapter: hidden = not indexable."""

    key_prefix = "testorg"

    def is_indexable(self, organisation):
        return not organisation.name.startswith("[ukryta]")

    def to_document(self, organisation):
        return SearchDocument(
            key=self.key(organisation),
            type="organisation",
            type_label="Organisation",
            title=organisation.name,
            url=f"/org/{organisation.pk}/",
        )


@pytest.fixture
def organisation_adapter():
    registry.register(Organisation, OrganisationAdapter)
    yield registry.adapter_for(Organisation)
    registry.unregister(Organisation)


def test_registered_model_follows_saves_and_deletes(
    search_backend, run_on_commit, organisation_adapter, organisation
):
    with run_on_commit():
        organisation.name = "Fundacja Ptasie Radio"
        organisation.save()
    assert found(search_backend, "ptasie radio") == [f"testorg:{organisation.pk}"]
    with run_on_commit():
        organisation.name = "[ukryta] Fundacja Ptasie Radio"
        organisation.save()
    assert found(search_backend, "ptasie radio") == []


def test_request_reindex_signal_schedules_an_update(
    search_backend, run_on_commit, organisation_adapter, organisation
):
    from search.signals import request_reindex

    Organisation.objects.filter(pk=organisation.pk).update(name="Klub Żeglarski Fala")
    with run_on_commit():
        request_reindex.send(sender=Organisation, instance=organisation)
    assert found(search_backend, "żeglarski") == [f"testorg:{organisation.pk}"]


def test_nothing_is_indexed_when_the_transaction_rolls_back(search_backend, db):
    # Without the on-commit capture the callbacks never run, like a rollback.
    NewsPageFactory(title="Wycofana publikacja")
    assert found(search_backend, "wycofana") == []


def test_rebuild_indexes_everything_public_and_reports_progress(search_backend, run_on_commit):
    NewsPageFactory(title="Dzień sąsiada")
    NewsPageFactory(title="Szkic", publish=False)
    DocumentFactory(title="Statut osiedla", fmt="txt")
    search_backend.index(
        [SearchDocument(key="page:999999", type="x", type_label="x", title="Stary wpis", url="/")]
    )
    calls = []
    report = services.rebuild(progress=lambda done, total, label: calls.append((done, total)))
    assert found(search_backend, "stary wpis") == []
    assert found(search_backend, "dzień sąsiada")
    assert found(search_backend, "szkic") == []
    assert found(search_backend, "statut")
    assert report.indexed == search_backend.count()
    assert calls and calls[-1][0] == report.indexed
    assert all(total >= done for done, total in calls)


def test_registry_rejects_an_adapter_without_prefix():
    with pytest.raises(ValueError, match="key_prefix"):
        registry.register(Organisation, SearchAdapter())


def run_queued_tasks():
    """What `manage.py db_worker` does with each queued task (its BEGIN EXCLUSIVE cannot run
    inside a test's transaction on SQLite)."""
    from django.utils.module_loading import import_string
    from django_tasks_db.models import DBTaskResult

    done = 0
    for result in DBTaskResult.objects.ready().order_by("enqueued_at"):
        import_string(result.task_path).call(
            *result.args_kwargs["args"], **result.args_kwargs["kwargs"]
        )
        result.delete()
        done += 1
    return done


def test_publishing_queues_a_background_task_that_a_worker_runs(
    search_backend, settings, django_capture_on_commit_callbacks
):
    """With the production task backend, publishing only queues; the worker indexes."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        page = NewsPageFactory(title="Jarmark bożonarodzeniowy")
    queued = DBTaskResult.objects.filter(task_path="search.tasks.apply_index_changes")
    assert queued.count() == 1
    assert found(search_backend, "jarmark") == []
    assert run_queued_tasks()
    assert found(search_backend, "jarmark") == [f"page:{page.pk}"]
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert found(search_backend, "jarmark") == [f"page:{page.pk}"]
    assert run_queued_tasks()
    assert found(search_backend, "jarmark") == []
