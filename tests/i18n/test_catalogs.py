"""Every page and customer-facing message is translated into every home language."""

import re
from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parents[2] / "src" / "frontdesk" / "locale"
LANGUAGES = ["et", "he", "hu", "bs"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalog_is_complete(language: str) -> None:
    catalog = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    assert "fuzzy" not in catalog.metadata_as_entry().flags
    assert [e.msgid for e in catalog.untranslated_entries()] == []
    assert [e.msgid for e in catalog.fuzzy_entries()] == []
    assert len(catalog.translated_entries()) > 100


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_every_placeholder(language: str) -> None:
    catalog = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    entries = catalog.translated_entries()
    # A singular translation keeps exactly its placeholders; each plural form may leave out the
    # count, but adds none.
    broken = [
        (entry.msgid, entry.msgstr)
        for entry in entries
        if not entry.msgid_plural and placeholders(entry.msgstr) != placeholders(entry.msgid)
    ]
    broken += [
        (entry.msgid, text)
        for entry in entries
        if entry.msgid_plural
        for text in entry.msgstr_plural.values()
        if placeholders(text) - placeholders(entry.msgid) - placeholders(entry.msgid_plural)
    ]
    assert broken == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalog_matches_the_source(language: str) -> None:
    folder = LOCALE / language / "LC_MESSAGES"
    source = {
        e.msgid: e.msgstr for e in polib.pofile(str(folder / "django.po")).translated_entries()
    }
    compiled = {e.msgid: e.msgstr for e in polib.mofile(str(folder / "django.mo")) if e.msgid}
    assert {k: v for k, v in compiled.items() if k in source} == {
        k: v for k, v in source.items() if k in compiled
    }
    assert set(source) <= set(compiled), "run `make messages` to compile the catalogs"
