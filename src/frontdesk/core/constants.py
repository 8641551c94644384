"""Limits every edge of the desk shares, and the addresses it uses when nothing else is set."""

# Everything under this path is the API's: its errors are JSON, never a page.
API_PATH = "/api/"

# The largest integer PostgreSQL's bigint and SQLite's INTEGER hold: ids and offsets beyond it
# can name nothing, and sent to the database they crash the query instead.
DATABASE_INTEGER_MAX = 2**63 - 1

# Items on one page of an API list.
PAGE_SIZE_DEFAULT = 100
PAGE_SIZE_MAX = 500

# Where a desk listens, and the address its mail links start with, when nothing else is set.
DEFAULT_HOST = "127.0.0.1"
DEFAULT_WEB_PORT = 8000
DEFAULT_MAIL_PORT = 2525
DEFAULT_PUBLIC_URL = f"http://{DEFAULT_HOST}:{DEFAULT_WEB_PORT}"

# The longest file name kept for an attachment (the end is kept: it holds the extension).
ATTACHMENT_NAME_LENGTH = 200
