"""The review queue (`corridor review`): the facts nobody decided about yet, least certain first, each shown in its
sentence with its fields; one key per decision, each written to the corrections file at once, so a session
stopped at any point (Ctrl-C, a closed terminal, the end of its input) keeps every answer given. And agreement:
the share of reviewed facts the extractor had right (confirmed, not corrected nor rejected), per indicator and
per confidence band, read live from the corrections file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corridor import labels
from corridor.review import confidence as scale
from corridor.review import entries
from corridor.review.apply import Lookup, corrections_path, resolve
from corridor.review.decisions import WAS

KEYS = {"c": "confirm", "r": "reject", "e": "edit a field", "n": "note", "s": "skip", "q": "quit"}
PROMPT = "[c]onfirm  [r]eject  [e]dit a field  [n]ote  [s]kip  [q]uit"
EDITABLE = [f for f in entries.FIELDS]
SHOWN = ("indicator", "reporter", "partner", "measure", "value", "unit", "per", "qualifier", "period_start",
         "period_end", "period_kind", "route", "source_kind")


QUEUE_MAX = 5000  # facts a session loads at most (a person reviews far fewer; the count says how many wait)


def pending(db: Path | str | None = None, country: Sequence[str] | str | None = None,
            indicator: Sequence[str] | str | None = None, article: str | None = None,
            corrections: Path | str | None = None, limit: int | None = None) -> list[dict]:
    """The facts to review, least certain first: not reviewed at the last build nor decided in the corrections
    file since, filtered (at most `limit`, else QUEUE_MAX)."""
    sql, params = _pending_sql(db, country, indicator, article, corrections)
    from corridor.analyse.api import Warehouse

    with Warehouse(db) as wh:
        return wh.sql(f"select * from ({sql}) order by confidence nulls first, article, char_start limit ?",
                      [*params, limit or QUEUE_MAX]).pl().to_dicts()


def count_pending(db: Path | str | None = None, country: Sequence[str] | str | None = None,
                  indicator: Sequence[str] | str | None = None, article: str | None = None,
                  corrections: Path | str | None = None) -> int:
    sql, params = _pending_sql(db, country, indicator, article, corrections)
    from corridor.analyse.api import Warehouse

    with Warehouse(db) as wh:
        return wh.sql(f"select count(*) from ({sql})", params).fetchall()[0][0]


def _pending_sql(db, country, indicator, article, corrections) -> tuple[str, list]:
    """The query of the unreviewed facts that match, less those the corrections file decides about (by article
    name or text id, and span; or evidence for an entry with no span)."""
    from corridor.analyse import api

    clauses, params = ["status = 'extracted'"], []
    where, extra = api._where(indicator, country)  # the API's own filters
    if where:
        clauses.append(where.removeprefix(" where "))
        params += extra
    if article:
        clauses.append("contains(article, ?)")
        params.append(article)
    spans, texts = _decided(corrections_path(db, corrections))
    clauses.append("not exists (select 1 from (select unnest(?::varchar[]) as a, unnest(?::integer[]) as s, "
                   "unnest(?::integer[]) as e) d where d.a in (f.article, f.article_id) and d.s = f.char_start "
                   "and d.e = f.char_end)")
    params += [[k[0] for k in spans], [k[1] for k in spans], [k[2] for k in spans]]
    clauses.append("not exists (select 1 from (select unnest(?::varchar[]) as a, unnest(?::varchar[]) as ev) d "
                   "where d.a in (f.article, f.article_id) and d.ev = f.evidence)")
    params += [[k[0] for k in texts], [k[1] for k in texts]]
    return f"select f.* from facts f where {' and '.join(clauses)}", params


def _decided(path: Path) -> tuple[set[tuple[str, int, int]], set[tuple[str, str]]]:
    """What the corrections file already decides about: (article or text id, start, end), and (article, evidence)
    for entries that give no span."""
    spans: set[tuple[str, int, int]] = set()
    texts: set[tuple[str, str]] = set()
    for e in entries.load(path):
        if e.problem:
            continue
        for who in filter(None, (e.article, e.article_id)):
            if e.span:
                spans.add((who, *e.span))
            else:
                texts.add((who, e.evidence))
    return spans, texts


def article_text(db: Path | str | None, article_id: str) -> str:
    from corridor.analyse.api import Warehouse

    with Warehouse(db) as wh:
        return wh.sql("select text from articles where article_id = ?", [article_id]).fetchall()[0][0]


# --- the session --------------------------------------------------------------------------------------------

# one piece of output: (text, style) segments, style "" | "figure" | "dim" | "bad" | "good" | "head"
Write = Callable[[list[tuple[str, str]]], None]


@dataclass(slots=True)
class Session:
    """Walks `facts` asking `key` for one decision each and `line` for an edit; None from either ends the session
    (the end of input). Each answer is appended to `path` before the next fact shows."""
    facts: list[dict]
    path: Path
    key: Callable[[str], str | None]
    line: Callable[[str], str | None]
    write: Write
    text: Callable[[str], str]  # an article's text by its id
    who: str | None = None
    total: int | None = None  # how many wait in all (the session may hold fewer)
    answers: dict[str, int] = field(default_factory=dict)
    note: str = ""  # the note the answers about the current fact carry

    def say(self, text: str, style: str = "") -> None:
        self.write([(text, style)])

    def run(self) -> dict[str, int]:
        entries.check_appendable(self.path)
        try:
            for i, fact in enumerate(self.facts, 1):
                if not self._one(i, fact):
                    break
        except (KeyboardInterrupt, EOFError):
            self.say("\n")
        return self.answers

    def _one(self, i: int, fact: dict) -> bool:
        """Show the fact and take decisions about it; False to end the session."""
        self._show(i, fact)
        self.note = ""
        while True:
            k = self.key(f"{PROMPT} ({i} of {self.total or len(self.facts)}) > ")
            if k is None or k == "q":
                return False
            if k == "s":
                return True
            if k in ("c", "r"):
                self._save("confirm" if k == "c" else "reject", fact)
                return True
            if k == "e":
                if self._edit(fact) is None:
                    return False
                self._fields(fact)
                continue
            if k == "n":
                note = self.line("note for this fact's answers (empty: none) > ")
                if note is None:
                    return False
                self.note = note.strip()
                continue
            self.say(f"  keys: {', '.join(f'{x} {w}' for x, w in KEYS.items())}\n", "dim")

    def _edit(self, fact: dict) -> bool | None:
        """Ask for a field and its new value; write the correction. None: the input ended."""
        listing = "  ".join(f"{n} {f}" for n, f in enumerate(EDITABLE, 1))
        while True:
            name = self.line(f"field to edit ({listing}; empty: back) > ")
            if name is None:
                return None
            name = name.strip()
            if not name:
                return False
            if name.isdigit() and 1 <= int(name) <= len(EDITABLE):
                name = EDITABLE[int(name) - 1]
            if name not in EDITABLE:
                self.say(f"  ✗ no field {name!r}\n", "bad")
                continue
            break
        while True:
            now = fact.get(name)
            value = self.line(f"{name} (now {_plain(now)}; '-' for none, empty: back) > ")
            if value is None:
                return None
            value = value.strip()
            if not value:
                return False
            try:
                new = entries.coerce(name, None if value == "-" else value)
            except ValueError as e:
                self.say(f"  ✗ {e}\n", "bad")
                continue
            if new == now:
                self.say(f"  {name} is already {_plain(now)}\n", "dim")
                return False
            self._save("correct", fact, {name: new})
            fact[name] = new
            return True

    def _save(self, action: str, fact: dict, fields: dict | None = None) -> None:
        entry = entries.record(action, fact["article"], fact["article_id"], (fact["char_start"], fact["char_end"]),
                               fact["evidence"], self.who, self.note, fields=fields,
                               was={k: fact.get(k) for k in WAS if fact.get(k) is not None})
        entries.append(self.path, entry)
        self.answers[action] = self.answers.get(action, 0) + 1
        said = {"confirm": "confirmed", "reject": "rejected", "correct": "corrected"}[action]
        self.say(f"  ✓ {said}" + (f": {', '.join(f'{k} = {_plain(v)}' for k, v in fields.items())}" if fields
                                   else "") + f" (saved to {self.path.name})\n", "good")

    def _show(self, i: int, fact: dict) -> None:
        from corridor.analyse.evidence import sentence_bounds

        conf, n = fact.get("confidence"), self.total or len(self.facts)
        self.say(f"\n── {i} of {n} · confidence {conf:.2f} ({scale.band(conf)}) · {fact['article']}\n"
                 if conf is not None else f"\n── {i} of {n} · {fact['article']}\n", "head")
        text, s, e = self.text(fact["article_id"]), fact["char_start"], fact["char_end"]
        lo, hi, cut_lo, cut_hi = sentence_bounds(text, s, e)
        # one piece, so that a terminal wraps the sentence between words
        self.write([("  " + ("… " if cut_lo else "") + text[lo:s].lstrip(), ""), (text[s:e], "figure"),
                    (text[e:hi].rstrip() + (" …" if cut_hi else "") + "\n", "")])
        self._fields(fact)

    def _fields(self, fact: dict) -> None:
        pair = labels.pair_label(fact.get("indicator"), fact.get("reporter"), fact.get("partner"))
        for name in SHOWN:
            value = _plain(fact.get(name))
            if name == "indicator":
                value += f"  ({labels.indicator_name(fact.get('indicator'))}; {pair})"
            elif name == "value" and isinstance(fact.get("value"), float | int):
                value += f"  ({labels.value_text(fact['value'], fact.get('unit'), fact.get('per'), fact.get('qualifier'), fact.get('measure'))})"
            self.say(f"  {name:<13}{value}\n")
        why = " · ".join(f"{stage}={rule} ({f:g})" for stage, rule, f in scale.factors(fact.get("why")))
        self.say(f"  {'why':<13}{why}\n", "dim")


def _plain(value: Any) -> str:
    if value is None:
        return "—"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


# --- agreement ----------------------------------------------------------------------------------------------

def agreement(db: Path | str | None = None, corrections: Path | str | None = None, by: str = "indicator"):
    """Per indicator (or per confidence band, `by="confidence"`): how many extracted facts were reviewed and how
    many the extractor had right (confirmed as read; corrected or rejected ones it had wrong), and how many facts
    people added (its misses). Read live: the corrections file as it is now, against the warehouse's facts."""
    from corridor.analyse.api import Warehouse

    if by not in ("indicator", "confidence"):
        raise ValueError("by is 'indicator' or 'confidence'")
    path = corrections_path(db, corrections)
    with Warehouse(db) as wh:
        res = resolve(entries.load(path), Lookup(wh), path.name)
    rows = [((f.base or f.cur).get("indicator") if by == "indicator" else
             scale.band(f.base.get("confidence")) if f.base else "added", f.status) for f in res.facts]
    return tally(rows, by)


