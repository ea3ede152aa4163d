"""Named line rules: the data the cleaner runs.

Each rule has a name (it lands in ``removed`` next to every line it strips), a
pattern, where in the document it applies and how long a line it may remove.
Patterns are written for the family of lines, not one site's wording, and
anchored so a body sentence that merely mentions the words is left alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from newsclean.transforms.cleaning import phrases
from newsclean.transforms.cleaning.date_patterns import (
    DATE_LABEL,
    DATE_TEXT,
    UPDATED_LABEL,
    rule_pattern,
    stamp,
)
from newsclean.transforms.cleaning.page_lines import PAGE_LINE_RULES
from newsclean.transforms.cleaning.rule_types import (  # noqa: F401 (re-exported: the rule shapes)
    ANYWHERE,
    HEAD,
    REGEX_TIMEOUT,
    TAIL,
    LineRule,
    PrefixRule,
    RuleIndex,
    SectionRule,
    first_rule,
)
from newsclean.transforms.cleaning.wire_tags import story_closing_on_its_wire
from newsclean.transforms.fields.agency import AGENCY_PATTERN
from newsclean.transforms.fields.names import BYLINE_LEAD, split_names
from newsclean.transforms.vocabulary import RuleName

PREFIX_RULES: list[PrefixRule] = [
    PrefixRule(
        RuleName.HEADER_DATE,
        rule_pattern(r"^\s*(?P<label>" + DATE_LABEL + r")\s*[:\-–—]?\s*(?P<date>" + DATE_TEXT + r")\s*[|·•,;\-–—]?\s*"),
        description="a leading date label such as 'date 2025-01-17' or 'Published: Jan 17, 2025'; "
        "the date becomes published_date, any title after it is kept",
    ),
]

# Words that introduce a picture credit, in the languages news is printed in ("Bild: dpa", "Foto: EFE").
_CREDIT_WORDS = (
    r"photo(?:graph)?s?", r"images?", r"pictures?", r"pic", r"fotos?", r"illustrations?", r"(?:top|header|cover)\s+(?:photo|image)",
    r"picture\s+source", r"image\s+source", r"(?:titel|beitrags|vorschau|aufmacher|symbol|header|teaser)?bild(?:quelle|nachweis|er)?", r"fotograf(?:ie|ía|ia)",
    r"crédits?(?:\s+photos?)?",
    r"zdjęcie", r"фото",
)  # fmt: skip
_CREDIT_LABEL = r"(?:(?:" + "|".join(_CREDIT_WORDS) + r")\s*(?:credits?)?|credits?)"
_PHOTO_AGENCIES = (
    r"(?:"
    + AGENCY_PATTERN
    + r"|Getty(?:\s+Images)?|Shutterstock|iStock(?:photo)?|Alamy(?:\s+Stock\s+Photo)?|EPA(?:-EFE)?|"
    r"Pool|Sipa|ZUMA(?:\s+Press)?|Bloomberg|NurPhoto|Anadolu(?:\s+Agency)?|Xinhua|Imago|picture\s+alliance|"
    r"AAP(?:\s+Image)?|PA(?:\s+(?:Wire|Images|Media))?|Handout|File)"
)
# A photographer's name: up to six words, no sentence punctuation.
_NAME_WORDS = r"[\p{L}'’\-]+(?:\.?\s+[\p{L}.'’\-]+){0,5}"
# One credit as printed: "Credit: AP", "(AP Photo/Jane Doe)", "Jane Doe/Getty Images", "REUTERS/Jane Doe".
CREDIT = (
    "(?:"
    + "|".join(
        [
            r"\(?"
            + _CREDIT_LABEL
            + r"\s*(?:by)?\s*[:：|]\s*[^:()\n]{1,60}?\)?(?=\s+"
            + _CREDIT_LABEL
            + r"\s*[:：]|\s*$)",
            r"\((?:[^()\n]{0,40}\s)?(?:photo|foto|image|video)(?:\s?/\s?[^()\n]{1,60})?\)",
            r"\([^()\n]{0,60}(?:/|via\s+|\s)(?:" + _PHOTO_AGENCIES + r")\)",
            r"(?:photo\s+by\s+)?" + _NAME_WORDS + r"\s?/\s?" + _PHOTO_AGENCIES + r"(?:\s+via\s+[\w\s]{1,30})?",
            r"(?:" + _PHOTO_AGENCIES + r")(?:\s+photos?)?\s?/\s?" + _NAME_WORDS,
            r"(?:" + _NAME_WORDS + r"\s+)?(?:for|via)\s+Getty\s+Images",
            r"getty\s+images|shutterstock|istock(?:photo)?|alamy(?:\s+stock\s+photo)?",
            # a stock site's credit ("Photo by Jane Doe on Unsplash")
            r"(?:photo\s+by\s+)?" + _NAME_WORDS + r"\s+(?:on|via)\s+(?:unsplash|pexels|pixabay|flickr)",
            r"source\s*:\s*(?:" + _NAME_WORDS + r"\s?/\s?)?(?:the\s+)?(?:" + _PHOTO_AGENCIES + r")",
            r"\(?file\s+(?:photo|image|picture)\)?",
        ]
    )
    + ")"
)


def _names_someone(line: str) -> bool:
    """A byline-shaped line is a byline only when it names a person or an agency."""
    people, agency = split_names(line)
    return bool(people or agency)


# "By JIM HEINTZ and NASSER KARIMI", "Von Hans Müller", "Jane Doe | Reuters", "Jane Doe, Associated Press".
BYLINE = (
    r"^(?i:" + BYLINE_LEAD + r")(?:\s*:\s+|\s+)\p{Lu}[^.!?]{1,120}$"
    r"|^\p{Lu}[\p{L}.'’\-]+(?:\s+\p{Lu}[\p{L}.'’\-]+){1,3}(?:\s*(?:,|and|&)\s*\p{Lu}[\p{L}.'’\-]+(?:\s+\p{Lu}[\p{L}.'’\-]+){1,3})*"
    r"\s*[|,]\s*(?:" + AGENCY_PATTERN + r")$"
)

LINE_RULES: list[LineRule] = [
    LineRule(
        RuleName.BYLINE,
        regex.compile("(?-f)" + BYLINE, regex.V1),
        where=HEAD,
        max_words=20,
        description="a byline: 'By JIM HEINTZ and NASSER KARIMI', 'Jane Doe | Reuters', 'Von ...', 'Par ...'; "
        "the people go to authors, a credited agency to agency",
        accept=_names_someone,
        guarded=True,
    ),
    LineRule(
        RuleName.CREDIT,
        rule_pattern(r"^(?:" + CREDIT + r"[\s.,;|·•]*)+$"),
        max_words=40,
        description="photo and image credit lines and runs: 'Credit: AP', 'Photo: Reuters', "
        "'(AP Photo/Jane Doe)', 'Jane Doe/Getty Images', 'File photo'",
        trigger=(
            "credit",
            "photo",
            "image",
            "picture",
            "pic",
            "foto",
            "illustration",
            "getty",
            "shutterstock",
            "istock",
            "alamy",
            "/",
            "bild",
            "crédit",
            "unsplash",
            "pexels",
            "pixabay",
            "source",
            "фото",
            "zdjęcie",
        ),
        guarded=True,
    ),
    LineRule(
        RuleName.PHOTO_CAPTION,
        rule_pattern(
            r"[.!?\"”]\s*(?:©\s*)?(?:\(\s*(?:[^()\n]{0,40}\s)?(?:photo|foto|image)\b[^()\n]{0,80}\)|\((?:[^()\n]{0,60}/)"
            + _PHOTO_AGENCIES
            + r"[^()\n]{0,40}\)|(?:REUTERS|AFP|AP)\s?/\s?[\p{L} .'’\-]{2,60}|"
            # a bare credit in parentheses, agency first: "(AP)", "(Kyodo/Jane Doe)", "(EPA-EFE/JANE DOE)"
            r"\(\s*(?:" + _PHOTO_AGENCIES + r")(?:\s*/\s*[^()\n]{1,60})?\s*\)|"
            # a labelled credit after the caption's sentence ("… Photograph: Jane Doe/EPA"); glued to the
            # sentence ("….Foto: x") it closes a body paragraph, which is not removed for it
            r"(?<=\s)(?:"
            + _CREDIT_LABEL
            + r")\s*:\s*[^:\n]{1,60}|[^\n]{0,60}/\s?(?:"
            + _PHOTO_AGENCIES
            + r")(?:\s+via\s+[\w\s]{1,30})?)\s*$"
            # a caption whose labelled credit closes it in parentheses: "... en el Congreso (Foto: Jane Doe/Pool)."
            r"|\s\((?:photo|foto|image|bild)\s*:\s*[^()\n]{1,80}\)\.?\s*$"
        ),
        max_words=80,
        accept=lambda line: not story_closing_on_its_wire(line),
        description="a caption sentence that ends in a photo credit, e.g. '... on Friday. (AP Photo/Jane Doe)'",
        trigger=("photo", "foto", "image", "credit", "/", ")", "bild", "crédit", "фото"),
        guarded=True,
    ),
    LineRule(
        RuleName.SEPARATOR,
        rule_pattern(r"^[\s_\-–—*=~#•·.+]{3,}$"),
        description="separator lines such as '___', '***', '* * *'",
    ),
    LineRule(
        RuleName.READING_TIME,
        rule_pattern(
            r"^(?:(?:estimated\s+)?(?:reading|read|listening)\s+time\s*:?\s*)?(?:about\s+)?\d{1,3}\s*(?:-\s*)?"
            r"(?:min(?:ute)?s?|m)\.?(?:\s+(?:read|listen|reading\s+time))?$"
            r"|^(?:reading|read|listening)\s+time\s*:?\s*.{0,20}$|^listen\s+to\s+(?:this\s+)?(?:article|story)\b.{0,30}$"
        ),
        where=HEAD,
        max_words=10,
        description="reading-time and listen labels: '5 min read', 'Reading time: 3 minutes'",
    ),
    LineRule(
        RuleName.HEADER_STAMP,
        stamp(r"(?:" + DATE_LABEL + r"|by\s+[^|]{1,60}\|)"),
        where=HEAD,
        max_words=20,
        description="'Published:' / 'Updated:' stamps on a line of their own near the top",
        guarded=True,
    ),
    LineRule(
        RuleName.HEADER_STAMP,
        stamp(UPDATED_LABEL),
        max_words=20,
        description="'Updated:' stamps anywhere (a publication stamp further down dates something else: "
        "a listing's entry, an episode)",
        guarded=True,
    ),
    LineRule(
        RuleName.HEADER_STAMP,
        rule_pattern(r"^\W{0,3}" + DATE_LABEL + r"\s*:\s*$"),
        max_words=5,
        trigger=(":",),
        description="a date label alone, its date on the next line ('Release Date:', 'Veröffentlichung:')",
        guarded=True,
    ),
    LineRule(
        RuleName.NAVIGATION,
        rule_pattern(
            r"^\W{0,3}(?:categor(?:y|ies)|kategorien?|rubrik|ressort|categor[íi]as?|catégories?|categori[ea]|"
            r"section|filed\s+under|posted\s+in|abgelegt\s+unter)\s*:\s*[^.!?:]{1,60}$"
        ),
        max_words=10,
        trigger=(":",),
        description="a category label: 'Category: News', 'Kategorie: Politik', 'Filed under: Sports'",
        guarded=True,
    ),
    LineRule(
        RuleName.SHARE,
        rule_pattern(
            r"^(?:(?:share|tweet|email|e-mail|print|pin|save|copy|link|comments?|whatsapp|facebook|"
            r"twitter|x|linkedin|reddit|pinterest|telegram|flipboard|messenger|threads|bluesky|sms|mail|"
            r"this|article|story|on|via|gift|to|a|friend|page|url|copied)(?:\s*[|•·/,:]\s*|\s+|$))++$"
        ),
        max_words=16,
        description="share bars: 'Share', 'Share on Facebook', 'Email | Print | Tweet'",
    ),
    LineRule(
        RuleName.SHARE,
        rule_pattern(r"^(?:share\s+(?:this|the)\s+(?:article|story|post|page)|click\s+to\s+share\b)[^.]{0,60}$"),
        max_words=16,
    ),
    LineRule(
        RuleName.SUBSCRIBE,
        rule_pattern(
            r"^(?:(?:please\s+)?(?:subscribe|sign\s+up|register|join|get|receive|want|never\s+miss|don['’]t\s+miss|"
            r"stay\s+(?:informed|updated|up\s+to\s+date)|enter\s+your\s+email)\b.{0,140}\b"
            r"(?:newsletters?|subscri\w+|inbox|e-?mail\s+(?:updates|alerts)|alerts|briefing|digest)\b.{0,80}$"
            r"|^(?:newsletter|subscribe(?:\s+now)?|subscribers?\s+only|sign\s+up(?:\s+now)?|already\s+a\s+subscriber\?.*"
            r"|support\s+(?:our|independent)\s+journalism.*|become\s+a\s+(?:member|subscriber).*)$)"
        ),
        max_words=35,
        description="subscription and newsletter prompts",
        guarded=True,
    ),
    LineRule(
        RuleName.FOLLOW,
        rule_pattern(
            r"^(?:follow|like|find)\s+(?:us|@\w+|\p{L}+(?:\s+\p{L}+){0,3})\s+on\s+(?:twitter|x|facebook|instagram|"
            r"tiktok|linkedin|youtube|threads|bluesky|mastodon|telegram|whatsapp)\b.{0,300}$"
            r"|^follow\s+(?:us|@\w+)\b.{0,60}$"
            r"|^follow\s+(?:our|the|\p{L}+['’]s)\s+(?:live\s+)?(?:coverage|updates|reporting|live\s+blog|blog)\b.{0,160}$"
        ),
        max_words=60,
        description="'Follow us on ...' lines",
        guarded=True,
    ),
    LineRule(
        RuleName.ADVERTISEMENT,
        rule_pattern(
            r"^(?:advertisement|advertising|ad|ads|sponsored(?:\s+content)?|paid\s+(?:post|content)|promoted(?:\s+content)?|"
            r"story\s+continues\s+(?:below|after)(?:\s+(?:this|the))?\s+(?:advertisement|ad)|"
            r"(?:article\s+)?continues\s+(?:below|after)(?:\s+(?:this|the))?\s+(?:advertisement|ad)|"
            r"continue\s+reading(?:\s+(?:below|the\s+main\s+story|the\s+article))?|scroll\s+(?:down\s+)?to\s+continue.*|"
            r"skip\s+(?:advertisement|ad)|remove\s+ads?|"
            # the label in the languages news is printed in
            r"anzeige|werbung|publicité|publicidad|pubblicità|advertentie|reclame|reklama|publicidade|annons|reklam|"
            r"реклама|광고|広告|广告|廣告|إعلان|تبلیغات|विज्ञापन|iklan)[.:]?$"
        ),
        max_words=12,
        description="advertisement labels and 'story continues below' markers",
    ),
    LineRule(
        RuleName.RELATED,
        rule_pattern(
            r"^(?:read\s+more|more|related(?:\s+(?:articles?|stories|coverage|content|news|links?))?|see\s+also|"
            r"also\s+read|read\s+also|read\s+next|recommended(?:\s+for\s+you)?|most\s+(?:read|popular|viewed)|"
            r"trending(?:\s+now)?|you\s+may\s+also\s+like|you\s+might\s+also\s+like|more\s+(?:from|on|stories|news)\b[^.]{0,60}|"
            r"watch|listen|video|top\s+stories|latest(?:\s+news)?|further\s+reading|in\s+other\s+news)\s*(?:[:»›>|-].{0,200})?$"
        ),
        max_words=30,
        description="related-story and 'Read more' lines",
        guarded=True,
    ),
    LineRule(
        RuleName.COPYRIGHT,
        rule_pattern(
            r"^(?:copyright|©|\(c\))\s*.{0,120}$|\ball\s+rights\s+reserved\.?$"
            r"|^(?:copyright|©|\(c\))\s*(?:\d{4}).{0,200}?\b(?:all\s+rights\s+reserved|may\s+not\s+be\s+\p{L}+)\b.{0,200}$"
            r"|^this\s+(?:material|article|story)\s+may\s+not\s+be\s+(?:published|reproduced|copied).{0,120}$"
        ),
        max_words=40,
        description="copyright and redistribution footers",
        trigger=("copyright", "©", "(c)", "rights", "may not be"),
        guarded=True,
    ),
    LineRule(
        RuleName.GALLERY_UI,
        rule_pattern(
            r"^(?:(?:image|photo|slide|picture)\s+\d+\s+(?:of|/)\s+\d+|enlarge\s+this\s+image|"
            r"toggle\s+caption|hide\s+caption|show\s+caption|expand|close|open\s+in\s+(?:new\s+)?(?:tab|window)|"
            r"view\s+(?:full\s+)?(?:gallery|image|photos?)|click\s+(?:to|here\s+to)\s+(?:enlarge|expand|zoom).*|"
            r"play\s+video|watch\s+(?:the\s+)?video|loading(?:\s+video)?\.{0,3}|video\s+(?:player|loading).*)[.:]?$"
        ),
        max_words=12,
        description="photo-gallery and player controls",
    ),
    LineRule(
        RuleName.DISCLOSURE,
        rule_pattern(
            r"^\(?(?:advertis(?:er|ing)|affiliate|editorial)\s+disclosure\)?:?$"
            r"|^.{0,160}\b(?:we|i)\s+(?:may|might|could|will)?\s*(?:earn|receive|get|make)\s+(?:a\s+)?(?:small\s+)?"
            r"(?:affiliate\s+)?commission\b.{0,300}$"
            r"|^.{0,160}\b(?:post|article|page|site|story|guide|review)\s+(?:may\s+)?contains?\s+(?:some\s+)?affiliate\s+links?\b.{0,300}$"
            r"|^.{0,160}\bwe\s+may\s+be\s+compensated\b.{0,300}$"
            r"|^.{0,160}\b(?:we|i)\s+(?:may|might|could|will)?\s*(?:earn|receive|get)\s+compensation\b.{0,300}$"
            r"|^.{0,160}\b(?:contains|includes)\s+references\s+to\s+products\s+from\b.{0,300}$"
            # German, French, Spanish: "Anzeige, enthält Affiliate Links", "*Werbung. Dieser Beitrag enthält Werbung für ..."
            r"|^\W{0,3}(?:anzeige|werbung)\W{1,4}(?:enthält|dieser\s+(?:beitrag|artikel|text)\s+enthält)\b.{0,300}$"
            r"|^.{0,160}\b(?:handelt\s+es\s+sich\s+um|enthält|sind)\s+(?:sogenannte\s+)?affiliate[- ]?links?\b.{0,300}$"
            r"|^.{0,160}\b(?:erhalten|bekommen)\s+wir\s+(?:eine\s+)?(?:kleine\s+)?provision\b.{0,300}$"
            r"|^.{0,160}\b(?:liens?\s+d['’]affiliation|enlaces?\s+de\s+afiliados?)\b.{0,300}$"
            r"|^prices?\s+(?:were|are)\s+accurate\s+(?:at|as\s+of)\s+the\s+time\b.{0,160}$"
        ),
        max_words=70,
        trigger=(
            "disclosure",
            "commission",
            "affiliate",
            "compensat",
            "accurate",
            "references to products",
            "anzeige",
            "werbung",
            "provision",
            "affiliation",
            "afiliado",
        ),
        guarded=True,
        description="affiliate and advertiser disclosures: 'We may earn a commission ...', "
        "'This post contains affiliate links', 'Advertiser Disclosure'",
    ),
    LineRule(
        RuleName.DATE_LINE,
        rule_pattern(
            r"^(?:(?:"
            + DATE_LABEL
            + r")\s*:?\s*)?"
            + DATE_TEXT
            + r"(?:(?:\s*[|·•,—–-]\s*|\s+)(?:(?:"
            + DATE_LABEL
            + r")\s*:?\s*)?"
            r"(?:" + DATE_TEXT + r"|\d{1,3}\s*(?:-\s*)?min(?:ute)?s?\.?(?:\s+read)?))*[.\s]*$"
            r"|^this\s+(?:post|article|page|story)\s+was\s+(?:last\s+)?(?:updated|published)\s+(?:on\s+)?.{3,30}$"
        ),
        where=HEAD,
        max_words=16,
        guarded=True,
        description="a date on a line of its own near the top: 'Sep 26, 2022', 'Jun 08, 2023 • 11 Minute Read'",
    ),
    LineRule(
        RuleName.NAVIGATION,
        rule_pattern(
            r"^(?:skip\s+to\s+(?:main\s+)?content|you\s+are\s+here:?|back\s+to\s+(?:the\s+)?(?:blog|all\s+posts|articles|news|"
            r"top|home(?:page)?|search\s+results)|breadcrumbs?|home|menu|search|table\s+of\s+contents?:?|contents:|"
            r"on\s+this\s+page:?|jump\s+to(?:\s+section)?:?|in\s+this\s+article:?)$"
        ),
        where=HEAD,
        max_words=6,
        description="navigation left above the story: 'Skip to content', 'Home', 'Back to blog', 'Table of Contents'",
    ),
    LineRule(
        RuleName.SIGNUP_FORM,
        rule_pattern(
            r"^(?:enter\s+(?:your\s+)?e-?mail(?:\s+address)?|(?:your\s+)?e-?mail\s+address\*?|"
            r"thanks?\s+(?:you\s+)?for\s+(?:subscribing|signing\s+up)\b.{0,80}|"
            r"\W{0,3}\s*(?:awesome|great|success)[,!]?\s+you['’]re\s+(?:now\s+)?(?:subscribed|signed\s+up|on\s+the\s+list)\W{0,3}|"
            r"you['’]re\s+(?:now\s+)?(?:subscribed|signed\s+up|on\s+the\s+list)\W{0,3}|"
            r"by\s+(?:entering|submitting|providing)\s+your\s+e-?mail\b.{0,240})$"
        ),
        max_words=45,
        guarded=True,
        description="the text of a newsletter sign-up form: 'Enter email address', 'Thanks for subscribing!', "
        "'By entering your email you agree ...'",
    ),
    LineRule(
        RuleName.CREDIT,
        rule_pattern(
            r"^(?:(?:"
            + _PHOTO_AGENCIES
            + r")\s+photos?|(?:(?:"
            + _PHOTO_AGENCIES
            + r")(?:\s+photos?)?[\s.,;|·•/]+){1,5}(?:"
            + _PHOTO_AGENCIES
            + r")(?:\s+photos?)?|(?:getty\s+images|shutterstock|istock(?:photo)?|alamy(?:\s+stock\s+photo)?|epa(?:-efe)?|zuma(?:\s+press)?"
            r"|nurphoto|imago|picture\s+alliance|sipa))[\s.,;|·•]*$"
        ),
        max_words=12,
        description="photo agencies alone, a credit left without its label: 'AP Photo', 'EPA EPA', 'Getty Images' "
        "(one wire's name alone is an agency tag, not a credit)",
        guarded=True,
    ),
    LineRule(
        RuleName.COMMENT_COUNT,
        rule_pattern(
            r"^(?:(?:view|show|read|see|load|hide|display|join)\s+(?:all\s+|the\s+)?)?(?:\d[\d,.]*\s*k?\s+)?"
            r"(?:comments?|replies|responses|kommentare?|commentaires?|comentarios?|comentários?|commenti|reacties|"
            r"komentarz[ey]?|komentáře|yorum(?:lar)?|комментари[йяеи]в?|коментар[іі]в?|評論|评论|コメント|댓글|تعليقات?|نظرات)"
            r"(?:\s*[(\[]\s*\d[\d,.]*\s*k?\s*[)\]]|\s+\d[\d,.]*)?$"
        ),
        max_words=6,
        accept=lambda line: any(ch.isdigit() for ch in line),
        description="engagement counters: '12 comments', 'Comments (3)', 'View 45 comments', 'Kommentare (7)'",
    ),
    LineRule(
        RuleName.EDITING_CREDIT,
        rule_pattern(
            r"^[(\[]?(?:(?:editing|edited|writing|written|compiled|translated|graphics|production|produced|fact[\s-]checking)"
            r"\s+by\s+[^;()\[\]\n]{2,80}?(?:\s*;\s*|\s+and\s+|\s*$|\s*[)\]]\.?$)){1,4}$"
        ),
        max_words=30,
        where=TAIL,
        description="an editing or writing credit closing a wire story on its own line: 'Editing by Mark Potter'",
        guarded=True,
    ),
    LineRule(
        RuleName.AGENCY_TAG,
        rule_pattern(
            r"^[(\[]?(?:"
            + AGENCY_PATTERN
            + r")[)\]]?\.?$|^(?:—|–|-|--)\s*(?:"
            + AGENCY_PATTERN
            + r")(?:/[\p{L}]{1,6}){0,3}$"
            # "dpa/xyz", "(With AFP)", AFP's bureau initials "bur-jm/fz"
            r"|^(?:" + AGENCY_PATTERN + r")(?:/[\p{L}]{1,6}){1,3}$|^[(\[]?with\s+(?:" + AGENCY_PATTERN + r")"
            r"(?:\s+and\s+(?:" + AGENCY_PATTERN + r"))?[)\]]?\.?$|^bur[-–][\p{L}]{1,6}(?:/[\p{L}]{1,6}){0,3}$"
        ),
        max_words=5,
        where=TAIL,
        description="a lone agency tag closing a story: '(AP)', '— Reuters', '-- dpa/xyz', '(With AFP)', 'bur-jm/fz'",
    ),
]

# The language rules (cleaning.phrases) name a line before the English share, subscribe and related ones.
_FIRST_SHARE = next(i for i, rule in enumerate(LINE_RULES) if rule.name == RuleName.SHARE)
LINE_RULES[_FIRST_SHARE:_FIRST_SHARE] = phrases.language_line_rules()
LINE_RULES.extend(PAGE_LINE_RULES)

# Procedural rules (implemented in newsclean.transforms.cleaning.clean) named here so every name is in one place.
RULE_TITLE = RuleName.TITLE
RULE_DATELINE = RuleName.DATELINE
RULE_CONTRIBUTOR_TAIL = RuleName.CONTRIBUTOR_TAIL
RULE_REPEATED_LINE = RuleName.REPEATED_LINE
RULE_REPEATED_PARAGRAPH = RuleName.REPEATED_PARAGRAPH
RULE_BOILERPLATE_LINE = RuleName.BOILERPLATE_LINE  # the line classifier (newsclean.transforms.cleaning.classify)
RULE_RECURRING_IN_SOURCE = RuleName.RECURRING_IN_SOURCE  # the corpus stage (newsclean.transforms.corpus.boilerplate)

RULE_NAMES: tuple[str, ...] = tuple(
    dict.fromkeys(
        [r.name for r in PREFIX_RULES]
        + [r.name for r in LINE_RULES]
        + [RULE_TITLE, RULE_DATELINE, RULE_CONTRIBUTOR_TAIL, RULE_REPEATED_LINE, RULE_REPEATED_PARAGRAPH]
        + [RULE_BOILERPLATE_LINE, RULE_RECURRING_IN_SOURCE]
    )
)


# Section rules: a marker line that ends the article, so the marker and
# everything after it go (newsclean.transforms.cleaning.sections). They only fire in the last part
# of a document, on a heading or a short line that is nothing but the marker.


_MARKER_END = r"\s*[:.!?…»›>→\-–—|]*\s*$"

SECTION_RULES: list[SectionRule] = [
    SectionRule(
        RuleName.RELATED_SECTION,
        rule_pattern(
            r"^(?:(?:\p{So}|\p{Sk})\s*)?(?:"
            r"related(?:\s+(?:articles?|posts?|stories|story|content|reading|links?|news|coverage|topics|resources|guides|"
            r"reads|items|videos|pages))*(?:\s+(?:and|&)\s+links?)?(?:\s+(?:from|on)\s+.{1,40})?"
            r"|(?:you\s+)?(?:may|might|will|could)\s+also\s+(?:like|enjoy|love|be\s+interested(?:\s+in)?|want\s+to\s+read)"
            r"(?:\s+(?:these|the\s+following|reading))?(?:\s+(?:articles|posts|stories|topics))?(?:\s+as\s+well)?"
            r"|you['’]ll\s+also\s+(?:like|love|enjoy)|(?:read|watch)\s+(?:this\s+)?next|up\s+next|what\s+to\s+read\s+next"
            r"|more\s+(?:from|by|on|in|about)\s+.{1,40}|more\s+(?:like\s+this|stories|articles|posts|news|reading|to\s+(?:read|explore))"
            r"|further\s+reading|see\s+also|also\s+read|suggested\s+(?:reading|articles|posts)"
            r"|recommended(?:\s+(?:reading|for\s+you|articles|posts|stories))?|other\s+(?:articles|posts|stories|news)"
            r"|(?:most\s+)?popular(?:\s+(?:posts|articles|stories|now))?|most\s+(?:read|viewed|shared)|trending(?:\s+now)?"
            r"|latest(?:\s+(?:posts|articles|news|stories|updates))|keep\s+reading|explore\s+more|read\s+more\s+(?:articles|posts|stories)"
            r"|(?:if\s+you\s+(?:liked|enjoyed)\s+this(?:\s+(?:post|article|story))?,?\s+)?you\s+(?:might|may)\s+also\s+like"
            r"|this\s+might\s+(?:be\s+)?interest(?:ing\s+to)?\s+you"
            r")" + _MARKER_END
        ),
        max_prose_words=50,
        description="a 'Related articles' / 'You may also like' / 'More from X' / 'Further reading' line "
        "starting a list of other stories",
    ),
    SectionRule(
        RuleName.REFERENCES_SECTION,
        rule_pattern(
            r"^(?:references?(?:\s+(?:and|&)\s+(?:citations|notes|further\s+reading))?|sources?(?:\s+(?:and|&)\s+references)?"
            r"|article\s+sources|footnotes|citations|bibliography|works\s+cited|notes\s+and\s+references)" + _MARKER_END
        ),
        max_words=5,
        description="a references, sources or footnotes list closing an article",
    ),
    SectionRule(
        RuleName.AUTHOR_SECTION,
        rule_pattern(
            r"^(?:about\s+the\s+(?:authors?|writers?|contributors?)|about\s+(?:the\s+)?author:?.{0,40}|author\s+bio(?:graphy)?"
            r"|meet\s+the\s+(?:author|writer)|(?:written|reviewed|posted)\s+by\b.{0,40})" + _MARKER_END
        ),
        max_words=8,
        description="an 'About the author' box or 'Written by X' footer",
    ),
    SectionRule(
        RuleName.ENGAGEMENT_SECTION,
        rule_pattern(
            r"^(?:share\s+(?:this|the)\s+(?:article|post|story|blog|page)(?:\s+(?:on|via|with))?|share\s+(?:on|via)|share"
            r"|(?:leave\s+a\s+|post\s+a\s+|add\s+a\s+)?(?:comments?|reply)(?:\s*\(\d+\))?|\d+\s+comments?"
            r"|join\s+the\s+(?:conversation|discussion)|tags?|topics|filed\s+under|posted\s+in|categories"
            r"|(?:sign\s+up\s+for|subscribe\s+to|join|get)\s+(?:our|the)\s+(?:free\s+)?(?:newsletters?|mailing\s+list)\b.{0,40}"
            r"|newsletter|subscribe(?:\s+(?:now|today|to\s+(?:us|our\s+blog)))?"
            r")" + _MARKER_END
        ),
        max_words=10,
        description="share bars, comment boxes, tag lists and newsletter boxes after the story",
    ),
]
SECTION_RULES.append(
    SectionRule(
        RuleName.CONTACT_SECTION,
        rule_pattern(
            r"^(?:(?:press|media|news)\s+(?:contacts?|enquiries|inquiries)|contacts?|for\s+(?:further|more)\s+information,?\s+contact"
            r"|(?:presse|medien)?kontakt|ansprechpartner(?:in|\*in|innen)?(?:\s+(?:zum\s+thema|für\s+(?:die\s+)?medien))?"
            r"|pressesprecher(?:in|\*in)?|(?:für\s+)?rückfragen(?:\s+(?:an|bitte\s+an))?|contact\s+presse|contacto(?:\s+de\s+prensa)?"
            r"|contato(?:\s+de\s+imprensa)?|contatto(?:\s+stampa)?|perskontakt|kontakt\s+dla\s+mediów)" + _MARKER_END
        ),
        max_words=6,
        max_prose_words=30,
        description="a press or media contact block closing a release: 'Pressekontakt', 'Media contact', 'Ansprechpartnerin'",
    )
)
SECTION_RULES += [phrases.related_section_rule(), phrases.comment_section_rule(), phrases.comment_thread_rule()]


# Calls to action that close a page: the site selling itself after the story.
CALL_TO_ACTION = rule_pattern(
    r"^(?:\W{0,3})(?:(?:ready|want|looking|need|interested)\b[^.?!]{0,80}\?\s*)?"
    r"(?:(?:please\s+)?(?:sign\s+up|subscribe|register|join|book|schedule|request|get\s+started|start\s+(?:your|a|for)|"
    r"try\b[^.]{0,40}\bfree|contact\s+(?:us|sales|our)|talk\s+to|speak\s+(?:to|with)|download|"
    r"learn\s+more\s+about\s+(?:our|how)|find\s+out\s+more\s+about\s+(?:our|how)|click\s+here|"
    r"follow\s+(?:us|me)|share\s+(?:this|it)|pin\s+it|explore\s+(?:our|all)|discover\s+how|get\s+(?:your|a)\s+free|"
    r"don['’]t\s+miss|stay\s+(?:up\s+to\s+date|tuned|in\s+the\s+loop)|never\s+miss)\b)"
    r"|^(?:thanks?\s+(?:you\s+)?for\s+(?:reading|subscribing|signing\s+up|visiting)|enjoy(?:ed)?\s+(?:the|this)\s+(?:post|article)\?"
    r"|if\s+you\s+(?:enjoyed|liked|found)\s+(?:reading\s+)?(?:this|my)\b|(?:\W{0,3})?email\s+address\*?$)"
    r"|^\W{0,3}" + phrases.closing_calls()
)
CALL_TO_ACTION_MAX_WORDS = 45


@dataclass(frozen=True, eq=False)  # identity hash: cheap, and what the per-set cache needs
class RuleSet:
    """The line and prefix rules one run applies: the built-in ones, or those plus a rules file."""

    line_rules: tuple[LineRule, ...]
    prefix_rules: tuple[PrefixRule, ...]

    @property
    def tail_rules(self) -> tuple[LineRule, ...]:
        return tuple(r for r in self.line_rules if r.where == TAIL)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys([r.name for r in self.prefix_rules] + [r.name for r in self.line_rules]))

    def first_line_rule(self, paragraph: str, in_head: bool) -> LineRule | None:
        """The first rule (outside the tail ones) that removes ``paragraph``, cached per set."""
        return _first_line_rule(self, paragraph, in_head)


@lru_cache(maxsize=8192)  # the fixed-point loop and repeated boilerplate ask again about the same lines
def _first_line_rule(rules: RuleSet, paragraph: str, in_head: bool) -> LineRule | None:
    return first_rule(_rule_index(rules), paragraph, in_head)


@lru_cache(maxsize=16)
def _rule_index(rules: RuleSet) -> RuleIndex:
    return RuleIndex(rules.line_rules)


DEFAULT_RULES = RuleSet(tuple(LINE_RULES), tuple(PREFIX_RULES))
