"""A new campaign started from a problem: to the customers likely affected, with its texts."""

from __future__ import annotations

from frontdesk.accounts.models import User
from frontdesk.outreach.constants import RECENT_DAYS


def campaign_prefill(*, actor: User, problem_id: int) -> dict[str, object]:
    """The campaign form's values for telling the likely affected of a problem."""
    return {"problem_id": problem_id, "recent_days": RECENT_DAYS}
