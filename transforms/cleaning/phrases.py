"""Boilerplate phrases of news sites, per language: the data behind the language rules.

Each category (paywall, subscription, donation, share and comment UI, copied-link toasts,
trust and standards notes, newsletter, cookie text, copyright, related-story headings) is
one named rule whose pattern joins the phrases of every language, so a page mislabelled
as another language is still cleaned and ``removed`` names the category that took a line.
Phrases are regex fragments, lower case (matched case-insensitively), written for the
family of lines a site prints, and placed by the category's shape: the whole line, its
opening, or anywhere in a short line. ``EXAMPLES`` holds a real-looking line for every
language and category; the tests clean each one and docs/languages.md is built from them.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsclean.transforms.cleaning.date_patterns import rule_pattern
from newsclean.transforms.cleaning.rule_types import ANYWHERE, LineRule, SectionRule
from newsclean.transforms.vocabulary import RuleName

WHOLE = "whole"  # the line is nothing but these phrases (and punctuation, digits, separators)
LEAD = "lead"  # the line opens with one of them
CONTAINS = "contains"  # one of them anywhere in a short line
LABEL = "label"  # the line is one of them, or one of them, a separator and a teaser ("Lire aussi | ...")

LANGUAGES: dict[str, str] = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "pt": "Portuguese", "it": "Italian",
    "nl": "Dutch", "pl": "Polish", "cs": "Czech", "ru": "Russian", "uk": "Ukrainian", "tr": "Turkish",
    "ar": "Arabic", "fa": "Persian", "hi": "Hindi", "id": "Indonesian", "zh": "Chinese", "ja": "Japanese",
    "ko": "Korean", "sv": "Swedish",
}  # fmt: skip


@dataclass(frozen=True)
class Category:
    """One kind of boilerplate line: the rule it becomes and where in a line its phrases sit."""

    rule: RuleName
    shape: str
    max_words: int
    max_chars: int
    description: str


CATEGORIES: dict[str, Category] = {
    "paywall": Category(RuleName.PAYWALL, CONTAINS, 60, 400, "subscriber-only notices and metered-paywall counters"),
    "newsletter": Category(RuleName.NEWSLETTER, LEAD, 45, 300, "newsletter and channel sign-up prompts"),
    "subscription": Category(RuleName.SUBSCRIBE, LEAD, 16, 140, "short calls to subscribe"),
    "donation": Category(RuleName.DONATION, LEAD, 60, 400, "donation and support appeals"),
    "share": Category(RuleName.SHARE, WHOLE, 16, 120, "share, print, save, comment and follow buttons"),
    "link_copied": Category(RuleName.LINK_COPIED, WHOLE, 10, 80, "copied-link toasts"),
    "trust": Category(RuleName.TRUST_NOTE, LEAD, 60, 400, "a wire's or paper's trust and standards notes"),
    "cookie": Category(RuleName.COOKIE_NOTICE, LEAD, 80, 500, "cookie banners"),
    "copyright": Category(RuleName.COPYRIGHT, CONTAINS, 40, 300, "reproduction notices"),
    "post_meta": Category(
        RuleName.POST_META, LEAD, 60, 400, "a blog or news post's filing line: where it was posted, its tags"
    ),
    "related": Category(
        RuleName.RELATED, LABEL, 30, 240, "related-story labels, alone or before a teaser ('Lire aussi | ...')"
    ),
}

# Phrases by language, then category. The English ones add to the English rules in cleaning.rules.
PHRASES: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "post_meta": (r"this (?:entry|post|article|item) was (?:posted|filed|published)(?= (?:in|on|under|by)\b)", r"posted in(?=[^.!?]{1,120}\btagged\b)", r"filed under(?=:?\s+[^\s,.!?]+(?: [^\s,.!?]+){0,3}(?:\s*,\s*[^\s,.!?]+(?: [^\s,.!?]+){0,3})*\s*\.?$)", r"bookmark the permalink"),
        "paywall": (r"(?:this|the) (?:article|story|content) is (?:only )?(?:for|available to|reserved for|exclusive to) (?:paying |premium |our )?(?:subscribers|members)",
                    r"subscribe (?:now )?to (?:continue|keep) reading", r"you(?: have|['’]ve) (?:reached|used) (?:your|all of your|the) (?:free )?(?:article )?(?:limit|free articles)",
                    r"to (?:continue|keep) reading,? (?:please )?(?:subscribe|log in|sign in)", r"(?:exclusive|only) for (?:subscribers|members)",
                    r"(?:view|read) the (?:full|whole|rest of the) (?:story|article),? (?:please )?(?:subscribe|log in|sign in)",
                    r"(?:already|you['’]re) a subscriber,? (?:you can |please )?log in", r"cancel (?:at )?any ?time\W*$"),
        "subscription": (r"subscribe (?:now|today)", r"become a subscriber"),
        "share": (r"only (?:registered|logged[- ]in|signed[- ]in) (?:users|members|readers|subscribers) (?:can|may) (?:comment|post comments|rate)(?: and (?:rate|comment))?", r"share(?: this)?", r"print", r"e-?mail", r"save", r"follow", r"tweet", r"like this", r"like loading", r"(?:%?d )?bloggers like this", r"was this (?:article|post|page|story) (?:helpful|useful)\??", r"did you (?:find|like) this (?:article|post|story)\??", r"what do you think\??", r"leave a (?:reply|comment)", r"no (?:responses?|comments?) (?:so far|yet)", r"click to (?:email|share|print)(?: this)?(?: (?:to a friend|on \p{L}+))?", r"opens in (?:a )?new window", r"rate this (?:article|post)"),
        "newsletter": (r"(?:download|get) (?:the|our) (?:free )?(?:[\p{L}\-]+ ){0,3}apps? (?:for|on|from) (?:ios|android|iphone|the app store|google play)", r"get the latest [^.!?]{0,40}(?:straight|directly) to your (?:phone|inbox|device)", r"(?:for|get) the latest (?:stories|news)[^.!?]{0,60}download (?:the|our)", r"by (?:signing up|registering|subscribing),? you (?:agree|accept|consent)", r"sign up (?:for|to) (?:our|the) (?:\p{L}+ ){0,3}newsletters?", r"get (?:our|the) (?:\p{L}+ ){0,3}newsletter",
                       r"sign up to get (?:the|our) (?:best|latest)", r"get [^.!?]{1,40} (?:daily|weekly) edition by email",
                       r"(?:[\p{L}\-]+ ){0,3}newsletters?\W*$", r"want (?:more|to read more)\?[^\n]{0,200}?newsletter",
                       r"do you want to (?:be informed|stay (?:informed|up to date))\b[^.!?]{0,80}\?\s*sign up", r"get regular updates on (?:the )?latest"),
        "related": (r"read also", r"see also", r"related (?:articles|stories|news|coverage)", r"you (?:may|might) also like", r"most read", r"tags", r"topics", r"upcoming events", r"(?:next|previous) (?:article|post|story)"),
        "donation": (r"(?:please )?(?:consider )?(?:donate|make a donation|making a donation) (?:to|today|now)", r"donate now",
                     r"(?:please )?support (?:our|independent|quality|local) (?:journalism|reporting|newsroom)", r"become a (?:patron|supporter)"),
        "link_copied": (r"link copied(?: to clipboard)?", r"copied to clipboard", r"url copied", r"copied!?"),
        "trust": (r"(?:our standards:\s*)?the thomson reuters trust principles",
                  r"standards for working with philanthropies", r".{0,200}?is an independent global news organization dedicated to factual reporting",
                  r".{0,300}?(?:is|are) solely responsible for all content"),
        "cookie": (r"(?:we|this (?:web)?site) uses? cookies", r"accept (?:all )?cookies", r"cookie (?:settings|preferences)"),
        "copyright": (r"use of this (?:web ?site|site|service) (?:constitutes|signifies) (?:your )?(?:acceptance|agreement)", r"all rights reserved", r"the copyrighted property of", r"written permission must be obtained", r"(?:licensed|available|published) under (?:a|the) creative commons"),
    },
    "de": {
        "post_meta": (r"getaggt mit", r"(?:dieser|der) (?:eintrag|beitrag) wurde(?= [^!?]{0,120}(?:abgelegt|verschlagwortet|schlagw))", r"abgelegt unter", r"veröffentlicht (?:in|unter)(?=[^.!?]{1,120}(?:verschlagwortet|schlagwörter|schlagworte))", r"erstellt am(?=[^!?]{1,60}abgelegt unter)"),
        "paywall": (r"(?:dieser|der) (?:artikel|beitrag|inhalt|text) ist (?:nur |exklusiv )?für (?:abonnenten|abonnentinnen|abonnent\*innen|abonnierende|\p{L}+plus-leser|digital-abonnenten)",
                    r"exklusiv für (?:abonnenten|abonnierende)", r"sie sind bereits abonnent", r"(?:jetzt )?(?:weiterlesen|lesen sie weiter) mit (?:\p{L}+[ +]?)?(?:plus|abo\b|z\+)",
                    r"um (?:den ganzen artikel|diesen artikel|weiter) ?zu lesen,? (?:benötigen|brauchen|müssen) sie", r"jederzeit kündbar\W*$"),
        "subscription": (r"jetzt abonnieren", r"abo abschließen", r"jetzt (?:testen|abo sichern)"),
        "donation": (r"(?:sie lesen|du liest) gerne? [^?!]{1,40}\?", r"jetzt (?:unterstützen|spenden)", r"gefällt (?:dir|ihnen|euch) unser(?:e)? \p{L}+\?", r"unterstützen sie (?:uns|unsere arbeit|unabhängigen journalismus|\p{L}+ jetzt)",
                     r"unterstütze (?:uns|unsere arbeit)", r"mit (?:einer|ihrer) spende",
                     r"unterstütze(?:n sie)? \p{L}+ (?:bereits |schon )?(?:ab |mit )\d"),
        "share": (r"kommentieren sie (?:hier|jetzt)", r"nur (?:angemeldete|registrierte|eingeloggte) (?:benutzer|nutzer|user|leser|mitglieder)(?:innen)? (?:können|dürfen) (?:kommentieren|bewerten)(?: und (?:kommentieren|bewerten))?", r"gefällt (?:ihnen|dir) (?:dieser|der) (?:artikel|beitrag)\??", r"teilen", r"drucken", r"kommentieren", r"kommentare", r"merken", r"versenden", r"per e-mail", r"artikel teilen", r"folgen",
                  r"gefällt mir", r"(?:%?d )?bloggern gefällt das", r"teilen mit", r"wird geladen", r"kommentare insgesamt", r"bild anzeigen", r"lade",
                  r"sie sind (?:aktuell |derzeit )?nicht (?:eingeloggt|angemeldet)", r"(?:fanden sie|fandest du|war) (?:diese[nrs]? |den |der )?(?:artikel|beitrag|text|seite) (?:hilfreich|nützlich)\??", r"was (?:denkst du|denken sie|meinen sie|meinst du)(?: dazu)?\??", r"hinterlasse (?:eine antwort|einen kommentar)", r"(?:artikel |beitrag )?bewerten", r"(?:möchten sie|willst du|möchtest du) (?:den|diesen) (?:artikel|beitrag) teilen\??", r"zurück zur (?:übersicht|startseite)", r"mehr lesen über"),
        "link_copied": (r"link (?:wurde )?kopiert", r"in die zwischenablage kopiert"),
        "trust": (r"nach den (?:regeln|grundsätzen|richtlinien) (?:des|der) (?:deutschen )?(?:presserats|journalistischen sorgfalt)",
                  r"unsere (?:redaktionellen )?(?:standards|grundsätze) (?:finden|lesen) sie", r"transparenzhinweis",
                  r"\(?(?:alle )?angaben ohne gewähr"),
        "newsletter": (r"ich (?:bin|erkläre mich) (?:mit der|damit einverstanden,? dass) (?:verarbeitung|speicherung) meiner (?:daten|angaben)", r"(?:laden sie|lade dir|holen sie sich|hol dir) (?:jetzt )?(?:die|unsere) (?:kostenlose )?(?:[\p{L}\-]+[ \-]){0,2}app", r"(?:die|unsere) (?:[\p{L}\-]+[ \-]){0,2}app (?:jetzt )?(?:kostenlos )?(?:herunterladen|downloaden|im app store)", r"(?:jetzt )?(?:den |unseren )?newsletter (?:abonnieren|bestellen)", r"melden sie sich (?:jetzt )?(?:für|zu) (?:unseren|unserem|den) (?:\p{L}+ )?newsletter",
                       r"(?:hier|jetzt) (?:für den|zum) (?:\p{L}+-)?newsletter anmelden", r"(?:melde dich|meld dich) (?:hier |jetzt )?(?:für|zu) (?:unseren|unserem|den) (?:\p{L}+-?)?newsletter",
                       r"mit unserem (?:\p{L}+-?)?newsletter erhalten sie", r"zum newsletter anmelden", r"lust auf mehr\?[^\n]{0,200}?newsletter",
                       r"mit (?:der|ihrer|deiner) (?:registrierung|anmeldung) (?:akzeptieren sie|akzeptierst du|stimmen sie)", r"(?:immer|bestens) informiert bleiben mit (?:dem|unserem)", r"verpasse keine (?:news|neuigkeiten|artikel|beiträge)"),
        "cookie": (r"(?:wir|diese (?:website|webseite|seite)) (?:verwende[nt]|nutz(?:en|t)) cookies", r"cookies? (?:akzeptieren|zulassen)", r"cookie-einstellungen"),
        "copyright": (r"alle rechte vorbehalten", r"nachdruck (?:nur )?mit (?:genehmigung|erlaubnis)",
                      r"inhalte dieser (?:website|webseite|seite) (?:stehen )?unter (?:der |einer )?(?:cc|creative)", r"(?:stehen|steht|ist|sind) unter einer creative[- ]commons"),
        "related": (r"(?:das )?(?:thema )?könnte (?:sie|dich) auch interessieren", r"mehr (?:zum|zur|zu|aus|von|über)", r"mehr themen", r"lesen sie (?:auch|mehr|hier)", r"auch lesen",
                    r"auch interessant", r"(?:ähnliche|verwandte|weitere|empfohlene|neueste) (?:aktuelle )?(?:artikel|themen|beiträge|nachrichten|meldungen|videos)",
                    r"meistgelesen(?:e artikel)?", r"zum weiterlesen", r"schon gelesen", r"top-themen", r"videos zum thema", r"kommentierte artikel",
                    r"weiterführende(?:r)? links?", r"vorschau auf den nächsten artikel", r"themen", r"schlagw(?:ö|o)rte(?:r)?",
                    r"(?:beiträge|neues) aus dem forum", r"kommende (?:events|veranstaltungen|termine)", r"inhaltsverzeichnis", r"(?:nächster|vorheriger) (?:artikel|beitrag)"),
    },
    "fr": {
        "post_meta": (r"(?:cette entrée|ce billet) a été publiée? (?:le [^.!?]{1,40} )?dans", r"cet article a été publié (?:le [^.!?]{1,40} )?dans(?=[^.!?]{1,120}(?:mots?[- ]cl[ée]fs?|étiquet|tags?\b))", r"classé dans", r"publié dans(?=[^.!?]{1,120}(?:mots?[- ]cl[ée]fs?|étiquet|tags?))"),
        "paywall": (r"il vous reste \d+\s?% de (?:cet|l['’]) article à lire", r"la suite est réservée aux abonnés", r"(?:cet|l['’]) article est réservé aux abonnés",
                    r"déjà abonné\s?\?", r"abonnez-vous pour (?:lire|continuer)", r"pour lire la suite", r"pour accéder en illimité", r"^\W*(?:article )?réservé aux abonnés"),
        "subscription": (r"abonnez-vous", r"je m['’]abonne", r"s['’]abonner"),
        "donation": (r"soutenez(?:-nous| notre| une| le journalisme| \p{L}+ en faisant un don)", r"faites un don", r"je fais un don", r"faire un don"),
        "share": (r"seuls les (?:utilisateurs|membres|abonnés|lecteurs) (?:connectés |inscrits )?peuvent (?:commenter|réagir)(?: (?:à )?(?:cet|l[’\'])\s?article)?", r"(?:%?d )?blogueurs aiment cette page", r"partager", r"imprimer", r"commenter", r"réagir", r"envoyer par e-?mail", r"sauvegarder", r"suivre", r"(?:cet article|ce contenu) vous a-t-il (?:été utile|plu)\s?\??", r"laisser une réponse", r"qu['’]en pensez-vous\s?\??", r"retour à la liste"),
        "link_copied": (r"lien copié", r"copié dans le presse-papiers?"),
        "trust": (r"(?:nos|les) (?:principes|règles) (?:éditoriaux|éditoriales|déontologiques|de déontologie)", r"charte (?:éditoriale|de déontologie)", r"les (?:opinions|propos) (?:exprimée?s|tenus) dans (?:les blogs|ce blog|cet article|cette tribune)"),
        "newsletter": (r"téléchargez (?:gratuitement )?(?:notre|l['’])\s?(?:application|appli)", r"(?:inscrivez-vous|abonnez-vous) à (?:notre|la|nos) (?:lettre|newsletter)", r"recevez (?:notre|nos|chaque) .{0,40}(?:newsletter|lettre d['’]information)",
                       r"(?:s['’]inscrire|inscription) à la newsletter"),
        "cookie": (r"(?:nous utilisons|ce site utilise) des cookies", r"accepter (?:les|tous les) cookies", r"paramètres des cookies"),
        "copyright": (r"tous droits réservés", r"(?:sous|placé sous) (?:la )?licence creative commons"),
        "related": (r"(?:à )?lire aussi", r"(?:à )?voir aussi", r"sur le même sujet", r"articles? (?:similaires|liés|connexes)", r"les plus lus", r"dans la même rubrique", r"prochains événements", r"sommaire", r"article (?:suivant|précédent)"),
    },
    "es": {
        "post_meta": (r"esta entrada (?:fue|ha sido) publicada en", r"(?:publicado|archivado) en(?=[^.!?]{1,120}(?:etiquetad|etiquetas))"),
        "paywall": (r"(?:este|esta) (?:contenido|artículo|noticia|funcionalidad|función) es (?:exclusiv[oa]|sólo|solo) para (?:suscriptores|abonados)",
                    r"(?:solo|sólo|exclusivo) para suscriptores", r"¿ya eres suscriptor", r"suscríbete para (?:seguir|continuar) leyendo",
                    r"has alcanzado el límite de (?:artículos|noticias)", r"cancela cuando quieras\W*$"),
        "subscription": (r"suscríbete", r"suscribirse", r"hazte suscriptor"),
        "donation": (r"apoya (?:el|nuestro) periodismo", r"hazte (?:socio|socia|miembro)", r"(?:dona|donar) ahora", r"haz una donación"),
        "share": (r"solo (?:los )?(?:usuarios|suscriptores|miembros) (?:registrados )?pueden (?:comentar|valorar)", r"a %?d blogueros les gusta esto", r"compartir", r"imprimir", r"comentar", r"comentarios", r"enviar por e-?mail", r"guardar", r"seguir", r"¿?(?:te|le) (?:ha )?(?:resultado|parecido) útil (?:este|esta) (?:artículo|noticia)\??", r"deja una respuesta", r"¿?qué (?:opinas|te parece)\??"),
        "link_copied": (r"enlace copiado", r"copiado al portapapeles"),
        "trust": (r"(?:nuestros|los) (?:principios|criterios|estándares) (?:editoriales|de confianza)", r"criterios de the trust project"),
        "newsletter": (r"descarga (?:gratis )?(?:nuestra|la) (?:[\p{L}\-]+ ){0,2}app", r"(?:suscríbete|apúntate|regístrate) (?:a|en) (?:nuestra|la|nuestro|el) (?:newsletter|boletín)", r"recibe (?:nuestra|la|el) (?:newsletter|boletín)"),
        "cookie": (r"(?:utilizamos|usamos|este sitio (?:web )?utiliza) cookies", r"aceptar (?:todas las )?cookies", r"configuración de cookies"),
        "copyright": (r"todos los derechos reservados", r"bajo (?:una )?licencia creative commons"),
        "related": (r"(?:lee|leer|lea|lean|vea|ver|mira|mirá|mire) (?:también|además)", r"lea(?: más)?", r"mire", r"mira", r"puedes ver", r"(?:también )?(?:te|le) (?:puede|podría) interesar",
                    r"(?:noticias|notas|artículos|contenidos?) relacionad[oa]s?", r"lo más (?:leído|visto)", r"temas(?: relacionados)?", r"etiquetas",
                    r"más (?:sobre|noticias)", r"te recomendamos", r"(?:artículo|noticia) (?:siguiente|anterior)"),
    },
    "pt": {
        "post_meta": (r"esta entrada foi publicada em", r"(?:publicado|arquivado) em(?=[^.!?]{1,120}(?:marcad[oa]|tags?\b|etiquetas))"),
        "paywall": (r"(?:este|esta) (?:conteúdo|artigo|reportagem|matéria) é exclusiv[oa] para assinantes", r"^\W*(?:conteúdo )?exclusiv[oa] para assinantes", r"já é assinante\s?\?",
                    r"assine (?:já )?para (?:continuar lendo|ler)", r"(?:você|voce) atingiu o limite"),
        "subscription": (r"assine(?: já| agora)?", r"seja assinante"),
        "donation": (r"apoie (?:o|nosso) jornalismo", r"faça uma doação", r"doe agora", r"seja (?:um )?apoiador"),
        "share": (r"compartilhar", r"partilhar", r"imprimir", r"comentar", r"comentários", r"salvar", r"guardar", r"seguir"),
        "link_copied": (r"link copiado", r"copiado para a área de transferência"),
        "trust": (r"(?:nossos|os) princípios editoriais", r"(?:política|padrões) editoria(?:l|is)"),
        "newsletter": (r"baixe (?:grátis )?(?:o|nosso) (?:[\p{L}\-]+ ){0,2}app", r"(?:assine|inscreva-se|cadastre-se) (?:em |na |no )?(?:nossa |nosso )?(?:newsletter|boletim)", r"receba (?:a|nossa|as) (?:newsletter|notícias)"),
        "cookie": (r"(?:utilizamos|usamos|este site utiliza) cookies", r"aceitar (?:todos os )?cookies"),
        "copyright": (r"todos os direitos reservados",),
        "related": (r"leia (?:também|mais)", r"veja (?:também|mais)", r"saiba mais", r"mais sobre", r"(?:você )?(?:também )?pode gostar", r"notícias relacionadas", r"mais lidas"),
    },
    "it": {
        "post_meta": (r"questa voce è stata pubblicata (?:in|il)", r"(?:pubblicato|archiviato) in(?=[^.!?]{1,120}(?:taggat|tag\b|etichett))"),
        "paywall": (r"(?:questo|quest['’]) (?:articolo|contenuto) è riservato (?:agli )?abbonati", r"^\W*(?:articolo |contenuto )?riservato agli abbonati", r"sei già abbonato\s?\?",
                    r"abbonati per (?:continuare a leggere|leggere)"),
        "subscription": (r"abbonati (?:ora|subito)", r"abbonarsi"),
        "donation": (r"sostieni (?:\p{L}+ ){0,2}(?:giornalismo|informazione|progetto)", r"fai una donazione", r"dona ora"),
        "share": (r"condividi", r"stampa", r"commenta", r"commenti", r"salva", r"invia per e-?mail", r"segui"),
        "link_copied": (r"link copiato", r"copiato negli appunti"),
        "trust": (r"i nostri principi editoriali",),
        "newsletter": (r"scarica (?:gratis )?(?:la nostra |l['’])\s?app", r"iscriviti (?:alla|alle) (?:nostra |nostre )?newsletter", r"ricevi (?:la|le) newsletter"),
        "cookie": (r"(?:utilizziamo|questo sito utilizza) (?:i )?cookie", r"accetta (?:tutti i )?cookie"),
        "copyright": (r"tutti i diritti riservati", r"riproduzione riservata"),
        "related": (r"leggi anche", r"(?:ti )?potrebbe interessar(?:ti|e)", r"articoli correlati", r"(?:i )?più letti"),
    },
    "nl": {
        "post_meta": (r"dit (?:bericht|artikel) (?:werd|is) geplaatst in", r"geplaatst in(?=[^.!?]{1,120}getagd)"),
        "paywall": (r"(?:dit|het) (?:artikel|stuk) is (?:alleen |exclusief )?(?:voor|beschikbaar voor) abonnees", r"^\W*(?:alleen|exclusief) voor abonnees", r"al (?:een )?abonnee\s?\?",
                    r"lees verder met (?:een )?(?:abonnement|\p{L}+ plus)"),
        "subscription": (r"word abonnee", r"neem een abonnement"),
        "donation": (r"steun (?:ons|onze journalistiek|onafhankelijke journalistiek)", r"doneer (?:nu|direct)", r"word (?:lid|donateur|vriend) van"),
        "share": (r"delen", r"printen", r"reageer", r"reacties", r"opslaan", r"volgen"),
        "link_copied": (r"link gekopieerd", r"gekopieerd naar (?:het )?klembord"),
        "trust": (r"onze journalistieke (?:principes|code|richtlijnen)", r"redactiestatuut"),
        "newsletter": (r"download (?:gratis )?(?:onze|de) (?:[\p{L}\-]+ ){0,2}app", r"(?:schrijf je in|meld je aan|abonneer je) (?:voor|op) (?:onze|de) (?:\p{L}+ )?nieuwsbrief", r"ontvang (?:onze|de) nieuwsbrief"),
        "cookie": (r"(?:wij gebruiken|we gebruiken|deze (?:web)?site gebruikt) cookies", r"cookies accepteren"),
        "copyright": (r"alle rechten voorbehouden",),
        "related": (r"lees ook", r"(?:meer )?over dit onderwerp", r"gerelateerde artikelen", r"meest gelezen", r"ook interessant"),
    },
    "pl": {
        "post_meta": (r"ten wpis (?:został )?opublikowany (?:został )?w", r"opublikowano w(?=[^.!?]{1,120}(?:tagami|oznaczon))"),
        "paywall": (r"(?:ten )?(?:artykuł|tekst|materiał) (?:jest )?dostępny (?:tylko|wyłącznie) dla (?:prenumeratorów|subskrybentów|abonentów)",
                    r"(?:tylko|wyłącznie) dla (?:prenumeratorów|subskrybentów)", r"masz już (?:prenumeratę|subskrypcję)\s?\?", r"pozostało \d+\s?% (?:artykułu|tekstu)"),
        "subscription": (r"zaprenumeruj", r"kup (?:prenumeratę|subskrypcję|dostęp)"),
        "donation": (r"wesprzyj (?:nas|naszą|nasze|niezależne)", r"(?:wpłać|przekaż) darowiznę"),
        "share": (r"udostępnij", r"drukuj", r"komentarze", r"skomentuj", r"zapisz", r"wyślij", r"obserwuj"),
        "link_copied": (r"link (?:został )?skopiowany", r"skopiowano (?:link|do schowka)"),
        "trust": (r"zasady (?:redakcyjne|etyki dziennikarskiej)",),
        "newsletter": (r"zapisz się (?:do|na) (?:naszego |nasz )?newslett\p{L}*", r"zamów newsletter"),
        "cookie": (r"(?:używamy|ta strona używa|serwis (?:wykorzystuje|używa)) (?:plików )?cookies?", r"zaakceptuj (?:wszystkie )?(?:pliki )?cookies?"),
        "copyright": (r"wszelkie prawa zastrzeżone",),
        "related": (r"czytaj (?:też|także|również|więcej)", r"zobacz (?:też|także|również)", r"polecamy", r"powiązane artykuły", r"najczęściej czytane"),
    },
    "cs": {
        "post_meta": (r"(?:tento )?(?:příspěvek|záznam) byl publikován v (?:rubrice|kategorii)", r"publikováno v(?=[^.!?]{1,120}(?:štítky|značky))"),
        "paywall": (r"(?:tento )?článek je (?:dostupný )?(?:pouze|jen) pro předplatitele", r"^\W*(?:pouze|jen) pro předplatitele", r"jste již předplatitel\s?\?",
                    r"celý článek (?:si )?přečtete"),
        "subscription": (r"předplaťte si", r"(?:kupte|objednejte) si předplatné"),
        "donation": (r"podpořte (?:nás|nezávislou|naši|nezávislé)", r"přispějte (?:nám|na)", r"staňte se (?:členem|podporovatelem)"),
        "share": (r"sdílet", r"tisk", r"vytisknout", r"komentáře", r"diskuse", r"uložit", r"sledovat"),
        "link_copied": (r"odkaz (?:byl )?zkopírován",),
        "trust": (r"(?:naše )?(?:redakční|etické) (?:zásady|principy|kodex)",),
        "newsletter": (r"přihlaste se k (?:odběru )?(?:našeho )?newsletter\p{L}*", r"odebírejte (?:náš )?newsletter"),
        "cookie": (r"(?:používáme|tento web používá|tyto stránky používají) (?:soubory )?cookies?", r"přijmout (?:vše|všechny cookies)"),
        "copyright": (r"všechna práva vyhrazena",),
        "related": (r"čtěte (?:také|též|dále)", r"související (?:články|zprávy)", r"mohlo by vás zajímat", r"nejčtenější"),
    },
    "ru": {
        "post_meta": (r"(?:эта )?запись (?:была )?опубликована в рубрике", r"рубрика(?=[^.!?]{1,120}метки)"),
        "paywall": (r"(?:этот )?(?:материал|статья|контент) доступ(?:ен|на) только (?:для )?(?:подписчик(?:ам|ов)|по подписке)", r"только для подписчиков",
                    r"уже есть подписка\s?\?", r"оформите подписку,? чтобы (?:продолжить чтение|читать)"),
        "subscription": (r"подписаться", r"оформить подписку"),
        "donation": (r"поддержите (?:нас|наш|независим\p{L}+|редакцию)", r"сделайте (?:пожертвование|донат)", r"пожертвовать"),
        "share": (r"поделиться", r"распечатать", r"печать", r"комментировать", r"комментарии", r"сохранить", r"отправить"),
        "link_copied": (r"ссылка скопирована", r"скопировано в буфер обмена"),
        "trust": (r"(?:наши )?(?:редакционные|этические) (?:принципы|стандарты)", r"редакционная политика"),
        "newsletter": (r"подписывайтесь на (?:наш |нашу )?(?:рассылку|telegram|телеграм|канал)", r"подпишитесь на (?:наш |нашу )?(?:рассылку|telegram|телеграм|канал)"),
        "cookie": (r"(?:мы используем|сайт использует) (?:файлы )?cookie", r"принять (?:все )?cookie"),
        "copyright": (r"все права защищены",),
        "related": (r"читайте также", r"по теме", r"похожие (?:новости|материалы)", r"вам может быть интересно", r"самое читаемое", r"ещё по теме", r"еще по теме"),
    },
    "uk": {
        "post_meta": (r"(?:цей )?запис (?:було )?опубліковано (?:в|у)(?= (?:рубриці|категорії))", r"рубрика(?=[^.!?]{1,120}мітки)"),
        "paywall": (r"(?:цей )?(?:матеріал|стаття) доступн(?:ий|а) лише (?:для )?(?:передплатник(?:ам|ів)|за передплатою)", r"(?:лише|тільки) для передплатників",
                    r"вже маєте передплату\s?\?", r"щоб продовжити читання"),
        "subscription": (r"підписатися", r"оформити передплату"),
        "donation": (r"підтримайте (?:нас|наш|незалежн\p{L}+|редакцію)", r"зробіть (?:внесок|пожертву|донат)"),
        "share": (r"поділитися", r"друкувати", r"коментувати", r"коментарі", r"зберегти", r"надіслати"),
        "link_copied": (r"посилання скопійовано",),
        "trust": (r"(?:наші )?(?:редакційні|етичні) (?:принципи|стандарти)", r"редакційна політика"),
        "newsletter": (r"підписуйтесь на (?:наш |нашу )?(?:розсилку|telegram|телеграм|канал)", r"підпишіться на (?:наш |нашу )?(?:розсилку|telegram|телеграм|канал)"),
        "cookie": (r"(?:ми використовуємо|сайт використовує) (?:файли )?cookie",),
        "copyright": (r"всі права захищені", r"усі права захищені"),
        "related": (r"читайте також", r"по темі", r"на тему", r"схожі новини", r"вас може зацікавити", r"найпопулярніше"),
    },
    "tr": {
        "post_meta": (r"bu (?:yazı|girdi)(?=[^.!?]{1,120}(?:içinde yayınlandı|kategorisinde yayınlandı|olarak etiketlendi))",),
        "paywall": (r"bu (?:içerik|haber|makale) (?:yalnızca|sadece) (?:abonelere|aboneler için)", r"^\W*(?:yalnızca |sadece )?abonelere özel(?: (?:içerik|haber))?\W*$", r"zaten abone misiniz\s?\?",
                    r"okumaya devam etmek için (?:abone olun|giriş yapın)"),
        "subscription": (r"abone ol(?:un)?",),
        "donation": (r"bağış yap(?:ın)?", r"bize destek ol(?:un)?", r"bağımsız gazeteciliği destekle"),
        "share": (r"paylaş", r"yazdır", r"yorum yap", r"yorumlar", r"kaydet", r"gönder", r"takip et"),
        "link_copied": (r"(?:bağlantı|link) kopyalandı",),
        "trust": (r"yayın (?:ilkeleri(?:miz)?|politikası)", r"editoryal (?:ilkeler|bağımsızlık)"),
        "newsletter": (r"(?:e-?bültenimize|bültenimize|bültene) (?:abone olun|kaydolun)",),
        "cookie": (r"çerez(?:ler)? kullan(?:ıyoruz|maktadır|ılmaktadır)", r"çerez politikası", r"çerezleri kabul et"),
        "copyright": (r"tüm hakları saklıdır",),
        "related": (r"(?:bunlar da )?ilginizi çekebilir", r"ilgili haberler", r"benzer haberler", r"en çok okunanlar"),
    },
    "ar": {
        "post_meta": (r"(?:تم )?(?:نشر|نُشرت|نشرت) هذه (?:التدوينة|المشاركة) (?:في|ضمن)",),
        "paywall": (r"هذا (?:المحتوى|المقال) (?:متاح )?(?:حصري(?:ا)? )?(?:فقط )?للمشتركين", r"^\W*(?:للمشتركين فقط|حصري للمشتركين)", r"هل أنت مشترك بالفعل"),
        "subscription": (r"اشترك الآن", r"اشترك معنا"),
        "donation": (r"ادعم(?:نا| الصحافة)", r"تبرع (?:الآن|لنا)"),
        "share": (r"شارك", r"مشاركة", r"طباعة", r"تعليق", r"تعليقات", r"حفظ", r"تابعنا"),
        "link_copied": (r"تم نسخ الرابط",),
        "trust": (r"(?:معايير|مبادئ) (?:التحرير|تحريرية)", r"سياسة التحرير", r"المبادئ التحريرية"),
        "newsletter": (r"اشترك في (?:النشرة|نشرتنا) (?:البريدية|الإخبارية)",),
        "cookie": (r"(?:نستخدم|يستخدم هذا الموقع) (?:ملفات )?(?:تعريف الارتباط|الكوكيز)",),
        "copyright": (r"جميع الحقوق محفوظة",),
        "related": (r"اقرأ (?:أيضا|أيضاً|ايضا)", r"(?:أخبار|مقالات) ذات صلة", r"الأكثر قراءة", r"قد يهمك", r"اخترنا لك"),
    },
    "fa": {
        "post_meta": (r"این (?:نوشته|مطلب|پست) در(?=[^.!?؟]{1,120}(?:ارسال شده|منتشر شده|دسته‌بندی|برچسب))",),
        "paywall": (r"(?:این )?(?:مطلب|محتوا|مقاله) (?:فقط|تنها) (?:برای|ویژه) (?:مشترکان|اعضا)", r"ویژه مشترکان"),
        "subscription": (r"مشترک شوید", r"اشتراک بخرید"),
        "donation": (r"از ما حمایت کنید", r"با حمایت مالی (?:خود|شما)"),
        "share": (r"اشتراک[\u200c ]?گذاری", r"چاپ", r"نظرات", r"ذخیره", r"ارسال نظر"),
        "link_copied": (r"(?:لینک|پیوند) کپی شد",),
        "trust": (r"اصول (?:حرفه[\u200c ]?ای|تحریریه)", r"سیاست (?:تحریریه|ویراستاری)", r"رهنمودهای ویراستاری"),
        "newsletter": (r"عضویت در خبرنامه", r"در خبرنامه .{0,20}عضو شوید"),
        "cookie": (r"(?:ما از|این سایت از) (?:کوکی|کوکی[\u200c ]?ها) استفاده",),
        "copyright": (r"(?:کلیه|تمامی) حقوق .{0,40}محفوظ است",),
        "related": (r"بیشتر بخوانید", r"(?:مطالب|اخبار) (?:مرتبط|مشابه)", r"پربازدیدترین(?:\s?ها)?", r"بخوانید"),
    },
    "hi": {
        "post_meta": (r"यह (?:प्रविष्टि|पोस्ट|लेख)(?=[^.!?।]{1,120}(?:में पोस्ट की गई|में प्रकाशित|टैग की गई))",),
        "paywall": (r"(?:यह )?(?:लेख|खबर|ख़बर|कंटेंट|सामग्री) (?:केवल|सिर्फ) (?:सब्सक्राइबर्स|ग्राहकों|सदस्यों) के लिए", r"पढ़ना जारी रखने के लिए"),
        "subscription": (r"सब्सक्राइब करें",),
        "donation": (r"हमें सपोर्ट करें", r"हमारा समर्थन करें", r"दान करें"),
        "share": (r"शेयर(?: करें)?", r"प्रिंट", r"कमेंट(?: करें)?", r"टिप्पणी(?:यां|याँ)?", r"सेव(?: करें)?", r"फॉलो करें"),
        "link_copied": (r"लिंक कॉपी (?:हो गया|किया गया|हुआ)",),
        "trust": (r"संपादकीय (?:नीति|मानक|दिशानिर्देश)",),
        "newsletter": (r"न्यूज़?लेटर (?:के लिए )?(?:सब्सक्राइब|साइन अप)",),
        "cookie": (r"(?:हम|यह वेबसाइट) कुकीज़? का (?:उपयोग|इस्तेमाल)",),
        "copyright": (r"सर्वाधिकार सुरक्षित",),
        "related": (r"(?:ये|यह) भी पढ़ें", r"(?:संबंधित|सम्बंधित) (?:खबरें|ख़बरें|लेख)", r"और पढ़ें", r"ज़?जरूर पढ़ें"),
    },
    "id": {
        "post_meta": (r"(?:tulisan|entri|artikel) ini dipublikasikan (?:di|dalam)", r"(?:diposting|ditulis) (?:di|dalam)(?=[^.!?]{1,120}(?:\btag\b|ditandai))"),
        "paywall": (r"(?:artikel|konten|berita) ini (?:hanya )?(?:khusus|untuk) (?:pelanggan|member|pembaca premium)", r"khusus pelanggan", r"sudah berlangganan\s?\?",
                    r"untuk melanjutkan membaca"),
        "subscription": (r"berlangganan sekarang",),
        "donation": (r"dukung (?:kami|jurnalisme)", r"donasi sekarang", r"berdonasi"),
        "share": (r"bagikan", r"cetak", r"komentar", r"simpan", r"kirim", r"ikuti kami"),
        "link_copied": (r"(?:tautan|link) (?:berhasil )?disalin",),
        "trust": (r"pedoman (?:media siber|pemberitaan)", r"kode etik jurnalistik"),
        "newsletter": (r"(?:berlangganan|daftar) (?:newsletter|buletin)",),
        "cookie": (r"(?:kami menggunakan|situs ini menggunakan) (?:cookie|kuki)",),
        "copyright": (r"hak cipta dilindungi undang-undang",),
        "related": (r"baca (?:juga|selengkapnya)", r"(?:berita|artikel) terkait", r"terpopuler"),
    },
    "zh": {
        "post_meta": (r"此(?:条目|條目|文章)(?:发表|發表)(?:在|于|於)", r"(?:分类|分類)(?:目录|目錄)?\s*[:：](?=[^。！？]{1,80}(?:标签|標籤))"),
        "paywall": (r"(?:本文|该文章|此内容|本内容)(?:为|仅限|仅供)(?:付费)?(?:订阅|会员)(?:用户|读者)?(?:专享|阅读|可见)?", r"订阅后(?:即可)?(?:继续)?阅读(?:全文)?",
                    r"(?:付费|会员)专享", r"登录后(?:即可)?(?:继续)?阅读"),
        "subscription": (r"立即订阅", r"订阅本(?:刊|报)"),
        "donation": (r"支持我们", r"(?:打赏|赞赏)(?:作者)?", r"捐款支持"),
        "share": (r"分享(?:到)?", r"转发", r"打印", r"评论", r"收藏", r"微信", r"微博", r"朋友圈", r"关注", r"點讚|点赞", r"分享至", r"列印"),
        "link_copied": (r"链接已复制", r"已复制链接", r"复制链接", r"複製連結", r"連結已複製", r"已複製"),
        "trust": (r"(?:本文)?仅代表作者(?:个人)?观点", r"不代表本(?:网|站|报)(?:立场|观点)", r"免责声明"),
        "newsletter": (r"订阅(?:我们的)?(?:新闻)?(?:电子报|通讯|邮件|简报)", r"(?:扫码|扫描二维码)?关注(?:我们的)?(?:微信)?公众号"),
        "cookie": (r"(?:本网站|我们)使用(?:cookies?|小型文本文件)", r"接受(?:所有)?cookies?"),
        "copyright": (r"版权所有", r"未经(?:授权|许可)(?:，|,)?(?:不得|禁止)转载", r"版權所有"),
        "related": (r"相关(?:阅读|新闻|文章|报道|推荐)", r"延伸阅读", r"推荐阅读", r"猜你喜欢", r"相關(?:閱讀|新聞|文章|報導)", r"延伸閱讀", r"推薦閱讀"),
    },
    "ja": {
        "post_meta": (r"この(?:投稿|エントリー|記事)は(?=[^。！？]{1,120}(?:に分類|カテゴリー|タグ))", r"カテゴリー\s*[:：](?=[^。！？]{1,80}タグ)"),
        "paywall": (r"この記事は(?:有料)?(?:会員|購読者)(?:限定|専用)", r"(?:有料会員|会員)限定(?:記事)?", r"続きを読むには", r"残り\d+文字", r"この記事の続きは"),
        "subscription": (r"購読(?:する|を申し込む)", r"無料会員登録"),
        "donation": (r"(?:ご)?支援(?:を)?お願い(?:します|いたします)", r"寄付のお願い"),
        "share": (r"シェア(?:する)?", r"共有", r"印刷", r"コメント(?:する)?", r"保存", r"ツイート", r"ブックマーク", r"フォロー(?:する)?", r"いいね"),
        "link_copied": (r"リンクをコピーしました", r"コピーしました", r"リンクをコピー"),
        "trust": (r"編集(?:方針|ガイドライン)",),
        "newsletter": (r"(?:メール)?(?:ニュースレター|メルマガ)(?:を|の)?(?:購読|登録)",),
        "cookie": (r"(?:(?:当|本)サイト(?:では|は)?)?(?:cookie|クッキー)を(?:使用|利用)",),
        "copyright": (r"無断(?:転載|複製)(?:を)?(?:禁じます|禁止)",),
        "related": (r"関連(?:記事|ニュース)", r"あわせて読みたい", r"合わせて読みたい", r"こちらもおすすめ", r"おすすめ記事", r"人気記事"),
    },
    "ko": {
        "post_meta": (r"이 (?:글|포스트|항목)은(?=[^.!?]{1,120}(?:카테고리|분류되었|태그))",),
        "paywall": (r"(?:이 기사는|본 기사는)?\s?(?:유료)?\s?(?:회원|구독자)\s?전용", r"(?:유료 회원|구독자)만\s?(?:볼|읽을) 수 있", r"전문을 보시려면"),
        "subscription": (r"구독하기", r"구독 신청"),
        "donation": (r"후원하기", r"후원(?:해|하)\s?주세요", r"응원하기"),
        "share": (r"공유(?:하기)?", r"인쇄", r"댓글", r"스크랩", r"저장", r"카카오톡", r"페이스북", r"좋아요", r"팔로우", r"구독"),
        "link_copied": (r"(?:링크|주소|url)가 복사되었습니다", r"복사되었습니다", r"링크 복사"),
        "trust": (r"편집\s?(?:원칙|가이드라인)", r"윤리\s?강령"),
        "newsletter": (r"뉴스레터\s?(?:구독|신청)", r"뉴스레터를 구독하"),
        "cookie": (r"(?:쿠키|cookie)를 (?:사용|이용)",),
        "copyright": (r"무단\s?전재", r"저작권자\s?[©ⓒ(]"),
        "related": (r"관련\s?(?:기사|뉴스)", r"함께 보면 좋은 기사", r"많이 본 (?:뉴스|기사)", r"추천 기사"),
    },
    "sv": {
        "post_meta": (r"(?:det här|detta) inlägg(?:et)? (?:postades|publicerades) (?:i|under)", r"publicerat i(?=[^.!?]{1,120}(?:taggat|märkt))"),
        "paywall": (r"(?:den här|denna) (?:artikel|text) är (?:endast |bara )?för (?:prenumeranter|premiumkunder)", r"(?:endast|bara) för prenumeranter",
                    r"redan prenumerant\s?\?", r"för att (?:fortsätta )?läsa (?:hela )?(?:artikeln|vidare)"),
        "subscription": (r"prenumerera(?: nu)?", r"bli prenumerant"),
        "donation": (r"stöd (?:oss|vår journalistik|oberoende journalistik)", r"ge en gåva", r"bli (?:medlem|månadsgivare)"),
        "share": (r"dela", r"skriv ut", r"kommentera", r"kommentarer", r"spara", r"tipsa", r"följ"),
        "link_copied": (r"länk(?:en)? (?:är )?kopierad",),
        "trust": (r"(?:våra )?(?:publicistiska|journalistiska) (?:principer|riktlinjer)",),
        "newsletter": (r"(?:prenumerera på|anmäl dig till) (?:vårt |vår )?nyhetsbrev",),
        "cookie": (r"(?:vi använder|(?:den här )?webbplatsen använder) (?:kakor|cookies)", r"godkänn (?:alla )?(?:kakor|cookies)"),
        "copyright": (r"alla rättigheter förbehållna",),
        "related": (r"läs (?:också|även|mer)", r"relaterade artiklar", r"mest lästa", r"fler artiklar"),
    },
}  # fmt: skip

# Calls to action that close a story, beyond English's (cleaning.rules.CALL_TO_ACTION): a
# closing line opening with one of these is the site talking to its reader, not the story.
CLOSING_CALLS: dict[str, tuple[str, ...]] = {
    "en": (r"we want to hear what you think", r"submit (?:your |a )?letter to the editor", r"for the latest (?:stories|news|updates)",
           r"(?:would|will) you consider supporting", r"we need your help", r"send us (?:a message|your (?:tips|story))",
           r"(?:you must|please) (?:be )?log(?:ged)? in to (?:post|comment|leave)", r"no comments(?: yet)?(?=\s*(?:\(|$))",
           r"(?:please (?:note|understand) that )?comments are (?:moderated|reviewed)"),
    "de": (r"(?:du musst|sie müssen) (?:eingeloggt|angemeldet|registriert) sein", r"sie sind (?:aktuell |derzeit |noch )?nicht (?:eingeloggt|angemeldet)",
           r"um [^.!?]{0,60}kommentieren zu können", r"verraten sie (?:uns )?(?:gerne )?in den kommentaren", r"schreiben sie (?:uns )?(?:gerne )?(?:ihre meinung )?in die kommentare",
           r"(?:folgen sie|folge) uns", r"klicken sie auf den (?:unteren |folgenden )?button", r"(?:jetzt )?(?:einfach )?hier klicken",
           r"(?:noch )?keine kommentare(?=\s*(?:\(|$))"),
    "es": (r"(?:puede|puedes|pueden) escribirnos", r"¡?mira lo que (?:tiene|tenemos)", r"síguenos en", r"¿ya sabías que", r"únete (?:a|desde|en)", r"déjanos (?:tu|un) comentario"),
    "fr": (r"aucun commentaire(?=\s*(?:\(|$))", r"suivez-nous sur", r"laissez (?:un|votre) commentaire", r"vous devez (?:être )?(?:connecté|inscrit)"),
    "pt": (r"siga-nos", r"deixe (?:seu|o seu|um) comentário"),
    "it": (r"seguici su", r"lascia un commento"),
    "nl": (r"volg ons op",),
}  # fmt: skip


def closing_calls() -> str:
    """Every language's closing calls as one alternation, longest first."""
    return _longest_first({p for table in CLOSING_CALLS.values() for p in table})


