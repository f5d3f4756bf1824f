"""Polish text normalisation shared by the search backends.

PostgreSQL stems with hunspell inside the database; SQLite has no Polish
stemmer, so the SQLite backend (and the highlighter of every backend) uses
these helpers: tokenise, drop stop words, lemmatise with Morfeusz 2 (SGJP dictionary) and strip
diacritics. `fold()` is also what the vocabulary of indexed word forms is keyed
by, so that a query typed without Polish letters ("uchwaly") can be mapped back
to the forms that really occur in the index ("uchwały").
"""

import itertools
import re
import threading
import unicodedata
from functools import lru_cache

WORD_RE = re.compile(r"\w+", re.UNICODE)
_GERUND_RE = re.compile(r"^(\w{3,}[aeę])(?:nie|nia|niu|niem|niach|niom|niami|ń)$")

# Function words that carry no meaning in a search for municipal documents.
# Short on purpose: dropping content words hurts more than keeping a few extra.
STOP_WORDS = frozenset(
    [
        "a",
        "aby",
        "albo",
        "ale",
        "ani",
        "aż",
        "bez",
        "bo",
        "by",
        "być",
        "był",
        "była",
        "było",
        "były",
        "będzie",
        "będą",
        "czy",
        "dla",
        "do",
        "gdy",
        "gdzie",
        "go",
        "i",
        "ich",
        "ile",
        "im",
        "innych",
        "iż",
        "ja",
        "je",
        "jak",
        "jaki",
        "jakie",
        "jako",
        "jej",
        "jest",
        "jeszcze",
        "jeśli",
        "już",
        "ku",
        "lub",
        "ma",
        "mają",
        "mi",
        "mnie",
        "może",
        "na",
        "nad",
        "nam",
        "nas",
        "nie",
        "niech",
        "nim",
        "nią",
        "o",
        "od",
        "oraz",
        "po",
        "pod",
        "przed",
        "przez",
        "przy",
        "się",
        "są",
        "sobie",
        "ta",
        "tak",
        "także",
        "tam",
        "te",
        "tego",
        "tej",
        "tel",
        "ten",
        "też",
        "to",
        "tu",
        "tym",
        "tych",
        "u",
        "w",
        "we",
        "więc",
        "wraz",
        "z",
        "za",
        "ze",
        "że",
        "żeby",
    ]
)

# Letters that NFKD does not decompose.
_EXTRA_FOLDS = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "đ": "d", "ß": "ss"})


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Lower-case and strip diacritics: "Uchwałę" -> "uchwale" (memoised: texts repeat words)."""
    word = word.lower().translate(_EXTRA_FOLDS)
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def has_diacritics(word: str) -> bool:
    return fold(word) != word.lower()


def words(text: str) -> list[str]:
    """Split text into words (letters and digits; underscores are separators)."""
    return [w for token in WORD_RE.findall(text) for w in token.split("_") if w]


def is_stop_word(word: str) -> bool:
    return word.lower() in STOP_WORDS


_analyser = None
_analyser_lock = threading.Lock()


def _analyse(word: str) -> list[tuple[str, str, list[str]]]:
    """Morfeusz 2's readings of one word as (lemma, tag, qualifiers).

    The SGJP dictionary ships inside the morfeusz2 wheel; it loads in about 0.15 s and
    takes about 50 MB, once per process. The lock keeps the one analyser to one thread
    at a time (the web process is single-threaded; it matters for the test workers).
    """
    global _analyser
    with _analyser_lock:
        if _analyser is None:
            import morfeusz2

            _analyser = morfeusz2.Morfeusz()
        readings = _analyser.analyse(word)
    return [(lemma_, tag, labels) for _start, _end, (_orth, lemma_, tag, _n, labels) in readings]


# Nouns first, so that verbal nouns ("dofinansowania") and nouns that share a form
# with a verb ("parka") are indexed as the noun residents search for; participles
# next, as their verb, so that "zespół oceniający" finds "ocenia zespół".
_PART_OF_SPEECH_ORDER = {"subst": 0, "depr": 0, "pact": 1, "ppas": 1, "adj": 2, "ger": 3}


def _best_lemma(readings) -> str | None:
    """The lemma of the most plausible reading; None for a word the dictionary lacks.

    Plausible: a noun, then a participle's verb, an adjective, a verbal noun, the rest;
    a current reading before an archaic one; then the lemma with more readings; then
    the dictionary's order.
    """
    keys: dict[str, tuple[int, int, int]] = {}
    for position, (lemma_, tag, labels) in enumerate(readings):
        part = tag.split(":", 1)[0]
        if part in ("ign", "dig", "interp"):
            continue
        # "zamek:Sm3~a" -> "zamek": the suffix only tells homonyms apart.
        name = lemma_.split(":", 1)[0].lower()
        rank = _PART_OF_SPEECH_ORDER.get(part, 4) + (5 if "przest." in labels else 0)
        best_rank, minus_count, first = keys.get(name, (rank, 0, position))
        keys[name] = (min(best_rank, rank), minus_count - 1, first)
    return min(keys, key=keys.__getitem__) if keys else None


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The dictionary form of a Polish word, lower-cased ("budżecie" -> "budżet").

    Words the dictionary does not know come back lower-cased as they are.
    """
    lowered = word.lower()
    if lowered.isdigit() or len(lowered) < 3:
        return lowered
    result = _best_lemma(_analyse(lowered)) or lowered
    # A verbal noun that exists only as a form of its verb ("uchwalenia" -> "uchwalić"):
    # bring every form back to the noun, so they match each other and the noun.
    if result.endswith("ć"):
        gerund = _GERUND_RE.match(lowered)
        if gerund:
            return gerund.group(1) + "nie"
    return result


