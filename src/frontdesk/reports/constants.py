from datetime import timedelta

# A report covers the last week unless the lead picks other days, and at most a year and a day
# (a leap year's worth), so one page never reads more than a year of tickets.
DEFAULT_DAYS = 7
MAX_DAYS = 366
# The backlog's ages: younger than an hour, than 8 hours, a day, 3 days, a week; then older.
BACKLOG_AGES = (
    timedelta(hours=1),
    timedelta(hours=8),
    timedelta(days=1),
    timedelta(days=3),
    timedelta(days=7),
)
