from django.db import models
from django.utils.translation import gettext_lazy as _


class BreakKind(models.TextChoices):
    """A break planned ahead, or one an agent had to take at once."""

    PLANNED = "planned", _("Planned")
    UNPLANNED = "unplanned", _("Unplanned")


class StepAwayReason(models.TextChoices):
    """Why an agent stepped away unplanned; each has its own scripted notice."""

    DELIVERY = "delivery", _("A delivery to receive")
    EMERGENCY = "emergency", _("An emergency")
    COLLEAGUE = "colleague", _("A colleague needs help")
    OTHER = "other", _("Something else")


class PlaybookMoment(models.TextChoices):
    """The awkward moments a playbook guides an agent through."""

    ANGRY_LAST = (
        "angry-last",
        _("The last customer in the queue is angry and wants the break cancelled"),
    )
    NOT_WARNED = "not-warned", _("The break is due and the queue was not warned")
    DURING_CALL = "during-call", _("The break must start while a call is running")
    PEOPLE_WAITING = "people-waiting", _("The break starts with people waiting")


class Weekday(models.IntegerChoices):
    """Days of the week as Python numbers them (0 = Monday)."""

    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class StatusCode(models.TextChoices):
    """The things the status card (and the screen and e-mails built from it) can tell
    customers; schedules/wording.py words each in the reader's language."""

    CLOSED = "closed"
    OPENS = "opens"
    OPEN = "open"
    OWN_BREAK = "own-break"
    STEPPED_AWAY = "stepped-away"
    AWAY = "away"
    BREAK_NOW = "break-now"
    BREAK_SOON = "break-soon"
    NEXT_BREAK = "next-break"
    WAITING = "waiting"
    DESK_WAIT = "desk-wait"
    WRITTEN_ANSWER = "written-answer"


# How the card shows each line: an apology, a warning, a notice, or plain text.
STATUS_TONES = {
    StatusCode.STEPPED_AWAY: "notice apology",
    StatusCode.AWAY: "notice",
    StatusCode.OWN_BREAK: "notice warning",
    StatusCode.BREAK_SOON: "notice warning",
    StatusCode.BREAK_NOW: "notice",
    StatusCode.CLOSED: "notice",
}