# After a phrase: nothing more of the word. Han and kana run on without spaces and Korean
# endings attach to the word, so a phrase ending in one of those, or followed by Han or kana,
# needs no boundary.
_RUN_ON = r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]"
_END = r"(?:(?<=" + _RUN_ON + r")|(?![\p{L}\p{M}\p{N}])|(?=[\p{Han}\p{Hiragana}\p{Katakana}]))"
_START = r"(?:(?<![\p{L}\p{M}\p{N}])|(?=[\p{Han}\p{Hiragana}\p{Katakana}]))"
_FURNITURE = r"[\W\d_]*+"  # punctuation, digits, separators, bullets, icons
_LABEL_END = r"\s*(?:[:：|»›>\-–—/.…]|$)"
# ... or be the start of a short heading with its own words and no sentence end ("Mehr aus Thüringen").
_HEADING_TAIL = r"(?:\s+[^\s.!?。！？]+){1,5}\s*[:：]?\s*$"
# After a related heading of these languages only teasers may follow: in their news a label
# such as "Lee también" also introduces one teaser inside a story of short paragraphs.
TEASER_MAX_WORDS = 25
_HEADING_END = r"[\s:：.!?…»›>→\-–—|]*$"


@dataclass(frozen=True)
class MaxChars:
    """A rule's second opinion: the line is at most ``limit`` characters (word counts miss CJK lines)."""

    limit: int

    def __call__(self, line: str) -> bool:
        return len(line) <= self.limit


