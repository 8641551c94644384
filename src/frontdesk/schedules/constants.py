"""Numbers the schedules app agrees on."""

from datetime import date, timedelta

# Coverage and break placement are counted in slots of this length.
INTERVAL = timedelta(minutes=15)
# How far back the forecast looks for the desk's own contact history.
FORECAST_WEEKS = 4
# Handling time assumed per channel until the desk has its own history (seconds).
DEFAULT_HANDLING_SECONDS = {"phone": 240, "visit": 600, "email": 480, "web": 480, "chat": 300}
# Written work counts as answered in time within this many seconds (for Erlang C).
WRITTEN_TARGET_SECONDS = 3600
# The longest break, planned or stepped away: anything longer is a shift change.
BREAK_MAX_MINUTES = 240
# The days a schedule can name: far inside Python's calendar (years 1 to 9999), so that a week
# either side and any time zone's offset stay on it.
FIRST_DAY = date(1970, 1, 1)
LAST_DAY = date(2999, 12, 31)

# The longest break a rule may give, and the longest span a rule's minutes may count.
BREAK_LENGTH_MAX = 240
DAY_MINUTES = 24 * 60
# The shift a break rule's preview shows: what a typical full day gets.
TYPICAL_SHIFT_MINUTES = 8 * 60

# Salts of the calendar links: a value signed for anything else (a portal link) is refused.
# FEED_SALT signed the links made from an agent's id alone (with a time stamp, so each showing
# differed); FEED_KEY_SALT signs [id, key], with no time stamp, so the link stays the same.
FEED_SALT = "frontdesk.schedules.feed"
FEED_KEY_SALT = "frontdesk.schedules.feed-key"
