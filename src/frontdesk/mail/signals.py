from django.dispatch import Signal

# Sent when a relay took a queued mail: kwargs mail (an OutboundMail). The app that queued it
# recognises its own by `mail.about` and records the delivery on its rows.
mail_sent = Signal()

# Sent when an attempt failed (another may follow): kwargs mail, error (the relay's reason).
mail_failed = Signal()
