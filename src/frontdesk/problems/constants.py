"""Limits of the problems app."""

TITLE_LENGTH = 200

# Detection: the desk's usual rates come from this much history, rebuilt this often; a lead's
# dismissal teaches the detector for this long.
BASELINE_DAYS = 14
BASELINE_EVERY_MINUTES = 60
DISMISSED_KEPT_DAYS = 30
# Reports listed in a lead's alert mail; the page has them all.
ALERT_MAIL_REPORTS = 20
