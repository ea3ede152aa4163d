"""The language rules (cleaning.phrases): every language's example line goes under its rule,
prose that mentions the same words stays, and docs/languages.md tells the truth."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsclean.transforms.cleaning.clean import clean_text
from newsclean.transforms.cleaning.phrase_examples import EXAMPLES, languages_table
from newsclean.transforms.cleaning.phrases import CATEGORIES, LANGUAGES, PHRASES, language_line_rules
from newsclean.transforms.cleaning.rules import DEFAULT_RULES
from newsclean.transforms.cleaning.sections import clean_blocks, cut_tail_sections
from newsclean.transforms.facts import Block
from newsclean.transforms.vocabulary import RuleName

REQUIRED = "en de fr es pt it nl pl cs ru uk tr ar fa hi id zh ja ko sv".split()
CASES = [(code, key, line) for code, table in EXAMPLES.items() for key, line in table.items()]

PROSE = [
    "The council met on Tuesday evening to discuss the budget for the coming year, and members said the "
    "proposal would be put to a vote next month after a public consultation.",
    "Officials said the new rules would take effect in the spring, and that businesses would be given time "
    "to adapt before any penalties were applied to those who failed to comply.",
    "Residents who spoke at the meeting raised concerns about traffic and noise, while others welcomed the "
    "plan as a long-awaited investment in the town centre and its shops.",
]

# Body sentences that use a rule's words without being the boilerplate line.
KEPT = [
    "Sie lesen gern Krimis, sagt die Buchhändlerin, und kaufen dann doch nur Kochbücher.",
    "Die Nutzung dieser Website sei kostenlos, sagte der Sprecher der Stadt am Montag.",
    "Millions of people download the app for iOS and Android every month, the company said.",
    "Nur angemeldete Nutzer sollen künftig in den Foren kommentieren dürfen, kündigte der Verlag an.",
    "The latest figures went straight to your phone bill, the regulator found in its report.",
    "Filed under seal, the documents were released on Tuesday after a judge's order.",
    "Der Beitrag wurde am Montag in der ARD veröffentlicht und löste heftige Kritik aus.",
    "Posted in the window of the town hall, the notice warned residents of the closure.",
    "Cet article a été publié dans Le Monde en 1998 et largement repris depuis.",
    "Tento příspěvek byl publikován v časopise Nature a vyvolal debatu.",
    "What do you think about the new tax, the minister asked, before the vote on Tuesday.",
    "Die Kommission will die Vorschläge bewerten, bevor sie im Frühjahr entscheidet.",
    "He said the next article of the treaty covers fishing rights in the northern sea.",
    "The photographer released the pictures under a Creative Commons licence last year, he said.",
    "Qu’en pensez-vous, a demandé le ministre aux élus réunis à Lyon mardi soir.",
    "Der Minister sagte, man wolle den Journalismus unterstützen und die Pressefreiheit stärken.",
    "Die Stadt will Familien mit einer Spende von 500 Euro unterstützen, teilte das Rathaus mit.",
    "Le parking de la gare est désormais ouvert aux abonnés du réseau de transport régional.",
    "Lire aussi le rapport du ministère permet de comprendre l'ampleur de la crise.",
    "El club anunció que la grada norte será solo para abonados durante la próxima temporada de liga.",
    "Os assinantes da operadora ficaram sem sinal durante várias horas na segunda-feira.",
    "Il settore ospiti dello stadio sarà riservato agli abbonati della squadra di casa, ha detto il prefetto.",
    "Polecamy wszystkim mieszkańcom, aby w czasie upałów pili dużo wody, poinformował sanepid.",
    "Министр заявил, что правительство будет поддерживать малый бизнес и выплачивать пособия.",
    "Şirket, abonelere özel indirim kampanyasının ay sonuna kadar süreceğini açıkladı.",
    "اشترك أكثر من مئة شخص في المظاهرة التي نظمت أمام البرلمان يوم الجمعة.",
    "حمایت مالی دولت از کشاورزان در سال جاری افزایش یافته است.",
    "Pemerintah akan berlangganan layanan satelit baru untuk memperluas jaringan internet di desa.",
    "Users who accept cookies on every site they visit share more data than they realise, the study found.",
    "The company said it would share details of the plan with investors at its annual meeting next week.",
    "저작권 침해와 무단 복제 문제에 대해 정부가 새로운 대책을 발표했다.",
    "政府表示将继续支持我们的农业发展，并加大对农村地区的投资力度。",
    "Regeringen vill stödja oberoende journalistik genom ett nytt mediestöd, sade kulturministern.",
    "Mehr als 100 Menschen kamen zur Demonstration vor dem Rathaus.",
    "Mehr zum Thema sagte der Minister nicht.",
    "Lea llegó tarde a la reunión.",
    "Más sobre el tema se sabrá mañana.",
    "Section 3: the new rules apply from May.",
    "Tel Aviv is 60 km from Jerusalem.",
    "Phone sales rose 12 percent in 2020, the company said.",
    "A warning was issued on line 3 of the metro on Friday.",
    "The newsletter was sent to 3,000 party members before the vote, a spokesman said.",
    "Subscribers say they can cancel anytime, but the company charges a fee for it.",
    "Die Stadt will das Projekt unterstützen, mit 2 Millionen Euro aus dem Haushalt.",
    "No comments were made by the mayor's office when asked about the contract.",
]

# A related label heading its own short words, a tag list, a photo credit of German desks, WordPress UI.
HEADINGS = [
    # reader prompts and post navigation a naive scrape keeps after the story
    ("Was this article helpful?", RuleName.SHARE),
    (
        "For the latest stories and breaking news updates download the Nationnews apps for iOS and Android.",
        RuleName.NEWSLETTER,
    ),
    ("Get the latest news straight to your phone with the VI Consortium app.", RuleName.NEWSLETTER),
    ("Laden Sie jetzt die kostenlose Tagesspiegel-App herunter!", RuleName.NEWSLETTER),
    ("Téléchargez gratuitement l'application Le Parisien", RuleName.NEWSLETTER),
    ("Descarga nuestra app y recibe las noticias al instante", RuleName.NEWSLETTER),
    ("Only registered users can comment.", RuleName.SHARE),
    ("Nur angemeldete Benutzer können kommentieren und bewerten.", RuleName.SHARE),
    ("Gefällt Ihnen dieser Artikel?", RuleName.SHARE),
    ("Kommentieren Sie hier", RuleName.SHARE),
    ("Sie lesen gern Achgut.com?", RuleName.DONATION),
    ("getaggt mit: Grundeinkommen, Berlin, Demonstration", RuleName.POST_META),
    (
        "Ich bin mit der Verarbeitung meiner Daten nach Datenschutzerklärung einverstanden.",
        RuleName.NEWSLETTER,
    ),
    (
        "Use of this Web site constitutes acceptance of our Terms and Conditions of Use and Privacy Policy.",
        RuleName.COPYRIGHT,
    ),
    ("Seuls les abonnés peuvent commenter cet article.", RuleName.SHARE),
    ("Solo los usuarios registrados pueden comentar.", RuleName.SHARE),
    ("Leave a Reply", RuleName.SHARE),
    ("No Responses so far »", RuleName.SHARE),
    ("Click to email this to a friend (Opens in new window)", RuleName.SHARE),
    ("Fanden Sie diesen Artikel hilfreich?", RuleName.SHARE),
    ("Was denken Sie?", RuleName.SHARE),
    ("Hinterlasse einen Kommentar", RuleName.SHARE),
    ("Artikel bewerten:", RuleName.SHARE),
    ("Möchtest du den Beitrag teilen?", RuleName.SHARE),
    ("« Zurück zur Übersicht", RuleName.SHARE),
    ("Cet article vous a-t-il plu ?", RuleName.SHARE),
    ("Qu’en pensez-vous ?", RuleName.SHARE),
    ("¿Qué opinas?", RuleName.SHARE),
    ("Deja una respuesta", RuleName.SHARE),
    ("Next article: Fed holds rates steady", RuleName.RELATED),
    ("Inhalte dieses Blogs stehen unter einer Creative Commons Namensnennung 4.0 Lizenz.", RuleName.COPYRIGHT),
    ("This site is licensed under a Creative Commons Attribution-ShareAlike 4.0 License.", RuleName.COPYRIGHT),
    ("Immer informiert bleiben mit unserem Newsletter. Jetzt anmelden!", RuleName.NEWSLETTER),
    ("Verpasse keine Artikel mehr – abonniere den Wochenrückblick", RuleName.NEWSLETTER),
    ("Les opinions exprimées dans cet article n’engagent que leur auteur.", RuleName.TRUST_NOTE),
    ("Vorheriger Beitrag: Stadtrat vertagt Entscheidung", RuleName.RELATED),
    ("Article précédent | Le Sénat adopte la réforme", RuleName.RELATED),
    ("Mehr aus Thüringen", RuleName.RELATED),
    ("Weitere Beiträge aus der Kolumne:", RuleName.RELATED),
    ("Das Thema könnte dich auch interessieren:", RuleName.RELATED),
    ("Lesen Sie auch die folgenden Beiträge:", RuleName.RELATED),
    ("Más sobre La Tercera AM", RuleName.RELATED),
    ("VEA TAMBIÉN: Estrella de la educación no brilla para estudiantes en Panamá Oeste", RuleName.RELATED),
    ("Lea: Consejo Permanente de la OEA aborda la confiscación de sus oficinas", RuleName.RELATED),
    ("NOTAS RELACIONADAS", RuleName.RELATED),
    ("Themen: Corona, Bildung, Schule", RuleName.RELATED),
    ("Titelbild: Geyres Christophe/ABACA/picture-alliance", RuleName.CREDIT),
    ("Crédits photos : Bestimage", RuleName.CREDIT),
    ("Kommentare insgesamt: 0", RuleName.SHARE),
    ("Like this:", RuleName.SHARE),
    ("Cristina Kirchner y Alberto Fernández (Foto: Natacha Pisarenko/Pool via REUTERS).", RuleName.PHOTO_CAPTION),
    ("Follow The Gleaner on Twitter and Instagram @JamaicaGleaner and on Facebook @GleanerJamaica. Send us a message "
     "on WhatsApp at 1-876-499-0169 or email us at online@example.com.", RuleName.FOLLOW),
    ("Melde dich hier für unseren Newsletter an!", RuleName.NEWSLETTER),
    ("To view the full story, please subscribe to The Example Times.", RuleName.PAYWALL),
    ("Pour lire la suite", RuleName.PAYWALL),
    ("Gefällt mir Lade...", RuleName.SHARE),
    ("Kategorie: News", RuleName.NAVIGATION),
    ("Filed under: Sports, Local", RuleName.NAVIGATION),
    ("Release Date:", RuleName.HEADER_STAMP),
    ("Letzte Änderung 14.02.2019", RuleName.HEADER_STAMP),
    ("Anzeige, enthält Affiliate Links", RuleName.DISCLOSURE),
    ("Warning: Creating default object from empty value in /www/htdocs/wp-includes/classes.php on line 407",
     RuleName.SERVER_MESSAGE),
    ("Tel. 0863/91131 - Fax 0863/912132", RuleName.CONTACT_LINE),
    ("(Alle Angaben ohne Gewähr)", RuleName.TRUST_NOTE),
    ("Telefon: +49 (40) 300 30-1141", RuleName.CONTACT_LINE),
    ("Lesen Sie hier: Spielabbruch in der Kreisliga", RuleName.RELATED),
    ("Mire: El cantante da positivo a COVID-19", RuleName.RELATED),
    ("Sofern nicht anders ausgewiesen, stehen Inhalte dieser Website unter CC-BY", RuleName.COPYRIGHT),
    ("*Werbung. Dieser Beitrag enthält Werbung für eine Marke.", RuleName.DISCLOSURE),
    ("We pick products independently. We may receive compensation if you buy.", RuleName.DISCLOSURE),
    ("This article is the copyrighted property of Example News.", RuleName.COPYRIGHT),
    ("Mit der Registrierung akzeptieren Sie unsere Datenschutzbedingungen.", RuleName.NEWSLETTER),
    ("Gefällt dir unser Magazin? Wir haben keine Bezahlschranke, unterstütze uns.", RuleName.DONATION),
    ("%d Bloggern gefällt das:", RuleName.SHARE),
    ("%d bloggers like this:", RuleName.SHARE),
    ("A %d blogueros les gusta esto:", RuleName.SHARE),
    ("Teilen mit:", RuleName.SHARE),
    ("Beiträge aus dem Forum", RuleName.RELATED),
    ("Kommende Veranstaltungen", RuleName.RELATED),
    ("Upcoming events", RuleName.RELATED),
    ("Inhaltsverzeichnis", RuleName.RELATED),
    ("Sommaire", RuleName.RELATED),
    ("PC Gamer Newsletter", RuleName.NEWSLETTER),
    ("Lust auf mehr? Lass dir die besten Storys jede Woche liefern. Melde dich hier für unseren Newsletter an!",
     RuleName.NEWSLETTER),
    ("Want more? Get the best stories in your inbox every week: sign up for our newsletter.", RuleName.NEWSLETTER),
    ("Do you want to stay informed about our campaigns? Sign up here", RuleName.NEWSLETTER),
    ("Unterstütze RosaMag bereits mit 2,50!", RuleName.DONATION),
    ("Unterstützen Sie Krautreporter schon ab 5 Euro im Monat.", RuleName.DONATION),
    ("Tú también puedes hacer periodismo incómodo. Cancela cuando quieras.", RuleName.PAYWALL),
    ("Unlimited digital access for $1 a week. Cancel anytime.", RuleName.PAYWALL),
    ("Alle Artikel lesen für 9,99 € im Monat, jederzeit kündbar", RuleName.PAYWALL),
    ("Marco Odermatt, Ski-Star aus der Schweiz. © AFP / MARCO BERTORELLO", RuleName.PHOTO_CAPTION),
]  # fmt: skip

CLOSING = [
    "Du musst eingeloggt sein, um Kommentare zu schreiben!",
    "Verraten Sie gerne in den Kommentaren: Was halten Sie davon?",
    "We want to hear what you think about this article. Submit a letter to the editor.",
    "Puede escribirnos a redaccion@example.com o seguirnos en Facebook.",
    "Suivez-nous sur Facebook et Twitter.",
    "Keine Kommentare (Kommentare erscheinen erst nach unserer Freigabe)",
    "No comments yet",
    "If you enjoyed reading this post – would you consider supporting our work? Just click here. Thanks!",
]


@pytest.mark.parametrize(
    "heading", ["Pressekontakt:", "Media contact", "Ansprechpartnerin zum Thema:", "Contacto de prensa"]
)
def test_a_contact_block_closing_a_release_goes(heading: str) -> None:
    contact = ["Jana Beispiel", "Telefon: +49 30 1234567", "presse@example.org"]
    kept, removed = clean_blocks([Block("paragraph", p) for p in [*PROSE, heading, *contact]])
    assert [b.text for b in kept] == PROSE
    assert {r.rule for r in removed} == {RuleName.CONTACT_SECTION} and len(removed) == 4


@pytest.mark.parametrize("line", CLOSING)
def test_closing_calls_of_other_languages_leave_the_end_of_a_story(line: str) -> None:
    kept, removed = clean_blocks([Block("paragraph", p) for p in [*PROSE, line]])
    assert [b.text for b in kept] == PROSE
    assert [r.rule for r in removed] == [RuleName.CALL_TO_ACTION]


def test_a_closing_call_inside_the_story_is_kept() -> None:
    texts = [PROSE[0], "Folgen Sie uns, sagte der Bürgermeister zu den Demonstranten.", PROSE[1], PROSE[2]]
    kept, _ = clean_blocks([Block("paragraph", p) for p in texts])
    assert len(kept) == 4


def test_every_required_language_has_every_category() -> None:
    assert set(REQUIRED) <= set(LANGUAGES) == set(PHRASES) == set(EXAMPLES)
    for code in REQUIRED:
        missing = [key for key in CATEGORIES if not PHRASES[code].get(key)]
        assert not missing, (code, missing)
        assert set(EXAMPLES[code]) == {key for key in CATEGORIES if PHRASES[code].get(key)}, code


@pytest.mark.parametrize(("code", "key", "line"), CASES, ids=[f"{c}-{k}" for c, k, _ in CASES])
def test_example_goes_under_its_rule(code: str, key: str, line: str) -> None:
    rule = DEFAULT_RULES.first_line_rule(line, False)
    assert rule is not None and rule.name == CATEGORIES[key].rule, (code, key, rule and rule.name)


@pytest.mark.parametrize("code", REQUIRED)
def test_examples_are_cleaned_out_of_a_story(code: str) -> None:
    """Each language's lines between and after the paragraphs of a story: the lines go, the story stays."""
    noise = list(EXAMPLES[code].values())
    text = "\n\n".join([PROSE[0], *noise[:5], PROSE[1], *noise[5:], PROSE[2]])
    cleaned = clean_text(text)
    assert cleaned.paragraphs == PROSE
    assert sorted(r.text for r in cleaned.removed) == sorted(noise)


