"""Test settings: the real ones, with tasks run at once and mail kept in memory."""

import os
import tempfile

os.environ.setdefault("FRONTDESK_SECRET_KEY", "test-only-secret-key-that-is-long-enough-0123456789")
os.environ.setdefault("FRONTDESK_DATA_DIR", tempfile.mkdtemp(prefix="frontdesk-test-"))

from frontdesk.config.settings import *  # noqa: F403

TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "mail"],
    }
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Lockout off: `Client.login` passes no request, which axes needs; the lockout tests turn it on.
AXES_ENABLED = False

# A file, not memory, for SQLite test databases: the browser tests' live server then opens its
# own connections per thread instead of sharing one across threads.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test.sqlite3")}  # noqa: F405
