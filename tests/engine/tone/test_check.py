"""The tone check per language: each phrase family hits, and its kind look-alikes do not."""

from __future__ import annotations

import pytest

from frontdesk.engine.tone import (
    BLAME,
    CONDESCENSION,
    DISMISSIVE,
    PHRASES,
    SARCASM,
    SHOUTING,
    THREAT,
    check_reply,
    languages_checked,
)

# (language, reply, code, the words flagged)
RUDE = [
    ("en", "You should have read the manual.", BLAME, "You should have read"),
    ("en", "Well, that's your own fault.", BLAME, "that's your own fault"),
    ("en", "This happened because you didn't follow the steps.", BLAME,
     "because you didn't follow"),
    ("en", "As I already told you, the shop is closed.", CONDESCENSION, "As I already told you"),
    ("en", "Obviously you did not read my mail.", CONDESCENSION, "Obviously you did not read"),
    ("en", "As stated before, we do not ship abroad.", CONDESCENSION, "As stated before"),
    ("en", "I am explaining this for the third time.", CONDESCENSION, "for the third time"),
    ("en", "Sorry, but that is not our problem.", DISMISSIVE, "is not our problem"),
    ("en", "There is nothing we can do.", DISMISSIVE, "There is nothing we can do"),
    ("en", "Thanks for nothing, then.", SARCASM, "Thanks for nothing"),
    ("en", "This is your last warning.", THREAT, "last warning"),
    ("en", "PLEASE READ THE INSTRUCTIONS first.", SHOUTING, "PLEASE READ THE INSTRUCTIONS"),
    ("en", "We do NOT OFFER refunds.", SHOUTING, "NOT OFFER"),
    ("et", "Te oleksite pidanud juhendit lugema.", BLAME, "Te oleksite pidanud"),
    ("et", "See on teie enda süü.", BLAME, "See on teie enda süü"),
    ("et", "Nagu ma juba ütlesin, pood on suletud.", CONDESCENSION, "Nagu ma juba ütlesin"),
    ("et", "Nagu eespool mainitud, me ei saada välismaale.", CONDESCENSION,
     "Nagu eespool mainitud"),
    ("et", "Ilmselgelt te ei lugenud mu kirja.", CONDESCENSION, "Ilmselgelt te ei lugenud"),
    ("et", "See ei ole meie probleem.", DISMISSIVE, "ei ole meie probleem"),
    ("et", "Me ei saa midagi teha.", DISMISSIVE, "Me ei saa midagi teha"),
    ("hu", "Önnek el kellett volna olvasnia a leírást.", BLAME, "Önnek el kellett volna"),
    ("hu", "Ez az ön hibája.", BLAME, "Ez az ön hibája"),
    ("hu", "Ahogy már korábban írtam, zárva vagyunk.", CONDESCENSION,
     "Ahogy már korábban írtam"),
    ("hu", "Nyilvánvalóan nem olvasta el a levelemet.", CONDESCENSION,
     "Nyilvánvalóan nem olvasta"),
    ("hu", "Ez nem a mi problémánk.", DISMISSIVE, "Ez nem a mi problémánk"),
    ("hu", "Nem tudunk mit tenni.", DISMISSIVE, "Nem tudunk mit tenni"),
    ("bs", "Trebali ste pročitati upute.", BLAME, "Trebali ste"),
    ("bs", "To je vaša greška.", BLAME, "To je vaša greška"),
    ("bs", "Kao što sam vam već rekao, zatvoreni smo.", CONDESCENSION,
     "Kao što sam vam već rekao"),
    ("bs", "Očigledno niste pročitali moj mail.", CONDESCENSION, "Očigledno niste pročitali"),
    ("bs", "To nije naš problem.", DISMISSIVE, "To nije naš problem"),
    ("hr", "Ništa ne možemo učiniti.", DISMISSIVE, "Ništa ne možemo učiniti"),
    ("sr", "Kao što je već navedeno, ne šaljemo u inostranstvo.", CONDESCENSION,
     "Kao što je već navedeno"),
    ("he", "היית צריך לקרוא את ההוראות.", BLAME, "היית צריך לקרוא"),
    ("he", "זו אשמתך.", BLAME, "אשמתך"),
    ("he", "כפי שכבר אמרתי, החנות סגורה.", CONDESCENSION, "כפי שכבר אמרתי"),
    ("he", "וכפי שכתבתי, אין משלוחים לחו״ל.", CONDESCENSION, "וכפי שכתבתי"),
    ("he", "זו לא הבעיה שלנו.", DISMISSIVE, "זו לא הבעיה שלנו"),
    ("he", "אין מה לעשות.", DISMISSIVE, "אין מה לעשות"),
    ("de", "Sie hätten die Anleitung lesen sollen.", BLAME,
     "Sie hätten die Anleitung lesen sollen"),
    ("de", "Das ist Ihre eigene Schuld.", BLAME, "Das ist Ihre eigene Schuld"),
    ("de", "Wie ich Ihnen bereits gesagt habe, ist der Laden zu.", CONDESCENSION,
     "Wie ich Ihnen bereits gesagt"),
    ("de", "Das ist nicht unser Problem.", DISMISSIVE, "nicht unser Problem"),
    ("de", "Da können wir leider nichts machen.", DISMISSIVE, "können wir leider nichts machen"),
    ("ru", "Вы должны были прочитать инструкцию.", BLAME, "Вы должны были прочитать"),
    ("ru", "Это ваша вина.", BLAME, "Это ваша вина"),
    ("ru", "Как я уже говорил, магазин закрыт.", CONDESCENSION, "Как я уже говорил"),
    ("ru", "Это не наша проблема.", DISMISSIVE, "Это не наша проблема"),
    ("ru", "Мы ничего не можем сделать.", DISMISSIVE, "Мы ничего не можем сделать"),
]  # fmt: skip