@pytest.mark.parametrize(("line", "rule"), HEADINGS)
def test_short_headings_and_labels_go_under_their_rule(line: str, rule: RuleName) -> None:
    found = DEFAULT_RULES.first_line_rule(line, False)
    assert found is not None and found.name == rule, found and found.name


@pytest.mark.parametrize("line", KEPT)
def test_prose_with_the_same_words_is_kept(line: str) -> None:
    assert not [r.name for r in language_line_rules() if r.matches(line, len(line.split()))]
    assert DEFAULT_RULES.first_line_rule(line, False) is None


@pytest.mark.parametrize(
    "heading",
    ["Das könnte Sie auch interessieren", "Sur le même sujet", "関連記事", "相关阅读", "Читайте также:", "Baca Juga"],
)
def test_related_heading_cuts_its_teasers(heading: str) -> None:
    teasers = [Block("paragraph", t) for t in ("Wahl in Hessen: Die Ergebnisse", "Streik bei der Bahn", "Wetter")]
    blocks = [Block("paragraph", p) for p in PROSE] + [Block("heading", heading, 2), *teasers]
    kept, removed = cut_tail_sections(blocks)
    assert [b.text for b in kept] == PROSE
    assert {r.rule for r in removed} == {RuleName.RELATED_SECTION} and len(removed) == 4


