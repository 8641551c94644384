from django.dispatch import Signal

# Sent inside the merge transaction, once the target is saved and before the source record is
# retired, so that every app moves its rows that point at the source (tickets, follow-ups,
# calls) to the target: kwargs source, target. tests/customers checks that none is left.
customer_merging = Signal()
