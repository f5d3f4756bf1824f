"""The accessibility statement's fixed headings and element ids (technical rules v2.0 of
31 July 2024 under the act of 4 April 2019 on digital accessibility).

Kept as data, in one place: the element ids come from two agreeing third-party
descriptions of the rules, not from the primary text, so they may need correcting.
The headings are the statutory Polish wording and are printed as they are.
"""

HEADINGS = {
    "title": "Deklaracja dostępności",
    "status": "Stan dostępności cyfrowej",
    "inaccessible": "Niedostępne treści",
    "preparation": "Przygotowanie deklaracji dostępności i jej aktualizacja",
    "contact": "Informacje zwrotne i dane kontaktowe",
    "procedure": "Obsługa wniosków i skarg związanych z dostępnością",
    "other": "Pozostałe informacje",
    "architecture": "Dostępność architektoniczna",
    "communication": "Dostępność komunikacyjno-informacyjna",
    "apps": "Aplikacje mobilne",
}

IDS = {
    "intro": "a11y-wstep",
    "entity": "a11y-podmiot",
    "scope": "a11y-zakres",
    "url": "a11y-url",
    "published": "a11y-data-publikacja",
    "updated": "a11y-data-aktualizacja",
    "status": "a11y-status",
    "contact": "a11y-kontakt",
    "email": "a11y-email",
    "phone": "a11y-telefon",
    "procedure": "a11y-procedura",
    "prepared": "a11y-data-sporzadzenie",
    "reviewed": "a11y-data-przeglad",
    "assessment": "a11y-ocena",
    "apps": "a11y-aplikacje",
    "architecture": "a11y-architektura",
    "architecture_url": "a11y-architektura-url",
    "communication": "a11y-komunikacja",
}

STATUS_SENTENCES = {
    "full": "Strona internetowa jest w pełni zgodna z ustawą o dostępności cyfrowej.",
    "partial": "Strona internetowa jest częściowo zgodna z ustawą o dostępności cyfrowej "
    "z powodu niezgodności lub wyłączeń wymienionych poniżej.",
    "none": "Strona internetowa jest niezgodna z ustawą o dostępności cyfrowej.",
}

DEFAULT_PROCEDURE = (
    "<p>Każdy ma prawo wystąpić z żądaniem zapewnienia dostępności cyfrowej strony "
    "internetowej lub jej elementu. Żądanie rozpatrujemy niezwłocznie, nie później niż "
    "w ciągu 7 dni; gdy to niemożliwe, informujemy o nowym terminie, nie dłuższym niż "
    "2 miesiące. Po odmowie można złożyć skargę, a następnie zawiadomić Rzecznika Praw "
    "Obywatelskich.</p>"
)
