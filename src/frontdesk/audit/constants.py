"""The audit trail's fixed numbers."""

from datetime import timedelta

# A customer's page reloaded, or their timeline paged through, within this long after the same
# agent's last look is the same look: one event, not a flood from a reload storm.
VIEW_WINDOW = timedelta(minutes=5)

PAGE_SIZE = 50
