from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from frontdesk.engine.problems import (
    Alert,
    Baseline,
    DetectorSettings,
    ProblemDetector,
    Report,
    Signature,
    detect,
    signature_matches,
)
from frontdesk.engine.problems.detector import poisson_tail

START = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)

# Ordinary traffic: one customer each, about different things.
BACKGROUND = [
    ("Opening hours", "Are you open on Saturday afternoon?"),
    ("Change my address", "I moved to Tartu, please update the delivery address on my account."),
    ("Refund", "I returned the blue jacket two weeks ago and still have no refund."),
    ("Tellimus", "Kas minu tellimus on juba teele pandud? Ootan seda esmaspäevaks."),
    ("Szállítás", "Mikor érkezik a csomagom? A követési szám nem működik."),
    ("Dostava", "Kada stiže moja pošiljka? Naručio sam prošli tjedan."),
    ("שאלה על מנוי", "אני רוצה לבטל את המנוי החודשי שלי בסוף החודש."),
    ("Discount code", "The discount code from your newsletter says it expired yesterday."),
    ("Wrong size", "The shoes are one size too small, can I exchange them?"),
    ("Arve aadress", "Palun muutke arvel ettevõtte nimi, see on valesti kirjutatud."),
    ("Jelszó", "Elfelejtettem a jelszavamat, hogyan állíthatom vissza?"),
    ("Gift card", "Can I use two gift cards on one order?"),
    ("Lozinka", "Zaboravio sam lozinku, kako da je promijenim?"),
    ("Newsletter", "Please stop sending me the weekly newsletter."),
    ("Damaged parcel", "The parcel arrived crushed and the mug inside is broken."),
    ("Invoice copy", "Could you send me a copy of last month's invoice for my accountant?"),
]

# One problem, told by five customers in five languages with their own words: the empty
# invoice PDF ("0 KB") after the 4.2 update.
BURST = [
    ("Invoice PDF is empty", "Since the 4.2 update the invoice PDF I download is 0 KB."),
    ("Arve PDF on tühi", "Pärast uuendust 4.2 on allalaaditud arve PDF fail 0 KB suurune."),
    ("Üres PDF számla", "A 4.2 frissítés óta a letöltött PDF számla mérete 0 KB."),
    ("Prazan PDF račun", "Od ažuriranja 4.2 preuzeti PDF račun ima 0 KB."),
    ("חשבונית PDF ריקה", "מאז העדכון 4.2 קובץ ה-PDF של החשבונית שוקל 0 KB."),
]


def report(n: int, minutes: float, subject: str, body: str, customer: str = "") -> Report:
    return Report(
        id=str(n),
        arrived_at=START + timedelta(minutes=minutes),
        channel="email",
        subject=subject,
        body=body,
        customer=customer or f"customer{n}@example.com",
    )


def background(first: int = 100) -> list[Report]:
    return [report(first + i, 4 * i, s, b) for i, (s, b) in enumerate(BACKGROUND)]


def burst(first: int = 1, start: float = 10, every: float = 8) -> list[Report]:
    return [report(first + i, start + every * i, s, b) for i, (s, b) in enumerate(BURST)]


def test_a_burst_in_five_languages_raises_one_alert() -> None:
    [alert] = detect(background() + burst())
    assert alert.problem == 1
    assert alert.ids == ("1", "2", "3")
    assert alert.customers == (
        "customer1@example.com",
        "customer2@example.com",
        "customer3@example.com",
    )
    assert alert.first_at == START + timedelta(minutes=10)
    assert alert.alert_at == START + timedelta(minutes=26)
    assert alert.terms[0] in ("0 KB", "4.2")
    assert {"0 KB", "4.2"} <= set(alert.terms)
    assert {"en", "et", "hu"} == set(alert.languages)


def test_reports_of_the_problem_after_the_alert_raise_nothing_new() -> None:
    alerts = detect(background() + burst())
    assert [a.problem for a in alerts] == [1]


