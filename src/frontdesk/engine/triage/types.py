"""What the triage engine reads and what it decides."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class CustomerContext:
    """What the desk knows about the sender, from its records rather than the text."""

    id: str | None = None
    is_key: bool = False
    is_new: bool = False
    first_seen: datetime | None = None


@dataclass(frozen=True)
class Contact:
    """One incoming contact: a new ticket or a new customer message."""

    id: str | None
    channel: str
    subject: str
    body: str
    received_at: datetime | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    customer: CustomerContext = field(default_factory=CustomerContext)
    attachments: int = 0
    # Set by problem detection when the contact belongs to a group of similar reports.
    pattern: str | None = None


# The reasons that make a contact level 1, most telling first: a page that shows one reason for
# a level 1 shows the first of these it finds.
LEVEL_ONE_CODES = (
    "churn",
    "money",
    "payment",
    "blocked",
    "loss",
    "scope",
    "repeated",
    "defect",
    "dissatisfied",
    "angry",
    "urgent",
    "read",
)
# Reason codes and how each reads in English; pages translate them by code.
REASON_TEXTS: Mapping[str, str] = {
    "churn": "churn risk: “{detail}”",
    "payment": "payment problem: {detail}",
    "money": "payment problem: {detail}",
    "blocked": "blocked from working: {detail}",
    "defect": "defect stops work: {detail}",
    "loss": "records gone: “{detail}”",
    "scope": "many cannot work: “{detail}”",
    "repeated": "repeated problem: “{detail}”",
    "dissatisfied": "explicitly dissatisfied: “{detail}”",
    "angry": "angry tone",
    "urgent": "marked urgent: {detail}",
    "onboarding": "new customer finding their way",
    "pattern": "part of a pattern: {detail}",
    "quick": "quick win: {detail}",
    "answer": "answered before: /{detail}",
    "hard": "hard case: {detail}",
    "key": "key customer",
    "live": "live contact ({detail})",
    "learned": "learned from the desk's history: level {detail}",
    "corrected": "level set by {detail}",
    "read": "read as level 1",
}


# The same, for a reason that names the words of the text it rests on.
REASON_TEXTS_WITH_EVIDENCE: Mapping[str, str] = {
    "learned": "learned from the desk's history: level {detail}, from {words}",
    # The shipped model's level 1, with the words that weighed most.
    "read": "read as level 1 from {words}",
    # The amount first, then the words it was read from ("charged twice, EUR 249").
    "money": "payment problem: {detail}, {amount}",
}


@dataclass(frozen=True)
class Reason:
    """One reason behind a decision, as a stable code, its particular detail, and the words of
    the text it rests on when that is not plain from the code (a learned level)."""

    code: str
    detail: str = ""
    evidence: tuple[str, ...] = ()

    def text(self) -> str:
        """The reason as a short English sentence."""
        if self.evidence and self.evidence[0] and self.code in REASON_TEXTS_WITH_EVIDENCE:
            words = ", ".join(f"“{word}”" for word in self.evidence)
            return REASON_TEXTS_WITH_EVIDENCE[self.code].format(
                detail=self.detail, words=words, amount=self.evidence[0]
            )
        return REASON_TEXTS[self.code].format(detail=self.detail)


@dataclass(frozen=True)
class Triage:
    """What the engine decided about one contact, and why."""

    level: int
    quick_win: bool
    effort_minutes: int
    language: str
    tone: float
    angry: bool
    red_flags: tuple[str, ...]
    reasons: tuple[Reason, ...]

    def reason_texts(self) -> list[str]:
        """The reasons as English sentences."""
        return [reason.text() for reason in self.reasons]
