"""A new campaign started from a problem: to the customers likely affected, with its texts."""

from __future__ import annotations

from django.conf import settings

from frontdesk.accounts.models import User
from frontdesk.outreach.constants import RECENT_DAYS
from frontdesk.problems.selectors import access_problem_by_id


def campaign_prefill(*, actor: User, problem_id: int) -> dict[str, object]:
    """The campaign form's values for telling the customers likely affected by a problem: its
    title as the name and subject, its public status texts as the text in each language."""
    problem = access_problem_by_id(actor=actor, problem_id=problem_id)
    spoken = [code for code, _name in settings.LANGUAGES]
    texts = {
        language: str(text).strip()
        for language, text in (problem.public_texts or {}).items()
        if language in spoken and str(text).strip()
    }
    initial: dict[str, object] = {
        "name": problem.title,
        "problem_id": problem.pk,
        "recent_days": RECENT_DAYS,
        "default_language": settings.LANGUAGE_CODE
        if settings.LANGUAGE_CODE in texts or not texts
        else next(iter(texts)),
    }
    for language, text in texts.items():
        initial[f"subject_{language}"] = problem.title
        initial[f"body_{language}"] = text
    return initial