def test_one_problem_in_two_languages_with_no_code_alerts_once() -> None:
    english = [
        report(1, 10, "Outlook", "Calendar sync with Outlook creates every appointment twice."),
        report(2, 14, "Outlook sync", "Outlook calendar sync makes each appointment twice."),
        report(3, 18, "Duplicates", "Every appointment appears twice since the Outlook sync."),
    ]
    estonian = [
        report(4, 20, "Outlook", "Kalendri sünkroonimine Outlookiga loob iga kohtumise topelt."),
        report(5, 24, "Outlooki viga", "Outlooki kalendris on iga kohtumine topelt."),
        report(6, 28, "Topelt", "Pärast Outlooki sünkroonimist on kohtumised topelt."),
    ]
    [alert] = detect(background() + english + estonian)
    assert alert.ids == ("1", "2", "3")


def test_a_problem_that_comes_back_after_a_quiet_window_alerts_again() -> None:
    alerts = detect(burst() + burst(first=10, start=10 + 5 * 60))
    assert [a.ids for a in alerts] == [("1", "2", "3"), ("10", "11", "12")]


def test_the_order_reports_are_given_in_does_not_matter() -> None:
    reports = background() + burst()
    assert detect(reports) == detect(list(reversed(reports)))


def test_one_customer_repeating_himself_is_not_an_alert() -> None:
    loud = [report(i, 5 * i, s, b, customer="loud@example.com") for i, (s, b) in enumerate(BURST)]
    again = [report(10 + i, 30 + 5 * i, s, b, "loud@example.com") for i, (s, b) in enumerate(BURST)]
    assert detect(background() + loud + again) == []


def test_a_loud_customer_s_code_does_not_count_the_others_who_join_his_group() -> None:
    # PDF exports are asked about every day (3% of reports); code X-4471 is new.
    history = [
        report(10_000 + i, i, "Order question", f"Where is order number {i}?") for i in range(582)
    ] + [report(20_000 + i, 30 * i, "PDF export", "How do I export a PDF?") for i in range(18)]
    baseline = Baseline.build(history, since=START, until=START + timedelta(days=1))
    loud = [
        report(i, 5 * i, "PDF export", "The PDF export fails: X-4471.", "loud@example.com")
        for i in range(1, 11)
    ]
    others = [report(50 + i, 7 + 9 * i, "PDF export", "How do I export a PDF?") for i in range(2)]
    assert detect(loud + others, baseline=baseline) == []


@pytest.mark.parametrize(
    ("customers", "alerts"),
    [
        (2, 0),  # two customers: below the default three
        (3, 1),
    ],
)
def test_an_alert_needs_several_customers(customers: int, alerts: int) -> None:
    reports = burst()[:customers]
    assert len(detect(background() + reports)) == alerts


def test_min_customers_is_a_setting() -> None:
    settings = DetectorSettings(min_customers=5)
    [alert] = detect(background() + burst(), settings=settings)
    assert alert.ids == ("1", "2", "3", "4", "5")


def test_reports_further_apart_than_the_window_do_not_group() -> None:
    settings = DetectorSettings(window=timedelta(minutes=30))
    assert detect(burst(every=20), settings=settings) == []
    assert len(detect(burst(every=20))) == 1


def password_resets(first: int, count: int, minutes: float) -> list[Report]:
    step = minutes / count
    return [
        report(first + i, step * i, "Password reset", f"Please reset my password, ticket {i}.")
        for i in range(count)
    ]


def test_a_topic_that_is_always_common_alerts_only_at_many_times_its_rate() -> None:
    # A usual day: 600 reports, 18 of them password resets (3%).
    history = [
        report(10_000 + i, i, "Order question", f"Where is order number {i}?") for i in range(582)
    ] + password_resets(20_000, 18, 600)
    baseline = Baseline.build(history, since=START, until=START + timedelta(days=1))
    others = [report(30_000 + i, i, "Order question", f"Where is order {i}?") for i in range(100)]
    usual = password_resets(40_000, 3, 100)
    assert detect(others + usual, baseline=baseline) == []
    doubled = password_resets(40_000, 6, 100)
    assert detect(others + doubled, baseline=baseline) == []
    many = password_resets(40_000, 30, 100)
    [alert] = detect(others + many, baseline=baseline)
    assert set(alert.terms[:2]) == {"password", "reset"}


