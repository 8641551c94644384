"""Casual words in a reply: flagged only when the customer calls for a formal reply, per
language, with their kind look-alikes left alone."""

from __future__ import annotations

import pytest

from frontdesk.engine.tone import (
    CASUAL,
    CASUAL_PHRASES,
    PHRASES,
    UPSET,
    URGENT,
    check_reply,
    formal_reply_reason,
    reply_must_be_formal,
)

# (language, reply, the words flagged as one casual place)
CASUAL_REPLIES = [
    ("en", "No worries lol, we'll look at the charge today.", "No worries lol"),
    ("en", "Chill, the refund is on its way.", "Chill"),
    ("en", "Just relax, your data is safe.", "Just relax"),
    ("en", "Please calm down, we are on it.", "Please calm down"),
    ("en", "Thank you. Calm down and send us the receipt.", "Calm down"),
    ("en", "You need to calm down before we go on.", "You need to calm down"),
    ("en", "Hi Anna,\nRelax, we will fix it today.", "Relax"),
    ("en", "Hi Anna,\n\nCalm down, please. The refund is on its way.", "Calm down"),
    ("en", "Dear Anna, relax. The refund is on its way.", "relax"),
    ("en", "It was a small glitch, no biggie.", "no biggie"),
    ("en", "Haha, that one gets everyone.", "Haha"),
    ("en", "Fixed it, cheers mate!", "cheers mate"),
    ("en", "Sent you the new invoice, np.", "np"),
    ("en", "Oops, my bad, the link is below.", "Oops, my bad"),
    ("en", "Sorry about that xD", "xD"),
    ("en", "Yo! Your account is open again.", "Yo"),
    ("en", "Hey yo, sup? Here is the link.", "Hey yo, sup"),
    ("en", "We'll get there 😂", "😂"),
    ("en", "It's the bank's rule ¯\\_(ツ)_/¯", "¯\\_(ツ)_/¯"),
    ("en", "Done, thanks🙃", "🙃"),
    ("et", "Pole hullu, raha tuleb homme tagasi.", "Pole hullu"),
    ("et", "Chill, arve on juba parandatud.", "Chill"),
    ("et", "Võtke rahulikult, me vaatame selle üle.", "Võtke rahulikult"),
    ("et", "Ära stressa, konto on avatud.", "Ära stressa"),
    ("et", "Hahaa, see juhtub kõigiga.", "Hahaa"),
    ("hu", "Nyugi, a pénzt visszautaljuk.", "Nyugi"),
    ("hu", "Semmi gáz, holnapra kész.", "Semmi gáz"),
    ("hu", "Haha, ez mindenkivel megesik.", "Haha"),
    ("hu", "Nyugodjon meg, dolgozunk rajta.", "Nyugodjon meg"),
    ("bs", "Ma opusti se, sve će biti u redu.", "Ma opusti se"),
    ("bs", "Nema frke, račun je ispravljen.", "Nema frke"),
    ("bs", "Ma ništa, to se dešava.", "Ma ništa"),
    ("bs", "Smirite se, radimo na tome.", "Smirite se"),
    ("hr", "Bez frke, šaljemo novu karticu.", "Bez frke"),
    ("he", "סבבה, נבדוק את החיוב מחר.", "סבבה"),
    ("he", "אחי, הכסף יחזור אליך.", "אחי"),
    ("he", "חחח קורה לכולם.", "חחח"),
    ("he", "תירגע, אנחנו מטפלים בזה.", "תירגע"),
    ("he", "אין לחץ, נחזור אליך השבוע.", "אין לחץ"),
    ("de", "Entspann dich, das Geld kommt zurück.", "Entspann dich"),
    ("de", "Kein Stress, wir kümmern uns darum.", "Kein Stress"),
    ("ru", "Не парьтесь, деньги вернутся.", "Не парьтесь"),
    ("ru", "Успокойтесь, мы уже работаем над этим.", "Успокойтесь"),
]

