"""Group identical and near-identical comments (campaign letters) by text similarity.

The pure core, `find_groups(items)`, knows nothing about Django:

1. normalise each text: lowercase, strip diacritics (ł → l too) and punctuation, collapse
   whitespace; identical normalised texts fall together at once (a dictionary);
2. turn each distinct text into a set of word shingles (bigrams; a text shorter than two
   words is its single word);
3. leader clustering with an exact Jaccard check, made fast by prefix filtering:
   shingles are ordered rarest first; two sets with Jaccard >= t must share one of the
   first `|x| - ceil(t*|x|) + 1` shingles of each, so only leaders that share a prefix
   shingle (and pass the size filter t*|y| <= |x| <= |y|/t) are compared. A text that
   matches a leader joins its group and is not indexed itself, so a campaign of 5,000
   near-identical letters costs 5,000 comparisons, not 12.5 million.

Short texts (fewer than `min_words_cross_scope` words, e.g. "Proszę skreślić ten
przepis.") only group within the same scope (clause): the same words on different
clauses mean different things.

`group_similar_comments(consultation=...)` persists the result as CommentGroup rows.
Groups only help officials answer together: responses stay per comment, so regrouping
is always safe.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

DEFAULT_THRESHOLD = 0.8
MIN_WORDS_CROSS_SCOPE = 12

_NON_WORD = re.compile(r"[\W_]+")
_COMBINING = re.compile(r"[\u0300-\u036f]+")


def normalise(text: str) -> str:
    """Lowercase, no diacritics, no punctuation, single spaces (C-speed string ops only)."""
    text = unicodedata.normalize("NFKD", (text or "").lower().replace("ł", "l"))
    return " ".join(_NON_WORD.sub(" ", _COMBINING.sub("", text)).split())


def shingles(normalised: str, k: int = 2) -> frozenset:
    words = normalised.split()
    if len(words) < k:
        return frozenset(words)
    return frozenset(" ".join(words[i : i + k]) for i in range(len(words) - k + 1))


def jaccard(a: frozenset, b: frozenset) -> float:
    if not a and not b:
        return 1.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


@dataclass(frozen=True)
class Item:
    key: Hashable
    text: str
    scope: Hashable = None


def find_groups(
    items: Iterable[Item],
    threshold: float = DEFAULT_THRESHOLD,
    min_words_cross_scope: int = MIN_WORDS_CROSS_SCOPE,
) -> list[list[Hashable]]:
    """Groups (lists of item keys, in input order) of two or more similar items.

    Deterministic for a given input order. Empty texts never group.
    """
    order: dict = {}
    distinct = _exact_duplicates(items, order, min_words_cross_scope)
    ordered = _ranked_shingles([norm for (_scope, norm), _keys in distinct])
    leader_of = _leaders(distinct, ordered, threshold)
    members: dict[int, list] = defaultdict(list)
    for i, (_key, keys) in enumerate(distinct):
        members[leader_of[i]].extend(keys)
    groups = [sorted(keys, key=order.__getitem__) for keys in members.values() if len(keys) > 1]
    groups.sort(key=lambda g: order[g[0]])
    return groups


def _exact_duplicates(items, order: dict, min_words_cross_scope: int) -> list:
    """[((scope, normalised text), [keys])]: texts equal once normalised fall together.
    Fills `order` with each key's input position."""
    exact: dict[tuple, list] = {}
    for item in items:
        order.setdefault(item.key, len(order))
        norm = normalise(item.text)
        if not norm:
            continue
        scope = item.scope if len(norm.split()) < min_words_cross_scope else None
        exact.setdefault((scope, norm), []).append(item.key)
    return list(exact.items())


def _ranked_shingles(texts: list[str]) -> list[list[int]]:
    """Each text's shingles as integers ranked rarest first (ties by text, for
    determinism), sorted: a set's prefix is then simply its smallest ranks."""
    raw = [shingles(norm) for norm in texts]
    frequency: dict[str, int] = defaultdict(int)
    for s in raw:
        for sh in s:
            frequency[sh] += 1
    rank = {sh: n for n, sh in enumerate(sorted(frequency, key=lambda sh: (frequency[sh], sh)))}
    return [sorted([rank[sh] for sh in s]) for s in raw]


def _leaders(distinct: list, ordered: list[list[int]], threshold: float) -> list[int]:
    """Leader clustering with prefix filtering: the leader each distinct text joins (its
    own index when it leads a group)."""
    sets = [frozenset(o) for o in ordered]
    index: dict[tuple, list[int]] = defaultdict(list)  # (scope, shingle) -> leader ids
    leader_of: list[int] = []
    for i, ((scope, _norm), _keys) in enumerate(distinct):
        size = len(ordered[i])
        prefix = ordered[i][: size - math.ceil(threshold * size) + 1]
        best = _best_leader(i, scope, prefix, sets, index, threshold)
        if best >= 0:
            leader_of.append(best)
            continue
        leader_of.append(i)
        for sh in prefix:
            index[(scope, sh)].append(i)
    return leader_of


def _best_leader(i, scope, prefix, sets, index, threshold: float) -> int:
    """The most similar leader sharing a prefix shingle (lowest index on ties), or -1."""
    size = len(sets[i])
    best, best_score = -1, -1.0
    seen: set[int] = set()
    for sh in prefix:
        for leader in index.get((scope, sh), ()):
            if leader in seen:
                continue
            seen.add(leader)
            other = len(sets[leader])
            if not (threshold * other <= size <= other / threshold):
                continue
            score = jaccard(sets[i], sets[leader])
            if score >= threshold and (
                score > best_score or (score == best_score and leader < best)
            ):
                best, best_score = leader, score
    return best


def group_similar_comments(*, consultation, threshold: float = DEFAULT_THRESHOLD) -> int:
    """Replace the consultation's comment groups with freshly computed ones.

    Returns the number of groups. Responses are per comment and are not touched.
    """
    from django.db import transaction

    from ..models import CommentGroup, ConsultationComment
    from ..models.comments import joined_text

    # What makes two comments the same letter: comment, proposed wording, justification.
    rows = list(
        ConsultationComment.objects.filter(consultation=consultation)
        .reportable()
        .order_by("submit_date", "pk")
        .values_list("pk", "comment", "proposed_wording", "justification", "clause_id")
    )
    texts = {pk: joined_text(*parts) for pk, *parts, _clause in rows}
    groups = find_groups(
        (Item(key=pk, text=texts[pk], scope=clause_id) for pk, *_parts, clause_id in rows),
        threshold=threshold,
    )
    with transaction.atomic():
        CommentGroup.objects.filter(consultation=consultation).delete()
        created = CommentGroup.objects.bulk_create(
            [
                CommentGroup(
                    consultation=consultation, label=" ".join(texts[keys[0]].split())[:120]
                )
                for keys in groups
            ]
        )
        changed = [
            ConsultationComment(pk=pk, group_id=group.pk)
            for group, keys in zip(created, groups, strict=True)
            for pk in keys
        ]
        ConsultationComment.objects.bulk_update(changed, ["group"], batch_size=500)
    return len(created)
