from datetime import time, timedelta

# A promise still open this long after it was due is escalated to the leads.
OVERDUE_AFTER = timedelta(hours=1)
# A promise recorded by hand falls due within these bounds of now: one noted a little late may
# be due already; one due years off (or in year 1) is a typing slip, not a promise.
FOLLOW_UP_DUE_BEFORE = timedelta(days=1)
FOLLOW_UP_DUE_AFTER = timedelta(days=366)

# Words for a time of day in the log line, in the desk's languages (None: now).
TIME_WORDS: dict[str, time | None] = {
    "now": None,
    "morning": time(9, 0),
    "noon": time(12, 0),
    "afternoon": time(14, 0),
    "evening": time(18, 0),
    "nüüd": None,
    "hommikul": time(9, 0),
    "lõunal": time(12, 0),
    "most": None,
    "reggel": time(9, 0),
    "délben": time(12, 0),
    "délután": time(14, 0),
    "sada": None,
    "jutros": time(9, 0),
    "podne": time(12, 0),
    "popodne": time(14, 0),
    "עכשיו": None,
    "בבוקר": time(9, 0),
    "בצהריים": time(12, 0),
}

# A code's promise falls due at most this many minutes after the line (as one recorded by hand).
FOLLOW_UP_MINUTES_MAX = int(FOLLOW_UP_DUE_AFTER.total_seconds() // 60)