def agreement_in(con, by: str = "indicator"):
    """The same, as the last build applied the corrections (the warehouse's reviewed_facts): what the report shows."""
    rows = con.execute("select coalesce(x.indicator, r.indicator), r.status, x.confidence from reviewed_facts r "
                       "left join extracted_facts x using (fact_id)").fetchall()
    return tally([(ind if by == "indicator" else scale.band(conf) if status != "added" else "added", status)
                  for ind, status, conf in rows], by)


def tally(rows: list[tuple[str | None, str]], by: str):
    """(group, status) rows -> one row per group (and `all`): reviewed, confirmed, corrected, rejected, added,
    agreement = confirmed / reviewed."""
    import polars as pl

    df = pl.DataFrame(rows, schema={"group": pl.Utf8, "status": pl.Utf8}, orient="row")
    counts = df.group_by("group").agg(
        *(pl.col("status").eq(s).sum().cast(pl.Int64).alias(s) for s in ("confirmed", "corrected", "rejected", "added")))
    total = counts.select(pl.lit("all").alias("group"), *(pl.col(c).sum() for c in counts.columns if c != "group"))
    order = list(labels.INDICATORS) if by == "indicator" else ["high", "medium", "low", "added"]
    counts = counts.with_columns(pl.col("group").replace_strict({g: i for i, g in enumerate(order)}, default=99)
                                 .alias("_order")).sort("_order", "group").drop("_order")
    out = pl.concat([counts, total]) if counts.height else counts
    reviewed = pl.col("confirmed") + pl.col("corrected") + pl.col("rejected")
    return out.with_columns(reviewed.alias("reviewed"),
                            pl.when(reviewed > 0).then(pl.col("confirmed") / reviewed).alias("agreement")
                            ).rename({"group": by}).select(by, "reviewed", "confirmed", "corrected", "rejected",
                                                           "added", "agreement")
