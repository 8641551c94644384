import pytest

from frontdesk.engine.problems.features import features_of


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("The PDF is 0 KB", {"c:0kb", "w:pdf"}, {"w:the"}),
        ("A PDF 0KB-os", {"c:0kb"}, set()),
        ("Chrome says ERR_CONNECTION_RESET", {"c:err_connection_reset", "w:connec"}, set()),
        ("hiba 503-as oldalon", {"c:503"}, {"c:503-as"}),
        ("49,90 EUR twice", {"c:49.90"}, set()),
        ("version 5.3 and v2.4.1", {"c:5.3", "c:v2.4.1"}, set()),
        ("at 10:30 for 2 days", set(), {"c:10", "c:30", "c:2"}),
        ("see https://t.co/Ab12Cd34 now", set(), {"c:ab12cd34", "w:https"}),
        ("számlát számla", {"w:szamla"}, set()),
        ("Tere, palun aitäh", set(), {"w:tere", "w:palun", "w:aitah"}),
    ],
)
def test_features(text: str, present: set[str], absent: set[str]) -> None:
    features = set(features_of(text))
    assert present <= features
    assert not absent & features
