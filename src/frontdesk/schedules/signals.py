"""Signals schedules sends for the apps above it."""

from django.dispatch import Signal

# An agent stepped away without warning: their live contacts go to a colleague.
# Sent inside the step-away's transaction with `agent` (a User) and `at` (a datetime).
agent_stepped_away = Signal()
