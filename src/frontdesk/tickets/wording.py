"""How triage reasons read in each page language, and the built-in words of the desk's texts."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from frontdesk.engine.tone import UPSET_TONE
from frontdesk.engine.triage import Reason
from frontdesk.sla.selectors import desk_time_zone
from frontdesk.tickets.adapters import reasons_from_rows
from frontdesk.tickets.choices import DeskTextKey

# Below this a customer's tone reads unhappy (and from UPSET_TONE down, angry).
UNHAPPY_TONE = -0.15

# The details the shipped lexicons use as labels, so they can be translated too.
DETAILS = {
    "charged twice": gettext_lazy("charged twice"),
    "payment failed": gettext_lazy("payment failed"),
    "refund": gettext_lazy("refund"),
    "invoice problem": gettext_lazy("invoice problem"),
    "wrong amount": gettext_lazy("wrong amount"),
    "renewal declined": gettext_lazy("renewal declined"),
    "one-fact question": gettext_lazy("one-fact question"),
    "account locked": gettext_lazy("account locked"),
    "cannot log in": gettext_lazy("cannot log in"),
    "cannot work": gettext_lazy("cannot work"),
    "nothing works": gettext_lazy("nothing works"),
    "data lost": gettext_lazy("data lost"),
    "opening hours": gettext_lazy("opening hours"),
    "invoice copy": gettext_lazy("invoice copy"),
    "change of address": gettext_lazy("change of address"),
    "VAT number": gettext_lazy("VAT number"),
    "password reset": gettext_lazy("password reset"),
    "contact details": gettext_lazy("contact details"),
    "invoice layout": gettext_lazy("invoice layout"),
    "charged several times": gettext_lazy("charged several times"),
    "disputed charge": gettext_lazy("disputed charge"),
    "a fee that should not apply": gettext_lazy("a fee that should not apply"),
    "no internet": gettext_lazy("no internet"),
    "no service": gettext_lazy("no service"),
    "paid, shown unpaid": gettext_lazy("paid, shown unpaid"),
    "money not received": gettext_lazy("money not received"),
    "paid, nothing received": gettext_lazy("paid, nothing received"),
    "taken but not credited": gettext_lazy("taken but not credited"),
}


def reason_text(reason: Reason) -> str:
    """One reason in the active language."""
    detail = str(DETAILS.get(reason.detail, reason.detail))
    texts = {
        "churn": _("churn risk: “%(detail)s”"),
        "payment": _("payment problem: %(detail)s"),
        "money": _("payment problem: %(detail)s"),
        "blocked": _("blocked from working: %(detail)s"),
        "defect": _("defect stops work: %(detail)s"),
        "loss": _("records gone: “%(detail)s”"),
        "scope": _("many cannot work: “%(detail)s”"),
        "repeated": _("repeated problem: “%(detail)s”"),
        "dissatisfied": _("explicitly dissatisfied: “%(detail)s”"),
        "angry": _("angry tone"),
        "urgent": _("marked urgent: %(detail)s"),
        "onboarding": _("new customer finding their way"),
        "pattern": _("part of a pattern: %(detail)s"),
        "quick": _("quick win: %(detail)s"),
        "answer": _("answered before: /%(detail)s"),
        "hard": _("hard case: %(detail)s"),
        "key": _("key customer"),
        "live": _("live contact (%(detail)s)"),
        "learned": _("learned from the desk's history: level %(detail)s"),
        "corrected": _("level set by %(detail)s"),
        "read": _("read as level 1"),
    }
    if reason.code == "learned" and reason.evidence:
        return _("learned from the desk's history: level %(detail)s, from %(words)s") % {
            "detail": detail,
            "words": _quoted(reason.evidence),
        }
    if reason.code == "read" and reason.evidence:
        return _("read as level 1 from %(words)s") % {"words": _quoted(reason.evidence)}
    if reason.code == "money" and reason.evidence and reason.evidence[0]:
        # The amount as the customer's text gives it: "charged twice, EUR 249".
        return _("payment problem: %(detail)s, %(amount)s") % {
            "detail": detail,
            "amount": reason.evidence[0],
        }
    if reason.code == "pattern" and len(reason.evidence) == 2:
        detail = _reported_by(*reason.evidence)
    template = texts.get(reason.code)
    return template % {"detail": detail} if template else reason.text()


def _quoted(words: tuple[str, ...]) -> str:
    # Quoted as the customer wrote them, in any language; each quote is isolated (FSI … PDI) so
    # German words in a Hebrew page keep their quotation marks beside them.
    return ", ".join(f"\u2068“{word}”\u2069" for word in words)


def _reported_by(count: str, since: str) -> str:
    # A problem's members carry (customers, first report as ISO time) as evidence, so that each
    # reader sees the count in their language and the time on the desk's clock.
    try:
        customers, first = int(count), datetime.fromisoformat(since)
    except ValueError:
        return count
    time = formats.time_format(first.astimezone(ZoneInfo(desk_time_zone())), "H:i")
    return ngettext(
        "reported by %(count)d customer since %(time)s",
        "reported by %(count)d customers since %(time)s",
        customers,
    ) % {"count": customers, "time": time}


def reason_texts(rows: object) -> list[str]:
    """A ticket's stored reasons in the active language."""
    return [reason_text(reason) for reason in reasons_from_rows(rows)]


def reason_texts_english(rows: object) -> list[str]:
    """A ticket's stored reasons in English, for the API and scripts."""
    return [reason.text() for reason in reasons_from_rows(rows)]


def tone_text(tone: float) -> str:
    """A triage tone (-1 to 1) as the word an agent would use for it."""
    # Triage calls a customer angry from -0.8; the bands below read the same scale. From
    # UPSET_TONE down the tone check flags casual words, so "angry" starts exactly there.
    if tone <= UPSET_TONE:
        return _("angry")
    if tone < UNHAPPY_TONE:
        return _("unhappy")
    if tone <= 0.15:
        return _("neutral")
    return _("pleased")


def desk_text_default(key: str) -> str:
    """The desk's built-in words for one of its texts, in the active language, placeholders
    left in braces."""
    if key == DeskTextKey.ACKNOWLEDGEMENT:
        # The same sentence the acknowledgement said before leads could change it.
        return _(
            "Thank you for writing to us. We have your request; its reference is %(reference)s. "
            "Please quote it if you contact us about this again."
        ) % {"reference": "{reference}"}
    if key == DeskTextKey.PORTAL_INTRO:
        return _(
            "Write to us at any time, day or night. We answer in the order that helps the most "
            "people soonest, and you will get an e-mail with your reference at once."
        )
    return _("Welcome! Take a number and we will call you.")