# Kind replies, many worded like a rude one.
KIND = [
    ("en", "Thank you for your patience; the refund is on its way."),
    ("en", "As you told us, the invoice was wrong, so we have corrected it."),
    ("en", "You should have received a mail from us with the new password."),
    ("en", "You should have a look at the attached guide; it shows every step."),
    ("en", "You would have to sign in again after the update."),
    ("en", "It is not your fault at all; the mistake was ours."),
    ("en", "That was our fault and we are sorry."),
    ("en", "As we discussed on the phone, I have sent the form."),
    ("en", "We fixed the API and the SMTP settings; the PDF and CSV exports work again."),
    ("en", "Your order number is ABC-123 and the code is XK9Q."),
    ("en", "> WHY IS NOTHING WORKING\nI am sorry, we are on it."),
    ("en", 'You wrote "THIS IS THE WORST SERVICE EVER" and I understand why.'),
    ("en", "We cannot help with that directly, but our partner can."),
    ("et", "Te oleksite pidanud meilt kirja saama."),
    ("et", "Nagu te meile ütlesite, arve oli vale."),
    ("et", "See pole teie süü, vabandame."),
    ("hu", "Önnek meg kellett volna kapnia tőlünk egy levelet."),
    ("hu", "Ahogy ön írta, a számla hibás volt."),
    ("hu", "Ez nem az ön hibája, elnézést kérünk."),
    ("bs", "Trebali ste dobiti mail od nas."),
    ("bs", "Kao što ste nam rekli, račun je bio pogrešan."),
    ("bs", "To nije vaša greška, izvinjavamo se."),
    ("bs", "Drugi put nas slobodno nazovite."),
    ("he", "היית צריך לקבל מאיתנו מייל."),
    ("he", "כפי שאמרת לנו, החשבונית הייתה שגויה."),
    ("he", "זו לא אשמתך, אנחנו מתנצלים."),
    ("de", "Sie hätten eine E-Mail von uns erhalten sollen."),
    ("de", "Wie Sie uns geschrieben haben, war die Rechnung falsch."),
    ("de", "Das ist nicht Ihre Schuld, entschuldigen Sie bitte."),
    ("ru", "Вы должны были получить от нас письмо."),
    ("ru", "Как вы нам сказали, счёт был неверным."),
    ("ru", "Это не ваша вина, приносим извинения."),
]


@pytest.mark.parametrize(("language", "reply", "code", "excerpt"), RUDE)
def test_a_rude_phrase_is_flagged_where_it_stands(
    language: str, reply: str, code: str, excerpt: str
) -> None:
    found = [(w.code, w.excerpt) for w in check_reply(reply, language)]
    assert (code, excerpt) in found


@pytest.mark.parametrize(("language", "reply", "code", "excerpt"), RUDE)
def test_a_rude_phrase_is_flagged_with_no_language_named(
    language: str, reply: str, code: str, excerpt: str
) -> None:
    assert (code, excerpt) in [(w.code, w.excerpt) for w in check_reply(reply)]


@pytest.mark.parametrize(("language", "reply"), KIND)
def test_a_kind_reply_has_no_warning(language: str, reply: str) -> None:
    assert check_reply(reply, language) == []
    assert check_reply(reply) == []


def test_the_span_points_at_the_words_as_written() -> None:
    reply = "Hello,\n\nas   I  ALREADY told you: ÚGY, AHOGY ÍRTAM."
    for warning in check_reply(reply):
        assert reply[warning.start : warning.end] == warning.excerpt
    assert [(w.code, w.language) for w in check_reply(reply)] == [
        (CONDESCENSION, "en"),
        (SHOUTING, ""),
        (CONDESCENSION, "hu"),
    ]


def test_warnings_come_in_reading_order_once_per_place() -> None:
    reply = "That is not our problem. As I said before, YOU SHOULD HAVE CHECKED."
    warnings = check_reply(reply, "en")
    assert [w.start for w in warnings] == sorted(w.start for w in warnings)
    assert [w.code for w in warnings] == [DISMISSIVE, CONDESCENSION, SHOUTING, BLAME]


def test_a_mixed_reply_is_read_in_every_language_when_none_is_named() -> None:
    reply = "Tere! Nagu ma juba ütlesin: not our problem."
    assert {w.language for w in check_reply(reply)} == {"et", "en"}
    # Named, the language's phrases and English's are read, and no other's.
    assert {w.language for w in check_reply("Das ist nicht unser Problem.", "et")} == set()


def test_languages_checked() -> None:
    assert languages_checked("hr") == ("bs", "en")
    assert languages_checked("fi") == ("en",)
    assert languages_checked(None) == tuple(PHRASES)


def test_an_empty_reply_has_no_warning() -> None:
    assert check_reply("") == []
    assert check_reply("   \n> QUOTED ONLY AND ALL CAPS") == []