def phrases_of(category: str) -> list[str]:
    """Every language's phrases of ``category``, longest first so an alternation prefers the fuller one."""
    found = {p for table in PHRASES.values() for p in table.get(category, ())}
    return sorted(found, key=lambda p: (-len(p), p))


def _longest_first(phrases: set[str]) -> str:
    """``phrases`` as one alternation, longest first so it prefers the fuller one."""
    return "(?:" + "|".join(sorted(phrases, key=lambda p: (-len(p), p))) + ")"


def _alternation(category: str) -> str:
    return _longest_first({p for table in PHRASES.values() for p in table.get(category, ())})


def _pattern(category: Category, phrases: str) -> str:
    if category.shape == WHOLE:
        return "^" + _FURNITURE + "(?:" + phrases + _END + _FURNITURE + ")++$"
    if category.shape == LEAD:
        return "^" + _FURNITURE + phrases + _END
    if category.shape == LABEL:
        return "^" + _FURNITURE + phrases + _END + "(?:" + _LABEL_END + "|" + _HEADING_TAIL + ")"
    return _START + phrases + _END


def language_line_rules() -> list[LineRule]:
    """One line rule per category, its phrases in every language."""
    return [
        LineRule(
            category.rule,
            rule_pattern(_pattern(category, _alternation(key))),
            where=ANYWHERE,
            max_words=category.max_words,
            description=f"{category.description}, in {len(languages_of(key))} languages (docs/languages.md)",
            accept=MaxChars(category.max_chars),
            guarded=True,
        )
        for key, category in CATEGORIES.items()
    ]


