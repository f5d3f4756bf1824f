"""The Polish catalogue is complete, consistent and compiled.

The portal's source strings are English and LANGUAGE_CODE is "pl", so an entry
left empty or fuzzy in locale/pl/LC_MESSAGES/django.po shows English to users,
and a stale django.mo shows last week's wording. These tests read the .po with a
small parser of their own (no polib at test time) and the committed .mo with the
standard library's gettext.
"""

import ast
import gettext
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

LOCALE = Path(settings.BASE_DIR) / "locale"
PO_PATH = LOCALE / "pl" / "LC_MESSAGES" / "django.po"
MO_PATH = LOCALE / "pl" / "LC_MESSAGES" / "django.mo"
OVERRIDES_PATH = LOCALE / "overrides" / "pl.po"
PLURAL_FORMS = (
    "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
)
# The same directories the catalogue's makemessages run leaves out (see locale/README.md).
MAKEMESSAGES_IGNORE = [".venv", "var", "node_modules", "bench", "locale", "static", "media"]
PYTHON_FORMAT = re.compile(r"%(?:\([^)]*\))?[#0 +-]*\d*(?:\.\d+)?[diouxXeEfFgGcrs%]")


@dataclass
class Entry:
    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: str = ""
    msgstr_plural: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)

    @property
    def key(self):
        return (self.msgctxt, self.msgid, self.msgid_plural)

    @property
    def mo_key(self):
        return f"{self.msgctxt}\x04{self.msgid}" if self.msgctxt is not None else self.msgid

    @property
    def translations(self):
        return list(self.msgstr_plural.values()) if self.msgid_plural else [self.msgstr]


def parse_po(path):
    """Return the header entry and the live entries of a .po file written by gettext's tools.

    Entries are separated by blank lines; comments, locations, previous msgids (#|)
    and obsolete entries (#~) are skipped; flags (#,) are kept.
    """
    entries = []
    for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
        entry, target = Entry(), None
        for line in block.strip().splitlines():
            line = line.strip()
            if line.startswith("#,"):
                entry.flags.update(flag.strip() for flag in line[2:].split(","))
            elif line.startswith("#") or not line:
                continue
            elif line.startswith('"'):
                name, index = target
                if index is None:
                    setattr(entry, name, getattr(entry, name) + ast.literal_eval(line))
                else:
                    entry.msgstr_plural[index] += ast.literal_eval(line)
            else:
                keyword, _, value = line.partition(" ")
                plural = re.fullmatch(r"msgstr\[(\d+)\]", keyword)
                if plural:
                    target = ("msgstr_plural", int(plural.group(1)))
                    entry.msgstr_plural[target[1]] = ast.literal_eval(value)
                else:
                    target = (keyword, None)
                    setattr(entry, keyword, ast.literal_eval(value))
        if target is not None:
            entries.append(entry)
    header = [e for e in entries if e.msgid == "" and e.msgctxt is None]
    assert len(header) == 1, f"{path}: expected exactly one header entry"
    return header[0], [e for e in entries if e is not header[0]]


def header_fields(header):
    return dict(line.split(": ", 1) for line in header.msgstr.splitlines() if ": " in line)


@pytest.fixture(scope="module")
def catalogue():
    return parse_po(PO_PATH)


def describe(entries):
    return "\n".join(f"  {e.msgid[:90]!r}" for e in entries[:30])


def test_header_declares_polish_and_its_three_plural_forms(catalogue):
    header, _ = catalogue
    fields = header_fields(header)
    assert "fuzzy" not in header.flags  # a fuzzy header is dropped by msgfmt, plurals with it
    assert fields["Language"] == "pl"
    assert fields["Content-Type"] == "text/plain; charset=UTF-8"
    assert fields["Plural-Forms"] == PLURAL_FORMS


def test_every_entry_is_translated_and_none_is_fuzzy(catalogue):
    _, entries = catalogue
    assert entries, "the catalogue has no entries"
    fuzzy = [e for e in entries if "fuzzy" in e.flags]
    untranslated = [e for e in entries if not all(e.translations)]
    wrong_plurals = [e for e in entries if e.msgid_plural and sorted(e.msgstr_plural) != [0, 1, 2]]
    assert not fuzzy, f"{len(fuzzy)} fuzzy entries in {PO_PATH}:\n{describe(fuzzy)}"
    assert not untranslated, (
        f"{len(untranslated)} untranslated entries in {PO_PATH}:\n{describe(untranslated)}"
    )
    assert not wrong_plurals, (
        f"plural entries need msgstr[0], [1] and [2]:\n{describe(wrong_plurals)}"
    )


