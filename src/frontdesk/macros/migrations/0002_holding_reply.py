from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

# The holding reply every hard case gets at once (DESIGN.md practice 2), in every home language.
HOLD = {
    "en": (
        "Holding reply",
        "Dear {customer.name},\n\n"
        "thank you for your message ({ticket.reference}). Yours is an unusual case, and it "
        "will take us longer than usual to answer it properly. We are on it.\n\n"
        "To help us, could you send us:\n"
        "- what you were doing when it happened, step by step;\n"
        "- any error message, ideally as a screenshot;\n"
        "- the dates and the invoice or document numbers concerned.\n\n"
        "We will write again as soon as we know more.\n\n"
        "Kind regards,\n{agent.name}",
    ),
    "et": (
        "Ooteteade",
        "Tere, {customer.name}!\n\n"
        "Täname teid kirja eest ({ticket.reference}). Teie juhtum on tavatu ja selle "
        "korralikuks lahendamiseks kulub tavapärasest rohkem aega. Tegeleme sellega.\n\n"
        "Palun saatke meile abiks:\n"
        "- mida te tegite, kui see juhtus, samm-sammult;\n"
        "- veateade, kõige parem ekraanipildina;\n"
        "- asjassepuutuvad kuupäevad ning arvete või dokumentide numbrid.\n\n"
        "Anname teada niipea, kui teame rohkem.\n\n"
        "Lugupidamisega\n{agent.name}",
    ),
    "he": (
        "תשובת ביניים",
        "שלום {customer.name},\n\n"
        "תודה על פנייתך ({ticket.reference}). המקרה שלך אינו שגרתי, ומענה מלא ייקח לנו "
        "יותר זמן מהרגיל. אנחנו כבר מטפלים בו.\n\n"
        "כדי לעזור לנו, נשמח אם תשלח/י:\n"
        "- מה עשית כשזה קרה, צעד אחר צעד;\n"
        "- הודעת השגיאה, רצוי כצילום מסך;\n"
        "- התאריכים ומספרי החשבוניות או המסמכים הרלוונטיים.\n\n"
        "נחזור אליך ברגע שנדע יותר.\n\n"
        "בברכה,\n{agent.name}",
    ),
    "hu": (
        "Átmeneti válasz",
        "Kedves {customer.name}!\n\n"
        "Köszönjük levelét ({ticket.reference}). Az Ön esete szokatlan, ezért alapos "
        "megválaszolása a szokásosnál több időt vesz igénybe. Már foglalkozunk vele.\n\n"
        "Kérjük, segítségképpen küldje el nekünk:\n"
        "- mit csinált, amikor a hiba történt, lépésről lépésre;\n"
        "- a hibaüzenetet, lehetőleg képernyőképként;\n"
        "- az érintett dátumokat és számla- vagy bizonylatszámokat.\n\n"
        "Amint többet tudunk, jelentkezünk.\n\n"
        "Üdvözlettel:\n{agent.name}",
    ),
    "bs": (
        "Privremeni odgovor",
        "Poštovani/a {customer.name},\n\n"
        "hvala na vašoj poruci ({ticket.reference}). Vaš slučaj je neuobičajen i trebat će "
        "nam više vremena nego inače da ga temeljito riješimo. Već radimo na njemu.\n\n"
        "Da nam pomognete, molimo pošaljite:\n"
        "- šta ste radili kada se to desilo, korak po korak;\n"
        "- poruku o grešci, najbolje kao snimak ekrana;\n"
        "- datume i brojeve faktura ili dokumenata o kojima se radi.\n\n"
        "Javit ćemo se čim budemo znali više.\n\n"
        "Srdačan pozdrav,\n{agent.name}",
    ),
}


def add_holding_replies(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    macro = apps.get_model("macros", "Macro")
    for language, (name, text) in HOLD.items():
        macro.objects.get_or_create(
            code="hold", language=language, defaults={"name": name, "text": text}
        )


def remove_holding_replies(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    apps.get_model("macros", "Macro").objects.filter(code="hold").delete()


class Migration(migrations.Migration):
    dependencies = [("macros", "0001_initial")]

    operations = [migrations.RunPython(add_holding_replies, remove_holding_replies)]
