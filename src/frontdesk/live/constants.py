"""Numbers the live app agrees on."""

# Until the desk has served a few visitors, a visit is taken to last this long (minutes).
DEFAULT_VISIT_MINUTES = 10.0
# How many of the last visits served the time of a visit is the median of.
RECENT_VISITS = 20
