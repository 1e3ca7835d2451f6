"""The few fixed words of the public pages and the folder, in the content languages.

kim's interface catalogue has German and English only; a reader of the Arabic pages or
the Tigrinya folder should not meet German headings. A language without an entry falls
back to English. Written for kim by its developers: a municipality's translators should
review them (README, "Welcome folder").
"""

from __future__ import annotations

EN = {
    "folder": "Welcome folder", "household": "Your household", "contacts": "Contact points",
    "address": "Address", "hours": "Opening hours", "phone": "Phone", "email": "E-mail",
    "map": "Map", "appointments": "Your appointments", "past": "Past appointments",
    "planned": "Planned appointments", "agreements": "Agreed", "none": "None",
    "documents": "Your documents", "held": "held", "missing": "not recorded",
    "information": "Information", "outdated": "The German text has changed since this "
    "translation was made.", "fallback": "Not yet translated: German text.",
    "illustrative": "Illustrative demo translation.", "search": "Search",
    "contents": "Contents", "language": "Language", "created": "Created",
    "asylbescheid": "Asylum decision", "aufenthaltstitel": "Residence permit",
    "zeugnis": "Certificates", "health": "Health papers", "results": "Search results",
    "no_results": "No page found.", "print": "Print",
}

LABELS: dict[str, dict[str, str]] = {
    "en": EN,
    "de": {
        "folder": "Willkommensordner", "household": "Ihr Haushalt",
        "contacts": "Anlaufstellen", "address": "Adresse", "hours": "Öffnungszeiten",
        "phone": "Telefon", "email": "E-Mail", "map": "Karte",
        "appointments": "Ihre Termine", "past": "Vergangene Termine",
        "planned": "Geplante Termine", "agreements": "Vereinbart", "none": "Keine",
        "documents": "Ihre Unterlagen", "held": "vorhanden", "missing": "nicht erfasst",
        "information": "Informationen",
        "outdated": "Der deutsche Text wurde seit dieser Übersetzung geändert.",
        "fallback": "Noch nicht übersetzt: deutscher Text.",
        "illustrative": "Beispiel-Übersetzung der Demo.", "search": "Suchen",
        "contents": "Inhalt", "language": "Sprache", "created": "Erstellt",
        "asylbescheid": "Asylbescheid", "aufenthaltstitel": "Aufenthaltstitel",
        "zeugnis": "Zeugnisse", "health": "Gesundheitsunterlagen",
        "results": "Suchergebnisse", "no_results": "Keine Seite gefunden.",
        "print": "Drucken",
    },
    "ar": {
        "folder": "ملف الترحيب", "household": "أسرتك", "contacts": "جهات الاتصال",
        "address": "العنوان", "hours": "أوقات الدوام", "phone": "الهاتف",
        "email": "البريد الإلكتروني", "map": "الخريطة", "appointments": "مواعيدك",
        "past": "المواعيد السابقة", "planned": "المواعيد القادمة", "agreements": "تم الاتفاق",
        "none": "لا يوجد", "documents": "وثائقك", "held": "موجود", "missing": "غير مسجل",
        "information": "معلومات", "outdated": "تغيّر النص الألماني بعد هذه الترجمة.",
        "fallback": "لم تتم الترجمة بعد: النص الألماني.",
        "illustrative": "ترجمة توضيحية للعرض التجريبي.", "search": "بحث",
        "contents": "المحتويات", "language": "اللغة", "created": "تاريخ الإنشاء",
        "asylbescheid": "قرار اللجوء", "aufenthaltstitel": "تصريح الإقامة",
        "zeugnis": "الشهادات", "health": "الأوراق الصحية", "results": "نتائج البحث",
        "no_results": "لم يتم العثور على صفحة.", "print": "طباعة",
    },
    "fa": {
        "folder": "پوشه خوش‌آمدگویی", "household": "خانواده شما", "contacts": "مراکز تماس",
        "address": "نشانی", "hours": "ساعات کاری", "phone": "تلفن", "email": "ایمیل",
        "map": "نقشه", "appointments": "قرارهای شما", "past": "قرارهای گذشته",
        "planned": "قرارهای آینده", "agreements": "توافق شده", "none": "هیچ",
        "documents": "مدارک شما", "held": "موجود", "missing": "ثبت نشده",
        "information": "اطلاعات", "outdated": "متن آلمانی پس از این ترجمه تغییر کرده است.",
        "fallback": "هنوز ترجمه نشده: متن آلمانی.",
        "illustrative": "ترجمه نمونه برای نسخه نمایشی.", "search": "جستجو",
        "contents": "فهرست", "language": "زبان", "created": "تاریخ تهیه",
        "asylbescheid": "تصمیم پناهندگی", "aufenthaltstitel": "اجازه اقامت",
        "zeugnis": "مدارک تحصیلی", "health": "مدارک پزشکی", "results": "نتایج جستجو",
        "no_results": "صفحه‌ای پیدا نشد.", "print": "چاپ",
    },
    "uk": {
        "folder": "Папка для новоприбулих", "household": "Ваша родина",
        "contacts": "Контактні пункти", "address": "Адреса", "hours": "Години роботи",
        "phone": "Телефон", "email": "Ел. пошта", "map": "Карта",
        "appointments": "Ваші зустрічі", "past": "Минулі зустрічі",
        "planned": "Заплановані зустрічі", "agreements": "Домовлено", "none": "Немає",
        "documents": "Ваші документи", "held": "є", "missing": "не зареєстровано",
        "information": "Інформація",
        "outdated": "Німецький текст змінився після цього перекладу.",
        "fallback": "Ще не перекладено: німецький текст.",
        "illustrative": "Ілюстративний демо-переклад.", "search": "Пошук",
        "contents": "Зміст", "language": "Мова", "created": "Створено",
        "asylbescheid": "Рішення про притулок", "aufenthaltstitel": "Дозвіл на проживання",
        "zeugnis": "Свідоцтва", "health": "Медичні документи",
        "results": "Результати пошуку", "no_results": "Сторінку не знайдено.",
        "print": "Друк",
    },
    "ru": {
        "folder": "Папка для новоприбывших", "household": "Ваша семья",
        "contacts": "Контактные пункты", "address": "Адрес", "hours": "Часы работы",
        "phone": "Телефон", "email": "Эл. почта", "map": "Карта",
        "appointments": "Ваши встречи", "past": "Прошедшие встречи",
        "planned": "Запланированные встречи", "agreements": "Договорились",
        "none": "Нет", "documents": "Ваши документы", "held": "есть",
        "missing": "не зарегистрировано", "information": "Информация",
        "search": "Поиск", "contents": "Содержание", "language": "Язык",
        "print": "Печать",
    },
    "tr": {
        "folder": "Hoş geldiniz dosyası", "household": "Haneniz",
        "contacts": "İletişim noktaları", "address": "Adres", "hours": "Çalışma saatleri",
        "phone": "Telefon", "email": "E-posta", "map": "Harita",
        "appointments": "Randevularınız", "documents": "Belgeleriniz",
        "information": "Bilgiler", "search": "Ara", "contents": "İçindekiler",
        "language": "Dil", "print": "Yazdır",
    },
    "ti": {
        "folder": "ናይ እንቋዕ ብደሓን መጻእኩም ፋይል", "contacts": "ናይ ርክብ ቦታታት",
        "address": "ኣድራሻ", "phone": "ተሌፎን", "information": "ሓበሬታ", "search": "ድለ",
        "language": "ቋንቋ",
    },
    "ps": {
        "folder": "د ښه راغلاست فولډر", "address": "پته", "phone": "تلیفون",
        "information": "معلومات", "search": "لټون", "language": "ژبه",
    },
}


def labels_for(code: str) -> dict[str, str]:
    """Every label in ``code``, English where the language has none yet."""
    return {**EN, **LABELS.get(code, {})}