def related_section_rule() -> SectionRule:
    """A related-stories heading of any language on a line of its own, starting a list of teasers."""
    return SectionRule(
        RuleName.RELATED_SECTION,
        rule_pattern("^" + _FURNITURE + _alternation("related") + _END + _HEADING_END),
        max_prose_words=TEASER_MAX_WORDS,
        description="a related-stories heading ('Das könnte Sie auch interessieren', 'Lire aussi', '関連記事') "
        "starting a list of teasers, in every language of docs/languages.md",
    )


def comment_section_rule() -> SectionRule:
    """A comment section's heading or form after the story, in the languages of docs/languages.md."""
    return SectionRule(
        RuleName.ENGAGEMENT_SECTION,
        rule_pattern(
            r"^(?:"
            r"(?:leser)?kommentare|(?:schreibe|schreiben\s+sie|verfasse)\s+einen\s+kommentar"
            r"|kommentar\s+(?:verfassen|schreiben|abgeben|hinzufügen)|(?:ihre|deine)\s+meinung\s+zu\s+(?:diesem|dem)\s+(?:thema|artikel)"
            r"|(?:laisser|laissez|ajouter|écrire)\s+un\s+commentaire|commentaires"
            r"|(?:deja|dejar|añadir|escribe)\s+(?:un|tu)\s+comentario|deja\s+una\s+respuesta|comentarios"
            r"|deixe\s+(?:um|o\s+seu|seu)\s+comentário|deixe\s+uma\s+resposta|comentários"
            r"|lascia\s+(?:un\s+commento|una\s+risposta)|commenti|(?:laat\s+een|plaats\s+een)\s+reactie(?:\s+achter)?|reacties"
            r"|(?:dodaj|napisz)\s+komentarz|komentarze|(?:přidat|napsat)\s+komentář|komentáře"
            r"|lämna\s+en\s+kommentar|kommentarer|yorum\s+yap|yorumlar|оставить\s+комментарий|комментарии|коментарі"
            r"|tinggalkan\s+(?:komentar|balasan)"
            r")(?:\s*\(\d+\))?(?:\s+(?:antwort(?:en)?\s+abbrechen|annuler\s+la\s+réponse|cancelar\s+respuesta|cancel\s+reply))?"
            + _HEADING_END
        ),
        max_words=10,
        description="a comment section's heading or form after the story, in the languages of docs/languages.md: "
        "'Kommentare', 'Schreibe einen Kommentar', 'Laisser un commentaire', 'Deja un comentario', 'Lascia un commento'",
    )


