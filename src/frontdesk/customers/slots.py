"""Places on the customer's memory that apps above customers fill from their `AppConfig.ready()`."""

from __future__ import annotations

from frontdesk.core.slots import Slot

# The end of one line of the customer's timeline, given `entry` (the Interaction shown).
TIMELINE_ENTRY_END = Slot("customers.timeline_entry_end")
# Under the customer's name: ways to reach them, given `customer`.
ACTIONS = Slot("customers.actions")
