"""``newsclean show OUT``: records of a run, readably, with simple filters."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TextIO

import pyarrow as pa
import pyarrow.compute as pc
import regex

_CONDITION = regex.compile(
    r"""\s*(?P<column>\w+)\s*(?P<op>=|==|!=|~|contains|>=|<=|>|<|is\s+not\s+null|is\s+null)\s*"""
    r"""(?P<value>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s"']+)?\s*""",
    regex.I,
)


class FilterError(ValueError):
    """A --where expression that cannot be read."""


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "show",
        help="print the records of a run readably",
        description="Print a run's records: title, date, authors, dateline and the first lines of text "
        "(or each reject's stage, reason and first bytes).",
    )
    parser.add_argument("output", help="a newsclean output folder")
    parser.add_argument("--rejects", action="store_true", help="show the rejects instead of the articles")
    parser.add_argument("--duplicates", action="store_true", help="only articles marked as copies")
    parser.add_argument(
        "--where",
        action="append",
        default=[],
        metavar="EXPR",
        help="""filter such as 'agency = "Associated Press"', 'word_count > 500', 'title contains Iran', """
        "'dateline is not null'; several --where (or 'and') must all hold",
    )
    parser.add_argument("--limit", "-n", type=int, default=20, help="records to print (default 20, 0 for all)")
    parser.add_argument("--lines", type=int, default=3, help="lines of text per article (default 3)")


def _literal(text: str | None, kind: pa.DataType):
    if text is None:
        raise FilterError("a value is missing")
    if text[:1] in "\"'":
        text = text[1:-1].replace('\\"', '"').replace("\\'", "'")
    if pa.types.is_integer(kind):
        return int(text)
    if pa.types.is_floating(kind):
        return float(text)
    if pa.types.is_date(kind):
        import datetime as dt

        return dt.date.fromisoformat(text)
    return text


Mask = Callable[[pa.Table], pa.ChunkedArray]


def _list_contains(column: str, value: str) -> Mask:
    """Rows whose list column has an item (or a struct field) containing ``value``."""

    def mask(table: pa.Table) -> pa.Array:
        lists = table.column(column).combine_chunks()
        items = pc.list_flatten(lists)
        if pa.types.is_struct(items.type):
            texts = [pc.struct_field(items, i).cast(pa.string()) for i in range(items.type.num_fields)]
            hits = texts[0]
            hits = pc.match_substring(pc.fill_null(hits, ""), value, ignore_case=True)
            for extra in texts[1:]:
                hits = pc.or_(hits, pc.match_substring(pc.fill_null(extra, ""), value, ignore_case=True))
        else:
            hits = pc.match_substring(pc.fill_null(items, ""), value, ignore_case=True)
        parents = pc.list_parent_indices(lists).to_numpy()
        found = set(parents[hits.to_numpy(zero_copy_only=False)].tolist())
        return pa.array([i in found for i in range(table.num_rows)])

    return mask


def parse_where(expression: str, schema: pa.Schema) -> Mask:
    """A row mask for ``col op value [and col op value ...]``."""
    masks: list[Mask] = []
    for part in regex.split(r"\s+and\s+", expression.strip(), flags=regex.I):
        match = _CONDITION.fullmatch(part)
        if not match:
            raise FilterError(f"cannot read {part!r}: use  column op value  (op: = != > < >= <= contains ~)")
        column, op = match["column"], " ".join(match["op"].lower().split())
        if column not in schema.names:
            raise FilterError(f"no column {column!r}; columns: {', '.join(schema.names)}")
        field = pc.field(column)
        kind = schema.field(column).type
        if op in ("contains", "~") and pa.types.is_list(kind):
            masks.append(_list_contains(column, _literal(match["value"], pa.string())))
            continue
        if op == "is null":
            condition = field.is_null()
        elif op == "is not null":
            condition = field.is_valid()
        elif op in ("contains", "~"):
            condition = pc.match_substring(field, _literal(match["value"], pa.string()), ignore_case=True)
        else:
            value = _literal(match["value"], kind)
            condition = {
                "=": field == value, "==": field == value, "!=": field != value,
                ">": field > value, "<": field < value, ">=": field >= value, "<=": field <= value,
            }[op]  # fmt: skip
        masks.append(lambda table, condition=condition: _as_mask(table, condition))
    if not masks:
        raise FilterError("empty expression")

    def combined(table: pa.Table) -> pa.Array:
        result = pa.array([True] * table.num_rows)
        for mask in masks:
            result = pc.and_(result, mask(table))
        return result

    return combined


def _as_mask(table: pa.Table, condition: pc.Expression) -> pa.Array:
    indexed = table.append_column("__row", pa.array(range(table.num_rows)))
    kept = set(indexed.filter(condition).column("__row").to_pylist())
    return pa.array([i in kept for i in range(table.num_rows)])


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
    except (FilterError, pa.ArrowInvalid, pa.ArrowNotImplementedError) as exc:
        print(f"newsclean: --where: {exc}", file=sys.stderr)
        return 2
    if args.duplicates and not args.rejects:
        table = table.filter(pc.is_valid(table.column("duplicate_of")))
    rows = table.to_pylist() if not args.limit else table.slice(0, args.limit).to_pylist()
    for row in rows:
        out.write((_format_reject(row) if args.rejects else _format_article(row, args.lines)) + "\n")
    out.write(f"{len(rows)} of {table.num_rows} {name}\n")
    return 0


def run(args: argparse.Namespace) -> int:
    return show(args, sys.stdout)
