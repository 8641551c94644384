from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import TypedDict, Unpack

import pytest

from frontdesk.engine.triage import (
    Contact,
    CustomerContext,
    LanguageDetection,
    Lexicon,
    lexicons_load,
    triage_rules,
)
from frontdesk.engine.triage.lexicon import lexicon_compile
from tests.engine.triage.conftest import ENGLISH

NOW = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)


class ContactDetails(TypedDict, total=False):
    """What a test may say about a contact beyond its subject and body."""

    headers: Mapping[str, str]
    customer: CustomerContext
    attachments: int
    pattern: str | None


def contact(
    subject: str, body: str, channel: str = "email", **kwargs: Unpack[ContactDetails]
) -> Contact:
    return Contact(
        id="1",
        channel=channel,
        subject=subject,
        body=body,
        received_at=NOW,
        **kwargs,
    )


@pytest.mark.parametrize(
    ("subject", "body", "level", "reason"),
    [
        (
            "Refund please",
            "You charged twice for my subscription.",
            1,
            "payment problem: charged twice",
        ),
        (
            "Login",
            "My account locked this morning, I can't send invoices.",
            1,
            "blocked from working: account locked",
        ),
        (
            "Complaint",
            "This is the third time I write about this.",
            1,
            "explicitly dissatisfied: “third time”",
        ),
        ("Help", "The app is ridiculous, worst service ever.", 1, "angry tone"),
        (
            "Our renewal",
            "We are happy with you, but we have an offer from another provider. Could we talk?",
            1,
            "churn risk: “another provider”",
        ),
    ],
)
def test_levels_with_reasons(
    lexicons: dict[str, Lexicon],
    detection: LanguageDetection,
    subject: str,
    body: str,
    level: int,
    reason: str,
) -> None:
    decided = triage_rules(contact(subject, body), lexicons=lexicons, detection=detection)
    assert decided.level == level
    assert reason in decided.reason_texts()


def test_a_plain_question_is_level_four_without_a_reason(
    lexicons: dict[str, Lexicon], detection: LanguageDetection
) -> None:
    question = contact("Question", "Could you tell me about your plans for next year?")
    # The rules alone: the shipped model may call a short question a quick win (its reason).
    decided = triage_rules(question, lexicons=lexicons, detection=detection, meaning=False)
    assert decided.level == 4
    assert decided.reason_texts() == []


def test_capitals_alone_do_not_make_level_one(
    lexicons: dict[str, Lexicon], detection: LanguageDetection
) -> None:
    decided = triage_rules(
        contact("QUESTION ABOUT MY PLAN", "What does the plan include?"),
        lexicons=lexicons,
        detection=detection,
    )
    assert decided.level == 4
    assert decided.red_flags == ("subject in capitals",)


def test_urgent_words_backed_by_a_header_make_level_one(
    lexicons: dict[str, Lexicon], detection: LanguageDetection
) -> None:
    decided = triage_rules(
        contact(
            "Urgent: export", "Please send the export asap.", headers={"X-Priority": "1 (Highest)"}
        ),
        lexicons=lexicons,
        detection=detection,
    )
    assert decided.level == 1
    assert "X-Priority: 1" in decided.red_flags
    assert any(flag.startswith("urgent wording") for flag in decided.red_flags)


def test_urgent_words_said_to_be_not_urgent_are_no_red_flag(
    lexicons: dict[str, Lexicon], detection: LanguageDetection
) -> None:
    decided = triage_rules(
        contact("IDEA FOR THE APP!!!", "A dark mode would be nice. Not urgent at all, no rush."),
        lexicons=lexicons,
        detection=detection,
    )
    assert decided.level == 4
    assert not any(flag.startswith("urgent wording") for flag in decided.red_flags)


def test_a_negated_kind_word_does_not_lift_the_tone(
    lexicons: dict[str, Lexicon], detection: LanguageDetection
) -> None:
    decided = triage_rules(
        contact("Support", "Honestly, the support was not great."),
        lexicons=lexicons,
        detection=detection,
    )
    assert decided.tone < 0


