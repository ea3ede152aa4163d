"""Custom rules without code: a TOML, YAML or JSON file that adds or disables named line rules.

    # rules.toml
    disable = ["related"]            # built-in rules to switch off, by name

    [[line]]
    name = "example_footer"          # lands in `removed` beside every line it strips
    pattern = '^This story was produced by Example Media\\.?$'
    where = "tail"                   # any (default) | head | tail
    max_words = 30                   # longest line it may remove (default 40)
    description = "Example Media's syndication footer"

A custom rule named ``byline`` or ``credit`` works like the built-in one of that
name (its lines feed ``authors`` or ``agency``). Patterns use the ``regex``
module's syntax, case-insensitive, searched in each line (anchor with ``^``/``$``),
and run under the regex timeout. Every problem is reported with the file, the
entry (``line[2] 'example_footer'``) and, for syntax errors, the line number.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import regex

from newsclean.transforms.cleaning.rules import ANYWHERE, DEFAULT_RULES, HEAD, TAIL, LineRule, RuleSet

_LINE_KEYS = {"name", "pattern", "where", "max_words", "description"}
_TOP_KEYS = {"disable", "line"}
_NAME = regex.compile(r"^[a-z][a-z0-9_]{1,40}$")


class RulesFileError(ValueError):
    """A rules file that cannot be used; the message names the file and the entry."""


def _json(path: Path, text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise RulesFileError(f"{path}: line {exc.lineno}: {exc.msg}") from exc


def _yaml(path: Path, text: str) -> Any:
    import yaml

    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        raise RulesFileError(f"{path}: {where}{getattr(exc, 'problem', exc)}") from exc


def _parse(path: Path) -> dict[str, Any]:
    """The file's table, read as its extension says (``.toml``, ``.yaml``/``.yml``, ``.json``) or else as its
    content looks: ``{`` starts JSON, anything else is TOML, or YAML when it is not TOML."""
    text = path.read_text(encoding="utf-8")
    suffix = path.suffix.lower()
    if suffix == ".json" or (suffix not in (".toml", ".yaml", ".yml") and text.lstrip().startswith("{")):
        data = _json(path, text)
    elif suffix in (".yaml", ".yml"):
        data = _yaml(path, text)
    else:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            if suffix == ".toml":
                raise RulesFileError(f"{path}: {exc}") from exc  # says "(at line N, column M)"
            try:
                data = _yaml(path, text)
            except RulesFileError:
                raise RulesFileError(f"{path}: neither TOML ({exc}) nor YAML") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise RulesFileError(f"{path}: the file must hold a table with 'disable' and/or 'line' entries")
    return data


def _line_rule(path: Path, index: int, entry: Any, builtin: set[str]) -> LineRule:
    label = f"{path}: line[{index}]"
    if not isinstance(entry, dict):
        raise RulesFileError(f"{label}: must be a table with name and pattern")
    name = entry.get("name")
    if isinstance(name, str):
        label += f" {name!r}"
    unknown = set(entry) - _LINE_KEYS
    if unknown:
        raise RulesFileError(
            f"{label}: unknown key(s) {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(_LINE_KEYS))}"
        )
    if not isinstance(name, str) or not _NAME.match(name):
        raise RulesFileError(f"{label}: 'name' must be lower_case_with_underscores, 2-41 characters")
    pattern = entry.get("pattern")
    if not isinstance(pattern, str) or not pattern:
        raise RulesFileError(f"{label}: 'pattern' must be a non-empty string")
    try:
        compiled = regex.compile(pattern, regex.I | regex.V1)
    except regex.error as exc:
        raise RulesFileError(f"{label}: bad pattern: {exc}") from exc
    where = entry.get("where", ANYWHERE)
    if where not in (ANYWHERE, HEAD, TAIL):
        raise RulesFileError(f"{label}: 'where' must be one of any, head, tail, not {where!r}")
    max_words = entry.get("max_words", 40)
    if not isinstance(max_words, int) or isinstance(max_words, bool) or not 1 <= max_words <= 10_000:
        raise RulesFileError(f"{label}: 'max_words' must be a whole number from 1 to 10000")
    description = entry.get("description", f"custom rule from {path.name}")
    if not isinstance(description, str):
        raise RulesFileError(f"{label}: 'description' must be a string")
    accept = None
    if name in builtin:  # same name, same behaviour (e.g. a custom "byline" must name someone)
        accept = next(r.accept for r in DEFAULT_RULES.line_rules if r.name == name)
    return LineRule(name, compiled, where, max_words, description, accept=accept, guarded=True, audited=False)


def load_rules(path: str | Path, base: RuleSet = DEFAULT_RULES) -> RuleSet:
    """``base`` with the file's rules added (before the built-in ones) and its disabled rules removed."""
    path = Path(path)
    if not path.is_file():
        raise RulesFileError(f"{path}: no such file")
    data = _parse(path)
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise RulesFileError(f"{path}: unknown entr(y/ies) {', '.join(sorted(unknown))}; allowed: disable, line")
    builtin = set(base.names)
    disable = data.get("disable", [])
    if not isinstance(disable, list) or not all(isinstance(n, str) for n in disable):
        raise RulesFileError(f"{path}: 'disable' must be a list of rule names")
    for name in disable:
        if name not in builtin:
            raise RulesFileError(f"{path}: disable: no rule named {name!r}; rules: {', '.join(sorted(builtin))}")
    entries = data.get("line", [])
    if not isinstance(entries, list):
        raise RulesFileError(f"{path}: 'line' must be a list of tables ([[line]] in TOML)")
    added = [_line_rule(path, i, entry, builtin) for i, entry in enumerate(entries, start=1)]
    names = [r.name for r in added]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        raise RulesFileError(f"{path}: rule name(s) used twice: {', '.join(sorted(duplicates))}")
    off = set(disable)
    return RuleSet(
        tuple(added) + tuple(r for r in base.line_rules if r.name not in off),
        tuple(r for r in base.prefix_rules if r.name not in off),
    )


def rules_option(path: str | None) -> RuleSet:
    """The rules a ``--rules`` option asks for: the built-in set when it is not given."""
    return load_rules(path) if path else DEFAULT_RULES
