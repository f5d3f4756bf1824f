"""Polish-aware search of organisation names in the directory.

Each organisation keeps `name_search`: its name's words folded (lower case, no
diacritics) and their stems (search.polish: Morfeusz lemma, folded, final vowel
dropped), space-separated and padded. A query word matches when its folded form
occurs in the text (so "zielon" and "ZIELONY" find "Zielony", "lodz" finds "Łódź")
or its stem starts a word there (so "fundacji" finds "Fundacja", "seniorów" finds
"Seniorzy"). Every word of the query must match. Plain `contains` lookups: the same
on SQLite and PostgreSQL, one query however long the list.
"""

from django.db.models import Q

from search import polish


def name_search_text(name: str) -> str:
    words = polish.words(name or "")
    folded = [polish.fold(w) for w in words]
    stems = [polish.stem(w) for w in words if not w.isdigit()]
    return " " + " ".join(dict.fromkeys([*folded, *stems])) + " "


def name_search_filter(query: str, field: str = "name_search") -> Q:
    condition = Q()
    for word in polish.words(query or "")[:8]:
        if polish.is_stop_word(word) and len(polish.words(query)) > 1:
            continue
        condition &= Q(**{f"{field}__contains": polish.fold(word)}) | Q(
            **{f"{field}__contains": " " + polish.stem(word)}
        )
    return condition
