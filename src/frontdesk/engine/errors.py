"""The one shape of the engine's refusals: a stable code for callers, a message for people."""

from __future__ import annotations


class EngineError(ValueError):
    """Input the engine refuses: `code` names the problem (callers test it, never the words),
    the message says why in plain English."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code

    def __reduce__(self) -> tuple[type[EngineError], tuple[str, str]]:
        # Copied or pickled, the error keeps its code (the default would pass the message alone).
        return (type(self), (self.code, str(self)))
