"""Places on the problem page that apps above problems fill from their `AppConfig.ready()`."""

from __future__ import annotations

from frontdesk.core.slots import Slot

# Under the problem's title, given `problem`: actions of apps above (outreach's "Notify the
# likely affected").
ACTIONS = Slot("problems.actions")
