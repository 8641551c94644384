# ruff: noqa: E501
"""The planted problems of problems_bench.py: each told in six languages, two ways each.

Written for the bench (not machine-translated): customers quote the error string or code the
product shows them, and otherwise use their own words.
"""

from __future__ import annotations

# problem name → language → (subject, body) variants
BURSTS: dict[str, dict[str, list[tuple[str, str]]]] = {
    "invoice-pdf-0kb": {
        "en": [
            (
                "Invoice PDF is empty",
                "The invoice PDF I downloaded today is 0 KB and will not open.",
            ),
            (
                "Can't open my invoice",
                "Every invoice I download comes as a PDF of 0 KB. Adobe says the file is damaged.",
            ),
        ],
        "et": [
            ("Arve PDF on tühi", "Täna alla laaditud arve PDF on 0 KB suurune ega avane."),
            (
                "Arve ei avane",
                "Iga arve, mille alla laadin, on 0 KB PDF fail. Adobe ütleb, et fail on vigane.",
            ),
        ],
        "hu": [
            ("Üres a PDF számla", "A ma letöltött PDF számla mérete 0 KB, és nem nyílik meg."),
            (
                "Nem tudom megnyitni a számlát",
                "Minden letöltött számla 0 KB-os PDF. Az Adobe szerint sérült a fájl.",
            ),
        ],
        "bs": [
            (
                "PDF račun je prazan",
                "Račun koji sam danas preuzeo kao PDF ima 0 KB i ne može se otvoriti.",
            ),
            (
                "Ne mogu otvoriti fakturu",
                "Svaka faktura koju preuzmem je PDF od 0 KB. Adobe kaže da je datoteka oštećena.",
            ),
        ],
        "he": [
            ("קובץ PDF של החשבונית ריק", "החשבונית שהורדתי היום בקובץ PDF שוקלת 0 KB ולא נפתחת."),
            (
                "לא מצליח לפתוח חשבונית",
                "כל חשבונית שאני מוריד היא PDF בגודל 0 KB. תוכנת Adobe אומרת שהקובץ פגום.",
            ),
        ],
        "de": [
            (
                "Rechnungs-PDF ist leer",
                "Die heute heruntergeladene Rechnung als PDF hat 0 KB und lässt sich nicht öffnen.",
            ),
            (
                "Rechnung öffnet nicht",
                "Jede Rechnung, die ich herunterlade, ist ein PDF mit 0 KB. Adobe meldet eine beschädigte Datei.",
            ),
        ],
    },
    "android-session-expired": {
        "en": [
            (
                "App logs me out",
                'The Android app says "Session expired" right after I log in. Version 5.3.',
            ),
            (
                "Session expired loop",
                "Since updating to 5.3 on Android I only get Session expired, again and again.",
            ),
        ],
        "et": [
            (
                "Rakendus logib välja",
                'Androidi rakendus kirjutab kohe pärast sisselogimist "Session expired". Versioon 5.3.',
            ),
            (
                "Ei saa sisse",
                "Pärast uuendust 5.3 peale näitab Android ainult teadet Session expired.",
            ),
        ],
        "hu": [
            (
                "Kiléptet az alkalmazás",
                'Az Android alkalmazás belépés után rögtön azt írja: "Session expired". 5.3-as verzió.',
            ),
            (
                "Nem tudok belépni",
                "A 5.3-as frissítés óta Androidon csak a Session expired üzenetet kapom.",
            ),
        ],
        "bs": [
            (
                "Aplikacija me odjavljuje",
                'Android aplikacija odmah nakon prijave javlja "Session expired". Verzija 5.3.',
            ),
            (
                "Ne mogu se prijaviti",
                "Od ažuriranja na 5.3 na Androidu dobijam samo poruku Session expired.",
            ),
        ],
        "he": [
            (
                "האפליקציה מנתקת אותי",
                'אפליקציית האנדרואיד כותבת "Session expired" מיד אחרי ההתחברות. גרסה 5.3.',
            ),
            ("לא מצליח להתחבר", "מאז העדכון ל-5.3 באנדרואיד אני מקבל רק Session expired שוב ושוב."),
        ],
        "de": [
            (
                "App meldet mich ab",
                'Die Android-App zeigt direkt nach dem Login "Session expired". Version 5.3.',
            ),
            (
                "Login geht nicht",
                "Seit dem Update auf 5.3 bekomme ich auf Android nur noch Session expired.",
            ),
        ],
    },
    "card-payment-503": {
        "en": [
            ("Card payment fails", "When I pay by card the payment page shows error 503."),
            ("Cannot pay", "Checkout stops with 503 Service Unavailable after I enter my card."),
        ],
        "et": [
            ("Kaardimakse ei õnnestu", "Kaardiga makstes näitab makseleht viga 503."),
            (
                "Ei saa maksta",
                "Pärast kaardiandmete sisestamist peatub ost veaga 503 Service Unavailable.",
            ),
        ],
        "hu": [
            (
                "Nem megy a kártyás fizetés",
                "Kártyás fizetésnél a fizetési oldal 503-as hibát ír ki.",
            ),
            (
                "Nem tudok fizetni",
                "A kártyaadatok megadása után a pénztár 503 Service Unavailable hibával leáll.",
            ),
        ],
        "bs": [
            (
                "Plaćanje karticom ne radi",
                "Kad plaćam karticom, stranica za plaćanje pokaže grešku 503.",
            ),
            (
                "Ne mogu platiti",
                "Nakon unosa kartice kupovina stane s greškom 503 Service Unavailable.",
            ),
        ],
        "he": [
            ("תשלום בכרטיס נכשל", "כשאני משלם בכרטיס אשראי דף התשלום מציג שגיאה 503."),
            ("לא ניתן לשלם", "אחרי שאני מזין את הכרטיס הקופה נעצרת עם 503 Service Unavailable."),
        ],
        "de": [
            (
                "Kartenzahlung schlägt fehl",
                "Beim Bezahlen mit Karte zeigt die Zahlungsseite Fehler 503.",
            ),
            (
                "Kann nicht bezahlen",
                "Nach Eingabe der Karte bricht der Checkout mit 503 Service Unavailable ab.",
            ),
        ],
    },
    "portal-connection-reset": {
        "en": [
            ("Portal won't load", "The customer portal gives ERR_CONNECTION_RESET in Chrome."),
            (
                "Connection reset",
                "I get ERR_CONNECTION_RESET every time I open the portal, other sites work.",
            ),
        ],
        "et": [
            ("Portaal ei avane", "Kliendiportaal annab Chrome'is vea ERR_CONNECTION_RESET."),
            (
                "Ühendus katkeb",
                "Portaali avamisel tuleb iga kord ERR_CONNECTION_RESET, teised lehed töötavad.",
            ),
        ],
        "hu": [
            ("Nem tölt be a portál", "Az ügyfélportál Chrome-ban ERR_CONNECTION_RESET hibát ad."),
            (
                "Megszakad a kapcsolat",
                "Valahányszor megnyitom a portált, ERR_CONNECTION_RESET jön, más oldalak működnek.",
            ),
        ],
        "bs": [
            ("Portal se ne učitava", "Korisnički portal u Chromeu javlja ERR_CONNECTION_RESET."),
            (
                "Veza se prekida",
                "Svaki put kad otvorim portal dobijem ERR_CONNECTION_RESET, druge stranice rade.",
            ),
        ],
        "he": [
            ("הפורטל לא נטען", "פורטל הלקוחות מחזיר ERR_CONNECTION_RESET בכרום."),
            (
                "החיבור מתנתק",
                "בכל פעם שאני פותח את הפורטל מופיע ERR_CONNECTION_RESET, אתרים אחרים עובדים.",
            ),
        ],
        "de": [
            ("Portal lädt nicht", "Das Kundenportal zeigt in Chrome ERR_CONNECTION_RESET."),
            (
                "Verbindung abgebrochen",
                "Jedes Mal wenn ich das Portal öffne, kommt ERR_CONNECTION_RESET, andere Seiten gehen.",
            ),
        ],
    },
    "sms-2fa-code": {
        "en": [
            ("No SMS code", "I don't receive the SMS code for two-step login (2FA)."),
            (
                "2FA code never arrives",
                "Waited 20 minutes, the 2FA text message never came to my phone.",
            ),
        ],
        "et": [
            ("SMS-koodi ei tule", "Ma ei saa SMS-koodi kaheastmelise sisselogimise (2FA) jaoks."),
            ("2FA kood ei jõua kohale", "Ootasin 20 minutit, 2FA SMS ei jõudnudki telefoni."),
        ],
        "hu": [
            ("Nem jön az SMS kód", "Nem kapom meg az SMS kódot a kétlépcsős belépéshez (2FA)."),
            ("Nem érkezik a 2FA kód", "20 percet vártam, a 2FA SMS nem jött meg a telefonomra."),
        ],
        "bs": [
            ("Ne stiže SMS kod", "Ne stiže mi SMS kod za prijavu u dva koraka (2FA)."),
            ("2FA kod ne dolazi", "Čekao sam 20 minuta, 2FA SMS nije stigao na telefon."),
        ],
        "he": [
            ("לא מגיע קוד SMS", "לא מגיע לי קוד SMS לאימות דו-שלבי (2FA)."),
            ("קוד 2FA לא מגיע", "חיכיתי 20 דקות והודעת ה-SMS עם קוד 2FA לא הגיעה לטלפון."),
        ],
        "de": [
            ("Kein SMS-Code", "Ich bekomme keinen SMS-Code für die Zwei-Faktor-Anmeldung (2FA)."),
            ("2FA-Code kommt nicht", "Seit 20 Minuten warte ich, die 2FA-SMS kommt nicht an."),
        ],
    },
    "csv-export-417": {
        "en": [
            ("Export broken", "Exporting my orders to CSV fails with error EXP-417."),
            ("CSV export error", "The CSV export stops at 0% and then shows EXP-417."),
        ],
        "et": [
            ("Eksport ei tööta", "Tellimuste eksport CSV-faili katkeb veaga EXP-417."),
            ("CSV ekspordi viga", "CSV eksport jääb 0% peale seisma ja siis tuleb EXP-417."),
        ],
        "hu": [
            ("Nem működik az exportálás", "A rendelések CSV exportja EXP-417 hibával megszakad."),
            ("CSV export hiba", "A CSV export 0%-on megáll, majd EXP-417 hibát ír."),
        ],
        "bs": [
            ("Izvoz ne radi", "Izvoz narudžbi u CSV pukne s greškom EXP-417."),
            ("Greška kod CSV izvoza", "CSV izvoz stane na 0% i onda pokaže EXP-417."),
        ],
        "he": [
            ("הייצוא לא עובד", "ייצוא ההזמנות לקובץ CSV נכשל עם שגיאה EXP-417."),
            ("שגיאה בייצוא CSV", "ייצוא ה-CSV נתקע על 0% ואז מופיע EXP-417."),
        ],
        "de": [
            (
                "Export kaputt",
                "Der Export meiner Bestellungen als CSV bricht mit Fehler EXP-417 ab.",
            ),
            ("CSV-Export Fehler", "Der CSV-Export bleibt bei 0% stehen und zeigt dann EXP-417."),
        ],
    },
    "double-charge-49.90": {
        "en": [
            (
                "Charged twice",
                "My subscription renewal of 49.90 EUR was charged twice this morning.",
            ),
            ("Double payment", "I see two payments of 49.90 for the same renewal on my card."),
        ],
        "et": [
            (
                "Raha võeti kaks korda",
                "Tellimuse pikendus 49,90 EUR võeti täna hommikul kaks korda.",
            ),
            ("Topeltmakse", "Näen kaardil sama pikenduse eest kahte makset 49,90."),
        ],
        "hu": [
            (
                "Kétszer vonták le",
                "Az előfizetés megújítását, 49,90 EUR-t, ma reggel kétszer terhelték a kártyámra.",
            ),
            ("Dupla terhelés", "Két 49,90-es terhelést látok ugyanarra a megújításra."),
        ],
        "bs": [
            ("Naplaćeno dvaput", "Obnova pretplate od 49,90 EUR naplaćena mi je jutros dva puta."),
            ("Dupla uplata", "Na kartici vidim dvije uplate od 49,90 za istu obnovu."),
        ],
        "he": [
            ("חויבתי פעמיים", "חידוש המנוי בסך 49.90 EUR חויב פעמיים הבוקר."),
            ("חיוב כפול", "אני רואה בכרטיס שני חיובים של 49.90 על אותו חידוש."),
        ],
        "de": [
            (
                "Doppelt abgebucht",
                "Die Verlängerung meines Abos über 49,90 EUR wurde heute früh zweimal abgebucht.",
            ),
            ("Doppelte Zahlung", "Ich sehe zwei Abbuchungen von 49,90 für dieselbe Verlängerung."),
        ],
    },
    "tracking-404": {
        "en": [
            (
                "Tracking link broken",
                "The tracking link in the shipping e-mail leads to a 404 page.",
            ),
            ("Can't track parcel", "Track my parcel just says 404 Not Found."),
        ],
        "et": [
            ("Jälgimislink ei tööta", "Saatmiskirjas olev jälgimislink viib 404 lehele."),
            ("Pakki ei saa jälgida", "Paki jälgimine näitab ainult 404 Not Found."),
        ],
        "hu": [
            (
                "Hibás a követési link",
                "A szállítási e-mailben lévő követési link 404-es oldalra visz.",
            ),
            ("Nem tudom követni a csomagot", "A csomagkövetés csak annyit ír: 404 Not Found."),
        ],
        "bs": [
            ("Link za praćenje ne radi", "Link za praćenje u mailu o slanju vodi na stranicu 404."),
            ("Ne mogu pratiti paket", "Praćenje paketa samo pokazuje 404 Not Found."),
        ],
        "he": [
            ("קישור המעקב שבור", "קישור המעקב במייל המשלוח מוביל לדף 404."),
            ("לא ניתן לעקוב אחרי החבילה", "מעקב החבילה מציג רק 404 Not Found."),
        ],
        "de": [
            (
                "Sendungsverfolgung kaputt",
                "Der Tracking-Link in der Versandmail führt auf eine 404-Seite.",
            ),
            ("Paket nicht verfolgbar", "Die Sendungsverfolgung zeigt nur 404 Not Found."),
        ],
    },
    "ios-push": {
        "en": [
            ("No notifications", "Since iOS 18.2 I get no push notifications from your app."),
            ("Push stopped", "After updating my iPhone to 18.2 the app's notifications stopped."),
        ],
        "et": [
            (
                "Teavitusi ei tule",
                "Alates iOS 18.2 ei tule teie rakendusest ühtegi push-teavitust.",
            ),
            (
                "Push ei tööta",
                "Pärast iPhone'i uuendamist 18.2 peale lakkasid rakenduse teavitused.",
            ),
        ],
        "hu": [
            (
                "Nincsenek értesítések",
                "Az iOS 18.2 óta nem kapok push értesítést az alkalmazásból.",
            ),
            (
                "Leállt a push",
                "Miután az iPhone-t 18.2-re frissítettem, megszűntek az alkalmazás értesítései.",
            ),
        ],
        "bs": [
            ("Nema obavijesti", "Od iOS 18.2 ne dobijam push obavijesti iz vaše aplikacije."),
            ("Push ne radi", "Nakon ažuriranja iPhonea na 18.2 prestale su obavijesti aplikacije."),
        ],
        "he": [
            ("אין התראות", "מאז iOS 18.2 אני לא מקבל התראות push מהאפליקציה שלכם."),
            ("ההתראות הפסיקו", "אחרי שעדכנתי את האייפון ל-18.2 ההתראות של האפליקציה הפסיקו."),
        ],
        "de": [
            (
                "Keine Benachrichtigungen",
                "Seit iOS 18.2 bekomme ich keine Push-Benachrichtigungen von eurer App.",
            ),
            (
                "Push geht nicht mehr",
                "Nach dem Update meines iPhones auf 18.2 kommen keine Mitteilungen der App mehr.",
            ),
        ],
    },
    "outlook-sync": {
        "en": [
            (
                "Outlook sync duplicates",
                "Calendar sync with Outlook creates every appointment twice.",
            ),
            (
                "Duplicate events",
                "Since yesterday each booking shows up two times in my Outlook calendar.",
            ),
        ],
        "et": [
            (
                "Outlooki sünkroonimine",
                "Kalendri sünkroonimine Outlookiga loob iga kohtumise kaks korda.",
            ),
            (
                "Topeltsündmused",
                "Eilsest alates on iga broneering mu Outlooki kalendris kaks korda.",
            ),
        ],
        "hu": [
            (
                "Outlook szinkron duplikál",
                "Az Outlook naptárszinkron minden időpontot kétszer hoz létre.",
            ),
            (
                "Dupla események",
                "Tegnap óta minden foglalás kétszer jelenik meg az Outlook naptáramban.",
            ),
        ],
        "bs": [
            (
                "Outlook sinhronizacija",
                "Sinhronizacija kalendara s Outlookom pravi svaki termin dvaput.",
            ),
            (
                "Dupli događaji",
                "Od jučer se svaka rezervacija pojavljuje dva puta u mom Outlook kalendaru.",
            ),
        ],
        "he": [
            ("סנכרון Outlook משכפל", "סנכרון היומן עם Outlook יוצר כל פגישה פעמיים."),
            ("אירועים כפולים", "מאתמול כל הזמנה מופיעה פעמיים ביומן ה-Outlook שלי."),
        ],
        "de": [
            (
                "Outlook-Sync doppelt",
                "Die Kalendersynchronisation mit Outlook legt jeden Termin doppelt an.",
            ),
            (
                "Doppelte Termine",
                "Seit gestern erscheint jede Buchung zweimal in meinem Outlook-Kalender.",
            ),
        ],
    },
}