# A comment thread's counter heading names the story: "12 thoughts on “…”", "2 Kommentare zu „…“".
_THREAD_COUNT = r"(?:\d+|one|ein(?:e|en)?|une?|uno|una|um|uma)"
_THREAD_NOUN = (
    r"(?:thoughts?|comments?|responses?|replies|antworten|kommentare?|gedanken(?:\s+zu)?|réponses?|commentaires?"
    r"|comentarios?|respuestas?|comentários?|respostas?|commenti|risposte|reacties|odpowiedzi|komentarz[ey]?|komentáře"
    r"|комментари[йяев]+|коментар[іяів]+)"
)
_THREAD_TO = r"(?:on|to|for|zu|auf|à|sur|en|a|para|em|su|per|op|bij|do|na|к|до)"


def comment_thread_rule() -> SectionRule:
    """A comment thread's counter heading, which names the story ('12 thoughts on “…”'), after the story:
    the story's title quoted, or a title that does not end as a sentence does."""
    return SectionRule(
        RuleName.ENGAGEMENT_SECTION,
        rule_pattern(
            r"^\W{0,3}"
            + _THREAD_COUNT
            + r"\s+"
            + _THREAD_NOUN
            + r"\s+"
            + _THREAD_TO
            + r"\s+(?:[„“\"«‘‚'][^\n]{1,200}|[^\s.!?][^\n.!?]{0,150}[!?]?)$"
        ),
        max_words=40,
        # a long thread can outweigh its story: the heading's shape is specific enough to cut after a quarter
        min_share=0.25,
        description="a comment thread's counter heading naming the story, after the story: '12 thoughts on “…”', "
        "'2 Kommentare zu „…“', '3 réponses à « … »', '5 comentarios en «…»'",
    )


def languages_of(category: str) -> list[str]:
    """The languages with phrases of ``category``."""
    return [code for code, table in PHRASES.items() if table.get(category)]
