# The longest an API token may work: a forgotten token is the one that leaks, and a year with a
# reminder mail before the end is long enough for any integration (FRONTDESK_TOKEN_DAYS ≤ this).
TOKEN_MAX_DAYS = 365
# Days before its end that a token's owner is mailed, once, to make a new one.
TOKEN_EXPIRY_WARNING_DAYS = 7
# A token's last use is written at most this often, so a busy integration does not write on
# every call.
TOKEN_TOUCH_SECONDS = 60
# A token found is remembered by each process this long, so a busy integration costs no query per
# call: revoking it, or deactivating or changing its agent, reaches another process at most this
# late (the process that made the change forgets at once; a token's end is exact everywhere).
TOKEN_REMEMBER_SECONDS = 30
# Tokens one process remembers at most (only tokens that let a request in are remembered).
TOKENS_REMEMBERED = 1000
