"""Language codes as the record stores them: ISO 639-1, two lowercase letters, or nothing.

Every language value newsclean sets (py3langid's identification, ``<html lang>``,
``content-language`` and ``og:locale``, trafilatura's metadata) goes through
:func:`iso639_1`. Region and script subtags are dropped (``en-US``, ``en_GB``,
``zh-Hant`` → ``en``, ``en``, ``zh``); ISO 639-2 codes (terminology and
bibliographic: ``deu``, ``ger``) map to their ISO 639-1 code; ISO 639-3 codes of
a macrolanguage's members map to the macrolanguage's code (``wuu``, ``yue``,
``cmn`` → ``zh``; ``arz`` → ``ar``; ``pes`` → ``fa``); a language without an
ISO 639-1 code (``ace``, ``grc``, ``zxx``) gives None, never a three-letter code.
"""

from __future__ import annotations

# ISO 639-1 and its ISO 639-2 codes: terminology code first, then the bibliographic one where it differs.
_ISO_639_2 = """
aa aar|ab abk|ae ave|af afr|ak aka|am amh|an arg|ar ara|as asm|av ava|ay aym|az aze|ba bak|be bel|bg bul|
bi bis|bm bam|bn ben|bo bod tib|br bre|bs bos|ca cat|ce che|ch cha|co cos|cr cre|cs ces cze|cu chu|cv chv|
cy cym wel|da dan|de deu ger|dv div|dz dzo|ee ewe|el ell gre|en eng|eo epo|es spa|et est|eu eus baq|
fa fas per|ff ful|fi fin|fj fij|fo fao|fr fra fre|fy fry|ga gle|gd gla|gl glg|gn grn|gu guj|gv glv|ha hau|
he heb|hi hin|ho hmo|hr hrv|ht hat|hu hun|hy hye arm|hz her|ia ina|id ind|ie ile|ig ibo|ii iii|ik ipk|io ido|
is isl ice|it ita|iu iku|ja jpn|jv jav|ka kat geo|kg kon|ki kik|kj kua|kk kaz|kl kal|km khm|kn kan|ko kor|
kr kau|ks kas|ku kur|kv kom|kw cor|ky kir|la lat|lb ltz|lg lug|li lim|ln lin|lo lao|lt lit|lu lub|lv lav|
mg mlg|mh mah|mi mri mao|mk mkd mac|ml mal|mn mon|mr mar|ms msa may|mt mlt|my mya bur|na nau|nb nob|nd nde|
ne nep|ng ndo|nl nld dut|nn nno|no nor|nr nbl|nv nav|ny nya|oc oci|oj oji|om orm|or ori|os oss|pa pan|pi pli|
pl pol|ps pus|pt por|qu que|rm roh|rn run|ro ron rum|ru rus|rw kin|sa san|sc srd|sd snd|se sme|sg sag|si sin|
sk slk slo|sl slv|sm smo|sn sna|so som|sq sqi alb|sr srp|ss ssw|st sot|su sun|sv swe|sw swa|ta tam|te tel|
tg tgk|th tha|ti tir|tk tuk|tl tgl|tn tsn|to ton|tr tur|ts tso|tt tat|tw twi|ty tah|ug uig|uk ukr|ur urd|
uz uzb|ve ven|vi vie|vo vol|wa wln|wo wol|xh xho|yi yid|yo yor|za zha|zh zho chi|zu zul
"""

# ISO 639-3 members of a macrolanguage that has an ISO 639-1 code, by that code: the varieties
# language identifiers and pages name (py3langid outputs wuu, yue, arz, ary, uzs, sdh, fuv, gug, ltg).
_MACROLANGUAGE_MEMBERS = {
    "zh": "cmn wuu yue hak nan gan hsn cdo cjy cpx czh czo mnp lzh cnp csp",
    "ar": "arb arz ary arq aeb apc ajp acm acq acw acx afb aec ars ayl ayh ayn ayp apd abh abv adf aao auz "
          "pga shu ssh avl",
    "fa": "pes prs",
    "ms": "zsm zlm kxd",
    "et": "ekk vro",
    "lv": "lvs ltg",
    "sw": "swh swc",
    "uz": "uzn uzs",
    "ku": "kmr ckb sdh",
    "az": "azj azb",
    "sq": "als aln aae aat",
    "ps": "pbt pbu pst",
    "mn": "khk mvf",
    "ne": "npi dty",
    "om": "gaz hae orc",
    "gn": "gug gui gun nhd gnw",
    "ff": "fuv fub fuf fuh fuq ffm fue fui fuc",
    "qu": "quy quz qug qub qvi qxu que",
    "yi": "ydd yih",
    "ay": "ayr ayc",
    "mg": "plt xmv",
    "or": "ory spv",
    "iu": "ike ikt",
    "ik": "esi esk",
    "kr": "knc kby krt",
    "kv": "kpv koi",
    "oj": "ojb ojc ojg ojs ojw otw ciw",
    "cr": "crk crm crl crj csw cwd",
    "ak": "fat",
    "sc": "src sdc sdn sro",
    "kg": "kng kwy ldi",
    "za": "zch zeh zgb zgn zhd zlj zln zlq zqe zyb zyg zyj zyn zzj",
    "no": "",  # Bokmål and Nynorsk (nob, nno) have their own ISO 639-1 codes, nb and nn
}  # fmt: skip

# Withdrawn ISO 639-1 codes that old pages still declare.
_WITHDRAWN = {"iw": "he", "in": "id", "ji": "yi", "jw": "jv", "mo": "ro"}

ISO_639_1: frozenset[str] = frozenset(entry.split()[0] for entry in _ISO_639_2.split("|"))
# Every code that is not itself ISO 639-1, mapped to the ISO 639-1 code it stands for.
TO_ISO_639_1: dict[str, str] = {
    **{code: entry.split()[0] for entry in _ISO_639_2.split("|") for code in entry.split()[1:]},
    **{member: macro for macro, members in _MACROLANGUAGE_MEMBERS.items() for member in members.split()},
    **_WITHDRAWN,
}


def iso639_1(value: str | None) -> str | None:
    """The ISO 639-1 code of a language tag (BCP 47 ``zh-Hant-TW``, a locale ``en_GB``, ISO 639-2/3 ``deu``,
    ``wuu``), lowercase; None when the tag names no language that has one."""
    if not value:
        return None
    primary = value.strip().replace("_", "-").split("-", 1)[0].casefold()
    if primary in ISO_639_1:
        return primary
    return TO_ISO_639_1.get(primary)
