# The longest an API token may work: a forgotten token is the one that leaks, and a year with a
# reminder mail before the end is long enough for any integration (FRONTDESK_TOKEN_DAYS ≤ this).
TOKEN_MAX_DAYS = 365
# Days before its end that a token's owner is mailed, once, to make a new one.
TOKEN_EXPIRY_WARNING_DAYS = 7
# A token's last use is written at most this often, so a busy integration does not write on
# every call.
TOKEN_TOUCH_SECONDS = 60