def test_a_plain_account_of_a_fault_is_not_anger(
    lexicons: dict[str, Lexicon], detection: LanguageDetection
) -> None:
    decided = triage_rules(
        contact("Report", "The report is slow, a problem with totals, the dates are wrong."),
        lexicons=lexicons,
        detection=detection,
    )
    assert decided.tone < -0.5
    assert not decided.angry


def test_what_makes_level_one_is_never_a_quick_win(
    lexicons: dict[str, Lexicon], detection: LanguageDetection
) -> None:
    decided = triage_rules(
        contact("Locked", "I am locked out. Are you open today?"),
        lexicons=lexicons,
        detection=detection,
    )
    assert decided.level == 1
    assert not decided.quick_win


@pytest.mark.parametrize(
    ("customer", "level"),
    [
        (CustomerContext(is_new=True), 2),
        (CustomerContext(first_seen=NOW - timedelta(days=3)), 2),
        (CustomerContext(first_seen=NOW - timedelta(days=300)), 4),
    ],
)
def test_new_customers_finding_their_way_are_level_two(
    lexicons: dict[str, Lexicon],
    detection: LanguageDetection,
    customer: CustomerContext,
    level: int,
) -> None:
    decided = triage_rules(
        contact("Hello", "We just signed up, how do I start?", customer=customer),
        lexicons=lexicons,
        detection=detection,
    )
    assert decided.level == level


def test_a_pattern_from_problem_detection_makes_level_three(
    lexicons: dict[str, Lexicon], detection: LanguageDetection
) -> None:
    decided = triage_rules(
        contact("Export", "The export button does nothing.", pattern="export broken"),
        lexicons=lexicons,
        detection=detection,
    )
    assert decided.level == 3
    assert "part of a pattern: export broken" in decided.reason_texts()


@pytest.mark.parametrize(
    ("subject", "body", "attachments", "quick"),
    [
        ("Hours", "What are your opening hours on Saturday?", 0, True),
        ("Invoice", "Could I get a copy of invoice 2026-0412?", 0, True),
        (
            "Hours",
            "What are your opening hours? " + "I also have many other things to ask. " * 20,
            0,
            False,
        ),
        ("Import", "Since the update the import shows an error message, see attached.", 2, False),
    ],
)
def test_quick_wins_both_ways(
    lexicons: dict[str, Lexicon],
    detection: LanguageDetection,
    subject: str,
    body: str,
    attachments: int,
    quick: bool,
) -> None:
    decided = triage_rules(
        contact(subject, body, attachments=attachments), lexicons=lexicons, detection=detection
    )
    assert decided.quick_win is quick
    assert (decided.effort_minutes <= 5) is quick


def test_hard_cases_get_a_long_effort_and_say_why(
    lexicons: dict[str, Lexicon], detection: LanguageDetection
) -> None:
    decided = triage_rules(
        contact(
            "Import",
            "Since the update the import shows an error message, see attached.",
            attachments=2,
        ),
        lexicons=lexicons,
        detection=detection,
    )
    assert decided.effort_minutes >= 30
    assert any(text.startswith("hard case:") for text in decided.reason_texts())


@pytest.mark.parametrize(
    ("body", "sign"),
    [
        ("Thank you, great help!", 1),
        ("This is slow and wrong, a problem again.", -1),
        ("Ridiculous. Worst service.", -1),
    ],
)
def test_tone(
    lexicons: dict[str, Lexicon], detection: LanguageDetection, body: str, sign: int
) -> None:
    decided = triage_rules(contact("Note", body), lexicons=lexicons, detection=detection)
    assert decided.tone * sign > 0
    assert -1 <= decided.tone <= 1


def test_key_customer_and_live_channel_come_from_context(
    lexicons: dict[str, Lexicon], detection: LanguageDetection
) -> None:
    decided = triage_rules(
        contact(
            "Call", "Called about the plan.", channel="phone", customer=CustomerContext(is_key=True)
        ),
        lexicons=lexicons,
        detection=detection,
    )
    assert decided.reason_texts()[-2:] == ["key customer", "live contact (phone)"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Tere! Ma ei leia oktoobri arvet, palun saatke see uuesti.", "et"),
        ("שלום, חויבתי פעמיים על המנוי של נובמבר.", "he"),
        ("Jó napot! Kérem, küldjék el újra a számlát.", "hu"),
        ("Poštovani, od jutros ne mogu pristupiti računu.", "bs"),
        ("Здравствуйте! Деньги списали дважды.", "ru"),
        ("Guten Tag, die Rechnung fehlt leider.", "de"),
    ],
)
def test_language_is_detected(
    lexicons: dict[str, Lexicon], detection: LanguageDetection, text: str, language: str
) -> None:
    assert (
        triage_rules(contact("", text), lexicons=lexicons, detection=detection).language == language
    )


