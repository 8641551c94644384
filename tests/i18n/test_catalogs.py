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
    broken = []
    for entry in catalog.translated_entries():
        wanted = placeholders(entry.msgid) | placeholders(entry.msgid_plural or "")
        given = [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())
        broken += [(entry.msgid, text) for text in given if placeholders(text) - wanted]
        if not entry.msgid_plural and placeholders(entry.msgstr) != wanted:
            broken.append((entry.msgid, entry.msgstr))
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
