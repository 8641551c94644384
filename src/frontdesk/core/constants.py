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

# The kinds of audio a call's recording may be, as the first bytes of the file show them (the
# sniffer's answer → the type the desk stores and serves). Browsers play all of these; WebM and
# MP4 are containers the sniffer names as video, and a phone system fills them with audio.
RECORDING_TYPES = {
    "audio/mpeg": "audio/mpeg",
    "audio/x-wav": "audio/wav",
    "audio/ogg": "audio/ogg",
    "audio/x-flac": "audio/flac",
    "audio/aac": "audio/aac",
    "audio/mp4": "audio/mp4",
    "video/mp4": "audio/mp4",
    "video/webm": "audio/webm",
}
# How much of a file's start the sniffer reads (WebM names itself within its first header).
SNIFF_BYTES = 512
