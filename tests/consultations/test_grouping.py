"""Grouping near-identical comments (campaign letters): the pure core and persistence."""

import pytest

from consultations.factories import CommentFactory
from consultations.models import CommentGroup, CommentResponse, ResponseStatus
from consultations.reports.grouping import (
    Item,
    find_groups,
    group_similar_comments,
    jaccard,
    normalise,
    shingles,
)

from .report_fixtures import *  # noqa: F403 - fixtures

LETTER = (
    "Jako mieszkaniec osiedla Leśnego sprzeciwiam się wycince drzew przy ulicy Kasztanowej. "
    "Proszę o zachowanie zieleni i przeznaczenie środków na nowe nasadzenia wzdłuż ścieżki "
    "rowerowej oraz o konsultacje z radą osiedla przed każdą decyzją o wycince."
)


def test_normalise_strips_case_diacritics_and_punctuation():
    assert normalise("Żółć, GĘŚLĄ jaźń! Łódź—test") == "zolc gesla jazn lodz test"
    assert normalise("  a\n\tb  ") == "a b"


def test_jaccard_of_word_shingles():
    a = shingles(normalise("ala ma kota"))
    assert a == frozenset({"ala ma", "ma kota"})
    assert jaccard(a, a) == 1.0
    assert jaccard(a, shingles("ala ma psa")) == pytest.approx(1 / 3)


def test_identical_letters_group_despite_case_and_punctuation():
    items = [
        Item(1, LETTER),
        Item(2, LETTER.upper()),
        Item(3, LETTER.replace(",", "").replace(".", "!")),
        Item(4, "Zupełnie inna uwaga o komunikacji miejskiej i rozkładzie jazdy autobusów."),
    ]
    assert find_groups(items) == [[1, 2, 3]]


def test_near_identical_letters_with_signatures_group_together():
    items = [
        Item(i, f"{LETTER} Z poważaniem, {name}")
        for i, name in enumerate(["Jan Kowalczyk", "Anna Zielińska", "Piotr Wrona", "Ewa Sikorska"])
    ]
    items.append(Item(9, "Proponuję dodać ławki w parku miejskim przy fontannie."))
    assert find_groups(items) == [[0, 1, 2, 3]]


def test_texts_below_the_threshold_stay_apart():
    half = " ".join(LETTER.split()[:20])
    other = half + " ale jednocześnie popieram budowę parkingu zamiast zieleńca i placu zabaw"
    assert find_groups([Item(1, LETTER), Item(2, other)]) == []


def test_short_texts_group_only_within_the_same_clause():
    items = [
        Item(1, "Proszę skreślić ten przepis.", scope="par-1"),
        Item(2, "proszę skreślić ten przepis", scope="par-1"),
        Item(3, "Proszę skreślić ten przepis!", scope="par-2"),
    ]
    assert find_groups(items) == [[1, 2]]


def test_long_letters_group_across_clauses():
    items = [Item(1, LETTER, scope="par-1"), Item(2, LETTER, scope="par-7")]
    assert find_groups(items) == [[1, 2]]


def test_empty_texts_never_group():
    assert find_groups([Item(1, ""), Item(2, "  ...  ")]) == []


def test_grouping_is_deterministic_and_keeps_input_order():
    items = [Item(i, LETTER + (" dopisek" if i % 2 else "")) for i in range(10)]
    first = find_groups(items)
    assert first == find_groups(items)
    assert first == [list(range(10))]


def test_campaign_of_many_letters_is_one_group():
    items = [Item(i, f"{LETTER} Podpisano: mieszkaniec nr {i}") for i in range(2000)]
    items += [Item(10_000 + i, f"Uwaga indywidualna numer {i} o ulicy {i}") for i in range(200)]
    groups = find_groups(items)
    assert len(groups) == 1
    assert len(groups[0]) == 2000


def test_group_similar_comments_persists_groups_and_keeps_responses(
    consultation, clauses, comments, official
):
    letters = [CommentFactory(clause=clauses[i % 3], comment=LETTER) for i in range(4)]
    CommentResponse.objects.create(
        comment=letters[0], status=ResponseStatus.ACCEPTED, responded_by=official
    )
    assert group_similar_comments(consultation=consultation) == 1
    group = CommentGroup.objects.get(consultation=consultation)
    assert set(group.comments.values_list("pk", flat=True)) == {c.pk for c in letters}
    assert group.label.startswith("Jako mieszkaniec")
    # Regrouping replaces the groups and leaves the responses alone.
    assert group_similar_comments(consultation=consultation) == 1
    assert CommentGroup.objects.filter(consultation=consultation).count() == 1
    assert CommentResponse.objects.filter(comment=letters[0]).exists()
    assert comments["resident"].__class__.objects.get(pk=comments["resident"].pk).group_id is None
