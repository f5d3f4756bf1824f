"""A new version of the act after the consultation, and the clause-by-clause changes page."""

import pytest
from django.urls import reverse

from consultations import services
from consultations.drafts.changes import compare_versions, word_diff
from consultations.factories import ClauseFactory, DraftActVersionFactory
from consultations.models import ResponseStatus

from .report_fixtures import *  # noqa: F403 - fixtures
from .report_fixtures import XSS, reportable


def test_word_diff_marks_inserted_and_deleted_words():
    segments = word_diff(
        "Program obejmuje zadania publiczne.", "Program obejmuje wszystkie zadania."
    )
    kinds = [(s.kind, s.text) for s in segments]
    assert kinds[0] == ("equal", "Program obejmuje ")
    assert any(k == "insert" and "wszystkie" in t for k, t in kinds)
    assert any(k == "delete" and "publiczne." in t for k, t in kinds)
    assert not any(k == "equal" and ("wszystkie" in t or "publiczne" in t) for k, t in kinds)
    old = "".join(s.text for s in segments if s.kind != "insert")
    new = "".join(s.text for s in segments if s.kind != "delete")
    assert old == "Program obejmuje zadania publiczne."
    assert new == "Program obejmuje wszystkie zadania."


def test_word_diff_of_equal_texts_is_one_equal_segment():
    assert [(s.kind, s.text) for s in word_diff("a b", "a b")] == [("equal", "a b")]


@pytest.fixture
def second_version(consultation, clauses):
    """§ 1 unchanged, § 2 changed, § 3 removed, § 4 added."""
    v2 = DraftActVersionFactory(
        consultation=consultation, number=2, change_note="Po konsultacjach."
    )
    ClauseFactory(version=v2, position=1, label="§ 1", anchor="par-1", text=clauses[0].text)
    ClauseFactory(
        version=v2,
        position=2,
        label="§ 2",
        anchor="par-2",
        text="Program obejmuje zadania publiczne i świetlice środowiskowe.",
    )
    ClauseFactory(version=v2, position=3, label="§ 4", anchor="par-4", text=f"Nowy przepis {XSS}")
    return v2


def test_compare_versions_finds_changed_added_and_removed_clauses(
    version, second_version, comments, django_assert_num_queries
):
    with django_assert_num_queries(3):
        diff = compare_versions(version, second_version, with_comments=True)
    kinds = [(c.kind, c.anchor) for c in diff["changes"]]
    assert kinds == [("changed", "par-2"), ("removed", "par-3"), ("added", "par-4")]
    assert (diff["changed"], diff["added"], diff["removed"], diff["unchanged"]) == (1, 1, 1, 1)
    changed = diff["changes"][0]
    assert {c.pk for c in changed.comments} == {comments["ngo"].pk, comments["xss"].pk}
    removed = diff["changes"][1]
    assert {c.pk for c in removed.comments} == {comments["paper"].pk, comments["hidden"].pk}


def test_changes_page_shows_accessible_diff_linked_to_the_report(
    client, consultation, second_version, comments, official
):
    for c in reportable(comments):
        services.respond(comment=c, status=ResponseStatus.PARTLY, text="Częściowo.", by=official)
    services.publish_report(consultation=consultation, by=official)
    response = client.get(
        reverse("consultations:version_diff", kwargs={"page_id": consultation.pk})
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert '<ins><span class="visually-hidden">' in html
    assert "i świetlice środowiskowe." in html
    assert 'data-kind="removed"' in html and 'data-kind="added"' in html
    report_url = reverse("consultations:report", kwargs={"page_id": consultation.pk})
    assert f"{report_url}#uwaga-{comments['ngo'].pk}" in html
    assert "<script>alert" not in html
    assert html.count("<h1") == 1
    # The hidden comment is linked, without its text.
    assert "Obraźliwa uwaga" not in html


def test_changes_page_needs_two_published_versions(client, consultation, version):
    url = reverse("consultations:version_diff", kwargs={"page_id": consultation.pk})
    assert client.get(url).status_code == 404


def test_unpublished_version_is_not_compared(client, consultation, clauses, version):
    DraftActVersionFactory(consultation=consultation, number=2, is_published=False)
    url = reverse("consultations:version_diff", kwargs={"page_id": consultation.pk})
    assert client.get(url).status_code == 404


def test_consultation_page_links_to_changes_once_a_new_version_is_out(
    client, consultation, second_version
):
    services.touch(consultation)
    html = client.get(consultation.url).content.decode()
    assert 'id="version-diff-link"' in html


def test_official_publishes_new_version_after_closing_and_the_page_shows_it(
    client, consultation, clauses, version, official
):
    text = (
        "UCHWAŁA NR X/1/2026\nRADY MIASTA ZIELONOGRODU\nw sprawie programu współpracy\n\n"
        "§ 1. Przyjmuje się program współpracy.\n"
        "§ 2. Program obejmuje zadania publiczne oraz świetlice.\n"
        "§ 3. Wykonanie powierza się Prezydentowi.\n"
    )
    v2 = services.import_draft(consultation=consultation, text=text, by=official)
    services.publish_version(version=v2, by=official)
    diff = compare_versions(version, v2)
    assert [c.kind for c in diff["changes"]] == ["changed"]
    url = reverse("consultations:version_diff", kwargs={"page_id": consultation.pk})
    html = client.get(url).content.decode()
    assert "oraz świetlice." in html
