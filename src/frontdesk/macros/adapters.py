"""Turn the desk's macros into the answer matcher's kept answers."""

from __future__ import annotations

from collections.abc import Iterable

from frontdesk.engine.answers import Answer
from frontdesk.macros.models import Macro


def answers_of(macros: Iterable[Macro]) -> list[Answer]:
    """Each macro as a kept answer: its code, language, name, text and example questions."""
    return [
        Answer(
            code=macro.code,
            language=macro.language,
            name=macro.name,
            text=macro.text,
            questions=tuple(line for line in macro.questions.splitlines() if line.strip()),
        )
        for macro in macros
    ]
