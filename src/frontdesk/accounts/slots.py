"""Places on an agent's settings page that apps above accounts fill from their `ready()`."""

from __future__ import annotations

from frontdesk.core.slots import Slot

# Under the agent's deactivate card, given `agent` (the User shown): what a lead may do about
# things of theirs that other apps keep (their calendar link).
AGENT_ACTIONS = Slot("accounts.agent_actions")