def test_an_empty_text_falls_back_to_the_given_language(
    lexicons: dict[str, Lexicon], detection: LanguageDetection
) -> None:
    decided = triage_rules(
        contact("", ""), lexicons=lexicons, detection=detection, fallback_language="hu"
    )
    assert decided.language == "hu"
    assert decided.level == 4


def test_the_language_is_read_from_the_opening_of_a_long_message() -> None:
    detection = LanguageDetection(["en", "et"])
    quoted = " ".join(["Thank you for your message, we will get back to you shortly."] * 40)
    opening = "Tere! Ma ei saa arvet kätte, palun saatke see uuesti minu e-posti aadressile."
    body = f"{opening}\n\n{quoted}"
    assert detection.detect(body) == "et"


COMPLAINING = {
    **ENGLISH,
    "complaint": ["for hours", "still waiting", "thanks for nothing", "delayed"],
}


@pytest.mark.parametrize(
    ("body", "below_zero"),
    [
        ("I have been on the phone for hours and am still waiting.", True),
        ("Thanks for nothing.", True),
        ("Thanks. My order is delayed.", True),
        # A question names the delay in a calmer voice.
        ("Thanks. Is my order delayed?", False),
        ("Thank you, great help!", False),
    ],
)
def test_a_complaint_darkens_the_tone_but_is_no_anger(
    detection: LanguageDetection, body: str, below_zero: bool
) -> None:
    lexicons = {"en": lexicon_compile(COMPLAINING, "test-en-complaint")}
    decided = triage_rules(contact("Order", body), lexicons=lexicons, detection=detection)
    assert (decided.tone < 0) is below_zero
    assert not decided.angry
    assert decided.level == 4


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        ("Renewal", "Kind regards. We are considering whether to cancel our contract in March."),
        ("Invoicing bug", "This is your last chance: fix the rounding by Monday, thank you."),
        ("", "Great team, thanks! Sadly another provider is cheaper, so we may have to go."),
    ],
)
def test_a_contract_hanging_by_a_thread_is_level_one_however_politely_put(
    lexicons: dict[str, Lexicon], detection: LanguageDetection, subject: str, body: str
) -> None:
    decided = triage_rules(contact(subject, body), lexicons=lexicons, detection=detection)
    assert decided.level == 1
    assert decided.reasons[0].code == "churn"
    assert not decided.angry
    assert not decided.quick_win


@pytest.mark.parametrize(
    "body",
    [
        "Last chance to register for your webinar? I would like to join.",
        "How do I cancel the contract for the old flat when we move?",
        "Could you tell me when our contract renews?",
    ],
)
def test_churn_words_in_another_sense_leave_the_level_alone(
    lexicons: dict[str, Lexicon], detection: LanguageDetection, body: str
) -> None:
    decided = triage_rules(contact("Question", body), lexicons=lexicons, detection=detection)
    assert decided.level == 4
    assert "churn" not in {reason.code for reason in decided.reasons}


def test_a_phrase_in_another_sense_takes_only_the_churn_words_it_overlaps(
    lexicons: dict[str, Lexicon], detection: LanguageDetection
) -> None:
    body = "Last chance to register, your mail says. Well, this is your last chance with us."
    decided = triage_rules(contact("Your mail", body), lexicons=lexicons, detection=detection)
    assert decided.level == 1
    assert "churn risk: “last chance”" in decided.reason_texts()


def test_a_churn_threat_said_calmly_darkens_the_tone_and_shouted_is_angry(
    lexicons: dict[str, Lexicon], detection: LanguageDetection
) -> None:
    plain = contact("Our contract", "We have an offer from another provider.")
    shouted = contact("OUR CONTRACT", "We have an offer from another provider!!")
    calm = triage_rules(plain, lexicons=lexicons, detection=detection)
    loud = triage_rules(shouted, lexicons=lexicons, detection=detection)
    assert calm.tone < 0
    assert not calm.angry
    assert loud.angry
    assert loud.level == calm.level == 1


