"""A contract hanging by a thread, read with the shipped lexicons in each language (issue 17).

Each language has letters that weigh leaving, said politely and said angrily, and letters that use
the same words in another sense: cancelling an order or an appointment, the contract for a new
office, a marketing mail's "last chance to register", a question about renewing.
"""

from __future__ import annotations

import pytest

from frontdesk.engine.languages import written_as
from frontdesk.engine.triage import (
    Contact,
    LanguageDetection,
    Lexicon,
    Triage,
    lexicons_load,
    triage_rules,
)
from frontdesk.engine.triage.language import DEFAULT_LANGUAGES, lexicon_languages

# (language, subject, body): polite letters, a chat without a subject, a notice not to renew.
POLITE = [
    ("en", "Our renewal", "Hello Anna, we like the product, but we are considering cancelling our contract when it ends in June. Could we talk before then?"),
    ("en", "Billing", "Please take this as notice: unless the invoices are fixed this week, we will move to another provider."),
    ("en", "Export", "We have reported the export bug five times. This is your last chance to fix it, kind regards."),
    ("en", "", "honestly thinking about switching to a competitor, the sync breaks every day"),
    ("en", "Subscription", "Just so you know, we won't renew our subscription next year."),
    ("et", "Meie leping", "Tere! Oleme teenusega üldiselt rahul, kuid kaalume lepingu lõpetamist aasta lõpus. Kas saaksime enne rääkida?"),
    ("et", "Arved", "Kui viga nädala lõpuks parandatud ei ole, lõpetame lepingu ja läheme üle teise teenusepakkuja juurde."),
    ("et", "", "see on teie viimane võimalus, sünkroonimine ei tööta juba kolmandat nädalat"),
    ("et", "Pikendamine", "Anname teada, et me ei pikenda lepingut järgmiseks aastaks."),
    ("hu", "Szerződésünk", "Jó napot! Alapvetően elégedettek vagyunk, de a negyedév végén felmondjuk a szerződést, ha nem javul a szinkronizálás."),
    ("hu", "Ajánlat", "Kaptunk egy ajánlatot egy másik szolgáltatótól, ezért szeretnék beszélni a megújítás feltételeiről."),
    ("hu", "", "ez az utolsó esélyük, harmadik hete nem működik a szinkron"),
    ("hu", "Előfizetés", "Tájékoztatom, hogy jövőre nem hosszabbítjuk meg az előfizetést."),
    ("bs", "Naš ugovor", "Poštovani, uglavnom smo zadovoljni, ali razmišljamo o raskidu ugovora na kraju godine. Možemo li razgovarati?"),
    ("bs", "Fakture", "Ako greška ne bude ispravljena do petka, raskidamo ugovor i prelazimo kod drugog provajdera."),
    ("bs", "", "ovo vam je posljednja šansa, sinhronizacija ne radi treću sedmicu"),
    ("bs", "Produženje", "Obavještavamo vas da nećemo produžiti ugovor za narednu godinu."),
    ("he", "החוזה שלנו", "שלום, בדרך כלל אנחנו מרוצים, אבל שוקלים לבטל את החוזה בסוף השנה. אפשר לדבר לפני כן?"),
    ("he", "חשבוניות", "אם התקלה לא תתוקן עד יום חמישי, נעבור לספק אחר."),
    ("he", "", "זו ההזדמנות האחרונה שלכם, הסנכרון לא עובד כבר שלושה שבועות"),
    ("he", "חידוש", "רצינו לעדכן שלא נחדש את המנוי בשנה הבאה."),
    ("he", "הצעת מחיר", "קיבלנו הצעה זולה יותר ונבטל את החוזה אם המחיר לא ישתנה."),
    ("de", "Unser Vertrag", "Guten Tag, wir sind grundsätzlich zufrieden, überlegen aber, das Abo zu kündigen. Können wir vorher sprechen?"),
    ("de", "Rechnungen", "Wenn der Fehler bis Freitag nicht behoben ist, wechseln wir zu einem anderen Anbieter."),
    ("de", "", "das ist ihre letzte chance, der abgleich läuft seit drei wochen nicht"),
    ("ru", "Наш договор", "Добрый день! В целом мы довольны, но рассматриваем возможность расторгнуть договор в конце года. Можем обсудить?"),
    ("ru", "Счета", "Если ошибку не исправят до пятницы, мы перейдём к конкурентам."),
    ("ru", "", "это ваш последний шанс, синхронизация не работает третью неделю"),
    ("ru", "Продление", "Сообщаем, что не будем продлевать договор на следующий год."),
    ("es", "Contrato", "Si no lo arreglan este mes, vamos a cambiar de proveedor."),
    ("fr", "Contrat", "Sans solution d'ici vendredi, nous allons résilier notre contrat."),
    ("fi", "Sopimus", "Jos vikaa ei korjata tällä viikolla, irtisanomme sopimuksen."),
    ("pl", "Umowa", "Jeśli błąd nie zostanie naprawiony w tym tygodniu, rozwiążemy umowę."),
    ("lt", "Sutartis", "Jei klaida nebus ištaisyta šią savaitę, nutrauksime sutartį."),
    ("lv", "Līgums", "Ja kļūda šonedēļ netiks labota, mēs lauzīsim līgumu."),
]  # fmt: skip

