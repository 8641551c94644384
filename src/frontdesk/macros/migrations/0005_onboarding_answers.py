from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

# The starter answer set for new customers (DESIGN.md practice 3: level 2 customers are answered
# from prepared answers, so they are served fast), in every home language. A desk adapts the menu
# names to its own product; a lead's own macro with one of these codes is kept as it is.
SET_NAME = "Onboarding"
SET_DESCRIPTION = "Prepared answers for new customers finding their way (level 2)."
CODES = ("first-steps", "guide", "invite-colleague", "billing-basics")
ANSWERS: dict[str, dict[str, tuple[str, str]]] = {
    "first-steps": {
        "en": (
            "First steps",
            "Hello {customer.first_name},\n\n"
            "welcome, and thank you for choosing us! The quickest way in is the start checklist "
            "on your dashboard: add your company details, invite the people you work with, and "
            "try one real task from start to finish. Most teams are up and running within an "
            "hour.\n\n"
            "If anything is unclear along the way, just reply to this message "
            "({ticket.reference}) and we will help.\n\n"
            "Kind regards,\n{agent.name}",
        ),
        "et": (
            "Esimesed sammud",
            "Tere, {customer.first_name}!\n\n"
            "Tere tulemast ja aitäh, et valisite meid! Kõige kiiremini saate alustada töölaual "
            "oleva alustamise kontrollnimekirja abil: lisage oma ettevõtte andmed, kutsuge kaasa "
            "kolleegid ja proovige üks päris ülesanne algusest lõpuni läbi. Enamik meeskondi on "
            "tunniga töövalmis.\n\n"
            "Kui midagi jääb segaseks, vastake lihtsalt sellele kirjale ({ticket.reference}) ja "
            "me aitame.\n\n"
            "Parimate soovidega\n{agent.name}",
        ),
        "he": (
            "צעדים ראשונים",
            "שלום {customer.first_name},\n\n"
            "ברוכים הבאים, ותודה שבחרתם בנו! הדרך המהירה ביותר להתחיל היא רשימת הצעדים בלוח "
            "הבקרה: הוסיפו את פרטי החברה, הזמינו את האנשים שאתם עובדים איתם, ונסו משימה אמיתית "
            "אחת מתחילתה ועד סופה. רוב הצוותים מוכנים לעבודה תוך שעה.\n\n"
            "אם משהו לא ברור בדרך, פשוט השיבו להודעה זו ({ticket.reference}) ונשמח לעזור.\n\n"
            "בברכה,\n{agent.name}",
        ),
        "hu": (
            "Első lépések",
            "Kedves {customer.name}!\n\n"
            "Üdvözöljük, és köszönjük, hogy minket választott! A leggyorsabban az irányítópulton "
            "található kezdő ellenőrzőlistával indulhat: adja meg cége adatait, hívja meg a "
            "munkatársait, és próbáljon ki egy valódi feladatot az elejétől a végéig. A legtöbb "
            "csapat egy órán belül munkába áll.\n\n"
            "Ha közben bármi nem világos, egyszerűen válaszoljon erre a levélre "
            "({ticket.reference}), és segítünk.\n\n"
            "Üdvözlettel:\n{agent.name}",
        ),
        "bs": (
            "Prvi koraci",
            "Poštovani/a {customer.name},\n\n"
            "dobro došli i hvala što ste nas odabrali! Najbrže ćete početi uz listu prvih koraka "
            "na vašoj kontrolnoj ploči: unesite podatke o firmi, pozovite ljude s kojima radite i "
            "isprobajte jedan stvarni zadatak od početka do kraja. Većina timova je spremna za "
            "rad za manje od sat vremena.\n\n"
            "Ako vam usput bilo šta nije jasno, samo odgovorite na ovu poruku "
            "({ticket.reference}) i pomoći ćemo.\n\n"
            "Srdačan pozdrav,\n{agent.name}",
        ),
    },
    "guide": {
        "en": (
            "Where the guide is",
            "Hello {customer.first_name},\n\n"
            "the user guide is always one click away: choose Help (the question mark at the top "
            "of every page), then Guide. It opens with a ten-minute tour, and you can search it "
            "for any word. Short videos on the commonest tasks are on the same page.\n\n"
            "Kind regards,\n{agent.name}",
        ),
        "et": (
            "Kus on juhend",
            "Tere, {customer.first_name}!\n\n"
            "Kasutusjuhend on alati ühe klõpsu kaugusel: valige iga lehe ülaosas Abi (küsimärk) "
            "ja seejärel Juhend. See algab kümneminutilise tutvustusega ning sealt saab otsida "
            "mis tahes sõna. Samal lehel on ka lühikesed videod kõige sagedasemate toimingute "
            "kohta.\n\n"
            "Parimate soovidega\n{agent.name}",
        ),
        "he": (
            "איפה נמצא המדריך",
            "שלום {customer.first_name},\n\n"
            "מדריך המשתמש תמיד במרחק לחיצה: בחרו עזרה (סימן השאלה בראש כל עמוד) ואז מדריך. "
            "הוא נפתח בסיור של עשר דקות, ואפשר לחפש בו כל מילה. באותו עמוד יש גם סרטונים קצרים "
            "על הפעולות הנפוצות ביותר.\n\n"
            "בברכה,\n{agent.name}",
        ),
        "hu": (
            "Hol az útmutató",
            "Kedves {customer.name}!\n\n"
            "A felhasználói útmutató mindig egy kattintásnyira van: válassza a Súgót (a kérdőjel "
            "minden oldal tetején), majd az Útmutatót. Egy tízperces bemutatóval kezdődik, és "
            "bármilyen szóra kereshet benne. Ugyanezen az oldalon rövid videókat is talál a "
            "leggyakoribb feladatokról.\n\n"
            "Üdvözlettel:\n{agent.name}",
        ),
        "bs": (
            "Gdje je uputstvo",
            "Poštovani/a {customer.name},\n\n"
            "korisničko uputstvo je uvijek na jedan klik: odaberite Pomoć (upitnik na vrhu svake "
            "stranice), a zatim Uputstvo. Počinje obilaskom od deset minuta, a u njemu možete "
            "potražiti bilo koju riječ. Na istoj stranici su i kratki video snimci o "
            "najčešćim zadacima.\n\n"
            "Srdačan pozdrav,\n{agent.name}",
        ),
    },
    "invite-colleague": {
        "en": (
            "Inviting a colleague",
            "Hello {customer.first_name},\n\n"
            "to invite a colleague, open Settings → Users and choose Invite. Enter their e-mail "
            "address and pick a role: Member for everyday work, or Admin if they should also "
            "manage settings and billing. They will get an e-mail with a link to set their "
            "password; the link is valid for seven days.\n\n"
            "Kind regards,\n{agent.name}",
        ),
        "et": (
            "Kolleegi kutsumine",
            "Tere, {customer.first_name}!\n\n"
            "Kolleegi kutsumiseks avage Seaded → Kasutajad ja valige Kutsu. Sisestage tema "
            "e-posti aadress ja valige roll: Liige igapäevatööks või Administraator, kui ta "
            "peaks haldama ka seadeid ja arveldust. Ta saab e-kirja lingiga, mille kaudu "
            "parooli määrata; link kehtib seitse päeva.\n\n"
            "Parimate soovidega\n{agent.name}",
        ),
        "he": (
            "הזמנת עמית/ה",
            "שלום {customer.first_name},\n\n"
            "כדי להזמין עמית/ה, פתחו את הגדרות ← משתמשים ובחרו הזמנה. הזינו את כתובת הדוא״ל "
            "ובחרו תפקיד: חבר/ה לעבודה היומיומית, או מנהל/ת אם יש צורך לנהל גם הגדרות וחיובים. "
            "תישלח הודעת דוא״ל עם קישור לקביעת סיסמה; הקישור בתוקף שבעה ימים.\n\n"
            "בברכה,\n{agent.name}",
        ),
        "hu": (
            "Munkatárs meghívása",
            "Kedves {customer.name}!\n\n"
            "Munkatárs meghívásához nyissa meg a Beállítások → Felhasználók menüt, és válassza a "
            "Meghívás gombot. Adja meg a munkatárs e-mail-címét, és válasszon szerepkört: Tag a "
            "mindennapi munkához, vagy Adminisztrátor, ha a beállításokat és a számlázást is "
            "kezelnie kell. A munkatárs e-mailben kap egy linket a jelszava beállításához; a "
            "link hét napig érvényes.\n\n"
            "Üdvözlettel:\n{agent.name}",
        ),
        "bs": (
            "Pozivanje kolege",
            "Poštovani/a {customer.name},\n\n"
            "da pozovete kolegu ili koleginicu, otvorite Postavke → Korisnici i odaberite "
            "Pozovi. Unesite njihovu e-mail adresu i odaberite ulogu: Član za svakodnevni rad "
            "ili Administrator ako treba upravljati i postavkama i naplatom. Dobit će e-mail s "
            "linkom za postavljanje lozinke; link važi sedam dana.\n\n"
            "Srdačan pozdrav,\n{agent.name}",
        ),
    },
    "billing-basics": {
        "en": (
            "How billing works",
            "Hello {customer.first_name},\n\n"
            "here is how billing works: your plan is billed monthly in advance, on the day of "
            "the month you signed up. The invoice is e-mailed to your account's billing contact "
            "and is always under Settings → Billing too, where you can change your plan, "
            "payment card or billing address at any time. A change of plan takes effect at "
            "once and is charged pro rata on the next invoice.\n\n"
            "Kind regards,\n{agent.name}",
        ),
        "et": (
            "Kuidas arveldus käib",
            "Tere, {customer.first_name}!\n\n"
            "Arveldus käib nii: teie paketi eest esitatakse arve kord kuus ettemaksuna, sel "
            "kuupäeval, mil liitusite. Arve saadetakse e-postiga konto arvelduskontaktile ning "
            "see on alati olemas ka menüüs Seaded → Arveldus, kus saate igal ajal muuta paketti, "
            "maksekaarti või arveldusaadressi. Paketi muudatus jõustub kohe ja arvestatakse "
            "proportsionaalselt järgmisel arvel.\n\n"
            "Parimate soovidega\n{agent.name}",
        ),
        "he": (
            "איך עובד החיוב",
            "שלום {customer.first_name},\n\n"
            "כך עובד החיוב: המסלול שלכם מחויב מדי חודש מראש, באותו יום בחודש שבו נרשמתם. "
            "החשבונית נשלחת בדוא״ל לאיש הקשר לחיובים בחשבון, והיא תמיד זמינה גם תחת הגדרות ← "
            "חיובים, שם אפשר לשנות בכל עת את המסלול, את כרטיס האשראי או את כתובת החיוב. שינוי "
            "מסלול נכנס לתוקף מיד ומחושב באופן יחסי בחשבונית הבאה.\n\n"
            "בברכה,\n{agent.name}",
        ),
        "hu": (
            "Hogyan működik a számlázás",
            "Kedves {customer.name}!\n\n"
            "A számlázás így működik: előfizetését havonta, előre számlázzuk, minden hónapban "
            "azon a napon, amelyen regisztrált. A számlát e-mailben küldjük a fiók számlázási "
            "kapcsolattartójának, és a Beállítások → Számlázás menüben is mindig megtalálja; ott "
            "bármikor módosíthatja a csomagját, a bankkártyáját vagy a számlázási címét. A "
            "csomagváltás azonnal érvénybe lép, és a következő számlán időarányosan számoljuk "
            "el.\n\n"
            "Üdvözlettel:\n{agent.name}",
        ),
        "bs": (
            "Kako funkcioniše naplata",
            "Poštovani/a {customer.name},\n\n"
            "evo kako funkcioniše naplata: vaš paket se naplaćuje mjesečno unaprijed, na dan u "
            "mjesecu kada ste se registrovali. Faktura se šalje e-mailom kontakt osobi za "
            "naplatu na vašem računu, a uvijek je dostupna i pod Postavke → Naplata, gdje u "
            "bilo kojem trenutku možete promijeniti paket, platnu karticu ili adresu za "
            "naplatu. Promjena paketa važi odmah i obračunava se srazmjerno na sljedećoj "
            "fakturi.\n\n"
            "Srdačan pozdrav,\n{agent.name}",
        ),
    },
}


def add_onboarding_set(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    # Runs once per desk: an answer a lead deletes later is never brought back by an upgrade.
    macro = apps.get_model("macros", "Macro")
    for code in CODES:
        for language, (name, text) in ANSWERS[code].items():
            macro.objects.get_or_create(
                code=code, language=language, defaults={"name": name, "text": text}
            )
    apps.get_model("macros", "MacroSet").objects.get_or_create(
        name=SET_NAME,
        defaults={"description": SET_DESCRIPTION, "levels": [2], "codes": list(CODES)},
    )


def remove_onboarding_set(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    # Only what this migration wrote and nobody changed since.
    apps.get_model("macros", "MacroSet").objects.filter(name=SET_NAME).delete()
    macro = apps.get_model("macros", "Macro")
    for code in CODES:
        for language, (_name, text) in ANSWERS[code].items():
            macro.objects.filter(code=code, language=language, text=text).delete()


class Migration(migrations.Migration):
    dependencies = [("macros", "0004_macroset")]

    operations = [migrations.RunPython(add_onboarding_set, remove_onboarding_set)]