# Estonian as customers write it, read with the shipped word lists: (text, the reason it is level 1
# for) and a look-alike that is no level 1.
ESTONIAN = [
    (
        "Liikmemaks võeti siiski, kuigi külmutasin liikmelisuse.",
        "payment problem: a fee that should not apply",
        "Kas liikmemaks võetakse ka külmutamise ajal?",
    ),
    (
        "Palun tühistage trahv, parkimine oli äpis makstud.",
        "payment problem: a fee that should not apply",
        "Kuidas trahvi vaidlustada?",
    ),
    (
        "Liikmemaks võeti kolm korda, palun kandke üleliigne tagasi.",
        "payment problem: refund",
        "Kui kaua enne väljumist saab pileti tagasi anda ja raha tagasi saada?",
    ),
    (
        "Arvel on rändlustasu, mida ma ei tellinud. Palun arve üle vaadata.",
        "payment problem: invoice problem",
        "Miks on arve sel kuul suurem?",
    ),
    (
        "Raha on kontolt läinud, aga tellimus näitab ikka maksmata.",
        "payment problem: paid, shown unpaid",
        "Kas tellimus jääb ootama makset, kui maksan pangaülekandega?",
    ),
    (
        "Oktoobri väljamakse ei ole siiani meie kontole jõudnud.",
        "payment problem: money not received",
        "Millal väljamakse tavaliselt kontole laekub?",
    ),
    (
        "Juba nädal aega katkeb internet iga poole tunni tagant.",
        "blocked from working: no internet",
        "Kas teie äpp töötab ka ilma internetita?",
    ),
    (
        "Alates hommikust ei väljasta meie kassad tšekke.",
        "blocked from working: cannot work",
        "Mitu kassat saab ühe litsentsiga kasutada?",
    ),
    (
        "Kui see ei lahene, peame vaatama teiste teenusepakkujate poole.",
        "churn risk: “teiste teenusepakkujate”",
        "Kas teie teenus töötab ka teiste pakiautomaatidega?",
    ),
    (
        "Olen tõeliselt pahane, pakk on üheksa päeva teel.",
        "explicitly dissatisfied: “olen toeliselt pahane”",
        "Ärge olge pahane, aga kus on arve eksport?",
    ),
]


# Hungarian phrase families a customer uses for a level-1 problem, each with a look-alike that is
# a plain question (level 4): (text, reason, look-alike).
HUNGARIAN = [
    (
        "Két napja nincs internet itthon, pedig itthonról dolgozom.",
        "blocked from working: no service",
        "Van olyan csomagotok, amiben tévé is van az internet mellé?",
    ),
    (
        "szombat ota nem tudok telefonalni, a SIM-en az all: nincs szolgaltatas",
        "blocked from working: no service",
        "Mennyibe kerül telefonálni Szerbiából?",
    ),
    (
        "Az app kiléptetett bérlés közben, és nem tudok visszajelentkezni.",
        "blocked from working: cannot log in",
        "Hogyan tudom kiléptetni a volt kollégát a fiókból?",
    ),
    (
        "A mobilnet havidíját ebben a hónapban háromszor vonták le a kártyámról.",
        "payment problem: charged several times",
        "Háromszor rendeltem már tőletek, mindig minden rendben volt.",
    ),
    (
        "Kifizettem Barionnal, a rendelés mégis fizetésre vár állapotban van.",
        "payment problem: paid, shown unpaid",
        "Barionnal is lehet fizetni a rendelést?",
    ),
    (
        "A parkolást elindítottam az appban, mégis pótdíjat kaptam.",
        "payment problem: a fee that should not apply",
        "Mennyi a pótdíj, ha lejár a parkolójegyem?",
    ),
    (
        "A díjmentes csomag ellenére számlavezetési díjat vontak le, kérem a díjak jóváírását.",
        "payment problem: a fee that should not apply",
        "Mennyi a számlavezetési díj a Plusz csomagnál?",
    ),
    (
        "Tavaly is és idén is visszautasították a beszedést, pedig volt fedezet.",
        "payment problem: payment failed",
        "Be lehet állítani csoportos beszedést a biztosításra?",
    ),
    (
        "A kartyam nem mukodik sehol, az appban azt irja: ideiglenesen korlatozva.",
        "payment problem: payment failed",
        "Működik a kártyám Horvátországban is?",
    ),
    (
        "Ha a megújítás idén is így alakul, nem fogom meghosszabbítani a szerződést.",
        "churn risk: “nem fogom meghosszabbítani”",
        "Meg tudom hosszabbítani a szerződést online is?",
    ),
    (
        "Hétfő óta nem jön át a webshop, így szerda óta semmit nem tudtunk kiküldeni.",
        "blocked from working: cannot work",
        "Mikor küldik ki a szerdai rendeléseket?",
    ),
]


