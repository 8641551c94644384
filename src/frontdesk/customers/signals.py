from django.dispatch import Signal

# Sent inside the merge transaction, once the target is saved and before the source record is
# retired, so that every app moves its rows that point at the source (tickets, follow-ups,
# calls) to the target: kwargs source, target. tests/customers checks that none is left.
customer_merging = Signal()

# Sent when a customer becomes a key customer or stops being one, so that apps ordering work by
# it (the ticket queue gives key customers a head start) re-place what is waiting: kwargs customer.
customer_importance_changed = Signal()

# Sent when a customer's name or organisation changes, so that apps finding rows by it (a
# ticket's search text holds its customer's name) refresh them: kwargs customer.
customer_renamed = Signal()

# Sent inside the transaction that erases a customer's data (the privacy erasure), so that every
# app deletes what it holds about them, files on disk too: kwargs customer. Live deletes the
# recordings of their calls.
customer_erasing = Signal()
