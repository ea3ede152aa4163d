"""Lines of a page's machinery rather than its story: server messages and bare contact lines.

Kept as data apart from ``cleaning.rules``: each is a named line rule, language-independent
where the line is (a PHP notice, a phone and fax line), so ``removed`` says what took it.
"""

from __future__ import annotations

from newsclean.transforms.cleaning.date_patterns import rule_pattern
from newsclean.transforms.cleaning.rule_types import LineRule
from newsclean.transforms.vocabulary import RuleName

_NUMBER = r"[+(]?\d[\d\s()/.\-–]{4,24}\d"
_CONTACT_LABEL = r"(?:tel(?:efon|éfono|éphone|efone)?|phone|fon|fax|telefax|mobil(?:e)?|handy|cell|whatsapp)"

PAGE_LINE_RULES: list[LineRule] = [
    LineRule(
        RuleName.SERVER_MESSAGE,
        rule_pattern(
            r"^(?:php\s+)?(?:warning|notice|deprecated|fatal\s+error|parse\s+error|strict\s+standards)\s*:"
            r".{1,300}?\bon\s+line\s+\d+\.?$"
        ),
        max_words=60,
        trigger=("line",),
        guarded=True,
        description="a server's error message printed into the page: 'Warning: ... in /www/x.php on line 407'",
    ),
    LineRule(
        RuleName.CONTACT_LINE,
        rule_pattern(
            r"^" + _CONTACT_LABEL + r"\.?\s*:?\s*" + _NUMBER
            + r"(?:\s*[-–|,;/•·]?\s*" + _CONTACT_LABEL + r"\.?\s*:?\s*" + _NUMBER + r")*\s*$"
        ),
        max_words=16,
        trigger=("tel", "phone", "fon", "fax", "mobil", "handy", "cell", "whatsapp"),
        guarded=True,
        description="a bare phone or fax line of a contact block: 'Tel. 0863/91131 - Fax 0863/912132'",
    ),
]  # fmt: skip