def placeholders(text):
    return sorted(m for m in PYTHON_FORMAT.findall(text) if m != "%%")


def test_translations_keep_placeholders_and_newlines(catalogue):
    _, entries = catalogue
    broken = []
    for e in entries:
        sources = [e.msgid] if not e.msgid_plural else [e.msgid_plural] * len(e.msgstr_plural)
        for source, translation in zip(sources, e.translations, strict=True):
            same_ends = source.endswith("\n") == translation.endswith("\n") and (
                source.startswith("\n") == translation.startswith("\n")
            )
            same_format = "python-format" not in e.flags or (
                placeholders(source) == placeholders(translation)
            )
            if not (same_ends and same_format):
                broken.append(e)
    assert not broken, f"placeholders or newlines differ from the source:\n{describe(broken)}"


def test_compiled_catalogue_matches_the_po_file(catalogue):
    header, entries = catalogue
    with MO_PATH.open("rb") as fp:
        compiled = gettext.GNUTranslations(fp)
    expected = {}
    for e in entries:
        if "fuzzy" in e.flags or not all(e.translations):
            continue  # msgfmt leaves these out; the test above reports them
        if e.msgid_plural:
            for index, text in e.msgstr_plural.items():
                expected[(e.mo_key, index)] = text
        else:
            expected[e.mo_key] = e.msgstr
    actual = {key: value for key, value in compiled._catalog.items() if key != ""}
    stale = sorted(str(k) for k in expected.keys() ^ actual.keys())
    changed = sorted(str(k) for k in expected.keys() & actual.keys() if expected[k] != actual[k])
    hint = "run `python manage.py compilemessages -l pl` and commit django.mo"
    assert not stale, f"django.mo and django.po hold different messages ({hint}): {stale[:10]}"
    assert not changed, f"django.mo is older than django.po ({hint}): {changed[:10]}"
    # Polish plural rule as compiled: 1 uwaga, 2/3/4/22 uwagi, 5/12/13/14/112 uwag.
    numbers = [0, 1, 2, 4, 5, 12, 14, 21, 22, 104, 112, 1000]
    assert [compiled.plural(n) for n in numbers] == [2, 0, 1, 1, 2, 2, 2, 2, 1, 1, 2, 2]


def test_overrides_of_package_strings_are_merged_into_the_catalogue(catalogue):
    _, entries = catalogue
    by_key = {e.key: e for e in entries}
    _, overrides = parse_po(OVERRIDES_PATH)
    assert overrides
    missing = [o for o in overrides if o.key not in by_key]
    assert not missing, (
        "locale/overrides/pl.po entries are missing from django.po; merge them with "
        f"msgcat as locale/README.md says:\n{describe(missing)}"
    )


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext is not installed")
def test_every_marked_source_string_is_in_the_catalogue(catalogue, settings, tmp_path, monkeypatch):
    """Extract the strings afresh and look each one up in the committed catalogue.

    makemessages writes next to the nearest locale/ directory, so it runs in a
    mirror of the project (symlinks, without locale/) and writes into tmp_path.
    """
    _, entries = catalogue
    po_before = PO_PATH.read_bytes()
    mirror = tmp_path / "project"
    mirror.mkdir()
    for item in Path(settings.BASE_DIR).iterdir():
        if item.name not in MAKEMESSAGES_IGNORE and not item.name.startswith("."):
            (mirror / item.name).symlink_to(item)
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    monkeypatch.chdir(mirror)
    call_command(
        "makemessages",
        locale=["pl"],
        ignore_patterns=MAKEMESSAGES_IGNORE,
        symlinks=True,
        verbosity=0,
    )
    assert PO_PATH.read_bytes() == po_before  # the committed catalogue was not touched
    _, fresh = parse_po(tmp_path / "locale" / "pl" / "LC_MESSAGES" / "django.po")
    assert len(fresh) > 100  # the extraction really ran over the project
    known = {e.key for e in entries}
    missing = [e for e in fresh if e.key not in known]
    assert not missing, (
        f"{len(missing)} source strings are not in {PO_PATH}; run makemessages and translate "
        f"them (see locale/README.md):\n" + describe(missing)
    )
