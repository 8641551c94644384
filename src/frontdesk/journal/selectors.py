"""Reads for the journal: who a typed name may mean, and the team's codes."""

from __future__ import annotations

from django.db.models import Q

from frontdesk.accounts.models import User
from frontdesk.customers.models import Customer
from frontdesk.engine.journal import Code, Person, name_key
from frontdesk.engine.text import fold
from frontdesk.journal.models import LogCode

CANDIDATES = 200


def customer_candidates(*, typed: str) -> list[Person]:
    """Customers a typed name could mean: those sharing a word (or its first letters) with it.
    The fuzzy match then chooses among a few hundred, not the whole desk."""
    # Stored names are folded but keep Đ; people type Dj. Look for both spellings.
    folded = fold(typed)
    spellings = {folded, name_key(typed), folded.replace("dj", "đ")}
    words = {word for spelling in spellings for word in spelling.split() if len(word) >= 2}
    if not words:
        return []
    match = Q()
    for word in words:
        match |= Q(search_text__contains=word[:4])
    rows = Customer.objects.filter(match, merged_into__isnull=True).values_list("id", "name")
    return [Person(id=pk, name=name) for pk, name in rows[:CANDIDATES]]


def agent_people() -> list[Person]:
    """Every active agent, by display name."""
    return [
        Person(id=user.pk, name=user.display_name) for user in User.objects.filter(is_active=True)
    ]


def log_codes() -> list[Code]:
    """The team's codes."""
    return [
        Code(word=row.word, text=row.text, follow_up_minutes=row.follow_up_minutes)
        for row in LogCode.objects.all()
    ]