@pytest.fixture(scope="module")
def shipped() -> dict[str, Lexicon]:
    return lexicons_load(languages={"et", "hu", "en"})


@pytest.mark.parametrize(("body", "reason", "look_alike"), ESTONIAN)
def test_estonian_level_one_families_are_read_and_their_look_alikes_are_not(
    shipped: dict[str, Lexicon], body: str, reason: str, look_alike: str
) -> None:
    detection = LanguageDetection(["en", "et"])
    decided = triage_rules(
        contact("", body), lexicons=shipped, detection=detection, fallback_language="et"
    )
    assert decided.level == 1
    assert reason in decided.reason_texts()
    calm = triage_rules(
        contact("", look_alike), lexicons=shipped, detection=detection, fallback_language="et"
    )
    assert calm.level == 4, calm.reason_texts()


@pytest.mark.parametrize(("body", "reason", "look_alike"), HUNGARIAN)
def test_hungarian_level_one_phrases_and_their_look_alikes(
    shipped: dict[str, Lexicon],
    detection: LanguageDetection,
    body: str,
    reason: str,
    look_alike: str,
) -> None:
    def decide(text: str) -> list[str] | None:
        decided = triage_rules(
            contact("", text), lexicons=shipped, detection=detection, fallback_language="hu"
        )
        return decided.reason_texts() if decided.level == 1 else None

    reasons = decide(body)
    assert reasons is not None
    assert reason in reasons
    assert decide(look_alike) is None


def test_a_phrase_is_found_with_the_letters_its_language_joins_to_it() -> None:
    data = {"language": "he", "prefixes": ["ו"], "payment": {"payment failed": ["התשלום נדחה"]}}
    lexicon = lexicon_compile(data, "test-he")
    assert lexicon.scan("ניסיתי פעמיים והתשלום נדחה")["payment"] == ("payment failed",)
    assert lexicon.scan("ניסיתי פעמיים ובתשלום נדחה")["payment"] == ()


@pytest.mark.parametrize(
    ("body", "code", "near_miss"),
    [
        ("אם החידוש ייכשל שוב, לא אחדש אצלכם.", "churn", "איך אני מחדש את המנוי אצלכם?"),
        ("אם זה ימשיך, נסתכל על ספקים אחרים.", "churn", "אתם עובדים עם ספקים אחרים של ציוד?"),
        ("כבר יומיים אין לנו אינטרנט במשרד.", "blocked", "יש לכם אינטרנט סיבים בחיפה?"),
        ("אני לא משלם על רכב שלא נסעתי בו.", "payment", "כמה אני משלם על רכב לשעה?"),
        ("בלי זה אנחנו לא יכולים להוציא חשבוניות.", "blocked", "איך מוציאים חשבונית באנגלית?"),
        ("ניסיתי לחדש והתשלום נדחה.", "payment", "התשלום עבר, תודה."),
    ],
)
def test_hebrew_level_one_phrase_families_and_their_near_misses(
    body: str, code: str, near_miss: str
) -> None:
    lexicons = lexicons_load(languages=["he", "en"])
    detection = LanguageDetection(["he", "en"])
    decided = triage_rules(contact("", body), lexicons=lexicons, detection=detection)
    assert decided.level == 1
    assert code in {reason.code for reason in decided.reasons}
    missed = triage_rules(contact("", near_miss), lexicons=lexicons, detection=detection)
    assert missed.level == 4


