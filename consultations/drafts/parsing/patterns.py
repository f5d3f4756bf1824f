"""The line patterns of Polish drafting and the rules of sibling numbering."""

from __future__ import annotations

import re

from .units import Level

_NUM = r"\d{1,4}[a-z]{0,3}"
_PARAGRAF = re.compile(rf"^§\s*({_NUM})(?:\.\s*|\s*$|\s+(?=[A-ZĄĆĘŁŃÓŚŹŻ„\"]|\d{{1,3}}\.\s))(.*)$")
_ARTYKUL = re.compile(rf"^(?:Art\.|ART\.|Artykuł|ARTYKUŁ)\s*({_NUM})(?:\.\s*|\s*$)(.*)$")
# Chapters numbered in words ("Rozdział pierwszy") get the number as their label.
_ORDINAL_WORDS = (
    "pierwszy",
    "drugi",
    "trzeci",
    "czwarty",
    "piąty",
    "szósty",
    "siódmy",
    "ósmy",
    "dziewiąty",
    "dziesiąty",
    "jedenasty",
    "dwunasty",
    "trzynasty",
    "czternasty",
    "piętnasty",
    "szesnasty",
    "siedemnasty",
    "osiemnasty",
    "dziewiętnasty",
    "dwudziesty",
)
ORDINAL_NUMBERS = {word: str(n) for n, word in enumerate(_ORDINAL_WORDS, start=1)}
_ROZDZIAL = re.compile(
    r"^(?:Rozdział|ROZDZIAŁ|Rozdz\.)\s*([IVXLCDM]+|\d{1,3}[a-z]?|(?i:"
    + "|".join(ORDINAL_NUMBERS)
    + r"))(?!\w)\.?\s*(?:[-–—:.]\s*)?(.*)$"
)
_ZALACZNIK = re.compile(
    r"^(?:Załącznik|ZAŁĄCZNIK)(?:\s+(?:nr|Nr|NR)\.?\s*(\d{1,3}[a-z]?|[IVXLC]+)(?!\w))?\s*(.*)$"
)
_ANNEX_REST = re.compile(
    r"^(?:[.:–—-]\s*)?(?:do\s+(?:projektu\s+)?"
    r"(?:uchwał|zarządzeni|ustaw|rozporządzeni|regulamin|program|statut|obwieszczeni)\w*"
    r"(?:\s+(?:nr|rady|wójta|burmistrza|prezydenta|zarządu|starosty|sejmiku|z\s+dnia)\b.*"
    r"|\s*[.,:]?\s*)"
    r")?$",
    re.IGNORECASE,
)
_JUSTIFICATION = re.compile(r"^(?:UZASADNIENIE|Uzasadnienie)(?:\s+do\s.*)?\s*:?$")
_USTEP = re.compile(rf"^({_NUM})\.(.*)$")
_PUNKT = re.compile(rf"^({_NUM})\)(.*)$")
_LITERA = re.compile(r"^([a-z]{1,3})\)(.*)$")
_TIRET = re.compile(r"^(?:([–—-])\s+|([•·▪◦])\s*)(.*)$")
_SEPARATOR = re.compile(r"^[_\-–—=*]{5,}$")
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT_FOOTNOTE = re.compile(rf"^([{_SUPERSCRIPTS}]+)\)?\s*(.+)$")
_NUMBERED_FOOTNOTE = re.compile(r"^(\d{1,2})\)\s*(.+)$")
# A footnote reference glued to a word ("ustawy1)") or written as a superscript ("ustawy¹").
_FOOTNOTE_REF = re.compile(rf"(?:(?<=[^\W\d_])|(?<=[.)]))(\d{{1,2}})\)|([{_SUPERSCRIPTS}]+)")
_PREAMBLE_START = re.compile(
    r"^(?:Na podstawie|Działając na podstawie|Działając na mocy|Mając na (?:uwadze|celu)"
    r"|Uznając|W celu|W związku z|Zważywszy|Rada |Wójt |Burmistrz |Prezydent |Zarząd |Sejm )"
)
_DRAFT_MARK = re.compile(r"^(?:PROJEKT|Projekt)$")
_ACT_NAME = re.compile(
    r"^(?:UCHWAŁA|UCHWAŁY|Uchwała|ZARZĄDZENIE|Zarządzenie|USTAWA|Ustawa|ROZPORZĄDZENIE|Rozporządzenie"
    r"|OBWIESZCZENIE|Obwieszczenie|POSTANOWIENIE|Postanowienie|STATUT|REGULAMIN)\b"
)
_OFFICE = re.compile(
    r"^(?:(?:Wice)?(?:przewodnicząc[ya]|PRZEWODNICZĄC[YA])|Wójt|WÓJT|Burmistrz|BURMISTRZ"
    r"|Prezydent|PREZYDENT|Starosta|STAROSTA|Zastępca|ZASTĘPCA)\b",
    re.IGNORECASE,
)
_SIGNED = re.compile(r"^(?:\(\s*[-–—]\s*\)|/\s*[-–—]\s*/|\(podpis)")

# A label right after one of these words is a cross-reference broken by a line wrap
# ("o którym mowa w\n§ 3."), not a new unit.
_DANGLING = frozenset(
    "w we z ze do na o od przez według wg dla po przy pod nad za u mowa "  # noqa: SIM905
    "ust. pkt art. Art. lit. § poz. nr Nr str. tiret".split()
)
_CONJUNCTIONS = frozenset({"i", "oraz", "lub", "albo", "a"})
_UPPER_START = re.compile(r"^[A-ZĄĆĘŁŃÓŚŹŻ]")

_QUOTE_CHARS = '„"“«'


def _parse_number(number: str) -> tuple[int, str]:
    match = re.match(r"(\d+)([a-z]*)$", number)
    return (int(match[1]), match[2]) if match else (0, number)


def _is_first(level: Level, number: str) -> bool:
    return number == ("a" if level is Level.LITERA else "1")


def _follows(level: Level, previous: str, number: str, *, gap_ok: bool) -> bool:
    """Whether ``number`` may come right after the sibling ``previous``."""
    if level is Level.LITERA:
        stem, last = previous[:-1], previous[-1]
        return number in {
            stem + chr(ord(last) + 1),  # b after a, ab after aa
            previous + "a",  # aa inserted after a
            chr(ord(previous[0]) + 1),  # b after aa
        }
    prev_n, prev_s = _parse_number(previous)
    n, s = _parse_number(number)
    if n == prev_n:
        return s > prev_s  # inserted unit: 1a after 1, 1b after 1a
    if s:
        return False
    # A skipped number is a drafting slip worth tolerating only at a sentence boundary.
    return n == prev_n + 1 or (gap_ok and prev_n + 1 < n <= prev_n + 3)


_SUPERSCRIPT_DIGITS = str.maketrans(_SUPERSCRIPTS, "0123456789")