def is_known(word: str) -> bool:
    """Whether the dictionary knows the word form (lower-case) as written."""
    return _best_lemma(_analyse(word)) is not None


_FINAL_VOWEL_RE = re.compile(r"(?<=\w{4})[aeiouy]$")


def stem(word: str) -> str:
    """Folded lemma without a final vowel: evens out the dictionary's choices between
    related lemmas ("seniora"/"senior", "odpady"/"odpad", "parka"/"park")."""
    return _FINAL_VOWEL_RE.sub("", fold(lemma(word)))


@lru_cache(maxsize=200_000)
def index_terms(word: str) -> tuple[str, str]:
    """(stem, folded surface form) of one word, as stored by the SQLite index."""
    return stem(word), fold(word)


def lemma_stream(text: str) -> str:
    """Text as a space-separated stream of stems (see `stem`), stop words removed."""
    return " ".join(index_terms(w)[0] for w in words(text) if not is_stop_word(w))


def surface_stream(text: str) -> str:
    """Text as a space-separated stream of folded surface forms, stop words removed."""
    return " ".join(index_terms(w)[1] for w in words(text) if not is_stop_word(w))


def diacritic_forms(text: str) -> set[tuple[str, str]]:
    """Distinct (folded, original lower-case) pairs of the words that carry Polish letters."""
    pairs = set()
    for w in set(words(text)):
        lowered = w.lower()
        folded = fold(lowered)
        if folded != lowered:
            pairs.add((folded, lowered))
    return pairs


# Letters a resident may have typed without their Polish diacritic.
_RESTORE = {"a": "aą", "c": "cć", "e": "eę", "l": "lł", "n": "nń", "o": "oó", "s": "sś", "z": "zżź"}
_MAX_RESTORE_CANDIDATES = 4096


@lru_cache(maxsize=20_000)
def restorations(word: str, limit: int = 3) -> tuple[str, ...]:
    """Dictionary words that differ from `word` only by Polish diacritics.

    "uchwaly" -> ("uchwały",), "zadan" -> ("zadań", "żądań"). Lets stemmers
    understand queries typed on a keyboard without Polish letters.
    """
    lowered = word.lower()
    if has_diacritics(lowered) or len(lowered) < 3 or lowered.isdigit():
        return ()
    options = [_RESTORE.get(ch, ch) for ch in lowered]
    found = []
    for combo in itertools.islice(itertools.product(*options), _MAX_RESTORE_CANDIDATES):
        candidate = "".join(combo)
        if candidate != lowered and is_known(candidate):
            found.append(candidate)
            if len(found) == limit:
                break
    return tuple(found)
