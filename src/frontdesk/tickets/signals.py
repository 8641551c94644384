"""What tickets tell the apps above them, which answer from their `AppConfig.ready()`."""

from django.dispatch import Signal

# A ticket became solved (not when it was solved already, nor when it is closed straight away, as
# a merge does), inside the transaction that solved it: `ticket`, and `historical` when the solve
# is a record of the past (an import, the demo) that must not reach the customer now.
ticket_solved = Signal()