def test_a_dismissed_group_alerts_again_only_when_it_grows_far_beyond() -> None:
    [first] = detect(burst())
    dismissed = [first.signature]
    assert first.signature.customers == 3
    assert detect(burst(), dismissed=dismissed) == []
    grown = burst() + burst(first=10, start=50, every=2)
    [again] = detect(grown, dismissed=dismissed, settings=DetectorSettings(dismissed_growth=3))
    assert len(again.customers) == 9


def test_reports_matching_an_open_problem_are_not_new_alerts() -> None:
    [first] = detect(burst())
    assert detect(burst(first=50), known=[first.signature]) == []


@pytest.mark.parametrize(
    ("subject", "body", "matches"),
    [
        ("PDF 0 KB", "Az új 4.2 verzió óta a PDF 0 KB.", True),
        ("Račun", "Preuzeti PDF račun je opet 0 KB nakon verzije 4.2.", True),
        ("Opening hours", "Are you open on Saturday afternoon?", False),
        ("Invoice copy", "Could you send me a copy of last month's invoice?", False),
    ],
)
def test_signature_matches_a_new_report_about_the_same_thing(
    subject: str, body: str, matches: bool
) -> None:
    [alert] = detect(background() + burst())
    assert signature_matches(alert.signature, report(999, 60, subject, body)) is matches


def test_a_signature_survives_json() -> None:
    [alert] = detect(burst())
    again = Signature.from_json(alert.signature.to_json())
    assert again.threshold == alert.signature.threshold
    assert [name for name, _ in again.features] == [name for name, _ in alert.signature.features]
    assert signature_matches(again, burst(first=70)[4])


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "version"),
        ({"version": 2, "features": [["c:0kb", 1.0]], "threshold": 6, "customers": 3}, "version"),
        ({"version": 1, "features": [], "threshold": 6, "customers": 3}, "non-empty"),
        ({"version": 1, "features": [["c:0kb"]], "threshold": 6, "customers": 3}, "name, weight"),
        ({"version": 1, "features": [["c:0kb", -1]], "threshold": 6, "customers": 3}, "positive"),
        ({"version": 1, "features": [["c:0kb", 1]], "threshold": "6", "customers": 3}, "number"),
        ({"version": 1, "features": [["c:0kb", 1]], "threshold": 6, "customers": 0}, "whole"),
    ],
)
def test_a_bad_signature_is_refused(data: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Signature.from_json(data)


def test_a_baseline_survives_json_and_counts_only_its_period() -> None:
    reports = background() + burst()
    # Four background reports (0, 4, 8, 12 minutes) and the first of the burst (10).
    baseline = Baseline.build(reports, since=START, until=START + timedelta(minutes=15))
    assert baseline.reports == 5
    assert Baseline.from_json(baseline.to_json()) == baseline


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"version": 1, "reports": -1, "counts": {}}, "'reports'"),
        ({"version": 1, "reports": 2, "counts": {"w:pdf": 3}}, "no larger"),
        ({"version": 1, "reports": 2, "counts": []}, "'counts'"),
        ({"reports": 2, "counts": {}}, "version"),
    ],
)
def test_a_bad_baseline_is_refused(data: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Baseline.from_json(data)


def test_a_time_without_zone_is_refused() -> None:
    naive = Report("1", datetime(2026, 11, 23, 8, 0), "email", "Hi", "Hello", "a@example.com")
    with pytest.raises(ValueError, match="time zone"):
        detect([naive])


def test_the_detector_refuses_reports_out_of_order_or_twice() -> None:
    detector = ProblemDetector()
    first, second = burst()[:2]
    detector.observe(second)
    with pytest.raises(ValueError, match="before"):
        detector.observe(first)
    with pytest.raises(ValueError, match="seen already"):
        detector.observe(second)


@pytest.mark.parametrize(
    ("count", "mean", "low", "high"),
    [(0, 1.0, 1.0, 1.0), (3, 0.0, 0.0, 0.0), (1, 1.0, 1.0, 1.0), (3, 0.1, 1.5e-4, 1.6e-4)],
)
def test_poisson_tail(count: int, mean: float, low: float, high: float) -> None:
    assert low <= poisson_tail(count, mean) <= high


def test_an_alert_is_what_the_desk_stores() -> None:
    [alert] = detect(burst())
    assert isinstance(alert, Alert)
    assert alert.signature.customers == len(alert.customers)
