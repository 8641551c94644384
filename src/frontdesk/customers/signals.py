from django.dispatch import Signal

# Sent inside the merge transaction, before the source record is retired, so that other
# apps move their rows (tickets, follow-ups) to the target: kwargs source, target.
customer_merging = Signal()
