"""Writes for the desk's texts to customers: a lead's own words per language, or the built-in."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _

from frontdesk.accounts.models import User
from frontdesk.core.errors import Forbidden, Invalid
from frontdesk.tickets.choices import DeskTextKey
from frontdesk.tickets.constants import DESK_TEXT_LENGTH_MAX, DESK_TEXT_PLACEHOLDERS
from frontdesk.tickets.models import DeskText
from frontdesk.tickets.selectors import DESK_TEXT_PLACEHOLDER


def desk_text_problems(*, key: str, language: str, text: str) -> dict[str, str]:
    """What is wrong with a desk text, by field: an unknown text or language, a placeholder this
    text cannot fill, or too many words."""
    problems: dict[str, str] = {}
    if key not in DeskTextKey.values:
        problems["key"] = _("There is no desk text “%(key)s”.") % {"key": key}
    if language not in dict(settings.LANGUAGES):
        problems["language"] = _("The desk does not speak “%(language)s”.") % {"language": language}
    known = DESK_TEXT_PLACEHOLDERS.get(key, ())
    unknown = [name for name in DESK_TEXT_PLACEHOLDER.findall(text) if name not in known]
    if unknown and known:
        problems["text"] = _("Unknown placeholder {%(name)s}; use one of: %(known)s.") % {
            "name": unknown[0],
            "known": ", ".join("{" + name + "}" for name in known),
        }
    elif unknown:
        problems["text"] = _("Unknown placeholder {%(name)s}; this text takes none.") % {
            "name": unknown[0]
        }
    if len(text) > DESK_TEXT_LENGTH_MAX:
        problems["text"] = _("At most %(most)d characters.") % {"most": DESK_TEXT_LENGTH_MAX}
    return problems


def desk_text_save(*, actor: User, key: str, language: str, text: str) -> DeskText | None:
    """Keep a lead's words for a desk text in a language; empty words bring the built-in back."""
    if not actor.is_lead:
        raise Forbidden(_("Only a lead or an admin may change the desk's texts."))
    text = text.strip()
    problems = desk_text_problems(key=key, language=language, text=text)
    if problems:
        field, message = next(iter(problems.items()))
        raise Invalid(f"{field}: {message}")
    row = DeskText.objects.filter(key=key, language=language).first()
    if not text:
        if row is not None:
            row.delete()
        return None
    if row is None:
        return DeskText.objects.create(key=key, language=language, text=text)
    if row.text != text:
        row.text = text
        row.save(update_fields=["text"])
    return row
