"""A real-looking line for every language and category of ``cleaning.phrases``.

Written in the forms sites print (counters, separators, a teaser after a label), not as the
phrases themselves: the tests clean each one through ``clean_text`` and expect it gone under
its category's rule, and docs/languages.md is generated from this table.
"""

from __future__ import annotations

EXAMPLES: dict[str, dict[str, str]] = {
    "en": {
        "paywall": "This article is only available to subscribers. Log in or subscribe to continue.",
        "subscription": "Subscribe now: $1 for 6 months",
        "donation": "Please support independent journalism with a gift of any size.",
        "share": "Share this | Email | Print",
        "link_copied": "Link copied to clipboard!",
        "trust": "The Associated Press is an independent global news organization dedicated to factual reporting. Founded in 1846, AP today remains the most trusted source.",
        "newsletter": "Sign up for our Morning Briefing newsletter to get the day's top stories.",
        "cookie": "We use cookies to improve your experience on our site.",
        "copyright": "Copyright 2024 Example Media Group. All rights reserved.",
        "related": "Read more: Fed signals rate cut as inflation cools",
    },
    "de": {
        "paywall": "Dieser Artikel ist nur für Abonnenten verfügbar.",
        "subscription": "Jetzt abonnieren und 4 Wochen gratis lesen",
        "donation": "Unterstützen Sie unabhängigen Journalismus – jetzt mit 5 Euro im Monat.",
        "share": "Teilen | Drucken | Kommentare (12)",
        "link_copied": "Link wurde kopiert",
        "trust": "Transparenzhinweis: Der Autor war Mitglied der Partei.",
        "newsletter": "Melden Sie sich jetzt für unseren täglichen Newsletter an.",
        "cookie": "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis bieten zu können.",
        "copyright": "© dpa-infocom, dpa:240130-99-800 Alle Rechte vorbehalten",
        "related": "Mehr zum Thema: Bundestag beschließt Haushalt",
    },
    "fr": {
        "paywall": "Il vous reste 78 % de cet article à lire. La suite est réservée aux abonnés.",
        "subscription": "Abonnez-vous dès 1 € le premier mois",
        "donation": "Soutenez-nous : faites un don déductible de vos impôts.",
        "share": "Partager • Imprimer • Commenter",
        "link_copied": "Lien copié !",
        "trust": "Nos principes éditoriaux sont consultables sur notre site.",
        "newsletter": "Inscrivez-vous à notre newsletter pour recevoir l'essentiel de l'actualité.",
        "cookie": "Nous utilisons des cookies pour améliorer votre expérience de navigation.",
        "copyright": "© Le Journal 2024 - Tous droits réservés",
        "related": "Lire aussi | Le gouvernement présente son plan climat",
    },
    "es": {
        "paywall": "Esta funcionalidad es sólo para suscriptores. Suscríbete",
        "subscription": "Suscríbete por 1 € al mes",
        "donation": "Apoya el periodismo independiente: hazte socio desde 5 € al mes.",
        "share": "Compartir | Comentarios (34) | Guardar",
        "link_copied": "Enlace copiado",
        "trust": "Nuestros principios editoriales: más información sobre cómo trabajamos.",
        "newsletter": "Suscríbete a nuestra newsletter y recibe las noticias más importantes.",
        "cookie": "Utilizamos cookies propias y de terceros para mejorar nuestros servicios.",
        "copyright": "© Diario Ejemplo. Todos los derechos reservados.",
        "related": "Te puede interesar: El Gobierno aprueba la reforma",
    },
    "pt": {
        "paywall": "Este conteúdo é exclusivo para assinantes. Já é assinante? Entre",
        "subscription": "Assine já por R$ 1,90 no primeiro mês",
        "donation": "Apoie o jornalismo independente: faça uma doação.",
        "share": "Compartilhar | Comentários (8)",
        "link_copied": "Link copiado!",
        "trust": "Nossos princípios editoriais estão disponíveis no site.",
        "newsletter": "Inscreva-se na nossa newsletter e receba as notícias do dia.",
        "cookie": "Utilizamos cookies para melhorar a sua experiência no site.",
        "copyright": "© 2024 Jornal Exemplo. Todos os direitos reservados.",
        "related": "Leia também: Governo anuncia novo pacote econômico",
    },
    "it": {
        "paywall": "Questo articolo è riservato agli abbonati. Sei già abbonato? Accedi",
        "subscription": "Abbonati ora a 1 € al mese",
        "donation": "Sostieni il giornalismo indipendente con una donazione.",
        "share": "Condividi · Stampa · Commenti (5)",
        "link_copied": "Link copiato",
        "trust": "I nostri principi editoriali sono pubblicati sul sito.",
        "newsletter": "Iscriviti alla nostra newsletter per ricevere le notizie del giorno.",
        "cookie": "Utilizziamo i cookie per migliorare la tua esperienza.",
        "copyright": "© Riproduzione riservata",
        "related": "Leggi anche: Il governo approva la manovra",
    },
    "nl": {
        "paywall": "Dit artikel is alleen voor abonnees. Al abonnee? Log in",
        "subscription": "Word abonnee voor €1 per week",
        "donation": "Steun onze journalistiek met een bijdrage.",
        "share": "Delen | Reacties (21)",
        "link_copied": "Link gekopieerd",
        "trust": "Onze journalistieke principes leest u hier.",
        "newsletter": "Schrijf je in voor onze dagelijkse nieuwsbrief.",
        "cookie": "Wij gebruiken cookies om onze website te verbeteren.",
        "copyright": "© 2024 Krant. Alle rechten voorbehouden.",
        "related": "Lees ook: Kabinet presenteert nieuwe plannen",
    },
    "pl": {
        "paywall": "Ten artykuł jest dostępny tylko dla prenumeratorów.",
        "subscription": "Zaprenumeruj za 1 zł przez pierwszy miesiąc",
        "donation": "Wesprzyj nas i niezależne dziennikarstwo – wpłać darowiznę.",
        "share": "Udostępnij | Komentarze (17)",
        "link_copied": "Link skopiowany",
        "trust": "Zasady redakcyjne naszego portalu znajdziesz tutaj.",
        "newsletter": "Zapisz się do naszego newslettera i bądź na bieżąco.",
        "cookie": "Używamy plików cookies, aby ułatwić korzystanie z serwisu.",
        "copyright": "Wszelkie prawa zastrzeżone © 2024",
        "related": "Czytaj także: Sejm przyjął ustawę budżetową",
    },
    "cs": {
        "paywall": "Tento článek je dostupný pouze pro předplatitele.",
        "subscription": "Předplaťte si přístup za 1 Kč",
        "donation": "Podpořte nezávislou žurnalistiku darem.",
        "share": "Sdílet | Tisk | Diskuse (42)",
        "link_copied": "Odkaz byl zkopírován",
        "trust": "Naše redakční zásady najdete zde.",
        "newsletter": "Přihlaste se k odběru našeho newsletteru.",
        "cookie": "Používáme soubory cookies pro zlepšení našich služeb.",
        "copyright": "© 2024 Vydavatelství, všechna práva vyhrazena.",
        "related": "Čtěte také: Vláda schválila rozpočet",
    },
    "ru": {
        "paywall": "Этот материал доступен только подписчикам.",
        "subscription": "Оформить подписку за 99 рублей",
        "donation": "Поддержите независимую журналистику — сделайте пожертвование.",
        "share": "Поделиться | Комментарии (15)",
        "link_copied": "Ссылка скопирована",
        "trust": "Редакционная политика издания опубликована на сайте.",
        "newsletter": "Подписывайтесь на наш канал в Telegram.",
        "cookie": "Мы используем файлы cookie, чтобы сайт работал лучше.",
        "copyright": "© 2024 Издание. Все права защищены.",
        "related": "Читайте также: В Госдуме обсудили новый закон",
    },
    "uk": {
        "paywall": "Цей матеріал доступний лише для передплатників.",
        "subscription": "Оформити передплату за 49 гривень",
        "donation": "Підтримайте незалежну журналістику — зробіть внесок.",
        "share": "Поділитися | Коментарі (9)",
        "link_copied": "Посилання скопійовано",
        "trust": "Редакційна політика видання доступна на сайті.",
        "newsletter": "Підписуйтесь на наш канал у Telegram.",
        "cookie": "Ми використовуємо файли cookie для покращення роботи сайту.",
        "copyright": "© 2024 Видання. Усі права захищені.",
        "related": "Читайте також: Уряд ухвалив нове рішення",
    },
    "tr": {
        "paywall": "Bu içerik yalnızca abonelere açıktır. Zaten abone misiniz? Giriş yapın",
        "subscription": "Abone ol, ilk ay ücretsiz",
        "donation": "Bağımsız gazeteciliği destekle, bağış yap.",
        "share": "Paylaş | Yorumlar (6)",
        "link_copied": "Bağlantı kopyalandı",
        "trust": "Yayın ilkelerimiz için tıklayın.",
        "newsletter": "E-bültenimize abone olun, gündemi kaçırmayın.",
        "cookie": "Çerezler kullanıyoruz; siteyi kullanarak çerez politikamızı kabul etmiş olursunuz.",
        "copyright": "Tüm hakları saklıdır. © 2024",
        "related": "İlginizi çekebilir: Merkez Bankası faiz kararını açıkladı",
    },
    "ar": {
        "paywall": "هذا المحتوى حصري للمشتركين فقط",
        "subscription": "اشترك الآن واحصل على شهر مجاني",
        "donation": "ادعم الصحافة المستقلة بتبرع بسيط",
        "share": "شارك | تعليقات (4)",
        "link_copied": "تم نسخ الرابط",
        "trust": "سياسة التحرير الخاصة بنا متاحة على الموقع.",
        "newsletter": "اشترك في النشرة البريدية لتصلك أهم الأخبار.",
        "cookie": "نستخدم ملفات تعريف الارتباط لتحسين تجربتك.",
        "copyright": "جميع الحقوق محفوظة © 2024",
        "related": "اقرأ أيضا: الحكومة تعلن عن خطة جديدة",
    },
    "fa": {
        "paywall": "این مطلب فقط برای مشترکان قابل مشاهده است.",
        "subscription": "مشترک شوید و همه مطالب را بخوانید",
        "donation": "از ما حمایت کنید تا مستقل بمانیم.",
        "share": "اشتراک‌گذاری | نظرات (۳)",
        "link_copied": "لینک کپی شد",
        "trust": "رهنمودهای ویراستاری ما را اینجا بخوانید.",
        "newsletter": "عضویت در خبرنامه روزانه",
        "cookie": "ما از کوکی‌ها استفاده می‌کنیم تا تجربه بهتری داشته باشید.",
        "copyright": "کلیه حقوق این سایت محفوظ است.",
        "related": "بیشتر بخوانید: دولت طرح تازه‌ای را اعلام کرد",
    },
    "hi": {
        "paywall": "यह लेख केवल सब्सक्राइबर्स के लिए है।",
        "subscription": "सब्सक्राइब करें और पढ़ें सभी खबरें",
        "donation": "हमें सपोर्ट करें ताकि हम निष्पक्ष पत्रकारिता कर सकें।",
        "share": "शेयर करें | कमेंट (12)",
        "link_copied": "लिंक कॉपी हो गया",
        "trust": "संपादकीय नीति के लिए यहां क्लिक करें।",
        "newsletter": "न्यूज़लेटर के लिए साइन अप करें",
        "cookie": "हम कुकीज़ का उपयोग करते हैं ताकि आपको बेहतर अनुभव मिले।",
        "copyright": "सर्वाधिकार सुरक्षित © 2024",
        "related": "ये भी पढ़ें: सरकार ने नई योजना की घोषणा की",
    },
    "id": {
        "paywall": "Artikel ini khusus pelanggan. Sudah berlangganan? Masuk",
        "subscription": "Berlangganan sekarang mulai Rp 1.000",
        "donation": "Dukung kami dengan berdonasi untuk jurnalisme independen.",
        "share": "Bagikan | Komentar (7)",
        "link_copied": "Link berhasil disalin",
        "trust": "Pedoman media siber kami dapat dibaca di sini.",
        "newsletter": "Daftar newsletter kami untuk berita terbaru.",
        "cookie": "Kami menggunakan cookie untuk meningkatkan pengalaman Anda.",
        "copyright": "Hak cipta dilindungi undang-undang.",
        "related": "Baca juga: Pemerintah umumkan kebijakan baru",
    },
    "zh": {
        "paywall": "本文为付费会员专享，订阅后即可阅读全文。",
        "subscription": "立即订阅，首月仅需1元",
        "donation": "支持我们，打赏作者",
        "share": "分享到：微信 微博 朋友圈",
        "link_copied": "链接已复制",
        "trust": "本文仅代表作者个人观点，不代表本网立场。",
        "newsletter": "扫码关注我们的微信公众号",
        "cookie": "本网站使用cookies以提升您的浏览体验。",
        "copyright": "版权所有，未经授权不得转载。",
        "related": "相关阅读：国务院发布新规",
    },
    "ja": {
        "paywall": "この記事は有料会員限定です。残り1234文字",
        "subscription": "無料会員登録で続きが読めます",
        "donation": "ご支援をお願いします",
        "share": "シェア ツイート ブックマーク",
        "link_copied": "リンクをコピーしました",
        "trust": "編集方針について",
        "newsletter": "メルマガ登録はこちら",
        "cookie": "当サイトではクッキーを使用しています。",
        "copyright": "無断転載を禁じます。",
        "related": "関連記事：政府が新たな経済対策を発表",
    },
    "ko": {
        "paywall": "이 기사는 유료 회원 전용입니다.",
        "subscription": "구독하기",
        "donation": "후원하기",
        "share": "공유하기 | 댓글 3 | 좋아요",
        "link_copied": "링크가 복사되었습니다",
        "trust": "편집 원칙 보기",
        "newsletter": "뉴스레터 구독 신청",
        "cookie": "쿠키를 사용하여 서비스를 개선합니다.",
        "copyright": "<저작권자 ⓒ 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>",
        "related": "관련기사: 정부, 새 경제 정책 발표",
    },
    "sv": {
        "paywall": "Den här artikeln är endast för prenumeranter. Redan prenumerant? Logga in",
        "subscription": "Prenumerera nu för 1 kr",
        "donation": "Stöd oberoende journalistik – bli månadsgivare.",
        "share": "Dela | Kommentarer (3)",
        "link_copied": "Länken kopierad",
        "trust": "Våra publicistiska principer hittar du här.",
        "newsletter": "Prenumerera på vårt nyhetsbrev.",
        "cookie": "Vi använder cookies för att ge dig en bättre upplevelse.",
        "copyright": "Alla rättigheter förbehållna © 2024",
        "related": "Läs också: Regeringen presenterar budgeten",
    },
}


def languages_table() -> str:
    """docs/languages.md's tables: each language's rules, and the example line each rule is tested on."""
    from newsclean.transforms.cleaning.language import JUSTEXT_STOPLISTS
    from newsclean.transforms.cleaning.phrases import CATEGORIES, LANGUAGES, PHRASES

    keys = list(CATEGORIES)
    lines = [
        "| language | code | stopwords | " + " | ".join(CATEGORIES[k].rule.value for k in keys) + " |",
        "|---|---|---|" + "---|" * len(keys),
    ]
    for code, name in LANGUAGES.items():
        cells = ["✓" if PHRASES[code].get(k) else "" for k in keys]
        stop = "jusText" if code in JUSTEXT_STOPLISTS else "none"
        lines.append(f"| {name} | {code} | {stop} | " + " | ".join(cells) + " |")
    lines += ["", "| code | rule | example line (tests/transforms/cleaning/test_phrases.py) |", "|---|---|---|"]
    for code in LANGUAGES:
        for key in keys:
            if key in EXAMPLES[code]:
                example = EXAMPLES[code][key].replace("|", "\\|")
                lines.append(f"| {code} | {CATEGORIES[key].rule.value} | {example} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(languages_table(), end="")
