"""Illustrative demo translations (marked ``illustrative``: shown to readers as a demo
translation, to be checked by a translator). Short texts, written for the demo."""

from __future__ import annotations

# slug -> language -> (title, text)
TRANSLATIONS: dict[str, dict[str, tuple[str, str]]] = {
    "ankommen": {
        "en": ("Arriving in Soest", "Welcome to Soest!\n\nHere you find important "
               "information. The texts are short and simple.\n\nDo you have questions? "
               "The integration team helps you. The advice is free."),
        "ar": ("الوصول إلى زوست", "أهلاً وسهلاً بكم في زوست!\n\nهنا تجدون معلومات مهمة. "
               "النصوص قصيرة وسهلة.\n\nهل لديكم أسئلة؟ فريق الاندماج يساعدكم. "
               "الاستشارة مجانية."),
        "fa": ("ورود به زوست", "به زوست خوش آمدید!\n\nاینجا اطلاعات مهم را پیدا می‌کنید. "
               "متن‌ها کوتاه و ساده هستند.\n\nسؤال دارید؟ تیم ادغام به شما کمک می‌کند. "
               "مشاوره رایگان است."),
        "uk": ("Прибуття до Зоста", "Ласкаво просимо до Зоста!\n\nТут ви знайдете важливу "
               "інформацію. Тексти короткі та прості.\n\nУ вас є питання? Команда з "
               "інтеграції допоможе вам. Консультація безкоштовна."),
        "ti": ("ምብጻሕ ናብ ዞስት", "እንቋዕ ብደሓን ናብ ዞስት መጻእኩም!\n\nኣብዚ ኣገዳሲ ሓበሬታ "
               "ክትረኽቡ ኢኹም።\n\nሕቶ ኣለኩም ድዩ? ጉጅለ ምውህሃድ ይሕግዘኩም።"),
    },
    "gesundheit": {
        "en": ("Health", "Are you ill? Go to a doctor.\n\nYou need a health voucher for "
               "this. You get the voucher at the social welfare office.\n\nLater you get "
               "a health insurance card. Always take the card with you."),
        "ar": ("الصحة", "هل أنت مريض؟ اذهب إلى الطبيب.\n\nتحتاج إلى قسيمة علاج. تحصل "
               "عليها من مكتب الشؤون الاجتماعية.\n\nلاحقاً تحصل على بطاقة التأمين الصحي. "
               "احمل البطاقة معك دائماً."),
        "fa": ("سلامت", "بیمار هستید؟ نزد پزشک بروید.\n\nبرای این کار برگه درمان لازم "
               "دارید. آن را از اداره امور اجتماعی می‌گیرید.\n\nبعداً کارت بیمه درمانی "
               "می‌گیرید. کارت را همیشه همراه داشته باشید."),
        "uk": ("Здоров'я", "Ви захворіли? Ідіть до лікаря.\n\nДля цього потрібен "
               "лікарняний талон. Його видає соціальна служба.\n\nПізніше ви отримаєте "
               "картку медичного страхування. Завжди беріть її з собою."),
        "ti": ("ጥዕና", "ሓሚምኩም ዲኹም? ናብ ሓኪም ኪዱ።\n\nካርድ ሕክምና ኣድላዪ እዩ።"),
    },
    "notfall": {
        "en": ("In an emergency", "In an emergency call 112. The call is free.\n\n"
               "The police number is 110.\n\nAt night and at weekends the doctors' "
               "emergency service helps: 116 117."),
        "ar": ("في حالة الطوارئ", "في حالة الطوارئ اتصل بالرقم 112. المكالمة مجانية.\n\n"
               "رقم الشرطة 110.\n\nفي الليل وفي عطلة نهاية الأسبوع اتصل بخدمة الطوارئ "
               "الطبية: 116 117."),
        "fa": ("در شرایط اضطراری", "در شرایط اضطراری با شماره 112 تماس بگیرید. تماس "
               "رایگان است.\n\nشماره پلیس 110 است.\n\nشب‌ها و آخر هفته با خدمات پزشکی "
               "اضطراری تماس بگیرید: 116 117."),
        "uk": ("У надзвичайній ситуації", "У надзвичайній ситуації телефонуйте 112. "
               "Дзвінок безкоштовний.\n\nНомер поліції — 110.\n\nВночі та у вихідні "
               "допомагає чергова лікарська служба: 116 117."),
        "ti": ("ህጹጽ ኩነታት", "ኣብ ህጹጽ ኩነታት ናብ 112 ደውሉ።\n\nፖሊስ 110 እዩ።"),
    },
    "sprache": {
        "en": ("Learning German", "German is important for work and everyday life.\n\n"
               "There are courses for beginners and for advanced learners. Many courses "
               "are at the adult education centre (VHS)."),
        "ar": ("تعلّم اللغة الألمانية", "اللغة الألمانية مهمة للعمل والحياة اليومية.\n\n"
               "توجد دورات للمبتدئين وللمتقدمين. كثير من الدورات في الجامعة الشعبية (VHS)."),
        "fa": ("یادگیری زبان آلمانی", "زبان آلمانی برای کار و زندگی روزمره مهم است.\n\n"
               "دوره‌هایی برای مبتدیان و پیشرفته‌ها وجود دارد. بسیاری از دوره‌ها در "
               "آموزشگاه بزرگسالان (VHS) هستند."),
        "uk": ("Вивчення німецької", "Німецька мова важлива для роботи та побуту.\n\n"
               "Є курси для початківців і для тих, хто вже знає мову. Багато курсів "
               "проходять у народному університеті (VHS)."),
        "ti": ("ጀርመንኛ ምምሃር", "ጀርመንኛ ንስራሕን ንዕለታዊ ህይወትን ኣገዳሲ እዩ።"),
    },
    "integrationsteam": {
        "en": ("Integration team of the town of Soest", "The integration team advises "
               "you on housing, money and papers.\n\nYou also get your appointments "
               "here."),
        "ar": ("فريق الاندماج في مدينة زوست", "يقدم لكم فريق الاندماج الاستشارة في السكن "
               "والمال والأوراق.\n\nهنا تحصلون أيضاً على مواعيدكم."),
        "fa": ("تیم ادغام شهر زوست", "تیم ادغام در مورد مسکن، پول و مدارک به شما مشاوره "
               "می‌دهد.\n\nقرارهای خود را هم اینجا می‌گیرید."),
        "uk": ("Команда з інтеграції міста Зост", "Команда з інтеграції консультує вас "
               "щодо житла, грошей і документів.\n\nТут ви також отримуєте свої "
               "зустрічі."),
        "ti": ("ጉጅለ ምውህሃድ ከተማ ዞስት", "ጉጅለ ምውህሃድ ብዛዕባ መንበሪ፣ ገንዘብን ወረቐትን "
               "ይመኽረኩም።"),
    },
    # made from the first version of the German text, which the demo then changes:
    # shows "translation outdated"
    "wohnen": {
        "en": ("Housing", "First you live in accommodation of the town.\n\nLater you can "
               "look for your own flat."),
    },
}

OUTDATED = {"wohnen"}  # pages whose German text the demo changes after translating
