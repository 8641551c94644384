"""Places on the ticket page that apps above tickets fill from their `AppConfig.ready()`."""

from __future__ import annotations

from frontdesk.core.slots import Slot

# The reply's text box, given `field` (the reply form's body) and `text` (what is typed so far).
REPLY_BOX = Slot("tickets.reply_box", default=("core/_field.html",))
# Under the ticket's subject, above the thread.
UNDER_SUBJECT = Slot("tickets.under_subject")
# The last thing in the properties panel.
PROPERTIES_END = Slot("tickets.properties_end")
