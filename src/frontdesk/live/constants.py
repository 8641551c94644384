"""Numbers the live app agrees on."""

from datetime import timedelta

# Until the desk has served a few visitors, a visit is taken to last this long (minutes).
DEFAULT_VISIT_MINUTES = 10.0
# How many of the last visits served the time of a visit is the median of.
RECENT_VISITS = 20
# A visitor's number page works this long after the number was taken (seconds): the day.
NUMBER_LINK_SECONDS = 24 * 3600
# Signs the links to visitors' number pages.
NUMBER_SALT = "frontdesk.live.visit"
# The waiting-room screen asks for news this often, shows this many numbers called and coming,
# and, given several languages, changes language this often (seconds).
SCREEN_POLL_SECONDS = 5
SCREEN_CALLED = 6
SCREEN_NEXT = 5
SCREEN_LANGUAGE_SECONDS = 20
# A visitor's number page asks for news this often (seconds).
NUMBER_POLL_SECONDS = 10
# How far a call event's time may be from now: the phone system may post late after an outage,
# but a time weeks off (or ahead) is a clock or a unit gone wrong, and would misplace the call.
CALL_EVENT_BEFORE = timedelta(days=7)
CALL_EVENT_AFTER = timedelta(minutes=15)
# The longest recording length a phone system may state (seconds): a day.
RECORDING_SECONDS_MAX = 24 * 3600