# Casual only in look: each is fine even to a customer who calls for care.
NOT_CASUAL = [
    ("en", "We agreed a relaxed deadline for the second part."),
    ("en", "We can relax the daily limit for your account."),
    ("en", "The load on the servers should calm down after the migration."),
    ("en", "We expect the bank's rules to relax."),
    ("en", "If you need more, relax the filter and search again."),
    ("he", "העומס גבר, ולכן התשובה התעכבה."),
    ("hu", "A nyugis időszakban gyorsabban válaszolunk."),
    ("en", "The chilli sauce was out of stock; we refunded it."),
    ("en", "The chilled water unit is repaired."),
    ("en", "Please keep the cold chain chilled during delivery."),
    ("en", "No problem: the refund is on its way."),
    ("en", "Your files from Adobe XD are attached."),
    ("en", "Hahn GmbH confirmed the delivery."),
    ("en", "Yours sincerely, the billing team"),
    ("es", "Yo, como su agente, reviso el cobro hoy."),
    ("pl", "Przesyłamy dokumenty, np. fakturę i umowę."),
    ("en", 'You wrote "no worries lol" in your last mail; we took it seriously.'),
    ("en", "> chill, it's fine\nThank you for your patience; it is fixed now."),
    ("et", "Teie kontoga on kõik korras ja raha on teel."),
    ("hu", "A cső, amit küldtünk, hibás volt; cseréljük."),
    ("hu", "Nyugdíjas kedvezményt is adunk."),
    ("bs", "Greška nema veze s vašim računom."),
    ("he", "ברגע שהתשלום יאושר נודיע לך."),
    ("de", "Im Alter von zwei Jahren braucht das Gerät eine Wartung."),
]


@pytest.mark.parametrize(("language", "reply", "excerpt"), CASUAL_REPLIES)
def test_a_casual_word_is_flagged_for_a_customer_who_calls_for_care(
    language: str, reply: str, excerpt: str
) -> None:
    found = [(w.code, w.excerpt) for w in check_reply(reply, language, formal=True)]
    assert found == [(CASUAL, excerpt)]
    warning = check_reply(reply, language, formal=True)[0]
    assert reply[warning.start : warning.end] == excerpt


@pytest.mark.parametrize(("language", "reply", "excerpt"), CASUAL_REPLIES)
def test_a_casual_word_is_flagged_with_no_language_named(
    language: str, reply: str, excerpt: str
) -> None:
    assert (CASUAL, excerpt) in [(w.code, w.excerpt) for w in check_reply(reply, formal=True)]


@pytest.mark.parametrize(("language", "reply", "excerpt"), CASUAL_REPLIES)
def test_the_same_words_pass_for_a_relaxed_customer(
    language: str, reply: str, excerpt: str
) -> None:
    assert check_reply(reply, language) == []
    assert check_reply(reply, language, formal=False) == []


@pytest.mark.parametrize(("language", "reply"), NOT_CASUAL)
def test_a_look_alike_is_not_casual(language: str, reply: str) -> None:
    assert check_reply(reply, language, formal=True) == []
    assert check_reply(reply, formal=True) == []


def test_casual_words_side_by_side_are_one_place_and_others_stay_apart() -> None:
    reply = "No worries lol 😂 — the charge is reversed. Chill!"
    found = [(w.code, w.excerpt) for w in check_reply(reply, "en", formal=True)]
    assert found == [(CASUAL, "No worries lol 😂"), (CASUAL, "Chill")]


def test_casual_words_come_in_reading_order_among_the_other_codes() -> None:
    reply = "Relax, as I already told you, that is not our problem lol"
    codes = [w.code for w in check_reply(reply, "en", formal=True)]
    assert codes == [CASUAL, "condescension", "dismissive", CASUAL]


@pytest.mark.parametrize(
    ("level", "tone", "reason"),
    [
        (1, None, URGENT),
        (1, 0.6, URGENT),
        (4, -0.9, UPSET),
        (2, -0.5, UPSET),
        (1, -0.5, UPSET),
        (2, -0.49, None),
        (2, -0.2, None),
        (4, -0.15, None),
        (4, 0.0, None),
        (3, None, None),
        (None, None, None),
        (4, 0.8, None),
    ],
)
def test_who_calls_for_a_formal_reply(level: int | None, tone: float | None, reason: str) -> None:
    assert formal_reply_reason(level=level, tone=tone) == reason
    assert reply_must_be_formal(level=level, tone=tone) is (reason is not None)


def test_every_language_with_tone_phrases_has_casual_ones() -> None:
    assert set(CASUAL_PHRASES) == set(PHRASES)
