"""The tone check of a reply before it is sent, worded in the agent's language."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from frontdesk.core.errors import Invalid
from frontdesk.engine.tone import (
    BLAME,
    CASUAL,
    CONDESCENSION,
    DISMISSIVE,
    SARCASM,
    SHOUTING,
    THREAT,
    UPSET,
    check_reply,
    formal_reply_reason,
    has_phrases,
)
from frontdesk.tickets.constants import BODY_LENGTH


@dataclass(frozen=True)
class ReplyToneWarning:
    """One place in a reply that reads badly: the engine's code and span, why it reads so and a
    kinder way to say it, both in the agent's language."""

    code: str
    excerpt: str
    start: int
    end: int
    message: str
    alternative: str


class ToneHeld(Invalid):
    """A reply that reads badly was not sent; `warnings` says where and why."""

    def __init__(self, warnings: list[ReplyToneWarning]) -> None:
        self.warnings = warnings
        super().__init__(
            _(
                "The reply may read badly to the customer; nothing was sent. "
                "Revise it or send it anyway."
            )
        )


def _wording(code: str, formal_reason: str | None = None) -> tuple[str, str]:
    # Looked up at call time, so each request gets its agent's language.
    if code == CASUAL:
        return (
            _("Too casual for a customer who is upset.")
            if formal_reason == UPSET
            else _("Too casual for an urgent (level 1) matter."),
            _("Keep it warm and plain: “I understand. Here is what we are doing: …”."),
        )
    wording = {
        SHOUTING: (
            _("Capitals read as shouting."),
            _("Write it in ordinary letters; a short sentence of its own shows what matters."),
        ),
        BLAME: (
            _("This reads as blaming the customer."),
            _("Say what happened and what helps now: “Here is how to …”."),
        ),
        CONDESCENSION: (
            _("This reads as talking down to the customer."),
            _("Give the answer again plainly: “In short: …”."),
        ),
        DISMISSIVE: (
            _("This reads as brushing the customer off."),
            _("Say what can be done, and by whom: “We cannot change this, but you can …”."),
        ),
        SARCASM: (
            _("This reads as sarcastic."),
            _("Say what you mean plainly."),
        ),
        THREAT: (
            _("This reads as a threat."),
            _("State the rule calmly and what happens next."),
        ),
    }
    return wording[code]


def tone_language(language: str | None) -> str | None:
    """A language tag as the tone check reads it: its primary subtag ("en-GB" → "en"), or None."""
    if not language or not language.strip():
        return None
    return language.strip().replace("_", "-").split("-")[0].lower() or None


def reply_tone_check(
    *, text: str, language: str | None, level: int | None = None, tone: float | None = None
) -> list[ReplyToneWarning]:
    """Where a reply reads as shouting, blaming, condescending, dismissive, sarcastic or
    threatening, or too casual for the customer, in reading order; an empty list for a kind
    reply.

    `language` is the reply's (the ticket's): its phrases and English's are read. None, or a
    language without phrases of its own, reads every language's (a mixed reply). `level` and
    `tone` are the ticket's: a level 1 ticket or an angry tone makes casual words a warning.
    """
    if not text.strip():
        raise Invalid(_("Write the reply to check."))
    if len(text) > BODY_LENGTH:
        raise Invalid(
            _("The message is longer than %(count)d characters.") % {"count": BODY_LENGTH}
        )
    code = tone_language(language)
    reason = formal_reply_reason(level=level, tone=tone)
    found = check_reply(
        text, code if code and has_phrases(code) else None, formal=reason is not None
    )
    return [
        ReplyToneWarning(w.code, w.excerpt, w.start, w.end, *_wording(w.code, reason))
        for w in found
    ]


def reply_tone_hold(
    *, text: str, language: str | None, level: int | None = None, tone: float | None = None
) -> None:
    """Refuse a reply that reads badly, with its warnings (`ToneHeld`); a kind one passes."""
    warnings = reply_tone_check(text=text, language=language, level=level, tone=tone)
    if warnings:
        raise ToneHeld(warnings)
