from __future__ import annotations

import pytest

from frontdesk.engine.asks import action_asks_in


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        # English
        ("viruses, call him back", ["call him back"]),
        ("Please call the customer back after lunch", ["call the customer back"]),
        ("wants a callback about the invoice", ["callback"]),
        ("No internet, call her back", ["call her back"]),
        ("Please get back to him today", ["get back to"]),
        # Estonian
        ("viirused, helista tagasi", ["helista tagasi"]),
        ("palub tagasi helistada", ["tagasi helistada"]),
        ("Helistage talle tagasi!", ["Helistage talle tagasi"]),
        ("palub tagasihelistamist", ["tagasihelistamist"]),
        # Hungarian
        ("vírusok, visszahívni", ["visszahívni"]),
        ("kérem hívja vissza!", ["hívja vissza"]),
        ("holnap visszahív", ["visszahív"]),
        # Bosnian
        ("virusi, nazvati ga sutra", ["nazvati"]),
        ("Nazovi ga poslije podne.", ["Nazovi"]),
        # Hebrew
        ("וירוסים, לחזור אליו", ["לחזור אליו"]),
        ("לחזור אליה מחר", ["לחזור אליה"]),
        ("ביקש שיחזור אליו", ["שיחזור אליו"]),
        # German
        ("Viren, bitte zurückrufen", ["zurückrufen"]),
        ("bittet um Rückruf", ["Rückruf"]),
        # Russian
        ("вирусы, перезвонить", ["перезвонить"]),
        ("Перезвоните ему завтра", ["Перезвоните"]),
        # A "no" that reminds asks all the more.
        ("don't forget to call him back", ["call him back"]),
        ("ära unusta tagasi helistada", ["tagasi helistada"]),
        ("ne felejtsd el visszahívni", ["visszahívni"]),
        ("ne zaboravi nazvati", ["nazvati"]),
        ("nemoj zaboraviti nazvati", ["nazvati"]),
        ("אל תשכח לחזור אליו", ["לחזור אליו"]),
        ("не забудь перезвонить", ["перезвонить"]),
        # The desk is not the one called: asked all the same.
        ("wants us to call him back", ["call him back"]),
        ("call back, then tell us", ["call back"]),
    ],
)
def test_words_that_ask_for_action_are_found_in_every_language(text: str, asks: list[str]) -> None:
    assert action_asks_in(text) == asks


@pytest.mark.parametrize(
    "text",
    [
        # Said not to be done.
        "don't call back",
        "Don’t call him back, he will write",
        "no need to call back",
        "callback not needed",
        "ära helista tagasi",
        "pole vaja tagasi helistada",
        "tagasi helistada pole vaja",
        "nem kell visszahívni",
        "ne hívd vissza",
        "ne treba nazvati",
        "nemoj ga nazvati",
        "לא צריך לחזור אליו",
        "אל תחזור אליו",
        "nicht zurückrufen",
        "не надо перезванивать",
        # Done already: the past asks nothing.
        "called back already",
        "already called back",
        "helistasin tagasi",
        "visszahívtam",
        "visszahívta tegnap",
        "nazvao sam ga",
        "חזרתי אליו",
        "zurückgerufen",
        "перезвонил вчера",
        # The customer is to call the desk.
        "he will get back to us",
        "will call us back tomorrow",
        "helistab meile tagasi",
        "visszahív minket",
        "ruft uns zurück",
        # Nothing asked.
        "viruses",
        "Rami called about the printer",
        "",
    ],
)
def test_words_said_not_to_be_done_or_done_already_ask_nothing(text: str) -> None:
    assert action_asks_in(text) == []