@pytest.fixture(scope="module")
def shipped_ru() -> dict[str, Lexicon]:
    return lexicons_load(languages={"ru", "en"})


# Russian phrase families with the shipped lexicons: (subject, body, the reason level 1 names).
RUSSIAN_LEVEL_ONE = [
    ("Места", "Места не сохранились. Прошу вернуть 50 € за выбор мест.", "payment problem: refund"),
    ("", "деньги так и не вернули, хотя обещали", "payment problem: refund"),
    (
        "Выплаты",
        "Нам до сих пор не перечислили выплату за октябрь.",
        "payment problem: payment failed",
    ),
    (
        "Оплатил, а долг висит",
        "Счёт за воду я оплатил 12 ноября.",
        "payment problem: invoice problem",
    ),
    ("", "Оплата не зачислена, хотя деньги ушли со счёта.", "payment problem: invoice problem"),
    ("Терминал", "Карты не проходят с утра, покупатели уходят.", "payment problem: payment failed"),
    ("", "У нас второй день нет интернета в офисе.", "blocked from working: cannot work"),
    ("Номер", "Телефон показывает «нет сети» уже два дня.", "blocked from working: cannot work"),
    ("Абонементы", "Если не решится, будем рассматривать другой клуб.", "churn risk"),
    ("", "Придётся задуматься о смене службы доставки.", "churn risk"),
    ("Продление", "Если продление опять сорвётся, продлевать мы не будем.", "churn risk"),
    ("Терминал", "Спасибо вам огромное за такой сервис.", "explicitly dissatisfied"),
    (
        "Плата за карту",
        "Ничего срочного: списали 25 € за карту, хотя по пакету она бесплатная.",
        "payment problem: a fee that should not apply, EUR 25",
    ),
    ("CRM", "Ни одна заявка с сайта не попала в CRM с понедельника.", "many cannot work"),
    ("Терминал", "Прекрасно. Пятая неделя без работающего терминала.", "repeated problem"),
]
# Their near misses, which name the same things and are no level 1.
RUSSIAN_NEAR_MISSES = [
    ("Возврат билета", "Можно ли вернуть билет на концерт, если я не смогу пойти?"),
    ("", "Сколько дней у меня есть на возврат, если размер не подойдёт?"),
    ("Выплаты", "Когда вы перечисляете выплаты за месяц?"),
    ("", "Где посмотреть, есть ли у меня задолженность?"),
    ("", "Работает ли приложение без интернета?"),
    ("Тариф", "Можно ли перейти на другой тариф со следующего месяца?"),
    ("", "Продлевать договор будем, подскажите сроки."),
    ("Тариф", "Стоит ли нам рассматривать другой тариф, если нас 10 человек?"),
    ("", "Мы переходим на другую систему налогообложения, как поменять НДС в счетах?"),
    (
        "Доставка по выходным",
        "Прежняя курьерская служба — это просто позор!!! Поэтому хочу спросить: "
        "вы доставляете по субботам?",
    ),
    ("Жалоба", "Официальная жалоба: ваша доставка стала такой быстрой, что я не успеваю скучать."),
    ("Поездка", "В пятый раз бронирую у вас поездку, всегда всё отлично. Нужна группа на 18."),
]


@pytest.mark.parametrize(("subject", "body", "reason"), RUSSIAN_LEVEL_ONE)
def test_russian_level_one_phrase_families_name_their_reason(
    shipped_ru: dict[str, Lexicon],
    detection: LanguageDetection,
    subject: str,
    body: str,
    reason: str,
) -> None:
    decided = triage_rules(
        contact(subject, body), lexicons=shipped_ru, detection=detection, fallback_language="ru"
    )
    assert decided.level == 1
    assert any(text.startswith(reason) for text in decided.reason_texts()), decided.reason_texts()


@pytest.mark.parametrize(("subject", "body"), RUSSIAN_NEAR_MISSES)
def test_russian_near_misses_are_no_level_one(
    shipped_ru: dict[str, Lexicon], detection: LanguageDetection, subject: str, body: str
) -> None:
    decided = triage_rules(
        contact(subject, body), lexicons=shipped_ru, detection=detection, fallback_language="ru"
    )
    assert decided.level == 4, decided.reason_texts()
