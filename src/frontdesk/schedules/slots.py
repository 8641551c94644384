"""Places on schedules' pages that apps above schedules fill from their `AppConfig.ready()`."""

from __future__ import annotations

from frontdesk.core.slots import Slot

# On the public status page, under the desk's status (refreshed with it).
STATUS_PAGE = Slot("schedules.status_page")
