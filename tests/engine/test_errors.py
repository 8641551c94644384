import copy
import pickle

import pytest

from frontdesk.engine.breaks import BreakError
from frontdesk.engine.errors import EngineError
from frontdesk.engine.queue import WeightError
from frontdesk.engine.sla import CalendarError
from frontdesk.engine.staffing import StaffingError


@pytest.mark.parametrize("error_type", [BreakError, WeightError, CalendarError, StaffingError])
def test_a_refusal_carries_its_code_and_its_words(error_type: type[EngineError]) -> None:
    error = error_type("some-code", "what went wrong")
    assert isinstance(error, ValueError)
    assert (error.code, str(error)) == ("some-code", "what went wrong")
    copied = copy.copy(error)
    assert (type(copied), copied.code, str(copied)) == (error_type, "some-code", "what went wrong")
    restored = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes, just made
    assert (type(restored), restored.code, str(restored)) == (
        error_type,
        "some-code",
        "what went wrong",
    )
