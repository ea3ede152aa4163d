"""``newsclean show OUT``: records of a run, readably, with simple filters."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import TextIO

import pyarrow as pa
import pyarrow.compute as pc
import regex

_QUOTED = r""""(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'"""
_CONDITION = regex.compile(
    r"\s*(?P<column>\w+)\s*(?:(?P<null>is\s+not\s+null|is\s+null)"
    r"|(?P<op>not\s+in(?=[\s(])|in(?=[\s(])|==|!=|>=|<=|=|~|contains\b|>|<)\s*"
    r"(?P<value>\((?:[^()\"']|" + _QUOTED + r")*\)|" + _QUOTED + r"|[^\s\"'()]+))\s*",
    regex.I,
)
_JOIN = regex.compile(r"(and|or)\b", regex.I)
_ITEM = regex.compile(_QUOTED + r"|[^\s,\"']+")
_HELP = "use  column op value  joined by and/or (op: = != > < >= <= contains ~ in (a, b) 'not in', is [not] null)"


class FilterError(ValueError):
    """A --where expression that cannot be read."""


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "show",
        help="print the records of a run readably",
        description="Print a run's records: title, date, authors, dateline and the first lines of text "
        "(or each reject's stage, reason and first bytes).",
    )
    parser.add_argument("output", metavar="DIR", help="a newsclean output folder")
    parser.add_argument("--rejects", action="store_true", help="show the rejects instead of the articles")
    parser.add_argument("--duplicates", action="store_true", help="only articles marked as copies")
    parser.add_argument(
        "--where",
        action="append",
        default=[],
        metavar="EXPR",
        help="""filter such as 'agency = "Associated Press"', 'word_count > 500', 'title contains Iran', """
        "'dateline in (MOSCOW, KYIV) or agency = AP', 'authors is null' (empty lists too); "
        "conditions join with and/or, several --where must all hold",
    )
    parser.add_argument(
        "--limit", "-n", type=int, default=20, metavar="N", help="records to print (default 20, 0 for all)"
    )
    parser.add_argument("--lines", type=int, default=3, metavar="N", help="lines of text per article (default 3)")
    parser.add_argument(
        "--json",
        action="store_true",
        help="print each record as one JSON object per line, every column (dates and times in ISO 8601)",
    )


def _unquote(text: str) -> str:
    if text[:1] in "\"'" and text[-1:] == text[:1] and len(text) > 1:
        return text[1:-1].replace('\\"', '"').replace("\\'", "'")
    return text


def _literal(text: str, kind: pa.DataType) -> pa.Scalar:
    """``text`` as a value of the column's type: numbers, dates and timestamps compare as such."""
    import datetime as dt

    text = _unquote(text)
    if pa.types.is_list(kind):
        kind = kind.value_type
    try:
        if pa.types.is_integer(kind):
            return pa.scalar(int(text), kind)
        if pa.types.is_floating(kind):
            return pa.scalar(float(text), kind)
        if pa.types.is_boolean(kind):
            return pa.scalar({"true": True, "false": False}[text.lower()], kind)
        if pa.types.is_date(kind):
            return pa.scalar(dt.date.fromisoformat(text), kind)
        if pa.types.is_timestamp(kind):
            moment = dt.datetime.fromisoformat(text)
            if kind.tz and moment.tzinfo is None:
                moment = moment.replace(tzinfo=dt.UTC)
            return pa.scalar(moment, kind)
    except (ValueError, KeyError, OverflowError, pa.ArrowException):
        raise FilterError(f"{text!r} is not {_expected(kind)}") from None
    return pa.scalar(text, pa.string())


def _expected(kind: pa.DataType) -> str:
    """What a value of ``kind`` looks like, for an error a user can act on."""
    if pa.types.is_integer(kind):
        return "a whole number"
    if pa.types.is_floating(kind):
        return "a number"
    if pa.types.is_boolean(kind):
        return "true or false"
    if pa.types.is_date(kind):
        return "a date (YYYY-MM-DD)"
    if pa.types.is_timestamp(kind):
        return "a timestamp (YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][+HH:MM])"
    return f"a {kind} value"


Mask = Callable[[pa.Table], pa.Array]


def _any_item(lists: pa.Array, hits: pa.Array, rows: int) -> pa.Array:
    """Per row of a list column: whether any of its items is a hit."""
    parents = pc.list_parent_indices(lists).to_numpy()
    found = set(parents[pc.fill_null(hits, False).to_numpy(zero_copy_only=False)].tolist())
    return pa.array([i in found for i in range(rows)])


def _text_hits(values: pa.Array, needle: str) -> pa.Array:
    """Case-insensitive substring hits; a struct (a contributor) is searched in every field."""
    if pa.types.is_struct(values.type):
        fields = [pc.struct_field(values, i) for i in range(values.type.num_fields)]
        hits = [_text_hits(f, needle) for f in fields]
        result = hits[0]
        for extra in hits[1:]:
            result = pc.or_(result, extra)
        return result
    strings = values if pa.types.is_string(values.type) else values.cast(pa.string())
    return pc.fill_null(pc.match_substring(strings, needle, ignore_case=True), False)


