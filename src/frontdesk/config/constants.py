"""Limits every edge of the desk shares."""

# Everything under this path is the API's: its errors are JSON, never a page.
API_PATH = "/api/"

# The largest integer PostgreSQL's bigint and SQLite's INTEGER hold: ids and offsets beyond it
# can name nothing, and sent to the database they crash the query instead.
DATABASE_INTEGER_MAX = 2**63 - 1

# Items on one page of an API list.
PAGE_SIZE_DEFAULT = 100
PAGE_SIZE_MAX = 500
