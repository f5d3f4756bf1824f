"""Parse the websearch syntax residents type into a small, safe query tree.

Supported (like PostgreSQL's `websearch_to_tsquery` and most web search boxes):
plain words (all must match), "quoted phrases", -exclusion (of a word or a
"phrase") and OR between two words or phrases. Everything else — operators of
tsquery or FTS5, brackets, stars, backslashes, emoji — is treated as a word
separator, so no user syntax ever reaches a backend's query language.

Every backend translates a `ParsedQuery` into its own query language; none of
them sees the raw string.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from . import polish

MAX_QUERY_LENGTH = 200
MAX_CLAUSES = 12
MAX_PHRASE_WORDS = 8

_TOKEN_RE = re.compile(r'(-?)"([^"]*)"?|(\S+)')


class QueryError(ValueError):
    """The query cannot be searched; `str(error)` is a message for the resident."""


@dataclass(frozen=True)
class Clause:
    """One word (len(words) == 1) or a phrase (several words in order)."""

    words: tuple[str, ...]

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass
class ParsedQuery:
    """A conjunction of groups; each group is a disjunction of clauses.

    `required = [[a], [b, c]]` means a AND (b OR c); `excluded` clauses must not match.
    """

    raw: str
    required: list[list[Clause]] = field(default_factory=list)
    excluded: list[Clause] = field(default_factory=list)

    @property
    def positive_clauses(self) -> list[Clause]:
        return [clause for group in self.required for clause in group]

    @property
    def positive_words(self) -> list[str]:
        return [w for clause in self.positive_clauses for w in clause.words]


def clean(raw: str) -> str:
    """Normalise Unicode and drop control characters (NUL breaks PostgreSQL)."""
    raw = unicodedata.normalize("NFC", raw or "")
    return "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in raw).strip()


def parse(raw: str) -> ParsedQuery:
    """Parse a resident's query or raise QueryError with a helpful message."""
    text = clean(raw)
    if not text:
        raise QueryError(_("Type one or more words to search for."))
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError(
            _("The query is too long. Use at most %(limit)d characters.")
            % {"limit": MAX_QUERY_LENGTH}
        )
    query = ParsedQuery(raw=text)
    pending_or = False
    for match in _TOKEN_RE.finditer(text):
        negated, phrase, bare = match.group(1), match.group(2), match.group(3)
        if bare is not None:
            if bare.upper() == "OR":
                pending_or = bool(query.required)
                continue
            negated = "-" if bare.startswith("-") else ""
            found = polish.words(bare)
        else:
            found = polish.words(phrase)
        if not found:
            continue
        if bare is not None and len(found) > 1:
            # "a-b" or "a:b": separate words, each required (or each excluded).
            clauses = [Clause((w,)) for w in found]
        else:
            clauses = [Clause(tuple(found[:MAX_PHRASE_WORDS]))]
        for clause in clauses:
            if negated:
                query.excluded.append(clause)
                pending_or = False
            elif pending_or:
                query.required[-1].append(clause)
                pending_or = False
            else:
                query.required.append([clause])
    _drop_stop_words(query)
    if not query.required:
        if query.excluded:
            raise QueryError(_("Add at least one word to look for, not only words to exclude."))
        raise QueryError(_("Type one or more words to search for (letters or digits)."))
    if len(query.required) + len(query.excluded) > MAX_CLAUSES:
        raise QueryError(
            _("The query has too many words. Use at most %(limit)d.") % {"limit": MAX_CLAUSES}
        )
    return query


def _drop_stop_words(query: ParsedQuery) -> None:
    """Single stop words are not required to match — unless the query is nothing else."""

    def meaningful(clause: Clause) -> bool:
        return clause.is_phrase or not polish.is_stop_word(clause.words[0])

    kept = [[c for c in group if meaningful(c)] for group in query.required]
    kept = [group for group in kept if group]
    if kept:
        query.required = kept
    query.excluded = [c for c in query.excluded if meaningful(c)]
