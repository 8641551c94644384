"""The desk's first break rules and the playbooks for awkward moments, in the home languages;
leads change both afterwards (rules in Administration, playbooks on their pages)."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

RULES = [
    # name, length, earliest and latest start (minutes into the shift), for shifts of at least
    ("Morning break", 15, 90, 150, 240),
    ("Lunch", 30, 180, 300, 360),
    ("Afternoon break", 15, 330, 390, 450),
]

PLAYBOOKS = {
    "angry-last": {
        "en": (
            "The last customer in the queue is angry and wants your break cancelled",
            [
                (
                    "Stay calm and let them finish; do not argue about the break.",
                    "I understand you have waited long, and I am sorry about that.",
                ),
                (
                    "Say what will happen, with a time. Do not promise what you cannot keep.",
                    "I go on my break at {time}. Before then I will make sure your request is in hand.",
                ),
                (
                    "If a colleague is at work, hand over in front of the customer.",
                    "My colleague will take care of you now; I have told them what you need.",
                ),
                (
                    "If nobody else is here, take the contact down in one line and promise a call back.",
                    "I have written down your number and your problem; I will call you at {end}.",
                ),
                ("Record the promise (log bar or Record the promise) so it cannot get lost.", ""),
            ],
        ),
        "et": (
            "Järjekorra viimane klient on vihane ja nõuab, et jätaksite pausi ära",
            [
                (
                    "Jääge rahulikuks ja laske kliendil lõpuni rääkida; ärge vaielge pausi üle.",
                    "Saan aru, et olete kaua oodanud, ja mul on sellest väga kahju.",
                ),
                (
                    "Öelge, mis edasi saab, ja nimetage kellaaeg. Ärge lubage midagi, mida Te ei suuda täita.",
                    "Lähen pausile kell {time}. Enne seda hoolitsen selle eest, et Teie asi oleks heades kätes.",
                ),
                (
                    "Kui mõni kolleeg on tööl, andke klient talle üle kliendi enda juuresolekul.",
                    "Nüüd aitab Teid minu kolleeg; ma rääkisin talle juba, mida Te vajate.",
                ),
                (
                    "Kui kedagi teist pole, pange kontakt ühe reaga kirja ja lubage tagasi helistada.",
                    "Panin Teie numbri ja mure kirja; helistan Teile kell {end}.",
                ),
                (
                    "Salvestage lubadus (logiribal või nupuga „Salvesta lubadus“), et see ei ununeks.",
                    "",
                ),
            ],
        ),
        "he": (
            "הלקוח האחרון בתור כועס ורוצה שההפסקה שלך תבוטל",
            [
                (
                    "לשמור על קור רוח ולתת ללקוח לסיים לדבר; לא להתווכח על ההפסקה.",
                    "ברור לי שחיכית הרבה זמן, וצר לי על כך.",
                ),
                (
                    "לומר מה יקרה, ולציין שעה. לא להבטיח מה שאי אפשר לקיים.",
                    "בשעה {time} אצא להפסקה. עד אז אדאג שהפנייה שלך תהיה בטיפול.",
                ),
                (
                    "אם יש עמית בעבודה, להעביר אליו את הטיפול מול הלקוח.",
                    "העמית שלי ימשיך לטפל בך עכשיו; כבר הסברתי לו מה צריך.",
                ),
                (
                    "אם אין כאן אף אחד אחר, לרשום את הפנייה בשורה אחת ולהבטיח שיחה חוזרת.",
                    "רשמתי את המספר שלך ואת הבעיה; אתקשר אליך בשעה {end}.",
                ),
                ("לרשום את ההבטחה (בשורת הרישום או ב„רשום את ההבטחה”) כדי שלא תלך לאיבוד.", ""),
            ],
        ),
        "hu": (
            "A sor utolsó ügyfele dühös, és azt kéri, hogy maradjon el a szünete",
            [
                (
                    "Maradjon nyugodt, és hagyja, hogy az ügyfél végigmondja; ne vitatkozzon a szünetről.",
                    "Megértem, hogy sokat várt, és nagyon sajnálom.",
                ),
                (
                    "Mondja meg, mi fog történni, és mondjon időpontot is. Ne ígérjen olyat, amit nem tud betartani.",
                    "{time}-kor megyek szünetre. Addig gondoskodom róla, hogy az ügye jó kezekben legyen.",
                ),
                (
                    "Ha egy kolléga is dolgozik, az ügyfél jelenlétében adja át neki az ügyet.",
                    "Most a kollégám segít Önnek tovább; már elmondtam neki, mire van szüksége.",
                ),
                (
                    "Ha senki más nincs itt, naplózza a kapcsolatot egy sorban, és ígérjen visszahívást.",
                    "Felírtam a telefonszámát és a problémáját; {end}-kor visszahívom.",
                ),
                (
                    "Rögzítse az ígéretet (a naplósávban vagy az „Ígéret rögzítése” gombbal), hogy ne vesszen el.",
                    "",
                ),
            ],
        ),
        "bs": (
            "Posljednji klijent u redu je ljut i traži da otkažete pauzu",
            [
                (
                    "Ostanite mirni i pustite klijenta da završi; ne raspravljajte o pauzi.",
                    "Razumijem da ste dugo čekali i žao mi je zbog toga.",
                ),
                (
                    "Recite šta će se desiti i navedite vrijeme. Ne obećavajte ono što ne možete ispuniti.",
                    "U {time} idem na pauzu. Do tada ću se pobrinuti da Vaš zahtjev bude u dobrim rukama.",
                ),
                (
                    "Ako je neki kolega na poslu, predajte mu klijenta tako da klijent to vidi.",
                    "Moj kolega će se sada pobrinuti za Vas; već zna šta Vam treba.",
                ),
                (
                    "Ako ovdje nema nikog drugog, upišite kontakt u jednom redu i obećajte povratni poziv.",
                    "Vaš broj i problem su zapisani; nazvat ću Vas u {end}.",
                ),
                (
                    "Zabilježite obećanje (u traci za upis ili dugmetom „Zabilježi obećanje“) da se ne izgubi.",
                    "",
                ),
            ],
        ),
    },
    "not-warned": {
        "en": (
            "Your break is due and the queue was not warned",
            [
                (
                    "Tell the people waiting now, before you leave; apologise for the short notice.",
                    "I am sorry for the short notice: I have to take a break at {time}, until {end}.",
                ),
                (
                    "Say who serves them meanwhile, or when you are back.",
                    "My colleague goes on serving; if you prefer to wait for me, I am back at {end}.",
                ),
                (
                    "If nobody else is at the desk, offer a call back or a written answer instead.",
                    "If you cannot wait, leave your number and I will call you back.",
                ),
                ("Move the break ten minutes if the queue is long and nobody can cover.", ""),
            ],
        ),
        "et": (
            "Pausi aeg on käes, aga ootajaid ei hoiatatud",
            [
                (
                    "Öelge ootajatele kohe, enne kui lahkute, ja vabandage, et teatate nii hilja.",
                    "Vabandan, et ütlen seda nii viimasel hetkel: pean kell {time} pausile minema, kuni {end}.",
                ),
                (
                    "Öelge, kes neid seni teenindab või millal olete tagasi.",
                    "Minu kolleeg jätkab teenindamist; kui soovite oodata mind, olen tagasi kell {end}.",
                ),
                (
                    "Kui letis pole kedagi teist, pakkuge selle asemel tagasihelistamist või kirjalikku vastust.",
                    "Kui Te ei saa oodata, jätke oma number ja ma helistan Teile tagasi.",
                ),
                (
                    "Kui järjekord on pikk ja asendajat pole, lükake paus kümne minuti võrra edasi.",
                    "",
                ),
            ],
        ),
        "he": (
            "הגיע זמן ההפסקה שלך, והממתינים בתור לא עודכנו מראש",
            [
                (
                    "לעדכן את הממתינים עכשיו, לפני היציאה; להתנצל על ההודעה ברגע האחרון.",
                    "סליחה על ההודעה ברגע האחרון: עליי לצאת להפסקה בשעה {time}, עד {end}.",
                ),
                (
                    "לומר מי ימשיך לשרת אותם בינתיים, או מתי חוזרים.",
                    "העמית שלי ממשיך לתת שירות; אם תעדיפו לחכות לי, אחזור בשעה {end}.",
                ),
                (
                    "אם אין אף אחד אחר בדלפק, להציע במקום זאת שיחה חוזרת או תשובה בכתב.",
                    "אם אין לכם אפשרות לחכות, השאירו את המספר שלכם ואחזור אליכם בטלפון.",
                ),
                ("להזיז את ההפסקה בעשר דקות אם התור ארוך ואין מי שיחליף.", ""),
            ],
        ),
        "hu": (
            "Esedékes a szünete, de a sorban állókat nem figyelmeztették előre",
            [
                (
                    "Szóljon a várakozóknak most, mielőtt elmegy; kérjen elnézést, hogy csak ilyen későn szól.",
                    "Elnézést kérek, hogy csak most szólok: {time}-kor szünetre kell mennem, {end}-ig.",
                ),
                (
                    "Mondja meg, ki szolgálja ki őket addig, vagy mikor jön vissza.",
                    "A kollégám tovább fogadja az ügyfeleket; ha inkább engem várna meg, {end}-kor visszajövök.",
                ),
                (
                    "Ha senki más nincs a pultnál, ajánljon fel helyette visszahívást vagy írásos választ.",
                    "Ha nem tud várni, hagyja meg a telefonszámát, és visszahívom.",
                ),
                (
                    "Ha hosszú a sor, és senki sem tudja helyettesíteni, tegye át a szünetet tíz perccel későbbre.",
                    "",
                ),
            ],
        ),
        "bs": (
            "Vrijeme je za Vašu pauzu, a oni koji čekaju nisu upozoreni",
            [
                (
                    "Odmah recite ljudima koji čekaju, prije nego što odete; izvinite se što javljate u posljednji čas.",
                    "Izvinite što javljam u posljednji čas: moram na pauzu u {time}, do {end}.",
                ),
                (
                    "Recite ko će ih u međuvremenu uslužiti ili kada se vraćate.",
                    "Moj kolega nastavlja s radom; ako radije želite sačekati mene, vraćam se u {end}.",
                ),
                (
                    "Ako na šalteru nema nikog drugog, ponudite umjesto toga povratni poziv ili pisani odgovor.",
                    "Ako ne možete čekati, ostavite svoj broj i nazvat ću Vas.",
                ),
                (
                    "Pomjerite pauzu za deset minuta ako je red dug i niko Vas ne može zamijeniti.",
                    "",
                ),
            ],
        ),
    },
    "during-call": {
        "en": (
            "Your break should start while a call is running",
            [
                ("Finish the call calmly; the break waits until you hang up.", ""),
                (
                    "If the call will take long, say so and agree a call back.",
                    "This needs a little more time than I have now. May I call you back at {end}?",
                ),
                ("Record the call back as a promise before you leave.", ""),
                ("Start your break when you hang up; take its full length.", ""),
            ],
        ),
        "et": (
            "Paus peaks algama ajal, kui kõne veel käib",
            [
                ("Lõpetage kõne rahulikult; paus ootab, kuni olete toru ära pannud.", ""),
                (
                    "Kui kõne venib pikaks, öelge seda ja leppige kokku tagasihelistamine.",
                    "See vajab veidi rohkem aega, kui mul praegu on. Kas tohin Teile kell {end} tagasi helistada?",
                ),
                ("Enne lahkumist salvestage tagasihelistamine lubadusena.", ""),
                ("Alustage pausi, kui olete toru ära pannud, ja pidage see täies pikkuses.", ""),
            ],
        ),
        "he": (
            "ההפסקה שלך אמורה להתחיל באמצע שיחה",
            [
                ("לסיים את השיחה בנחת; ההפסקה מחכה עד שמנתקים.", ""),
                (
                    "אם השיחה צפויה להימשך זמן רב, לומר זאת ולתאם שיחה חוזרת.",
                    "זה דורש קצת יותר זמן ממה שיש לי כרגע. אפשר לחזור אליך בשעה {end}?",
                ),
                ("לפני היציאה, לרשום את השיחה החוזרת כהבטחה.", ""),
                ("לצאת להפסקה מיד אחרי סיום השיחה, ולנצל את כל משכה.", ""),
            ],
        ),
        "hu": (
            "A szünetének egy folyamatban lévő hívás közben kellene kezdődnie",
            [
                ("Fejezze be nyugodtan a hívást; a szünet megvárja, amíg leteszi.", ""),
                (
                    "Ha a hívás sokáig tart, mondja ezt meg, és egyeztessen visszahívást.",
                    "Ez egy kicsit több időt igényel, mint amennyi most rendelkezésemre áll. Visszahívhatom {end}-kor?",
                ),
                ("Mielőtt elmegy, rögzítse a visszahívást ígéretként.", ""),
                ("Amikor letette, kezdje el a szünetét, és tartsa meg teljes hosszában.", ""),
            ],
        ),
        "bs": (
            "Vaša pauza treba početi dok je poziv još u toku",
            [
                ("Mirno završite poziv; pauza čeka dok ne spustite slušalicu.", ""),
                (
                    "Ako će poziv dugo trajati, recite to i dogovorite povratni poziv.",
                    "Za ovo mi treba malo više vremena nego što sada imam. Mogu li Vas nazvati u {end}?",
                ),
                ("Prije nego što odete, zabilježite povratni poziv kao obećanje.", ""),
                ("Počnite pauzu kad spustite slušalicu; iskoristite je u punom trajanju.", ""),
            ],
        ),
    },
    "people-waiting": {
        "en": (
            "Your break starts and people are waiting",
            [
                (
                    "Tell the queue, with the time you are back.",
                    "I take a short break now and am back at {end}. My colleague goes on serving.",
                ),
                (
                    "Serve the next customer only if it fits before the break (a quick question).",
                    "Is it a quick question? Then I can answer it before my break.",
                ),
                ("Hand anyone waiting for you personally to a colleague.", ""),
            ],
        ),
        "et": (
            "Paus algab, aga inimesed ootavad",
            [
                (
                    "Teavitage ootajaid ja öelge, mis kell olete tagasi.",
                    "Lähen nüüd lühikesele pausile ja olen tagasi kell {end}. Minu kolleeg jätkab teenindamist.",
                ),
                (
                    "Teenindage järgmist klienti ainult siis, kui see mahub enne pausi ära (lühike küsimus).",
                    "Kas Teil on lühike küsimus? Siis jõuan sellele enne pausi vastata.",
                ),
                ("Andke kolleegile üle kõik, kes ootavad just Teid.", ""),
            ],
        ),
        "he": (
            "ההפסקה שלך מתחילה ויש אנשים שממתינים",
            [
                (
                    "לעדכן את הממתינים בתור ולציין מתי חוזרים.",
                    "עכשיו אצא להפסקה קצרה, ואחזור בשעה {end}. העמית שלי ממשיך לתת שירות.",
                ),
                (
                    "לשרת את הלקוח הבא רק אם זה מסתדר לפני ההפסקה (שאלה קצרה).",
                    "יש לך שאלה קצרה? אז אוכל לענות עליה לפני ההפסקה.",
                ),
                ("להעביר לעמית את מי שממתין במיוחד לך.", ""),
            ],
        ),
        "hu": (
            "Kezdődik a szünete, és várnak ügyfelek",
            [
                (
                    "Szóljon a sorban állóknak, és mondja meg, mikor jön vissza.",
                    "Most egy rövid szünetre megyek, {end}-kor jövök vissza. A kollégám addig is fogadja az ügyfeleket.",
                ),
                (
                    "A következő ügyfelet csak akkor fogadja, ha belefér a szünet előtt (egy gyors kérdés).",
                    "Gyors kérdése van? Akkor még a szünetem előtt válaszolok rá.",
                ),
                ("Aki kifejezetten Önre vár, azt adja át egy kollégának.", ""),
            ],
        ),
        "bs": (
            "Vaša pauza počinje, a ljudi čekaju",
            [
                (
                    "Obavijestite one koji čekaju i recite kada se vraćate.",
                    "Sada idem na kratku pauzu i vraćam se u {end}. Moj kolega nastavlja s radom.",
                ),
                (
                    "Uslužite sljedećeg klijenta samo ako to stane prije pauze (kratko pitanje).",
                    "Imate li kratko pitanje? Onda Vam mogu odgovoriti prije pauze.",
                ),
                ("Svakoga ko čeka baš Vas predajte kolegi.", ""),
            ],
        ),
    },
}


def forwards(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    rules_add(apps)
    Playbook = apps.get_model("schedules", "Playbook")
    for moment, languages in PLAYBOOKS.items():
        for language, (title, steps) in languages.items():
            Playbook.objects.get_or_create(
                moment=moment,
                language=language,
                defaults={"title": title, "steps": [{"do": d, "say": s} for d, s in steps]},
            )


def rules_add(apps: StateApps) -> None:
    """The first break rules a desk lacks (0003 turns the playbooks into graphs, so tests
    whose tables were emptied put the rules back here and the playbooks back there)."""
    BreakRule = apps.get_model("schedules", "BreakRule")
    for name, length, earliest, latest, shortest in RULES:
        BreakRule.objects.get_or_create(
            name=name,
            defaults={
                "length_minutes": length,
                "earliest_minutes": earliest,
                "latest_minutes": latest,
                "min_shift_minutes": shortest,
            },
        )


def backwards(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    apps.get_model("schedules", "Playbook").objects.all().delete()
    apps.get_model("schedules", "BreakRule").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("schedules", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
