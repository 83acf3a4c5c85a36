"""How sure the extractor is of a fact, read from its `why` (`sides=<rule>; measure=<rule>; period=<rule>`).

Each stage's rule has a factor (docs/review.md holds the table); the confidence is their product, in (0, 1]. A
side given by an explicit grammatical role (a frame, an enumeration item, a demonym owning the noun) outranks
one taken from the words written nearest, which outranks one inherited from the paragraphs around, the
gathering the article reports or the figure before. The factors order the review queue (least certain first);
the agreement a review measures (`corridor review --stats`) says how far to trust them.
"""

from __future__ import annotations

import re
from functools import lru_cache

# sides: the rule that gave both sides (the part before any "+")
SIDES: dict[str, float] = {
    "frame": 0.95,  # a verb or noun frame gave the roles ("X exporte … vers Y")
    "item": 0.9,  # an enumeration item kept its first item's frame
    "owner": 0.9,  # "la Turquie avec 1,2 milliard", a demonym owning the trigger noun
    "respectively": 0.9,  # "respectivement": each figure paired with its country in order
    "like": 0.9,  # restates the figure just stated (its sides)
    "list": 0.85,  # a bulleted list's opening line names whose partners the items are
    "rank": 0.8, "breakdown": 0.8, "part": 0.8,  # a ranking, a total broken down, a part of a total
    "near": 0.8,  # the countries written nearest the figure, no role read
    "one-country": 0.75,  # a country's own total
    "near+context": 0.7,  # one side near the figure, the other from the paragraphs around
    "context": 0.65,  # both sides from the paragraphs around
    "near+topic": 0.65, "topic": 0.6,  # the gathering the article reports
    "previous": 0.6, "aside": 0.6,  # the flow just stated goes on; a figure given in passing
    "previous:total": 0.55, "context:previous": 0.55,
}
SIDES_UNKNOWN = 0.5  # no rule recorded ("?")
# a role gave one side only, the other came from: (factor applied to the role's own)
SIDE_REST: dict[str, float] = {"near": 0.9, "previous": 0.85, "context": 0.8}
# measure: what the figure measures is read from words; a target also needs its modality read
MEASURE: dict[str, float] = {"level": 1.0, "change_pct": 1.0, "change_factor": 1.0, "target:cue": 0.85,
                             "target:goal-goes-on": 0.85}
MEASURE_TARGET = 0.9  # target:<the verb, tense or goal noun the parse found>
# period: where the period came from
PERIOD: dict[str, float] = {"stated": 1.0, "list": 0.95, "series": 0.9, "sentence-before": 0.8, "none": 0.8}
TABLE = 0.8  # a table cell (no `why`): sides from the row label, period from the column header
BANDS = ((0.85, "high"), (0.65, "medium"), (0.0, "low"))

_PARTS = re.compile(r"\s*;\s*")


def parts(why: str | None) -> dict[str, str]:
    """`why` as {stage: rule}: {"sides": "frame:exporter+near", "measure": "level", "period": "stated"}."""
    out: dict[str, str] = {}
    for part in _PARTS.split(why or ""):
        key, sep, value = part.partition("=")
        if sep:
            out[key.strip()] = value.strip()
    return out


def _sides(rule: str | None) -> float:
    if not rule or rule == "?":
        return SIDES_UNKNOWN
    rule = rule.removesuffix("+route")  # oil transit's route adds a country, it decides no side
    if rule in SIDES:
        return SIDES[rule]
    head, _, rest = rule.partition("+")
    kind = head.split(":", 1)[0]  # frame:exporter -> frame
    base = SIDES.get(head, SIDES.get(kind, SIDES_UNKNOWN))
    return base * SIDE_REST.get(rest, 1.0) if rest else base


def _measure(rule: str | None) -> float:
    if not rule:
        return 1.0
    if rule in MEASURE:
        return MEASURE[rule]
    return MEASURE_TARGET if rule.startswith("target") else 1.0


def factors(why: str | None) -> list[tuple[str, str, float]]:
    """(stage, rule, factor) for each stage: what the confidence is the product of."""
    if not why:
        return [("table", "a table cell", TABLE)]
    p = parts(why)
    return [("sides", p.get("sides", "?"), _sides(p.get("sides"))),
            ("measure", p.get("measure", "?"), _measure(p.get("measure"))),
            ("period", p.get("period", "?"), PERIOD.get(p.get("period", ""), PERIOD["none"]))]


@lru_cache(maxsize=4096)
def confidence(why: str | None) -> float:
    """The fact's confidence in (0, 1], two decimals: the product of its stages' factors."""
    out = 1.0
    for _, _, f in factors(why):
        out *= f
    return round(out, 2)


def band(value: float | None) -> str:
    """high, medium or low (docs/review.md); None: a fact a person checked has no band."""
    if value is None:
        return ""
    return next(name for floor, name in BANDS if value >= floor)
