"""Every string the code and templates mark for translation is in the catalogs (run
`make messages` after adding one), found the way makemessages finds them."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import polib
import pytest
from django.utils.translation.template import templatize

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "frontdesk"
LANGUAGES = ["et", "he", "hu", "bs"]
GETTEXT = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy"}
# templatize() turns template tags into gettext(u'...') and ngettext(u'...', u'...', n) calls,
# quoting with u"..." a text that holds an apostrophe ("the others' messages").
LITERAL = r"u'(?:[^'\\]|\\.)*'" + "|" + r'u"(?:[^"\\]|\\.)*"'
TEMPLATE_CALL = re.compile(rf"n?gettext\(({LITERAL})(?:,\s*({LITERAL}))?")


def _skipped(path: Path) -> bool:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] == "demo" or "migrations" in parts


def marked_strings() -> set[str]:
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        if _skipped(path):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or getattr(node.func, "id", None) not in GETTEXT:
                continue
            found.update(
                arg.value
                for arg in node.args[:2]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            )
    for path in PACKAGE.rglob("templates/**/*.html"):
        if _skipped(path):
            continue
        for match in TEMPLATE_CALL.finditer(templatize(path.read_text(encoding="utf-8"))):
            found.update(ast.literal_eval(text) for text in match.groups() if text)
    return found


@pytest.fixture(scope="module")
def marked() -> set[str]:
    strings = marked_strings()
    assert len(strings) > 100  # the scan itself works
    return strings


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_marked_string_is_in_the_catalog(marked: set[str], language: str) -> None:
    catalog = polib.pofile(str(PACKAGE / "locale" / language / "LC_MESSAGES" / "django.po"))
    known = {entry.msgid for entry in catalog if not entry.obsolete}
    known |= {entry.msgid_plural for entry in catalog if entry.msgid_plural}
    assert sorted(marked - known) == []