# What a customer writes around the matter, per language.
OPENINGS = {
    "en": ["Hello,", "Hi there,", "Good morning,", ""],
    "et": ["Tere,", "Tere päevast!", ""],
    "hu": ["Jó napot!", "Tisztelt Ügyfélszolgálat!", "Szia,", ""],
    "bs": ["Poštovani,", "Zdravo,", "Dobar dan,", ""],
    "he": ["שלום,", "היי,", ""],
    "de": ["Hallo,", "Guten Tag,", "Sehr geehrte Damen und Herren,", ""],
}
FILLERS = {
    "en": [
        "It worked fine yesterday.",
        "Can you please check?",
        "This is urgent for me.",
        "I tried twice.",
    ],
    "et": [
        "Eile töötas kõik korras.",
        "Palun vaadake üle.",
        "Mul on sellega kiire.",
        "Proovisin kaks korda.",
    ],
    "hu": [
        "Tegnap még működött.",
        "Megnéznék, kérem?",
        "Sürgős lenne.",
        "Kétszer is megpróbáltam.",
    ],
    "bs": [
        "Jučer je sve radilo.",
        "Možete li provjeriti?",
        "Hitno mi je.",
        "Pokušao sam dva puta.",
    ],
    "he": ["אתמול זה עבד.", "תוכלו לבדוק בבקשה?", "זה דחוף לי.", "ניסיתי פעמיים."],
    "de": [
        "Gestern ging es noch.",
        "Können Sie das prüfen?",
        "Es ist dringend.",
        "Ich habe es zweimal versucht.",
    ],
}
CLOSINGS = {
    "en": ["Thanks", "Regards", "Best,", ""],
    "et": ["Aitäh", "Parimat", ""],
    "hu": ["Köszönöm", "Üdvözlettel", ""],
    "bs": ["Hvala", "Lijep pozdrav", ""],
    "he": ["תודה", "בברכה", ""],
    "de": ["Danke", "Viele Grüße", ""],
}

# A topic always common at a desk: password resets, in the same languages.
PASSWORD_RESET = {
    "en": [
        ("Password reset", "I forgot my password, how do I reset it?"),
        ("Can't log in", "Please send me a password reset link."),
    ],
    "et": [("Parooli lähtestamine", "Unustasin parooli, kuidas seda lähtestada?")],
    "hu": [("Jelszó", "Elfelejtettem a jelszavamat, hogyan tudom visszaállítani?")],
    "bs": [("Lozinka", "Zaboravio sam lozinku, kako da je resetujem?")],
    "he": [("איפוס סיסמה", "שכחתי את הסיסמה, איך מאפסים אותה?")],
    "de": [("Passwort zurücksetzen", "Ich habe mein Passwort vergessen, wie setze ich es zurück?")],
}

# One loud customer: ten mails about one thing, within the hour.
LOUD = [
    ("Export still broken", "The PDF export of report R-2291 fails again with code X-88."),
    ("Again!!", "Report R-2291 PDF export, code X-88, third time today."),
    ("Still waiting", "Nobody answered me about R-2291 and X-88."),
]
