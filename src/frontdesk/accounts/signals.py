"""Signals accounts sends for the apps above it."""

from django.dispatch import Signal

# A lead deactivated an agent: each app above gives back the agent's work it holds (tickets to
# the queue, calls and visitors to colleagues, promises to the lead). Sent inside the
# deactivation's transaction with `agent`, `actor` (Users) and `at` (a datetime); each receiver
# returns a sentence saying what it released, in the active language, or "" for nothing.
agent_deactivating = Signal()
