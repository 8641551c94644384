"""How the log line's warnings read in each page language."""

from __future__ import annotations

from django.utils.translation import gettext as _

from frontdesk.engine.journal import MAX_LENGTH, LogWarning


def log_warning_text(warning: LogWarning) -> str:
    """One warning about a log line, in the active language."""
    names = ", ".join(warning.names)
    texts = {
        "too-long": _("the line is %(count)s characters; a log line holds at most %(most)s")
        % {"count": warning.count, "most": MAX_LENGTH},
        "empty": _("there is nothing to log in this line"),
        "not-a-time": _("“%(typed)s” is not a time of day") % {"typed": warning.typed},
        "new-customer": _("no customer called “%(typed)s” yet: a new customer will be created")
        % {"typed": warning.typed},
        "customer-choice": _("“%(typed)s” could be: %(names)s")
        % {"typed": warning.typed, "names": names},
        "agent-choice": _("“%(typed)s” could be: %(names)s")
        % {"typed": warning.typed, "names": names},
        "no-agent": _("no agent called “%(typed)s”") % {"typed": warning.typed},
    }
    return texts.get(warning.code, warning.text())