ANGRY = [
    ("en", "THIS IS A JOKE", "Third outage this week!!! We are cancelling our subscription and going to a competitor."),
    ("et", "TÄIESTI VASTUVÕETAMATU", "Kolmas katkestus sel nädalal!!! Ütleme lepingu üles ja vahetame teenusepakkujat."),
    ("hu", "ELFOGADHATATLAN", "Már megint leállt a rendszer!!! Lemondjuk az előfizetést és a konkurenciához megyünk."),
    ("bs", "NEPRIHVATLJIVO", "Opet ne radi!!! Otkazujemo pretplatu i idemo kod konkurencije."),
    ("he", "בלתי מקובל", "שוב השבתה!!! אנחנו מבטלים את המנוי ועוברים למתחרים."),
    ("de", "INAKZEPTABEL", "Schon wieder ein Ausfall!!! Ich kündige und gehe zur Konkurrenz."),
    ("ru", "НЕПРИЕМЛЕМО", "Опять сбой!!! Отменяем подписку и уходим к конкурентам."),
]  # fmt: skip

# The same words in another sense: none of these is a contract hanging by a thread.
OTHER_SENSE = [
    ("en", "Order", "How do I cancel an order I placed by mistake this morning?"),
    ("en", "Appointment", "Hi, I need to cancel my appointment on Thursday, can we move it to Friday?"),
    ("en", "New office", "Please send the contract for the new office to our Tartu address."),
    ("en", "Re: Webinar", "Your email said last chance to register for the webinar. Is there still a seat?"),
    ("en", "Renewal", "When does our contract renew, and can we renew it for two years instead of one?"),
    ("en", "Plans", "Can we switch to the annual plan and keep our data?"),
    ("et", "Tellimus", "Kuidas saan eksikombel tehtud tellimuse tühistada?"),
    ("et", "Broneering", "Palun tühistage minu neljapäevane broneering, tulen hoopis reedel."),
    ("et", "Uus kontor", "Palun saatke uue kontori leping meie Tartu aadressile."),
    ("et", "Veebiseminar", "Kirjas oli viimane šanss registreeruda veebiseminarile. Kas kohti veel on?"),
    ("et", "Pikendamine", "Millal meie leping pikeneb ja kas saame seda pikendada kaheks aastaks?"),
    ("hu", "Rendelés", "Hogyan tudom lemondani a rendelést, amit tévedésből adtam le?"),
    ("hu", "Időpont", "Lemondom a csütörtöki időpontomat, pénteken jó lenne helyette?"),
    ("hu", "Új iroda", "Kérem, küldjék el az új iroda szerződését a szegedi címünkre."),
    ("hu", "Webinárium", "A levélben az állt, hogy utolsó esély a regisztrációra. Van még hely?"),
    ("hu", "Megújítás", "Mikor újul meg a szerződésünk, és meghosszabbíthatjuk két évre?"),
    ("bs", "Narudžba", "Kako da otkažem narudžbu koju sam greškom napravio?"),
    ("bs", "Termin", "Otkazujem termin za četvrtak, može li petak?"),
    ("bs", "Nova kancelarija", "Molim vas pošaljite ugovor za novu kancelariju na našu adresu u Mostaru."),
    ("bs", "Webinar", "U mailu piše posljednja šansa za prijavu na webinar. Ima li još mjesta?"),
    ("bs", "Produženje", "Kada se naš ugovor produžava i možemo li ga produžiti na dvije godine?"),
    ("he", "הזמנה", "איך מבטלים הזמנה שביצעתי בטעות?"),
    ("he", "תור", "צריך לבטל את התור ביום חמישי, אפשר לקבוע ליום שישי?"),
    ("he", "משרד חדש", "אנא שלחו את החוזה של המשרד החדש לכתובת שלנו בחיפה."),
    ("he", "וובינר", "במייל היה כתוב הזדמנות אחרונה להירשם לוובינר. נשארו מקומות?"),
    ("he", "חידוש", "מתי המנוי שלנו מתחדש, ואפשר לחדש אותו לשנתיים?"),
    ("he", "מסמכים", "נוכל לספק אחר כך את המסמכים החסרים?"),
    ("de", "Bestellung", "Wie storniere ich eine Bestellung, die ich versehentlich aufgegeben habe?"),
    ("de", "Termin", "Ich muss meinen Termin am Donnerstag absagen, geht auch Freitag?"),
    ("de", "Neues Büro", "Bitte schicken Sie den Vertrag für das neue Büro an unsere Adresse in Graz."),
    ("de", "Webinar", "In Ihrer Mail stand: letzte Chance zur Anmeldung. Gibt es noch Plätze?"),
    ("de", "Verlängerung", "Wann verlängert sich unser Vertrag, und können wir ihn um zwei Jahre verlängern?"),
    ("ru", "Заказ", "Как отменить заказ, который оформлен по ошибке?"),
    ("ru", "Запись", "Нужно отменить запись на четверг, можно перенести на пятницу?"),
    ("ru", "Новый офис", "Пришлите, пожалуйста, договор на новый офис по нашему адресу в Нарве."),
    ("ru", "Вебинар", "В письме написано: последний шанс записаться на вебинар. Места ещё есть?"),
    ("ru", "Продление", "Когда продлевается наш договор и можно ли продлить его на два года?"),
]  # fmt: skip


