"""Problem detection: many customers reporting the same thing at once, in any of their languages."""

from frontdesk.engine.problems.baseline import Baseline
from frontdesk.engine.problems.detector import ProblemDetector, detect, signature_matches
from frontdesk.engine.problems.types import Alert, DetectorSettings, Report, Signature

__all__ = [
    "Alert",
    "Baseline",
    "DetectorSettings",
    "ProblemDetector",
    "Report",
    "Signature",
    "detect",
    "signature_matches",
]
