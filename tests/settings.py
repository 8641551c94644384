"""Test settings: the real ones, with tasks run at once and mail kept in memory."""

import os
import tempfile

os.environ.setdefault("FRONTDESK_SECRET_KEY", "test-only-secret-key-that-is-long-enough-0123456789")
_data_dir = os.environ.setdefault("FRONTDESK_DATA_DIR", tempfile.mkdtemp(prefix="frontdesk-test-"))
# xdist's workers inherit the controller's environment, folder included: each takes a folder of
# its own inside it, so one worker's attachments, recordings and outbox never show in another's.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if _worker and os.path.basename(_data_dir) != _worker:
    os.environ["FRONTDESK_DATA_DIR"] = os.path.join(_data_dir, _worker)

from frontdesk.config.settings import *  # noqa: E402, F403

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
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test.sqlite3")}  # noqa: F405

# Static files by their plain names, found where they lie: the hashed names need `collectstatic`
# (seconds), which the served desk runs and tests/cli/test_serve.py checks through a real server.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
