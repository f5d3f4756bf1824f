"""Polish text normalisation shared by the search backends.

PostgreSQL stems with hunspell inside the database; SQLite has no Polish
stemmer, so the SQLite backend (and the highlighter of every backend) uses
these helpers: tokenise, drop stop words, lemmatise with simplemma and strip
diacritics. `fold()` is also what the vocabulary of indexed word forms is keyed
by, so that a query typed without Polish letters ("uchwaly") can be mapped back
to the forms that really occur in the index ("uchwały").
"""

import itertools
import re
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


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The dictionary form of a Polish word, lower-cased ("budżecie" -> "budżet").

    simplemma loads its Polish dictionary (about 3 s) on the first call; later
    calls are cached here.
    """
    import simplemma

    lowered = word.lower()
    if lowered.isdigit() or len(lowered) < 3:
        return lowered
    try:
        result = (simplemma.lemmatize(lowered, lang="pl") or lowered).lower()
    except (ValueError, LookupError):
        return lowered
    # simplemma sends some forms of verbal nouns to the verb and others to the
    # noun ("dofinansowanie" -> "dofinansować", "dofinansowania" -> "dofinansowanie"):
    # bring them all to the noun so they match each other.
    if result.endswith("ć"):
        gerund = _GERUND_RE.match(lowered)
        if gerund:
            return gerund.group(1) + "nie"
    return result


_FINAL_VOWEL_RE = re.compile(r"(?<=\w{4})[aeiouy]$")


def stem(word: str) -> str:
    """Folded lemma without a final vowel: evens out simplemma's choices between
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
    import simplemma

    lowered = word.lower()
    if has_diacritics(lowered) or len(lowered) < 3 or lowered.isdigit():
        return ()
    options = [_RESTORE.get(ch, ch) for ch in lowered]
    found = []
    for combo in itertools.islice(itertools.product(*options), _MAX_RESTORE_CANDIDATES):
        candidate = "".join(combo)
        if candidate != lowered and simplemma.is_known(candidate, lang="pl"):
            found.append(candidate)
            if len(found) == limit:
                break
    return tuple(found)


def warm_up_in_background() -> None:
    """Load the lemmatiser's dictionary in a daemon thread at server start.

    Its first call costs seconds of CPU; without this, the first visitor who searches
    after a (re)start waits for it. Used by the SQLite backend only.
    """
    import threading

    threading.Thread(target=lemma, args=("uchwały",), name="simplemma-warm-up", daemon=True).start()
