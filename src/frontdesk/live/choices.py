from django.db import models
from django.utils.translation import gettext_lazy as _


class CallState(models.TextChoices):
    """Where a call stands, as the phone system reported it."""

    RINGING = "ringing", _("Ringing")
    ANSWERED = "answered", _("Answered")
    MISSED = "missed", _("Missed")
    ENDED = "ended", _("Ended")


# A call only moves forward: an event of a lower rank than the call's state arrived late and
# changes nothing (a "ringing" after "answered"); answered and missed are alternatives.
CALL_STATE_RANK = {
    CallState.RINGING: 0,
    CallState.ANSWERED: 1,
    CallState.MISSED: 1,
    CallState.ENDED: 2,
}


class VisitState(models.TextChoices):
    """Where a visitor who took a number stands."""

    WAITING = "waiting", _("Waiting")
    SERVING = "serving", _("Being served")
    DONE = "done", _("Served")
    LEFT = "left", _("Left before being served")
