"""Custom rules files: added and disabled rules take effect; bad files fail naming the entry."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from newsclean.cli import main
from newsclean.transforms.cleaning.clean import clean_text
from newsclean.transforms.cleaning.rules_file import RulesFileError, load_rules
from tests.conftest import SEED_003

FOOTER = "This story was produced by Example Media and is republished with permission."
PROSE = [
    "The central bank raised its key rate by half a point on Thursday, its third increase this year.",
    "Officials said inflation had proved more stubborn than expected, driven by food and energy prices.",
]


def _write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text)
    return path


def test_toml_rule_removes_a_custom_footer(tmp_path) -> None:
    rules = load_rules(
        _write(
            tmp_path,
            "rules.toml",
            "[[line]]\nname = 'example_footer'\npattern = '^This story was produced by Example Media'\n"
            "where = 'tail'\n",
        )
    )
    cleaned = clean_text("\n\n".join([*PROSE, FOOTER]), rules=rules)
    assert cleaned.paragraphs == PROSE
    assert [(r.rule, r.text) for r in cleaned.removed] == [("example_footer", FOOTER)]
    assert FOOTER in clean_text("\n\n".join([*PROSE, FOOTER])).paragraphs  # not without the file


def test_yaml_rules_and_disable(tmp_path) -> None:
    path = _write(tmp_path, "rules.yaml", "disable: [separator]\nline:\n  - name: promo\n    pattern: '^Promo:'\n")
    rules = load_rules(path)
    cleaned = clean_text("\n\n".join([PROSE[0], "___", "Promo: half price today", PROSE[1]]), rules=rules)
    assert "___" in cleaned.paragraphs
    assert [r.rule for r in cleaned.removed] == ["promo"]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("rules.json", '{"disable": ["separator"], "line": [{"name": "promo", "pattern": "^Promo:"}]}'),
        ("rules", '{"disable": ["separator"], "line": [{"name": "promo", "pattern": "^Promo:"}]}'),
        ("rules.conf", "disable = ['separator']\n[[line]]\nname = 'promo'\npattern = '^Promo:'\n"),
        ("rules.txt", "disable: [separator]\nline:\n  - name: promo\n    pattern: '^Promo:'\n"),
    ],
)
def test_json_by_extension_and_any_format_by_content(tmp_path, name: str, text: str) -> None:
    rules = load_rules(_write(tmp_path, name, text))
    cleaned = clean_text("\n\n".join([PROSE[0], "___", "Promo: half price today", PROSE[1]]), rules=rules)
    assert "___" in cleaned.paragraphs
    assert [r.rule for r in cleaned.removed] == ["promo"]


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("bad_key.toml", "[[line]]\nname = 'x_y'\npatern = 'a'\n", "line[1] 'x_y': unknown key(s) patern"),
        ("bad_re.toml", "[[line]]\nname = 'x_y'\npattern = '(unclosed'\n", "line[1] 'x_y': bad pattern"),
        ("bad_where.toml", "[[line]]\nname = 'x_y'\npattern = 'a'\nwhere = 'middle'\n", "'where' must be one of"),
        ("bad_disable.toml", "disable = ['nope']\n", "no rule named 'nope'"),
        ("bad_name.toml", "[[line]]\nname = 'Bad Name'\npattern = 'a'\n", "line[1] 'Bad Name': 'name'"),
        ("twice.toml", "[[line]]\nname='a_b'\npattern='x'\n[[line]]\nname='a_b'\npattern='y'\n", "used twice"),
        ("syntax.toml", "disable = [\n'a',\n  = broken\n", "at line 3"),
        ("syntax.yaml", "line:\n  - name: a\n   pattern: [\n", "line 3"),
        ("top.toml", "lines = []\n", "unknown entr"),
        ("syntax.json", '{"disable": [\n"a",\n}', "line 3"),
        ("list.json", '["separator"]', "must hold a table"),
    ],
)
def test_bad_files_name_the_problem(tmp_path, name: str, text: str, message: str) -> None:
    with pytest.raises(RulesFileError) as info:
        load_rules(_write(tmp_path, name, text))
    assert message in str(info.value)
    assert name in str(info.value)


def test_rules_file_through_the_pipeline(tmp_path, capsys) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "story.txt").write_text(SEED_003.read_text() + "\n" + FOOTER + "\n")
    rules = _write(tmp_path, "rules.toml", "[[line]]\nname = 'example_footer'\npattern = '^This story was produced'\n")
    out = tmp_path / "out"
    assert main(["run", str(inputs), "--output", str(out), "--quiet", "--rules", str(rules)]) == 0
    [row] = pq.read_table(out / "articles").to_pylist()
    assert FOOTER not in row["text"]
    assert {"rule": "example_footer", "text": FOOTER} in row["removed"]
    bad = _write(tmp_path, "bad.toml", "[[line]]\nname = 'x_y'\n")
    assert main(["run", str(inputs), "--output", str(tmp_path / "o2"), "--rules", str(bad)]) == 2
    assert "line[1] 'x_y': 'pattern' must be a non-empty string" in capsys.readouterr().err