def _condition(match: regex.Match, schema: pa.Schema) -> Mask:
    """The row mask of one ``column op value``."""
    column = match["column"]
    if column not in schema.names:
        raise FilterError(f"no column {column!r}; columns: {', '.join(schema.names)}")
    kind = schema.field(column).type
    is_list = pa.types.is_list(kind)
    if match["null"]:
        wanted_null = "not" not in match["null"].lower()

        def null_mask(table: pa.Table) -> pa.Array:
            values = table.column(column).combine_chunks()
            empty = pc.is_null(values)
            if is_list:  # an empty list is no value, as null is
                empty = pc.or_(empty, pc.equal(pc.fill_null(pc.list_value_length(values), 0), 0))
            return empty if wanted_null else pc.invert(empty)

        return null_mask
    op, raw = " ".join(match["op"].lower().split()), match["value"]
    if op in ("in", "not in"):
        if not raw.startswith("("):
            raise FilterError(f"{op} takes a list in parentheses: {column} {op} (a, b)")
        scalars = [_literal(item, kind) for item in _ITEM.findall(raw[1:-1])]
        options = pa.array([v.as_py() for v in scalars], scalars[0].type if scalars else pa.string())
        negate = op == "not in"

        def in_mask(table: pa.Table) -> pa.Array:
            values = table.column(column).combine_chunks()
            if is_list:
                hits = _any_item(values, pc.is_in(pc.list_flatten(values), value_set=options), table.num_rows)
            else:
                hits = pc.fill_null(pc.is_in(values, value_set=options), False)
            return pc.invert(hits) if negate else hits

        return in_mask
    if op in ("contains", "~"):
        needle = _unquote(raw)

        def contains_mask(table: pa.Table) -> pa.Array:
            values = table.column(column).combine_chunks()
            if is_list:
                return _any_item(values, _text_hits(pc.list_flatten(values), needle), table.num_rows)
            return _text_hits(values, needle)

        return contains_mask
    if is_list:
        raise FilterError(f"{column} is a list: use contains, in (...) or is null")
    value = _literal(raw, kind)
    compare = {"=": pc.equal, "==": pc.equal, "!=": pc.not_equal, ">": pc.greater, "<": pc.less,
               ">=": pc.greater_equal, "<=": pc.less_equal}[op]  # fmt: skip

    def compare_mask(table: pa.Table) -> pa.Array:
        values = table.column(column).combine_chunks()
        if value.type != values.type and pa.types.is_string(value.type):
            values = values.cast(pa.string())
        return pc.fill_null(compare(values, value), False)

    return compare_mask


def parse_where(expression: str, schema: pa.Schema) -> Mask:
    """A row mask for ``cond [and|or cond ...]``; ``and`` binds tighter than ``or``."""
    text = expression.strip()
    groups: list[list[Mask]] = [[]]
    pos = 0
    while True:
        match = _CONDITION.match(text, pos)
        if not match:
            raise FilterError(f"cannot read {text[pos:]!r}: {_HELP}")
        groups[-1].append(_condition(match, schema))
        pos = match.end()
        if pos >= len(text):
            break
        join = _JOIN.match(text, pos)
        if not join:
            raise FilterError(f"cannot read {text[pos:]!r}: {_HELP}")
        if join[1].lower() == "or":
            groups.append([])
        pos = join.end()

    def combined(table: pa.Table) -> pa.Array:
        result = pa.array([False] * table.num_rows, pa.bool_())  # typed: an empty table has no rows to infer from
        for group in groups:
            every = pa.array([True] * table.num_rows, pa.bool_())
            for mask in group:
                every = pc.and_(every, mask(table))
            result = pc.or_(result, every)
        return result

    return combined


def _format_article(row: dict, lines: int) -> str:
    head = row.get("title") or "(no title)"
    meta = [
        str(row["published_date"]) if row.get("published_date") else None,
        ", ".join(row.get("authors") or []) or None,
        row.get("dateline"),
        row.get("agency"),
        f"{row.get('word_count')} words",
    ]
    if row.get("duplicate_kind"):
        meta.append(f"{row['duplicate_kind']} copy of {row.get('duplicate_of')}")
    text = [p for p in (row.get("text") or "").split("\n\n") if p][:lines]
    body = "\n".join(f"    {p[:200]}{'…' if len(p) > 200 else ''}" for p in text)
    removed = row.get("removed") or []
    rules = sorted({r["rule"] for r in removed})
    tail = f"\n    removed {len(removed)}: {', '.join(rules)}" if removed else ""
    body = f"\n{body}" if body else ""
    return f"{head}\n  {' | '.join(m for m in meta if m)}\n  {row['source_uri']}{body}{tail}\n"


def _format_reject(row: dict) -> str:
    prefix = (row.get("raw_prefix") or "")[:120].replace("\n", "\\n")
    return f"{row['stage']}/{row['error']}  {row['source_uri']}\n  {row.get('message') or ''}\n  {prefix}\n"


def show(args: argparse.Namespace, out: TextIO) -> int:
    from newsclean.report import read_table  # Beam's filesystems, only when there is something to read

    name = "rejects" if args.rejects else "articles"
    table = read_table(args.output, name)
    if table.num_columns == 0:
        print(f"newsclean: no {name} files under {args.output}", file=sys.stderr)
        return 2
    try:
        for expression in args.where:
            table = table.filter(parse_where(expression, table.schema)(table))
    except (FilterError, pa.ArrowException) as exc:
        print(f"newsclean: --where: {exc}", file=sys.stderr)
        return 2
    if args.duplicates and not args.rejects:
        table = table.filter(pc.is_valid(table.column("duplicate_of")))
    rows = table.to_pylist() if not args.limit else table.slice(0, args.limit).to_pylist()
    if args.json:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False, default=_iso) + "\n")
        return 0
    for row in rows:
        out.write((_format_reject(row) if args.rejects else _format_article(row, args.lines)) + "\n")
    out.write(f"{len(rows)} of {table.num_rows} {name}\n")
    return 0


def _iso(value: object) -> str:
    """JSON for what pyarrow hands back beyond JSON's types: dates, times, bytes."""
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def run(args: argparse.Namespace) -> int:
    return show(args, sys.stdout)
