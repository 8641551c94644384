"""What apps above the audit trail tell it, from their `AppConfig.ready()`: where an object of
theirs lives (so a line links to it while it exists) and how their codes read (a status)."""

from __future__ import annotations

from collections.abc import Callable, Collection

# object type → (ids → {id: url} for those that still exist), one query per page and type
_LINKS: dict[str, Callable[[Collection[str]], dict[str, str]]] = {}
# (action, detail key) → (code → words people read)
_WORDS: dict[str, Callable[[object], str]] = {}


def object_links_register(
    object_type: str, links: Callable[[Collection[str]], dict[str, str]]
) -> None:
    """Let the trail link to objects of `object_type` that still exist."""
    _LINKS[object_type] = links


def object_links(object_type: str, ids: Collection[str]) -> dict[str, str]:
    """The pages of those of `ids` that still exist ({} for a type nobody registered)."""
    links = _LINKS.get(object_type)
    return links(ids) if links is not None and ids else {}


def value_words_register(action: str, words: Callable[[object], str]) -> None:
    """Let the trail show `action`'s before and after values as words (a status's name)."""
    _WORDS[action] = words


def value_words(action: str, value: object) -> str:
    """A value of `action`'s detail as people read it."""
    if value is None or value in ("", []):
        return "—"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    words = _WORDS.get(action)
    return words(value) if words is not None else str(value)