def test_a_long_cjk_paragraph_is_not_a_notice() -> None:
    """Word counts do not bound CJK lines; the character limit does."""
    line = "本文为付费会员专享。" + "国务院常务会议研究部署进一步优化营商环境的政策措施。" * 30
    assert DEFAULT_RULES.first_line_rule(line, False) is None


def test_docs_table_is_generated_from_the_data() -> None:
    docs = (Path(__file__).resolve().parents[3] / "docs" / "languages.md").read_text(encoding="utf-8")
    assert languages_table() in docs, "regenerate with: python -m newsclean.transforms.cleaning.phrase_examples"


@pytest.mark.parametrize(
    "heading",
    [
        "Kommentare (3)",
        "Schreibe einen Kommentar Antworten abbrechen",
        "Kommentar verfassen Antwort abbrechen",
        "Ihre Meinung zu diesem Thema",
        "Laisser un commentaire",
        "Deja una respuesta Cancelar respuesta",
        "Lascia un commento",
        "Deixe um comentário",
        "Laat een reactie achter",
        "Dodaj komentarz",
        "Комментарии",
        "142 Antworten zu Würde des Lebens – ein Projekt",
        "2 Kommentare zu „Die Überforderung durch Überangebote“",
        "12 thoughts on “How to prune roses in winter without losing a single bloom”",
        'One response to "Why the bridge closed"',
        "3 réponses à « La réforme des retraites »",
        "5 comentarios en «El precio del aceite sube otra vez»",
    ],
)
def test_comment_heading_cuts_the_comments_after_the_story(heading: str) -> None:
    comments = [
        Block("paragraph", "Anna K. 12.03.2020"),
        Block("paragraph", "Ich finde den Plan gut, die Innenstadt braucht endlich mehr Leben und weniger Autos."),
        Block("paragraph", "Antworten"),
    ]
    blocks = [Block("paragraph", p) for p in PROSE] + [Block("heading", heading, 2), *comments]
    kept, removed = cut_tail_sections(blocks)
    assert [b.text for b in kept] == PROSE
    assert {r.rule for r in removed} == {RuleName.ENGAGEMENT_SECTION} and len(removed) == 4


def test_a_thread_longer_than_its_story_is_cut_at_its_counter_heading() -> None:
    comment = Block("paragraph", "Ich finde den Plan gut, die Innenstadt braucht endlich mehr Leben und weniger Autos.")
    blocks = [Block("paragraph", p) for p in PROSE] + [Block("heading", "142 Antworten zu „Mehr Leben“", 2)]
    kept, removed = cut_tail_sections(blocks + [comment] * 12)
    assert [b.text for b in kept] == PROSE and len(removed) == 13


@pytest.mark.parametrize(
    "heading",
    [
        "Kommentar",
        "Die Kommentare der Leser waren deutlich",
        "Commentaires de la presse",
        "3 comments on the proposal were received by the council before the deadline.",
    ],
)
def test_an_opinion_heading_or_a_sentence_about_comments_cuts_nothing(heading: str) -> None:
    """'Kommentar' alone heads a German opinion piece; only the comment section's own headings cut."""
    blocks = [Block("paragraph", p) for p in PROSE] + [Block("heading", heading, 2), Block("paragraph", PROSE[0])]
    kept, removed = cut_tail_sections(blocks)
    assert len(kept) == len(blocks) and not removed