@pytest.fixture(scope="module")
def detection() -> LanguageDetection:
    return LanguageDetection(DEFAULT_LANGUAGES)


@pytest.fixture(scope="module")
def lexicons(detection: LanguageDetection) -> dict[str, Lexicon]:
    return lexicons_load(languages=lexicon_languages(detection.codes))


def _triage(
    language: str,
    subject: str,
    body: str,
    lexicons: dict[str, Lexicon],
    detection: LanguageDetection,
) -> Triage:
    contact = Contact(id="1", channel="web" if subject else "chat", subject=subject, body=body)
    # As the desk does, the customer's own language stands in when detection cannot tell
    # (Bosnian, Croatian and Serbian are too close to tell apart in a line or two).
    decided = triage_rules(
        contact, lexicons=lexicons, detection=detection, fallback_language=language
    )
    assert written_as(decided.language) == language
    return decided


@pytest.mark.parametrize(("language", "subject", "body"), POLITE)
def test_a_polite_letter_weighing_a_move_is_level_one_for_churn(
    lexicons: dict[str, Lexicon],
    detection: LanguageDetection,
    language: str,
    subject: str,
    body: str,
) -> None:
    decided = _triage(language, subject, body, lexicons, detection)
    assert decided.level == 1
    assert decided.reasons[0].code == "churn"
    assert decided.reasons[0].text().startswith("churn risk: “")
    assert not decided.angry


@pytest.mark.parametrize(("language", "subject", "body"), ANGRY)
def test_an_angry_letter_weighing_a_move_is_level_one_for_churn_and_angry(
    lexicons: dict[str, Lexicon],
    detection: LanguageDetection,
    language: str,
    subject: str,
    body: str,
) -> None:
    decided = _triage(language, subject, body, lexicons, detection)
    assert decided.level == 1
    assert decided.reasons[0].code == "churn"
    assert decided.angry


@pytest.mark.parametrize(("language", "subject", "body"), OTHER_SENSE)
def test_the_same_words_in_another_sense_are_no_churn_risk(
    lexicons: dict[str, Lexicon],
    detection: LanguageDetection,
    language: str,
    subject: str,
    body: str,
) -> None:
    decided = _triage(language, subject, body, lexicons, detection)
    assert "churn" not in {reason.code for reason in decided.reasons}
    assert decided.level == 4


@pytest.mark.parametrize(
    ("language", "body", "words"),
    [
        (
            "hu",
            "Kaptunk egy ajánlatot egy Másik Szolgáltatótól, ezért írok.",
            "Másik Szolgáltatótól",
        ),
        ("et", "Kui viga ei parandata, kaalume lepingu lõpetamist.", "lepingu lõpetamist"),
        (
            "ru",
            "Мы рассматриваем возможность расторгнуть договор (с 1 мая).",
            "расторгнуть договор",
        ),
        ("he", "אם זה לא יתוקן, נעבור לספק אחר.", "לספק אחר"),
    ],
)
def test_the_reason_quotes_the_customers_own_words_as_written(
    lexicons: dict[str, Lexicon],
    detection: LanguageDetection,
    language: str,
    body: str,
    words: str,
) -> None:
    decided = _triage(language, "", body, lexicons, detection)
    assert decided.reasons[0].text() == f"churn risk: “{words}”"
