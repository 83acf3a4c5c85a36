"""Link figures to indicators, country pairs, periods and qualifiers: the fact extractor.

A pure function of the article text and its publication date. One regex scan finds candidate
quantities; Python work happens only around them, inside their sentence:
  quantity -> (measure, value, unit) -> indicator -> countries -> period -> qualifier -> evidence.
"""

from __future__ import annotations

import calendar
import itertools
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise

from corridor.extract import events, frames, lexicon, numbers, parse, periods, structure, tables
from corridor.extract.cues import CueIndex, Prefiltered, cue
from corridor.extract.lexicon import Mention
from corridor.extract.text import Span, clause_bounds, clause_of, lowered, paragraphs, sentences

EXTRACTOR_VERSION = "0.14.0"
SYMMETRIC = frozenset({"trade_turnover", "transit_cargo", "agreements"})
CURRENCIES = numbers.CURRENCY_CODES
FLOWS = frozenset({"trade_turnover", "exports", "imports", "transit_cargo", "oil_transit", "gas_supply"})
_FLOWS_AND_INVESTMENT = FLOWS | {"investment"}
STOCKS = frozenset({"investment", "companies", "agreements"})


# --- indicator vocabulary ------------------------------------------------------------------
# (indicator, pattern, units it can measure). "BLOCK" words win the nearest-keyword contest
# for figures that are not trade facts (GDP, inflation, budget, population).
_MONEY = CURRENCIES | {"%", "x"}
KEYWORDS: list[tuple[str, str, frozenset[str]]] = [
    ("companies", r"entreprises|sociétés|compagnies|firmes|coentreprises|joint-ventures", frozenset({"count"})),
    ("trade_turnover",
     r"échanges?(?:\s+commerciaux|\s+bilatéraux)?|(?:ont|a)\s+échangé|commerce|commerciale?s?|chiffre\s+d['’]affaires|"
     r"partenaires?\s+commerciaux|partenaire\s+commercial|(?:premier|principal|deuxième|second|troisième)\s+partenaire|"
     r"hungaro-\w+",
     _MONEY),
    # "ventes turques à l'Ouzbékistan", "ventes à l'étranger": sales to somewhere ("ventes au détail" are not)
    ("exports", r"exportations?|exporté(?:e?s)?|exporter|exporte|exportent|exportait|exportaient|exportera|exporteront|"
                r"exportateurs|débouchés|réexportations?|"
                r"réexporté(?:e?s)?|"
                r"ventes(?!\s+au\s+détail)(?=(?:\s+[\w'-]+){0,3}\s+(?:à|au|aux|vers)\s)",
     _MONEY | {"t"}),
    # "a livré trois millions de tonnes de céréales à l'Ouzbékistan": a delivery of goods or money's worth is an
    # export (not a change: "les livraisons ont doublé" belongs to whatever is delivered)
    ("exports", r"livré(?:e?s)?|livre|livrent|livrera|livreront|fourni(?:e?s)?|fournira|fourniront|vendu(?:e?s)?|"
                r"vend|vendent|vendait|vendra|vendront", frozenset({"t", *CURRENCIES})),
    ("imports", r"importations?|importé(?:e?s)?|importait|importe|importent|importera|importeront|achats|"
                r"acheté(?:e?s)?|achète|achètent|achètera|achèteront",
     _MONEY | {"t"}),
    ("investment", r"investissements?|investisseurs?|investi[st]?|investir|capitaux|injecté|IDE", _MONEY),
    ("transit_cargo", r"fret|transit|marchandises|cargaisons?|conteneurs|transportée?s", frozenset({"t", "TEU", "%", "x"})),
    ("oil_transit", r"pétrole|brut|oléoduc|BTC", frozenset({"t", "bbl", "%", "x"})),
    ("gas_supply", r"gaz|gazoduc|gnl", frozenset({"m3", "t", "%", "x"})),  # LNG is also counted in tonnes
    ("BLOCK", r"PIB|inflation|budget|habitants|population|chômage|règlements|croissance\s+économique|"
              r"dette|réserves|écart|différence|salaires?|prix|tarifs?|capacité|production|produit|pompe|pompé|extrait|récolte|recettes|revenus|projets|chantiers|contrats|"
              r"touristes|visiteurs|passagers|voyageurs|migrants|étudiants|personnes|"
              # a trade balance is no turnover: "le déficit commercial s'est établi à 2,7 milliards"
              r"(?:déficit|excédent|solde|balance)(?:\s+commercia(?:l|le))?",
     frozenset({"%", "x", "count", *CURRENCIES, "t", "m3", "bbl", "TEU"})),
]
# Matched on lowered text (text.lowered), so the patterns are lower case and the scan has no IGNORECASE.
_KW_RE = re.compile("|".join(f"(?P<k{i}>(?<![\\w-])(?:{p.lower()})(?![\\w]))" for i, (_, p, _) in enumerate(KEYWORDS)))
UNIT_DEFAULT_INDICATOR = {"TEU": "transit_cargo", "m3": "gas_supply", "bbl": "oil_transit"}

COUNT_NOUNS = [
    ("agreements", r"accords?|documents|textes|mémorandums|conventions|protocoles|traités"),
    ("companies", r"entreprises|sociétés|compagnies|firmes|filiales|coentreprises|joint-ventures"),
    ("visits", r"fois|visites"),
]
_COUNT_RE = re.compile(
    r"\s*(?:(?:de\s+|d['’])\s*)?(?:(?P<agreements>" + COUNT_NOUNS[0][1] + r")|(?P<companies>" + COUNT_NOUNS[1][1] + r")|(?P<visits>"
    + COUNT_NOUNS[2][1] + r"))(?![\w])",
)
_REPRISES_RE = re.compile(r"(?:à|a)\s+$")
# "le nombre d'entreprises à capitaux russes ... a dépassé les 3 000": the count noun stands before the figure
_NUMBER_OF_NOUN = (r"\bnombre\s+(?:total\s+)?(?:de\s+|d['’])(?:(?P<agreements>" + COUNT_NOUNS[0][1] + r")|(?P<companies>"
                   + COUNT_NOUNS[1][1] + r"))(?![\w])")
_NUMBER_OF = re.compile(
    _NUMBER_OF_NOUN + r"(?P<gap>[^.;:\d]{0,100}?(?:\b(?:19|20)\d\d\b[^.;:\d]{0,60}?)?)"
    r"\b(?:a|ont)?\s*(?:atteint|dépassé|dépasse|franchi|pour\s+atteindre|atteignant|"
    r"s['’]élève\s+(?:désormais\s+|aujourd['’]hui\s+)?à|est\s+(?:passé\s+|désormais\s+)?(?:de|à))\s+"
    r"(?:les\s+|la\s+barre\s+des\s+|plus\s+de\s+|près\s+de\s+|environ\s+)?$")
_COUNT_HEAD = re.compile(_NUMBER_OF_NOUN + r"[^.;:\d]{0,80}$")  # "le nombre d'entreprises russes … a triplé"
# "- **Entreprises turques enregistrées :** plus de 4 000": a list line labelling its count
_COUNT_LABEL = re.compile(r"[\s*•–-]*(?:(?P<agreements>" + COUNT_NOUNS[0][1] + r")|(?P<companies>" + COUNT_NOUNS[1][1]
                          + r"))(?![\w])[^.;:\d\n]{0,80}:[\s*]*(?:plus\s+de\s+|près\s+de\s+|environ\s+|quelque\s+)?$")
_MADE_BEFORE = re.compile(r"\b(?:effectué|effectue|effectuées|a\s+fait|compte|totalise)\s+(?:[\w'’]+\s+){0,2}$")
_TO_COUNTRY_AFTER = re.compile(r"\s+(?:officielles\s+|d['’]état\s+)?(?:au|aux|en|à)\s")
_VISIT_VERB = re.compile(r"rendue?s?|rend|visité|visites?|déplacements?|voyages?|venue")
# "3 millions d'habitants" counts something else; "20 milliards d'ici 2027" is a figure whose unit carries over
_NON_UNIT_AFTER = re.compile(r"\s*(?:de\s+|d['’]\s*)(?!dollars|euros|tonnes|mètres|barils|manats|tenge|roubles|"
                             r"sums|livres|yuans|evp|ici\b)[^\W\d_]")

# --- measure cues --------------------------------------------------------------------------
TARGET_CUE = re.compile(
    # "a porté sur 190 000 EVP", "portées par les minerais": what was, not a goal
    r"\b(?:objectif|porter|(?<!\ba )(?<!\bont )porté(?!e?s?\s+(?:sur|par)\b)e?s?|portera|devrait|devraient|pourrait|pourraient|visent|vise|viser|visant|"
    r"prévoit|prévoient|prévu|table\s+sur|ambition|l['’]intention|entend|compte\s+atteindre|atteindra|"
    r"dépassera|s['’]établira|projette|espère|ambitionne|cible|visons|ambitionnons|espérons|prévoyons|"
    # a pledge is not yet a flow: "l'UE a promis 10 milliards d'euros", "s'est engagée à investir"
    r"promis|promet|promettent|s['’]engage|s['’]engagent|s['’]est\s+engagée?|se\s+sont\s+engagée?s|"
    # the future of a flow verb is a forecast: "la Hongrie importera 100 millions de mètres cubes"
    r"importera|importeront|exportera|exporteront|livrera|livreront|fournira|fourniront|investira|investiront|"
    r"atteindront|dépasseront|s['’]élèvera|s['’]élèveront|"
    r"comptons\s+atteindre|permettrait|permettra|permettront)\b",
)
_CHANGE_CUE = Prefiltered(re.compile(
    r"(?P<cue>hausse|baisse|recul|progression|croissance|augmentation|diminution|chute|repli|contraction|"
    r"bondi|bondir|bond|grimpé|progressé|progresse|augmenté|diminué|chuté|reculé|baissé|crû|cru|"
    r"accru|accroissement|essor|envolée?|contractée?s?|repliée?s?|fléchi|déclinée?s?|régressée?s?|plongée?s?|"
    r"effondrée?s?|effondrement)"
    # "a augmenté ses expéditions de pétrole via le pipeline BTC de 13 %": a verb's object may be long
    r"\s+(?:(?:ses|leurs|son|sa)\s+(?:[\w'’-]+\s+){0,7}?|(?:[\w'’]+\s+){0,4}?)(?:de|d['’])\s*(?:plus\s+de\s+|près\s+de\s+|environ\s+|quelque\s+|à\s+peine\s+)?"
    r"(?:[-−–]\s?)?$"),  # "a baissé de -46,9 %": a sign written twice
    # a stem of each cue word, for the prefilter
    ("hauss", "baiss", "recul", "progress", "croissance", "augment", "diminu", "chut", "repli", "contract", "bond",
     "grimp", "crû", "cru", "accr", "essor", "envol", "fléchi", "déclin", "régress", "plong", "effondr"))
_DECLINE = re.compile(r"baisse|recul|diminution|chute|repli|contract|diminué|chuté|reculé|baissé|fléchi|déclin|régress|plongé|"
                      r"effondr")
_FACTOR_RE = re.compile(
    # "le double" alone compares two things; "plus du double" is a factor
    r"(?P<qual>plus\s+du|près\s+du|environ\s+le)\s*\b(?P<noun>double|triple|quadruple|quintuple|décuple)\b(?!\s+(?:de|d['’])\s)"
    r"|\b(?P<verb>doublé|triplé|quadruplé|quintuplé|sextuplé|décuplé|doubler|tripler|quadrupler|quintupler|décupler|"
    r"doublent|triplent)\b"
    r"|\bmultipli(?:ée?s?|er|ent|e)\s+par\s+(?P<mult>" + numbers.NUMBER + r")"
    # "a augmenté de 1,5 fois" (a calque of the Russian, common in translated dispatches): times 1.5
    r"|\b(?:augmentée?s?|progressée?s?|crû|accrue?s?|grimpée?s?|hausse)\s+de\s+(?P<incr>" + numbers.NUMBER + r")\s+fois\b"
    r"|\b(?P<times>" + numbers.NUMBER + r")\s+fois\s+(?:supérieure?s?|plus\s+(?:élevée?s?|importante?s?)|plus\s+(?=qu['’]|que\b))"
    # "…, soit 18,9 fois plus.": the multiple of the change just stated
    r"|\bsoit\s+(?P<soit>" + numbers.NUMBER + r")\s+fois\s+plus(?=\s*(?:[.;,)]|$))"
    # "trois fois moins qu'en 2019": a third
    r"|\b(?P<less>" + numbers.NUMBER + r")\s+fois\s+(?:inférieure?s?|moins(?:\s+(?:élevée?s?|importante?s?))?(?=\s+qu['’]|\s+que\b))"
    r"|\b(?P<half>(?:diminuée?s?|réduite?s?|baissée?s?|chuté|reculé|fondu|plongé)\s+de\s+(?P<over>plus\s+de\s+)?moitié|"
    r"divis(?:ée?s?|er)\s+par\s+deux)",
)
_FACTOR_VALUES = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5, "sextuple": 6, "décuple": 10}

# --- qualifiers ----------------------------------------------------------------------------
# the qualifier words that may stand between a link word ("contre", "dont", "(") and its figure
_QUALIFIER_WORDS = r"(?:environ\s+|près\s+de\s+|plus\s+de\s+|moins\s+de\s+|quelque\s+)?"
# "franchir la barre des", "dépasser le seuil de", "passer le cap des": the bound words before the figure
_FILLER = (r"(?:\s+(?:les|la|le|l['’]|à|de|d['’]|du|des|désormais|déjà|largement|nettement|légèrement|même|"
           r"actuellement|aujourd['’]hui|toujours|encore|ainsi|"
           # "ont dépassé cette année les 3 milliards": a period between the verb and the figure
           r"cette\s+année|l['’]an(?:née)?\s+(?:dernier|dernière|passée?)|en\s+(?:19|20)\d\d|"
           r"pour\s+la\s+première\s+fois|"
           r"(?:la\s+barre|le\s+seuil|le\s+cap)"
           r"(?:\s+(?:symbolique|psychologique|historique))?(?:\s+(?:des|de|du|d['’]))?))*"
           r"\s*(?:[«»\"“”]\s*)?$")  # a qualifier quoted: « au moins » 11,6 milliards
QUALIFIERS = [
    ("approx", Prefiltered(r"(?:\benviron|\bprès\s+d[e'’]|\bpresque|\bquelque|\bautour\s+d[e'’]|\bapproximativement|"
                          r"\bavoisin\w*|\bapproch\w*|\bfrôl\w*|\bde\s+l['’]ordre\s+d[e'’]|\bpratiquement|\bquasiment|"
                          r"\bà\s+peu\s+près|\bgrosso\s+modo|\bgrossièrement)"
                          + _FILLER)),
    ("lower_bound", Prefiltered(r"(?:(?<!pas\s)\bplus\s+d[eu'’]|\bun\s+minimum\s+d[e'’]|\bau-delà\s+d[e'’]|\bau\s+moins|\bpas\s+moins\s+d[e'’]|"
                               r"\bdépass\w*|\bfranchi\w*|\bsupérieure?s?\s+à|\bexcéd\w*|\bexcède\w*)" + _FILLER)),
    ("upper_bound", Prefiltered(r"(?:\bmoins\s+d[e'’]|\bjusqu['’]à|\bau\s+plus|\bau\s+maximum|\binférieure?s?\s+à|"
                               r"\bpas\s+plus\s+d[e'’]|\bun\s+maximum\s+d[e'’])" + _FILLER)),
]

# --- directions ----------------------------------------------------------------------------
_DEST_BEFORE = re.compile(
    r"(?:vers|à\s+destination\s+d[eu'’]|destinée?s?\s+à|à|au|aux|en|dans|pour|sur\s+le\s+marché|auprès\s+d[eu'’])"
    r"(?:\s+(?:la|le|l['’]|les))?\s*$",
)
_SOURCE_BEFORE = re.compile(r"(?:en\s+provenance\s+d[eu'’]|provenant\s+d[eu'’]|de|du|d['’]|des)(?:\s+(?:la|le|l['’]|les))?\s*$")
_TRANSIT_BEFORE = re.compile(r"(?:par|via|à\s+travers|traversant|territoire|transite\s+par)(?:\s+(?:la|le|l['’]|les))?\s*$")
_DEMONYM_DEST_NOUN = re.compile(r"(?:territoire|consommateurs|provinces|marché|économie|clients|ports?|villes?|"
                                r"régions?|partenaires|homologues?)\s+$")
_DEMONYM_TRANSIT_NOUN = re.compile(r"territoire\s+$")
_GOODS_NOUN = re.compile(r"(?:produits|marchandises|biens|articles|denrées|équipements|machines|véhicules|voitures|"
                         r"textiles|fruits|légumes|céréales|blé|coton|engrais|métaux|acier|aluminium|cuivre)"
                         r"(?:\s+[\w'’-]+)?\s+$")
_CHAIN_RE = re.compile(r"\b[A-ZÀ-Ý][\w'’]+(?:\s?[–—-]\s?[A-ZÀ-Ý][\w'’]+)+")
_ROUTE_CUE = re.compile(r"(?:route|oléoduc|gazoduc|pipeline|tube|corridor|axe|itinéraire|ligne|liaison|voie\s+ferrée|chemin\s+de\s+fer)"
                        r"(?:\s+\w+){0,1}\s*$")
_ACRONYM_RE = re.compile(r"\(([A-Z]{2,6})\)")


@dataclass(slots=True)
class Fact:
    article: str
    indicator: str
    measure: str
    reporter: str | None
    partner: str | None
    value: float
    unit: str
    per: str | None
    qualifier: str
    period_start: str | None
    period_end: str | None
    period_kind: str
    route: str | None
    evidence: str
    char_start: int
    char_end: int
    source_kind: str = "press"  # official | speech | press: who states the figure, for consensus
    why: str = ""  # how its sides, measure and period were decided: "sides=frame:investir; measure=level; period=stated"
    extractor_version: str = EXTRACTOR_VERSION

    def as_record(self) -> dict:
        return {
            "article": self.article, "indicator": self.indicator, "measure": self.measure,
            "reporter": self.reporter, "partner": self.partner, "value": self.value, "unit": self.unit,
            "per": self.per, "qualifier": self.qualifier, "period_start": self.period_start,
            "period_end": self.period_end, "period_kind": self.period_kind, "route": self.route,
            "evidence": self.evidence, "char_start": self.char_start, "char_end": self.char_end,
            "source_kind": self.source_kind, "why": self.why, "extractor_version": self.extractor_version,
        }


@dataclass(slots=True)
class _Candidate:
    """A figure found in a sentence before its countries and period are settled."""
    start: int
    end: int  # end of the figure (number, unit, rate)
    value: float
    unit: str
    measure: str
    indicator: str
    per: str | None = None
    qualifier: str = "exact"
    q_start: int | None = None
    countries: tuple[str | None, str | None] = (None, None)
    period: periods.Period | None = None
    notes: list[str] = field(default_factory=list)
    noun_end: int | None = None  # "le nombre d'entreprises ... a atteint 3 000": where its count noun ends
    like: _Candidate | None = None  # the figure it restates or compares with ("contre 650", "soit +18 %"): same sides
    why: dict[str, str] = field(default_factory=dict)  # stage (sides, measure, period) -> the rule that decided it


@dataclass(slots=True)
class _Context:
    text: str
    low: str
    cues: CueIndex
    pub: date | None
    mentions: list[Mention]  # outside place chains ("Bakou–Tbilissi–Ceyhan" names a pipe, not two states)
    starts: list[int]
    article_counts: Counter
    article_ranked: list[str]  # the article's countries, most named first
    acronyms: dict[str, str]
    recent: list[tuple[_Candidate, int]] = field(default_factory=list)  # the last six facts and their paragraphs
    source_kinds: dict[int, str] = field(default_factory=dict)  # by sentence start
    roles: dict[int, list[tuple[Mention, str]]] = field(default_factory=dict)  # by sentence start
    last_by_unit: dict[str, _Candidate] = field(default_factory=dict)  # the latest fact in each unit
    speaker: str | None = None  # the country of the official the title quotes (interviews, speeches)
    interview: bool = False
    unit_marks: list[tuple[int, str]] = field(default_factory=list)  # where each stated money or volume unit is
    region_at: int = -1  # the end of the last figure dropped as a whole region's or route's
    _topics: list[tuple[int, tuple[str, str]]] | None = None  # not worked out yet

    def topic(self, pos: int) -> tuple[str, str] | None:
        """The two countries of the held gathering (a visit, a meeting of two) the text reports last before `pos`,
        else first after it: what "les deux pays" and "bilatéraux" refer to when a sentence names at most one."""
        if self._topics is None:
            found = events.extract_events(self.text, "", self.pub, low=self.low, mentions=self.mentions, cues=self.cues)
            self._topics = sorted((e.char_start, (p[0], p[1])) for e in found if e.status == "held"
                                  and len(p := [c for c in e.participants if c not in lexicon.GROUPS]) == 2)
        before = [t for at, t in self._topics if at < pos]
        return before[-1] if before else next((t for _, t in self._topics), None)

    @property
    def last_fact(self) -> _Candidate | None:
        return self.recent[-1][0] if self.recent else None

    @property
    def last_fact_para(self) -> int:
        return self.recent[-1][1] if self.recent else -1

    def mentions_between(self, lo: int, hi: int) -> list[Mention]:
        return self.mentions[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]


_KW = cue("indicator-keyword", _KW_RE, word_start=True)


# "le ministère ouzbek des Investissements", "la Chambre de commerce", "l'Agence de promotion des
# exportations": a keyword naming an institution says nothing of the figure
_INSTITUTION = (r"\b(?:ministères?|ministres?|agences?|chambres?|comités?|conseils?|banques?|organisations?|"
                r"commissions?|bureaux?)")
_INSTITUTION_BEFORE = re.compile(
    _INSTITUTION + r"(?:\s+[\w'’-]+){0,3}?\s+"
    r"(?:des?|du|de\s+la|de\s+l['’]|d['’]|aux?|à\s+la)\s*(?:promotion\s+(?:des?|du)\s+|[\w-]+\s+(?:et|,)\s+(?:des?|du|de\s+l['’])\s*)?$")


_INSTITUTION_NOUN = cue("institution", _INSTITUTION, word_start=True)


def _keywords(cues: CueIndex, lo: int, hi: int) -> list[tuple[int, int, str, frozenset[str]]]:
    out = []
    low = cues.low
    institutions = cues.starts(_INSTITUTION_NOUN)
    for m in cues.finditer(_KW, lo, hi):
        # only where an institution's noun stands shortly before (found in the article's one cue pass)
        i = bisect_left(institutions, max(lo, m.start() - 70))
        if i < len(institutions) and institutions[i] < m.start() \
                and _INSTITUTION_BEFORE.search(low, institutions[i], m.start()):
            continue
        for i, (ind, _, units) in enumerate(KEYWORDS):
            if m.group(f"k{i}"):
                if out and out[-1][2] == "BLOCK" and _COMPLEMENT.fullmatch(low, out[-1][1], m.start()):
                    # "la production de pétrole", "les réserves de gaz": the head noun says what is measured
                    ind, units = "BLOCK", out[-1][3]
                out.append((m.start(), m.end(), ind, units))
                break
    return out


# the words that make a country the partner of a figure ("vers la Chine", "avec l'Italie")
_PARTNER_PREPOSITIONS = r"vers|avec|à\s+destination\s+d[eu']|en\s+provenance\s+d[eu']"
_PARTNER_BEFORE = re.compile(rf"\b(?:{_PARTNER_PREPOSITIONS})(?:\s+(?:la|le|les)\s+|\s*l'|\s+)$")
# the partner of a part after "dont" ("dont 10,6 milliards à l'Italie")
_PART_PARTNER_BEFORE = re.compile(rf"\b(?:{_PARTNER_PREPOSITIONS}|à|au|aux|en)(?:\s+(?:la|le|les)\s+|\s*l'|\s+)$")
# a group as a partner: "avec les pays de l'OET"
_GROUP_PARTNER_BEFORE = re.compile(rf"\b(?:{_PARTNER_PREPOSITIONS})\s+(?:les\s+(?:pays|états)(?:\s+membres)?\s+)?"
                                   r"(?:de\s+|d'|du\s+)?(?:la\s+|l'|le\s+)?$")
_INVESTOR_AFTER = re.compile(r",?\s+(?:est|étant|reste|demeure|restant|demeurant)?\s*(?:le\s+|l')?"
                             r"(?:premier|principal|deuxième|troisième|plus\s+gros|premiers|principaux)?\s*investisseurs?\b")
_COMPLEMENT = re.compile(r"\s+(?:de|du|des|d')\s*(?:la\s+|l')?")
# a new phrase between a figure and a keyword after it: "26,9 milliards et les importations 38,9 milliards",
# "4,9 milliards, sous l'effet de la baisse des prix"
_COORDINATED = re.compile(r"\b(?:et|tandis\s+que|alors\s+que|mais|sous\s+l'effet|en\s+raison|à\s+cause|grâce|"
                          r"du\s+fait|malgré|faute)\b")
_ATTACHED_NOUN = re.compile(r"\s*(?:de|d['’])\s*(?:la\s+|l['’])?")


class _LazyKeywords:
    """Keywords of a sentence, scanned only when a figure there needs its indicator."""

    __slots__ = ("_items", "cues", "hi", "lo")

    def __init__(self, cues: CueIndex, lo: int, hi: int) -> None:
        self.cues, self.lo, self.hi, self._items = cues, lo, hi, None

    def __iter__(self):
        if self._items is None:
            self._items = _keywords(self.cues, self.lo, self.hi)
        return iter(self._items)


def _nearest_indicator(kws, start: int, end: int, unit: str, bounds: list[int], clause: int,
                       low: str = "") -> str | None:
    best, best_d = None, 10**9
    attached = _ATTACHED_NOUN.match(low, end) if low else None
    for ks, ke, ind, units in kws:
        if unit not in units:
            continue
        if attached and ks == attached.end():
            # the last keyword before the figure in its clause: "les réserves ... sont estimées à 60 Mt de pétrole"
            head = next((i for s, e, i, u in reversed(list(kws)) if e <= start and unit in u
                         and clause_of(bounds, s) == clause), None)
            return "BLOCK" if head == "BLOCK" else ind
        d = start - ke if ke <= start else ks - end
        if d < 0:
            d = 0
        # Words right after the unit ("de tonnes de brut") bind tightest; a clause break loosens.
        if clause_of(bounds, ks) != clause:
            d += 60
        if ks >= end:
            d += 5
            if low and _COORDINATED.search(low, end, ks):
                d += 200  # "26,9 milliards et les importations 38,9 milliards": the next figure's keyword
        if d < best_d:
            best, best_d = ind, d
    return best


def _qualifier(low: str, lo: int, start: int) -> tuple[str, int | None]:
    before = low[max(lo, start - 45):start]
    for name, rx in QUALIFIERS:
        m = rx.search(before)
        if m:
            at = start - len(before) + m.start()
            neg = _NEGATED.search(low, max(lo, at - 20), at) if name == "lower_bound" else None
            if neg:
                return "upper_bound", neg.start()  # "n'ont pas dépassé 800 millions": at most
            return name, at
    return "exact", None


_FROM_TO = re.compile(r"\s+à\s+")
_WENT_FROM = re.compile(r"\bpass(?:ée?s?|ant)\s+(?:[\w']+\s+){0,3}?de\s+$")  # "est passé de", "passant de"
_DIFFERENCE_AFTER = re.compile(r"\s+(?:de\s+(?:plus|moins)\b|supplémentaires?\b|en\s+plus\b|en\s+moins\b)")
_LIST_COMMA = re.compile(r",\s+")
_AND_SHARED = re.compile(r"\s+et\s+")  # not "de 3 à 4 milliards": two moments
_RANGE = re.compile(r"entre\s+\S+(?:\s+\w+)?\s+et\s+\d")
_RANGE_END_BEFORE = re.compile(r"\bentre\s+\d[\d,.\s]*(?:\s\w+)?\s+et\s+$")
_NEGATED = re.compile(r"\b(?:n['’]|ne\s+)(?:[\w]+\s+){0,2}?(?:pas|jamais|guère)\s+$")
_DASHES = "–—-"
_BARE_NUMBER = re.compile(r"\d[\d\s\u00a0\u202f,.]*")
_SHARED_JOIN = re.compile(r"\s+(?:et|à|ou)\s+")


_CHAIN_AFTER = re.compile(r"\s?[–—-]\s?[A-ZÀ-Ý]")
_CHAIN_BEFORE = re.compile(r"\b[A-ZÀ-Ý][\w'’]*(?:\s(?:centrale|du\s+Sud|du\s+Nord|de\s+l'Est))?\s?[–—-]\s?$")  # "Asie centrale–Chine"


# "depuis l'invasion de l'Ukraine", "les sanctions occidentales contre la Russie": a country named as the
# scene or target of a war or sanctions, not a side of the figures around it
_AT_WAR_CUE = cue("at-war", r"guerre|invasion|sanction|conflit|agression|offensive|annexion")
_AT_WAR_BEFORE = re.compile(
    r"\b(?:(?:guerre|invasion|offensive|agression|conflit|annexion)(?:\s+(?:russe|militaire|armé|à\s+grande\s+échelle))?"
    r"\s+(?:en|de|d'|contre|à|au)|sanctions?(?:\s+[\w-]+){0,2}?\s+(?:contre|visant|imposées\s+à))"
    r"\s+(?:la\s+|le\s+|l'|les\s+)?$"
    r"|\b(?:guerre|invasion|offensive|agression|annexion)\s+$")  # "l'invasion russe": the aggressor


_NAMED_AFTER_CITY = re.compile(r"\b(?:accord|accords|club|traité|déclaration|charte|protocole|processus|format|groupe|"
                               r"bourse|consensus|pacte|initiative|convention)\s+(?:de|d['’])\s*$")


def _in_chain(text: str, low: str, m: Mention) -> bool:
    """Is the mention one link of a dash-joined chain of capitalised names ("Bakou–Tbilissi–Ceyhan")? Two
    country names ("le commerce Kazakhstan–Chine") are a pair, unless a route is named ("l'oléoduc Kazakhstan–Chine")."""
    if m.kind == "compound":
        return False
    near = text[max(0, m.start - 2):m.start] + text[m.end:m.end + 2]
    if "-" not in near and "–" not in near and "—" not in near:
        return False  # both patterns need a dash next to the name (a cheap test first)
    chain = next((c for c in _CHAIN_RE.finditer(text, max(0, m.start - 60), min(len(text), m.end + 60))
                  if c.start() <= m.start and m.end <= c.end()), None)
    if chain is not None and m.kind == "name" and len(_DASH_SPLIT.split(chain.group(0))) == 2 \
            and not _ROUTE_CUE.search(low, max(0, chain.start() - 40), chain.start()):
        return False
    return bool(_CHAIN_AFTER.match(text, m.end)) or bool(_CHAIN_BEFORE.search(text, max(0, m.start - 40), m.start))


_DASH_SPLIT = re.compile(r"\s?[–—-]\s?")


def _role(ctx: _Context, m: Mention, sent_start: int) -> str:
    before = ctx.low[max(sent_start, m.start - 40):m.start]  # the role patterns are lower case
    if m.kind in ("demonym", "compound"):
        if _DEMONYM_TRANSIT_NOUN.search(before):
            return "transit"
        if _GOODS_NOUN.search(before):
            return "goods"  # "achats de produits turcs": where the goods come from
        if _DEMONYM_DEST_NOUN.search(before) or _TOWARD_NOUN.search(before):
            return "dest"
        if _OF_NOUN.search(before):
            return "goods"  # "importations kirghizes de carburants russes": the nationality of what is traded
        return "origin"
    if m.kind in ("leader", "company"):
        return "origin"
    if _TRANSIT_BEFORE.search(before):
        return "transit"
    if _FROM_BEFORE.search(before):
        return "source"
    if _BETWEEN_BEFORE.search(before) or (_AND_AFTER.match(ctx.text, m.end, m.end + 8) and "entre" in before):
        return "pair"
    if _DEST_BEFORE.search(before):
        return "dest"
    if _SOURCE_BEFORE.search(before):
        return "source"
    return "subject"


_BOUND_DEST = re.compile(r"\s*(?:vers|à\s+destination\s+d[eu']|en\s+provenance\s+d[eu']|à|au|aux|en)"
                         r"(?:\s+(?:la|le|les)\s+|\s*l'|\s+)")
_OF_NOUN = re.compile(r"\b(?:de|d')\s*[^\W\d_][\w'-]*\s+$")
_WORD_REST = re.compile(r"[\w-]*")
_ATTACH_GAP = re.compile(r"^\s*(?:(?:à|aux?)\s+(?:capitaux|participation)|(?:de|d['’])\s+\w+|[\w'’]+)?\s*$")


_LIST_GAP = re.compile(r"\s*(?:,|et|ou)\s*(?:,\s*)?(?:l'|la\s+|le\s+|les\s+|au\s+|aux\s+|en\s+)?")


def _in_list(ctx: _Context, m: Mention, partners: list[Mention]) -> bool:
    """Is `m` one of a list of partners ("vers l'Afghanistan, l'Ouzbékistan et le Tadjikistan")?"""
    if m.kind != "name":
        return False
    partners = [p for p in partners if p.kind == "name"]  # countries by name: "en Türkiye, SOCAR et..." is no list
    i = next((k for k, p in enumerate(partners) if p is m), None)
    if i is None:
        return False
    near = [p for p in partners[max(0, i - 1):i + 2] if p is not m and p.code != m.code]
    return any(_LIST_GAP.fullmatch(ctx.low, *sorted((p.end, m.start) if p.start < m.start else (m.end, p.start)))
               for p in near)


def _attached_demonym(ctx: _Context, cand: _Candidate, mentions: list[Mention]) -> Mention | None:
    """'entreprises à capitaux kazakhs', 'tonnes de pétrole kazakh': the nationality of the figure itself."""
    end = cand.end if cand.noun_end is None else cand.noun_end
    for m in mentions:
        # "coentreprises turco-ouzbèkes": a compound's first part is the nationality of the capital
        if m.kind in ("demonym", "compound") and end <= m.start <= end + 30 \
                and _ATTACH_GAP.match(ctx.low[end:m.start]):
            return m
    return None


def _context_codes(ctx: _Context, para_idx: int, paras: list[Span], sent: Span) -> list[str]:
    """Countries the surrounding text is about, most likely first (for "les deux pays")."""
    local: Counter = Counter()
    j = para_idx - 1
    if not _BULLET.match(ctx.text, paras[para_idx].start, paras[para_idx].end):
        while j > 0 and _BULLET.match(ctx.text, paras[j].start, paras[j].end):
            j -= 1  # after a bulleted list, the line that opened it: its items are not what the text is about
    lo = paras[j].start if j >= 0 else paras[para_idx].start
    here = paras[para_idx].start
    items_end = paras[j].end if j >= 0 else lo
    for m in ctx.mentions_between(lo, sent.start):
        if items_end <= m.start < here and j < para_idx - 1:
            continue
        # "la Chine (13,1 milliards), la Russie (11,4 milliards)": items of a list are not what the text is about;
        # the paragraph the sentence is in counts twice the one before
        if m.code not in lexicon.GROUPS and not _LABELLED_FIGURE.match(ctx.low, m.end):
            local[m.code] += 2 if m.start >= here else 1
    # a tie goes to the country the whole article names most
    order = {c: i for i, c in enumerate(ctx.article_ranked)}
    ranked = sorted(local, key=lambda c: (-local[c], order.get(c, len(order))))
    for c in ctx.article_ranked:
        if c not in ranked:
            ranked.append(c)
    if ctx.speaker is not None and (ctx.interview or _FIRST_PERSON.search(ctx.low, sent.start, sent.end)):
        # "nos échanges", "chez nous" in the words of the minister the title names: his country first
        ranked = [ctx.speaker, *(c for c in ranked if c != ctx.speaker)]
    return ranked


def _is_heading(text: str, para: Span) -> bool:
    """A line of its own that no full stop ends: a title or a subheading ("10 milliards de m3 sur l'année")."""
    line = text[para.start:para.end].strip()
    return 0 < len(line) <= 120 and "\n" not in line and not line.endswith((".", "»", '"', ";", ",")) \
        and not _BULLET.match(line)


_APPEAL = re.compile(r"\b(?:nous\s+soutenir|soutenez[-\s]nous|fai(?:re|tes)\s+un\s+don|abonnez-vous|vous\s+abonner|"
                     r"(?:en\s+)?devena?nt\s+membre|adhérez|adhérer\s+à\s+(?:notre|l['’])\s*association)\b")
_FIRST_PERSON = re.compile(r"\b(?:nos|notre|nous)\b")
_INTERVIEW = re.compile(r"\b(?:entretien|interview)\b|«")
_SPEAKER = re.compile(r"\b(?:ministre|président|présidente|premier\s+ministre|vice-premier\s+ministre|ambassadeur|"
                      r"ambassadrice|vice-ministre|chef\s+de\s+la\s+diplomatie)\s+(?=[^\W\d_])")


def _speaker(title: str | None) -> tuple[str | None, bool]:
    """The country of the official a title quotes or interviews ("entretien avec le ministre kirghiz de
    l'Économie"), and whether the article is an interview."""
    if not title:
        return None, False
    low = lowered(title)
    m = _SPEAKER.search(low)
    if m is None:
        return None, False
    named = [x for x in lexicon.find_mentions(title, low) if x.start == m.end() and x.kind == "demonym"]
    return (named[0].code if named else None), _INTERVIEW.search(low) is not None


class _LazyContext:
    """`_context_codes` of a sentence, worked out only when a figure there lacks a country."""

    __slots__ = ("_args", "_items")

    def __init__(self, ctx: _Context, para_idx: int, paras: list[Span], sent: Span) -> None:
        self._args, self._items = (ctx, para_idx, paras, sent), None

    def __iter__(self):
        if self._items is None:
            self._items = _context_codes(*self._args)
        return iter(self._items)

    @property
    def start(self) -> int:
        """Where the text the sentence continues begins: the previous paragraph."""
        _, para_idx, paras, _ = self._args
        return paras[para_idx - 1].start if para_idx > 0 else paras[para_idx].start


def _with_roles(cand: _Candidate, reading: structure.Reading, context: _LazyContext | list[str],
                europe: bool = False) -> tuple[str | None, str | None]:
    """The sides the sentence's structure gives; a side it leaves open is the one the nearby words gave, else the
    country the text is about."""
    roles = reading.roles
    trigger = frames.frame_named(reading.frame)
    if trigger is not None and {trigger.indicator, cand.indicator} == {"exports", "imports"}:
        # "les exportations kirghizes vers la Chine ont baissé de 47 % et les importations de 58 %": the other
        # flow of the same country with the same partner
        roles = {frames.DEST if r == frames.ORIGIN else frames.ORIGIN if r == frames.DEST else r: c
                 for r, c in roles.items()}
    reporter, partner = frames.sides_of(cand.indicator, roles)
    r0, p0 = cand.countries
    if partner is None and reporter is not None and europe:
        partner = "EUU"  # "a livré 12,9 milliards de m³ de gaz à l'Europe": the spec's EU
    why = f"{reading.how}:{reading.frame}" if reading.frame else reading.how
    if reporter is None:
        reporter = next((c for c in (r0, p0) if c is not None and c != partner), None)
        if reporter is None:
            reporter = next((c for c in context if c != partner), None)
            why += "+context" if reporter else ""
        else:
            why += "+context" if cand.why.get("sides") == "context" else "+near"
    elif partner is None:
        partner = next((c for c in (p0, r0) if c is not None and c != reporter), None)
        if partner is not None:
            why += "+context" if cand.why.get("sides") == "context" else "+near"
    cand.why["sides"] = why
    return reporter, partner


def _countries(ctx: _Context, cand: _Candidate, sent: Span, sent_mentions: list[Mention],
               context: _LazyContext | list[str], scope: list[int] | None = None) -> tuple[str | None, str | None]:
    ind = cand.indicator
    cand.why["sides"] = "near"
    window = context.start if isinstance(context, _LazyContext) else sent.start  # the text the sentence continues
    roles = ctx.roles.get(sent.start)
    if roles is None:  # the same for every figure of the sentence
        roles = ctx.roles[sent.start] = [(m, _role(ctx, m, sent.start)) for m in sent_mentions]
    if scope is not None:  # the countries of the sentence's other items are not this figure's
        roles = [roles[k] for k in sorted(scope)]
    if ind != "imports":  # the goods' origin is the exporter, the investor...; only an import comes from it
        roles = [(m, "origin" if r == "goods" else r) for m, r in roles]
    if ind == "investment":  # "dont 388 millions en provenance du Royaume-Uni": where the money comes from invests
        roles = [(m, "origin" if r == "source" else r) for m, r in roles]
    # The country a pipeline crosses is the partner of an oil or gas flow, a party to a cargo
    # flow, and beside the point for anything else.
    keep_transit = ind in ("oil_transit", "gas_supply", "transit_cargo")
    # a group is a side only as a partner ("avec les pays de l'OTS"), not where its summit is held
    usable = [(m, r) for m, r in roles if (r != "transit" or keep_transit) and (
        m.code not in lexicon.GROUPS - {"EUU"} or _GROUP_PARTNER_BEFORE.search(ctx.low, max(0, m.start - 45), m.start))]
    cause = _CAUSE.search(ctx.low, cand.end, sent.end) if usable else None
    if cause is not None:
        # "doubler le transit, grâce au port confié à un consortium sino-singapourien": who or what brings the
        # figure about is no side of it
        usable = [(m, r) for m, r in usable if m.start < cause.start()]
    if any(m.kind in ("city", "capital") for m, _ in usable):
        region = _TO_REGION.search(ctx.low, sent.start, sent.end)
        if region is not None:
            # "10 milliards d'euros en Asie centrale, annoncés lors du forum tenu à Samarcande": the region is the
            # other side; a city named after it as where something was held or said is no side
            usable = [(m, r) for m, r in usable if not (m.kind in ("city", "capital") and m.start > region.end()
                                                       and _VENUE_BEFORE.search(ctx.low, max(0, m.start - 60), m.start))]
    attached = _attached_demonym(ctx, cand, sent_mentions)
    # A list item "Russie, 1,9 Md$" labels its figure.
    label = next((m for m, _ in usable if m.kind in ("name", "capital") and 0 <= cand.start - m.end <= 3
                  and ctx.text[m.end:cand.start].strip() in (",", ":")), None)

    def dist(m: Mention) -> int:
        return abs(m.start - cand.start)

    if label is not None:
        # a list "Chine : 43,8 milliards ; Russie : 28,2 milliards": the other items' labels are not this one's side
        others_labels = {id(m) for m, _ in usable if m is not label and m.kind in ("name", "capital")
                         and _LABEL_AFTER.match(ctx.text, m.end)}
        usable = [(m, r) for m, r in usable if id(m) not in others_labels]
        listed = {m.code for m in ctx.mentions_between(window, sent.end)
                  if m.code != label.code and _LABEL_AFTER.match(ctx.text, m.end)}
        context = [c for c in context if c not in listed]  # nor the items of the lines before
    if ind in SYMMETRIC:
        codes: list[str] = []
        if label:
            origin = next((m.code for m, r in usable if r == "origin" and m.code != label.code), None)
            codes = [c for c in (origin, label.code) if c]
        for m, _ in usable:
            if m.code not in codes:
                codes.append(m.code)
        if ind == "transit_cargo" and len(codes) < 2 and (route := _route_chain(ctx, sent)):
            # "la ligne Bakou–Tbilissi–Kars a transporté 2 Mt": the countries the named line joins
            crossed = [m.code for m in lexicon.find_mentions(route)]
            codes += [c for c in dict.fromkeys(crossed) if c not in codes][:2 - len(codes)]
        if len(codes) > 2 and not label:
            # "entre la Géorgie et l'Azerbaïdjan ..., tandis que le commerce avec la Turquie a atteint 2,5 Md$":
            # the figure's own clause names its side first
            bounds = clause_bounds(ctx.text, sent)
            clause = clause_of(bounds, cand.start)
            own = [m.code for m, _ in usable if clause_of(bounds, m.start) == clause]
            codes = list(dict.fromkeys(own + codes))
        # "à destination de l'Asie centrale": the other side is a region with no code
        wanted = 1 if len(codes) < 2 and _TO_REGION.search(ctx.low, sent.start, sent.end) else 2
        named = len(codes)
        for c in context:
            if len(codes) >= wanted:
                break
            if c not in codes:
                codes.append(c)
        if len(codes) > named:
            cand.why["sides"] = "near+context" if named else "context"
        codes += [None, None]
        return codes[0], codes[1]

    origin_roles = ("origin", "subject")
    partner_roles = {"imports": ("goods", "source", "dest", "pair"), "oil_transit": ("transit", "dest", "pair"),
                     "gas_supply": ("dest", "pair", "transit")}.get(ind, ("dest", "pair"))
    # "de produits azerbaïdjanais": the goods' origin is the exporter, so the partner of an import
    reporter = attached.code if attached and ind != "imports" else None
    several = False
    if ind == "investment" and reporter is None:
        # "la Chine étant le premier investisseur du pays avec 3 milliards": the investor is named as such
        reporter = next((m.code for m, _ in usable if _INVESTOR_AFTER.match(ctx.low, m.end)), None)
    partner = attached.code if attached and ind == "imports" else None
    if label:
        partner = label.code
    if partner is None:
        after = [m for m, r in usable if r in partner_roles and m.start > cand.start - 200
                 and m is not attached and m.code != reporter]
        role_of = {id(m): r for m, r in usable}

        def after_roles(ms: list[Mention]) -> list[tuple[Mention, str]]:
            return [(m, role_of[id(m)]) for m in ms]

        if after and ind == "imports":  # "importations de véhicules chinois au Kazakhstan": the goods' origin
            after = [m for m, r in after_roles(after) if r in ("goods", "source")] or after  # beats the place
        # "dont 14,9 milliards vers la Chine et 10,3 milliards vers l'Italie": the place right after a figure is its own
        bound = next((m for m in after if m.start >= cand.end and _BOUND_DEST.fullmatch(ctx.low, cand.end, m.start)), None)
        chosen = bound if bound is not None else min(after, key=dist) if after else None
        if chosen is not None:
            partner = chosen.code
            if _in_list(ctx, chosen, [m for m, _ in usable]):
                # "1,2 milliard de dollars de blé vers l'Afghanistan, l'Ouzbékistan et le Tadjikistan": several
                # partners for one figure, none of them its partner alone
                several = True
    if partner is None and ind == "gas_supply":
        after = [m for m, r in usable if r == "transit" and m.code != reporter]
        if after and not any(r == "origin" and m.code != reporter for m, r in usable):
            partner = min(after, key=dist).code
    origins = [m for m, r in usable if r in ("origin",) and m.code != partner]
    if not origins:
        origins = [m for m, r in usable if r in origin_roles and m.code != partner]
    if origins and reporter is None:
        reporter = min(origins, key=lambda m: (m.start > cand.start, dist(m))).code
    if several:
        return (reporter if reporter is not None else next((c for c in context if c != partner), None)), None
    # a destination ("vers la Turquie") is never where exports or investment come from
    rest = [m.code for m, r in usable if m.code not in (reporter, partner) and not (r == "dest" and ind != "imports")]
    if reporter is None and rest:
        reporter = rest.pop(0)
    if partner is None and rest:
        partner = rest.pop(0)
    if partner is None and ind in ("gas_supply", "oil_transit", "exports") \
            and _TO_EUROPE.search(ctx.low, sent.start, sent.end):
        # the spec: "l'Europe" as a gas destination is the EU (when no country is named); so it is for oil
        # and other goods sent there
        partner = "EUU"
    if partner is None and ind in ("oil_transit", "gas_supply", "transit_cargo"):
        route = _route_chain(ctx, sent)
        if route:  # "via l'oléoduc Bakou–Tbilissi–Ceyhan": the first country it crosses
            crossed = list(dict.fromkeys(m.code for m in lexicon.find_mentions(route)))
            if reporter is None and len(crossed) >= 2:
                reporter = crossed[0]  # no origin named: the route starts there
            partner = next((c for c in crossed if c != reporter), None)
        else:
            known = _KNOWN_ROUTE.search(ctx.text, sent.start, sent.end)
            if known:  # "via le CPC": a pipe the region knows by its initials, through the countries it crosses
                partner = next((c for c in _ROUTES[known.group(0)] if c != reporter), None)
    if ind in ("exports", "imports") and reporter is not None and partner is None \
            and not _BOTH_COUNTRIES.search(ctx.low, sent.start, sent.end):
        # "Les exportations de l'Ouzbékistan ont atteint 13,2 milliards": a country's total, unless the text
        # just before is about it and one other country
        if _WHOLE_TOTAL.search(ctx.low, sent.start, sent.end):
            return reporter, None  # "au total, les exportations du pays": all destinations together
        others = {m.code for m in ctx.mentions_between(window, sent.start)
                  if m.code not in lexicon.GROUPS and m.code != reporter}
        return reporter, (others.pop() if len(others) == 1 else None)
    if partner is None and _TO_REGION.search(ctx.low, sent.start, sent.end):
        # "à destination de l'Asie centrale": the other side is a region with no code
        return (reporter if reporter is not None else next(iter(context), None)), None
    cand.why["sides"] = "near" if reporter is not None and partner is not None else "context"
    for c in context:
        if reporter is not None and partner is not None:
            break
        if c in (reporter, partner):
            continue
        if reporter is None:
            reporter = c
        elif partner is None:
            partner = c
    return reporter, partner


def _period_distance(cand: _Candidate, p: periods.Period, bounds: list[int], end: int | None = None,
                     low: str = "") -> int:
    end = cand.end if end is None else end
    d = cand.start - p.end if p.end <= cand.start else max(0, p.start - end)
    # after a bracketed twin, the clause the bracket closes
    if clause_of(bounds, p.start) != clause_of(bounds, cand.start if p.end <= cand.start or end == cand.end else end):
        d += 40
    if p.kind == "as_of":
        d += 60
    if low and p.start >= end and _FRONTED_AFTER.match(low, p.end) \
            and _FRONTED_BEFORE.search(low, max(0, p.start - 12), p.start):
        d += 80  # "… 1,2 milliard et cette année, en huit mois, 900 millions": it heads the clause after it
    return d


# a ranking going on: "Juste derrière, la Russie …", "En troisième position, la Turquie …", "Vient ensuite …"
_RANK_GOES_ON = re.compile(r"\s*(?:juste\s+)?derrière\b|\s*en\s+(?:deuxième|seconde|troisième|quatrième|cinquième)\s+"
                           r"(?:position|place)|\s*(?:vient|viennent)\s+ensuite|\s*suivie?s?\s+(?:de|par)\b")
# a period set off at the head of a clause: after "et", "mais", a comma, and followed by a comma
_FRONTED_BEFORE = re.compile(r"(?:\bet|\bmais|\bpuis|\bqu['’]|\bque|[,;])\s*$")
_FRONTED_AFTER = re.compile(r"\s*,")


_TWIN_BRACKET = re.compile(r"\s*\(")


def _assign_periods(cands: list[_Candidate], sent_periods: list[periods.Period], bounds: list[int],
                    low: str = "") -> None:
    """Each period phrase belongs to the figure nearest to it; a figure takes the nearest it owns. A figure's
    bracketed twin in another currency ("14,9 millions de dollars (13,3 millions d'euros) en 2015") stands
    aside: the period after the bracket is the figure's, and the twin's too."""
    twin_of: dict[int, int] = {}
    ends = [c.end for c in cands]
    for i in range(len(cands) - 1):
        a, b = cands[i], cands[i + 1]
        if low and a.measure == b.measure == "level" and a.unit != b.unit and _TWIN_BRACKET.match(low, a.end) \
                and b.start - a.end < 4 and (close := low.find(")", b.end, b.end + 4)) >= 0:
            twin_of[i + 1] = i
            ends[i] = close + 1
    owners = [k for k in range(len(cands)) if k not in twin_of]
    owned: dict[int, list[tuple[int, periods.Period]]] = {}
    for p in sent_periods:
        if p.kind == "same" or not owners:
            continue
        i = min(owners, key=lambda k: _period_distance(cands[k], p, bounds, ends[k], low))
        owned.setdefault(i, []).append((_period_distance(cands[i], p, bounds, ends[i], low), p))
    for i, cand in enumerate(cands):
        mine = sorted(owned.get(i, []), key=lambda t: t[0])
        cand.period = mine[0][1] if mine else None
    for j, i in twin_of.items():
        cands[j].period = cands[i].period
    head = sent_periods[0] if sent_periods else None
    if head is not None and head.start - bounds[0] <= 3 and head.kind in ("year", "months") \
            and all(c.start > head.end for c in cands):
        # "En 2024, les principaux partenaires ont été la Chine (13,7 milliards), la Russie (11,4 milliards)…":
        # the period heading the sentence is each figure's that states none of its own
        for cand in cands:
            if cand.period is None:
                cand.period = head


_MONTH_WORDS = "|".join(periods.MONTHS)
# "en janvier, février et mars 2015, … a investi respectivement 73, 30 et 174 millions"
_MONTH_LIST = re.compile(rf"\b(?P<months>(?:(?:{_MONTH_WORDS})\s*,\s*)+(?:{_MONTH_WORDS})\s+et\s+(?:{_MONTH_WORDS}))"
                         r"\s+(?P<year>(?:19|20)\d\d)\b")


def _months_respectively(low: str, sent: Span, cands: list[_Candidate]) -> None:
    """Months listed then figures "respectivement": each figure its month, in order."""
    m = _MONTH_LIST.search(low, sent.start, sent.end)
    if m is None:
        return
    months = [periods.MONTHS[w] for w in re.findall(_MONTH_WORDS, m.group("months"))]
    items = [c for c in cands if c.start > m.end() and c.measure == "level"]
    if len(items) != len(months) or len({c.unit for c in items}) != 1:
        return
    y = int(m.group("year"))
    for c, month in zip(items, months, strict=True):
        last = calendar.monthrange(y, month)[1]
        c.period = periods.Period(m.start(), m.end(), "months", f"{y}-{month:02d}-01", f"{y}-{month:02d}-{last:02d}")


def _route_chain(ctx: _Context, sent: Span) -> str | None:
    seg = ctx.text[sent.start:sent.end]
    for m in _CHAIN_RE.finditer(seg):
        if _ROUTE_CUE.search(ctx.low[sent.start:sent.start + m.start()]):
            return m.group(0)
    return None


def _route(ctx: _Context, sent: Span, cand: _Candidate) -> str | None:
    if cand.indicator not in ("oil_transit", "gas_supply", "transit_cargo"):
        return None
    chain_here = _route_chain(ctx, sent)
    if chain_here:
        return chain_here
    seg = ctx.text[sent.start:sent.end]
    for acr, chain in ctx.acronyms.items():
        if re.search(rf"\b{acr}\b", seg):
            return chain
    known = _KNOWN_ROUTE.search(seg)
    return known.group(0) if known else None  # "via le CPC"


def _crossed(ctx: _Context, sent: Span, cand: _Candidate) -> list[str]:
    """The countries the route the sentence names crosses, in order ("Bakou-Tbilissi-Ceyhan", "le BTC")."""
    route = _route(ctx, sent, cand)
    if route is None:
        return []
    if route in _ROUTES:
        return list(_ROUTES[route])
    return list(dict.fromkeys(m.code for m in lexicon.find_mentions(route)))


# pipes known by their initials, and the countries they cross after their origin (read on the original text:
# the initials are capitals)
_ROUTES = {"CPC": ("RUS",), "BTC": ("AZE", "GEO", "TUR"), "BTE": ("GEO", "TUR"), "TANAP": ("TUR",),
           "TAP": ("GRC", "ALB", "ITA"), "TAPI": ("AFG", "PAK", "IND")}
_KNOWN_ROUTE = re.compile(r"\b(?:" + "|".join(sorted(_ROUTES, key=len, reverse=True)) + r")\b")
_TO_REGION = Prefiltered(
    r"\b(?:(?:vers|à\s+destination\s+d[eu']|en\s+provenance\s+d[eu']|avec|en)\s*(?:l'|la\s+|le\s+|les\s+)?"
    r"|et\s+les\s+(?:cinq\s+)?(?:pays|républiques|états)\s+d')"  # "entre la Chine et les cinq pays d'Asie centrale"
    r"(?:asie(?:\s+centrale|\s+du\s+sud|\s+de\s+l'est)?|caucase|moyen-orient|proche-orient|afrique|amérique|"
    r"balkans|pays\s+du\s+golfe)\b", ["asie", "caucase", "orient", "afrique", "amérique", "balkans", "golfe"])
_CAUSE = re.compile(r"\b(?:grâce\s+(?:à|au|aux)|en\s+raison\s+d|à\s+cause\s+d|sous\s+l['’]effet\s+d|du\s+fait\s+d)")
_VENUE_BEFORE = re.compile(r"\b(?:tenue?s?|organisée?s?|réunie?s?|déroulée?s?|lieu|sommet|forum|conférence|réunion|"
                           r"rencontre|salon|annoncée?s?|dévoilée?s?)\b[^,.;]{0,40}?\bà\s+$")
_FLOW_NOUN_AFTER = re.compile(r"\s*(?:de|d['’])\s*(?:exportations|importations|investissements|échanges)\b")
_TO_EUROPE = re.compile(r"\b(?:vers|à\s+destination\s+de|à|pour)\s+l['’]europe\b")
# what a sum with no flow word pays for: "dont la construction a été confiée à un consortium pour 600 millions"
_OTHER_PURPOSE = re.compile(r"\b(?:construction|coût|coûte|coûtera|contrats?|accords?|mémorandums?|confiée?|chantier|prêts?|crédits?|"
                            r"financement|subventions?|amende|rançon|salaire|prix)\b")
_ANAPHOR_SERIES = re.compile(r"\b(?:ce|cet|cette|ces)\s+(?:volume|chiffre|montant|niveau|total|flux|trafic|commerce|"
                             r"échanges?|exportations|importations|investissements|livraisons)\b")
_YEARLY_WORDS = r"\b(?:chaque\s+année|annuellement|tous\s+les\s+ans)\b"
_YEARLY = re.compile(r"(?:[^,;:.\d]{0,80}?)" + _YEARLY_WORDS)  # after the figure, close to it
_YEARLY_BEFORE = Prefiltered(_YEARLY_WORDS)  # anywhere in the clause before it
_DAILY_WORDS = r"\b(?:chaque\s+jour|quotidiennement|tous\s+les\s+jours)\b"
_DAILY = re.compile(r"(?:[^,;:.\d]{0,40}?)" + _DAILY_WORDS)
_DAILY_BEFORE = Prefiltered(_DAILY_WORDS)
_SOIT = re.compile(r"[^.;:]{0,80}?,\s*soit\s+(?:une?\s+(?:hausse|baisse|progression|augmentation|recul)\s+de\s+)?$")


def _may_count(low: str, q: numbers.Quantity) -> bool:
    return q.value >= 2 and (_COUNT_RE.match(low, q.end) is not None or _REPRISES_AFTER.match(low, q.end) is not None
                             or ((_CONTRE_BEFORE.search(low, max(0, q.start - 12), q.start) is not None
                                  or _number_of(low, q.start, max(0, q.start - 200)) is not None)
                                 and not 1900 <= q.value <= 2100))


def _number_of(low: str, pos: int, lo: int) -> re.Match[str] | None:
    """'le nombre d'entreprises ... a atteint' right before `pos`, or a label 'Entreprises turques enregistrées :'
    heading the line."""
    i = low.rfind("nombre", lo, pos)
    if i >= 0:
        return _NUMBER_OF.match(low, low.rfind(" ", lo, i) + 1 if i > lo else i, pos)
    colon = low.rfind(":", lo, pos)
    if colon < 0:
        return None
    return _COUNT_LABEL.match(low, max(lo, low.rfind("\n", 0, colon) + 1), pos)


_REPRISES_AFTER = re.compile(r"\s*reprises\b")
_INTENT_BEFORE = re.compile(r"\b(?:convenu|décidé|promis|l'intention|l'objectif|ambitionnent|ambitionne|entendent|"
                            r"entend|prévoient|prévoit|s'engagent|s'engage|s'est\s+engagé|visent|vise|veulent|veut|"
                            r"espèrent|espère|souhaitent|souhaite|envisagent|envisage|projettent|projette|cherchent\s+à|"
                            r"cherche\s+à|comptent|voulons|souhaitons|visons|comptons|entendons|espérons|ambitionnons|"
                            r"prévoyons|nous\s+engageons|devrait|devraient|pourrait|pourraient)"  # a forecast too
                            r"\s+(?:à|de|d')?\s*(?:[\w']+\s+){0,2}$")
_OPEN_BRACKET = re.compile(r"\s*\(\s*")
_CARRIED_UNITS = CURRENCIES | {"t", "m3"}
_TO_NEXT = re.compile(r"\s+à\s+\d")
_GAPPED_CHANGE = re.compile(r"(?:\bet|,)\s+(?:les?\s+|la\s+|l['’]\s*)?[\w'’-]+(?:\s+[\w'’-]+)?\s+de\s*(?P<sign>[-−–+])?\s*$")
_AND_CHANGE = re.compile(r"\s+(?:en\s+\w+\s+)?(?:et|,)\s+de\s+")
_CHANGE_OF_LEVEL = re.compile(r"\s*,\s*(?:soit\s+)?(?:en|une?)\s+(?:hausse|baisse|progression|recul|augmentation|diminution|"
                              r"repli|croissance|chute)\s+de\s+(?:plus\s+de\s+|près\s+de\s+|environ\s+)?")
_TWIN_OPEN = re.compile(r"\s*\(\s*(?:soit\s+|ou\s+)?")
_TWIN_CLOSE = re.compile(r"\s*\)")
_APPROX_AFTER = re.compile(r"\s+(?:(environ)|(au\s+moins|au\s+minimum)|(au\s+maximum|(?:tout\s+)?au\s+plus))\b")
# "de 14,2 % sur un an, à 2,04 milliards": a few words may qualify the change before the level
# (what stands between may name the period compared with: "sur la période janvier-mars comparé à 2014")
_LED_TO = re.compile(r"(?:[^,;:.\d()]|(?<!\d)\d{4}(?!\d)){0,110}?,\s*(?:à|pour\s+(?:atteindre|s['’]établir\s+à|se\s+fixer\s+à|"
                     r"totaliser))\s*(?:les\s+)?" + _QUALIFIER_WORDS + "$")
_THIS_FIGURE_BEFORE = re.compile(r"\b(?:ce|cet|cette)\s+(?:chiffre|montant|volume|niveau|total|somme)\b"
                                 r"[^.;:\d]{0,30}$")
# what sets a goal: a year before it ("signé en 2022 un accord visant à") dates the instrument, not the goal
_INSTRUMENT = re.compile(r"\b(?:accords?|feuille\s+de\s+route|mémorandum|programme|plan|stratégie|traité|"
                         r"déclaration|convention|protocole)\b")
_REGION_WIDE = re.compile(r"\bintra-?régiona(?:l|le|les|ux)\b|\b(?:commerce|échanges)\s+régiona(?:l|ux)\b|"
                          # a route's whole traffic: "le long de la route transcaspienne", "les pays du corridor"
                          r"\ble\s+long\s+d[ue]\s+(?:la\s+|l['’])?(?:route|corridor|axe|itinéraire)\b|"
                          r"\bpays\s+(?:participants|membres|traversés)\s+(?:du|de\s+la)\s+(?:corridor|route)\b")
_PEAK_BEFORE = re.compile(r"\b(?:après|depuis)\s+(?:un|le|son)\s+(?:pic|record|sommet|maximum|plus\s+haut)(?:\s+historique)?"
                          r"\s+(?:de\s+|d['’])" + _QUALIFIER_WORDS + "$")
_CONTRE_BEFORE = re.compile(r"\bcontre\s+" + _QUALIFIER_WORDS + "$")
_SIGN_BEFORE = re.compile(r"\(\s*([+\-−–])\s*$")
# "soit 15 % de plus qu'en 2023": a change stated after the figure
_MORE_OR_LESS_AFTER = re.compile(r"\s+de\s+(plus|moins)\b(?=\s+qu|\s+(?:sur\s+un\s+an|en\s+un\s+an|par\s+rapport)|\s*[.,;)]|$)")
_PER_LATER = re.compile(r"[^,;:.\d]{0,40}?\bpar\s+(an|jour)\b")
_VERB_ENDING = re.compile(r"(é|er|ent)$")
_MORE_THAN_BEFORE = re.compile(r"plus\s+que\s+$")
_VISIT_DEST = re.compile(r"\s*(?:visite\s+(?:d['’]état\s+|officielle\s+)?)?(?:au|en|aux|à)\s+[\w'’-]+")
_BY_YEAR_AFTER = re.compile(r"[^.;]{0,30}?\bd['’]ici\s+(?:\d{4}|la\s+fin)")
_TOWARD_NOUN = re.compile(r"(?:vers|à|aux)\s+(?:les\s+)?(?!capitaux\b|participation\b)\w+\s+$")  # "à capitaux turcs": whose
_FROM_BEFORE = re.compile(r"en\s+provenance\s+d[eu'’](?:\s+(?:la|le|l['’]))?\s*$")
_BETWEEN_BEFORE = re.compile(r"entre\s+(?:la\s+|le\s+|l['’])?$")
_AND_AFTER = re.compile(r"\s*(?:et\s+(?:la\s+|le\s+|l['’])?)")


def _prefetch(ctx: _Context, paras: list[Span], todo: dict[int, tuple[list[numbers.Quantity], list[int]]]) -> None:
    """The sentences the linker will likely ask the parser for (a figure, and a country or a goal's word), parsed
    in one batch: a superset, since some figures turn out to be none."""
    wanted = []
    for pi, (para_q, para_f) in todo.items():
        for sent in sentences(ctx.text, paras[pi]):  # memoised: the reading below splits them again for free
            if not (any(sent.start <= q.start < sent.end for q in para_q) or any(sent.start <= f < sent.end for f in para_f)):
                continue
            named = ctx.mentions_between(sent.start, sent.end)
            kinds = {ind for _, _, ind, _ in _keywords(ctx.cues, sent.start, sent.end)}
            if any(sent.start <= q.start < sent.end and q.unit in UNIT_DEFAULT_INDICATOR for q in para_q):
                kinds.add("gas_supply")  # a unit that names a flow by itself (m³, barrels, TEU)
            if structure.wants_parse(ctx.low, sent.start, sent.end, bool(named) and _needs_roles(named, kinds)):
                wanted.append(ctx.text[sent.start:sent.end])
    if len(wanted) >= 2:
        parse.prefetch(wanted)


def _needs_roles(named: list[Mention], indicators: set[str]) -> bool:
    """Whether the sentence's structure can say more of its figures' sides than the words around them: two
    countries or more, or one whose role (sender or receiver) a directional figure needs. One country with a
    symmetric figure ("le commerce du Kazakhstan a atteint …") takes its other side from the text around it
    whatever the parse says, so the parser (nine tenths of the extraction's time) is spared."""
    codes = {m.code for m in named if m.code not in lexicon.GROUPS}
    return len(codes) >= 2 or (len(codes) == 1 and not indicators <= SYMMETRIC | {"BLOCK"})


def _carried_unit(ctx: _Context, sent: Span, pos: int) -> str | None:
    """The unit a bare "1,2 milliard" takes from the text around it: the last money or volume unit stated in the
    paragraphs before (the latest fact's, else the latest written), else the first one in the next sentence
    ("… s'est élevé à 9,7 milliards. … atteindront 10 milliards de dollars")."""
    for cand, _ in reversed(ctx.recent):
        if cand.unit in _CARRIED_UNITS:
            return cand.unit if pos - cand.end < 600 else None
    i = bisect_left(ctx.unit_marks, (pos, ""))
    if i > 0 and pos - ctx.unit_marks[i - 1][0] < 600:
        return ctx.unit_marks[i - 1][1]
    if i < len(ctx.unit_marks) and ctx.unit_marks[i][0] - sent.end < 300 \
            and ctx.low.count(".", sent.end, ctx.unit_marks[i][0]) <= 1:
        return ctx.unit_marks[i][1]
    return None


def _sentence_candidates(ctx: _Context, sent: Span, quantities: list[numbers.Quantity], bounds: list[int],
                         first_factor: int | None = None, intro: _ListIntro | None = None) -> list[_Candidate]:
    """Figures of the sentence; `first_factor`: where its first multiple word is ("a doublé"), if any; `intro`: the
    line that opens the list the sentence is an item of."""
    text, low = ctx.text, ctx.low
    kws = _LazyKeywords(ctx.cues, sent.start, sent.end)
    out: list[_Candidate] = []
    prev_unit: str | None = None
    for q in quantities:
        clause = clause_of(bounds, q.start)
        after = text[q.end:q.end + 40]
        cand: _Candidate | None = None
        unit = q.unit
        if unit == "%":
            before = low[max(sent.start, q.start - 60):q.start]
            cm = _CHANGE_CUE.search(before)
            signed = None if cm else _SIGN_BEFORE.search(before)  # "1,5 milliard de dollars (+12 %)"
            more = None if cm or signed else _MORE_OR_LESS_AFTER.match(low, q.end, sent.end)
            if not (cm or signed or more) and out and out[-1].measure == "change_pct" \
                    and _AND_CHANGE.fullmatch(low, out[-1].end, q.start):
                # "ont progressé de 12 % en valeur et de 5 % en volume": a second change of the same series
                out.append(_Candidate(q.start, q.end, q.value if out[-1].value >= 0 else -q.value, "%", "change_pct",
                                      out[-1].indicator))
                continue
            gapped = None if cm or signed or more else _GAPPED_CHANGE.search(before)
            if gapped and any(c.measure == "change_pct" for c in out):
                # "ont baissé de 46,9 % à 43 M USD et les importations de 57,5 % à 737 M USD": the verb is not
                # repeated; the change is the next keyword's, in the direction of the first
                ind = _nearest_indicator(kws, q.start, q.end, "%", bounds, clause, low)
                first = next(c for c in out if c.measure == "change_pct")
                if ind and ind != "BLOCK":
                    sign = gapped.group("sign")
                    down = sign in ("-", "−", "–") if sign else first.value < 0
                    out.append(_Candidate(q.start, q.end, -q.value if down else q.value, "%", "change_pct", ind))
                continue
            if signed:
                ind = _nearest_indicator(kws, q.start, q.end, "%", bounds, clause, low)
                if ind is None and out and out[-1].measure == "level" \
                        and _OPEN_BRACKET.fullmatch(low, out[-1].end, q.start - len(before) + signed.start(1)):
                    ind = out[-1].indicator  # "1,2 milliard (+33 %)": the change of the figure it follows
                if ind and ind != "BLOCK":
                    cand = _Candidate(q.start - len(before) + signed.start(1), q.end,
                                      -q.value if signed.group(1) != "+" else q.value, "%", "change_pct", ind)
            if cm or more:
                ind = _nearest_indicator(kws, q.start, q.end, "%", bounds, clause, low)
                if ind is None and out and out[-1].measure == "level" and _SOIT.match(low, out[-1].end, q.start):
                    ind = out[-1].indicator  # "52 000 EVP en 2025, soit 40 % de plus qu'en 2024"
                if ind and ind != "BLOCK":
                    down = _DECLINE.search(cm.group("cue")) if cm else more.group(1) == "moins"  # type: ignore[union-attr]
                    down = down or (cm is not None and before.rstrip().endswith(("-", "−", "–")))
                    cand = _Candidate(q.start, q.end if cm else more.end(), -q.value if down else q.value,  # type: ignore[union-attr]
                                      "%", "change_pct", ind)
        elif unit is None and q.scale == 1.0:
            cm = _COUNT_RE.match(low, q.end)
            if cm and q.value >= 2 and q.value == int(q.value):
                kind = cm.lastgroup
                end = cm.end()
                if kind == "visits":
                    clause_text = low[bounds[clause]:min(sent.end, q.end + 80)]
                    if not _VISIT_VERB.search(clause_text) or (cm.group("visits") == "visites" and not (
                            _MADE_BEFORE.search(low, max(bounds[clause], q.start - 40), q.start)
                            and _TO_COUNTRY_AFTER.match(low, cm.end()))):
                        kind = None  # "cinq visites" counts visits only as "a effectué cinq visites au Kazakhstan"
                if kind:
                    cand = _Candidate(q.start, end, q.value, "count", "level", kind)
            elif q.value >= 2 and q.value == int(q.value) and not 1900 <= q.value <= 2100 \
                    and (nb := _number_of(low, q.start, max(sent.start, q.start - 200))) is not None:
                kind = "agreements" if nb.group("agreements") else "companies"
                cand = _Candidate(q.start, q.end, q.value, "count", "level", kind, noun_end=nb.end(kind))
            elif q.value >= 2 and q.value == int(q.value) and not 1900 <= q.value <= 2100 and out \
                    and out[-1].unit == "count" \
                    and _CONTRE_BEFORE.search(low, max(sent.start, q.start - 12), q.start) \
                    and not _NON_UNIT_AFTER.match(low, q.end):
                # "870 entreprises ..., contre 650 il y a trois ans": the count named just before, carried over
                cand = _Candidate(q.start, q.end, q.value, "count", "level", out[-1].indicator, like=out[-1])
            elif _REPRISES_AFTER.match(after) and _REPRISES_RE.search(low[q.start - 3:q.start]) \
                    and _VISIT_VERB.search(low[bounds[clause]:q.start]):
                cand = _Candidate(q.start - 2, q.end + len(_REPRISES_AFTER.match(after).group(0)),
                                  q.value, "count", "level", "visits")
        else:
            if _DIFFERENCE_AFTER.match(low, q.end, sent.end):
                continue  # "soit 12 milliers de tonnes de plus qu'en 2023": a difference, no level
            if q.scale > 1 and _CHANGE_CUE.search(low, max(sent.start, q.start - 60), q.start) \
                    and not _TO_NEXT.match(low, q.end):
                continue  # "a progressé de 1,3 milliard de dollars": by how much, no level ("de 3 à 4 milliards": two)
            carried = False
            if unit is None:
                # "547 millions" after "470 millions de dollars": the unit carries over.
                # "3 millions d'habitants" is no money; "26,9 milliards d'exportations" is, its unit carried over
                if (_NON_UNIT_AFTER.match(low, q.end) and not _FLOW_NOUN_AFTER.match(low, q.end)) or (q.is_words and q.scale == 1.0):
                    continue
                unit = prev_unit
                carried = unit is not None
                if unit is None:
                    unit = _carried_unit(ctx, sent, q.start)
                if unit is None:
                    continue
            prev_unit = unit
            ind = _nearest_indicator(kws, q.start, q.end, unit, bounds, clause, low) or UNIT_DEFAULT_INDICATOR.get(unit)
            if ind is None and intro is not None:
                ind = intro.indicator  # "- la Turquie avec 1,2 milliard": what the list's opening line names
            same_unit = ctx.last_by_unit.get(unit)
            if ind is None and ctx.last_fact is not None and q.start - ctx.last_fact.end < 600 and (
                    ctx.last_fact.unit == unit or (ctx.last_fact.unit in ("%", "x") and same_unit is not None
                    and same_unit.indicator == ctx.last_fact.indicator)) \
                    and not _OTHER_PURPOSE.search(low, sent.start, q.start):
                # the series goes on, across a change of it ("10,2 milliards, soit +15,4 %. La Chine ... 4,1 milliards")
                ind = ctx.last_fact.indicator
            if same_unit is not None and q.start - same_unit.end < 600 and (
                    (ind is None and _ANAPHOR_SERIES.search(low, sent.start, q.start))
                    or (ind == "BLOCK" and _ANAPHOR_SERIES.search(low, max(sent.start, q.start - 40), q.start))):
                # "porter ce volume à 10 millions de tonnes": the series named before (a word after the figure,
                # "un objectif qui s'appuie sur des projets", does not make it something else)
                ind = same_unit.indicator
            if ind and ind != "BLOCK":
                per, per_end = numbers.per_after(text, q.end)
                if per is None:
                    pm = _PER_LATER.match(text, q.end, sent.end)
                    if pm:
                        per, per_end = ("year" if pm.group(1) == "an" else "day"), pm.end()
                    elif _DAILY_BEFORE.search(low, max(bounds[clause], q.start - 50), q.start) or \
                            _DAILY.match(low, q.end, min(sent.end, q.end + 60)):
                        per = "day"  # "exporte chaque jour environ 600 000 barils": a daily rate
                    elif _YEARLY_BEFORE.search(low, max(bounds[clause], q.start - 50), q.start) or \
                            _YEARLY.match(low, q.end, min(sent.end, q.end + 100)):
                        per = "year"  # "livre chaque année près de 40 milliards de m³": a yearly rate
                    elif carried and out and out[-1].unit == unit:
                        per = out[-1].per  # "1,8 million de barils par jour, dont 1,5 million": the rate too
                cand = _Candidate(q.start, max(q.end, per_end), q.value, unit, "level", ind, per=per)
        if cand is None:
            continue
        qual, qs = _qualifier(ctx.low, sent.start, q.start)
        if qual == "exact" and low.startswith("entre", max(sent.start, q.start - 6)):
            rng = _RANGE.match(low, q.start - 6)
            if rng and rng.end() > q.end:  # "entre 3 et 4 millions de tonnes": at least the one, at most the other
                qual, qs = "lower_bound", rng.start()
        elif qual == "exact" and low.find("entre", max(sent.start, q.start - 40), q.start) >= 0 \
                and _RANGE_END_BEFORE.search(low, max(sent.start, q.start - 40), q.start):
            qual = "upper_bound"
        if qual == "exact" and q.approx:
            qual = "approx"
        if qual == "exact" and cand.end == q.end:
            after_q = _APPROX_AFTER.match(low, q.end, sent.end)
            if after_q:  # "8 milliards environ", "3 milliards au moins": the qualifier after the figure
                qual = "approx" if after_q.group(1) else "lower_bound" if after_q.group(2) else "upper_bound"
                cand.end = after_q.end()
        cand.qualifier, cand.q_start = qual, qs
        out.append(cand)
    if first_factor is not None:
        # every multiple ("plus du double", "18 fois supérieur", "divisée par deux") holds a multiple word,
        # and starts at most a number's length before it
        lo = max(sent.start, first_factor - 40)
        out.extend(_factor_candidates(ctx, sent, kws, bounds, lo))
        out.extend(_ordinal_visits(ctx, sent, lo))
    out.sort(key=lambda c: c.start)
    return out


def _factor_candidates(ctx: _Context, sent: Span, kws, bounds, lo: int) -> list[_Candidate]:
    out = []
    for m in _FACTOR_RE.finditer(ctx.low, lo, sent.end):
        qual, q_start = "exact", None
        if m.group("noun"):
            value = _FACTOR_VALUES[m.group("noun").lower()]
            qual = "lower_bound" if m.group("qual").lower().startswith("plus") else "approx"
        elif m.group("verb"):
            value = _FACTOR_VALUES[_VERB_ENDING.sub("e", m.group("verb").lower())]
            if _MORE_THAN_BEFORE.search(ctx.low, max(0, m.start("verb") - 12), m.start("verb")):
                qual = "lower_bound"
            else:  # "a presque doublé", "a plus que triplé": the qualifiers of a figure
                qual, q_start = _qualifier(ctx.low, sent.start, m.start("verb"))
        elif m.group("mult"):
            value = numbers.parse_number(m.group("mult"))
        elif m.group("incr"):
            value = numbers.parse_number(m.group("incr"))
        elif m.group("times") or m.group("soit"):
            value = numbers.parse_number(m.group("times") or m.group("soit"))
        elif m.group("less"):
            value = 1 / numbers.parse_number(m.group("less"))
        else:
            value = 0.5
            if m.group("over"):  # "a diminué de plus de moitié": less than half is left
                qual = "upper_bound"
        start = m.start("noun") - (m.end("qual") - m.start("qual") + 1 if m.group("qual") else 0) if m.group("noun") \
            else m.start()
        start = max(start, m.start())
        clause = clause_of(bounds, start)
        ind = _nearest_indicator(kws, start, m.end(), "x", bounds, clause)
        head = _COUNT_HEAD.search(ctx.low, max(sent.start, start - 120), start) if ind is None else None
        if head is not None:
            ind = head.lastgroup  # "le nombre d'entreprises russes dans le pays a triplé": a count's multiple
        if ind is None and ctx.last_fact is not None and start - ctx.last_fact.end < 300:
            ind = ctx.last_fact.indicator
        if ind and ind != "BLOCK":
            # "ont convenu de doubler leurs échanges": a goal, not a change that happened
            # ("espère multiplier par cinq les volumes", "veut diviser par deux"): an infinitive after an intent
            infinitive = (m.group("verb") or "").endswith("er") or m.group(0).startswith(("multiplier", "diviser"))
            goal = infinitive and _INTENT_BEFORE.search(ctx.low, max(sent.start, m.start() - 40), m.start())
            out.append(_Candidate(start, m.end(), float(value), "x", "target" if goal else "change_factor", ind,
                                  qualifier=qual, noun_end=head.end(head.lastgroup) if head is not None else None,
                                  q_start=start if q_start is None else min(q_start, start)))
    return out


# "sa septième visite au Kazakhstan", "la troisième fois qu'il se rend en Ouzbékistan",
# "sa visite d'État en Chine, la troisième depuis...": the count of a leader's visits
_ORDINAL_VISIT = re.compile(
    r"\b(?:sa|la|leur)\s+(?P<o>" + "|".join(numbers.ORDINALS) + r")\s+"
    # "la troisième fois qu'il se rend", "la troisième fois que le président ouzbek se rend"
    r"(?:(?:visite|fois\s+qu(?:e\s+|['’])[^.;,]{0,50}?\bse\s+rend)|(?=(?:au|en|aux|à)\s)|(?=depuis\s))")
_VISIT_NEAR = re.compile(r"\bvisites?\b|\bse\s+rend|\bs['’]est\s+rendue?")


def _ordinal_visits(ctx: _Context, sent: Span, lo: int) -> list[_Candidate]:
    out = []
    for m in _ORDINAL_VISIT.finditer(ctx.low, lo, sent.end):
        window = ctx.low[max(sent.start, m.start() - 60):min(sent.end, m.end() + 40)]
        if not _VISIT_NEAR.search(window):
            continue
        end = m.end()
        dest = _VISIT_DEST.match(ctx.low, end, sent.end)
        if dest:
            end = dest.end()
        out.append(_Candidate(m.start(), end, float(numbers.ORDINALS[m.group("o").lower()]), "count", "level",
                              "visits"))
    return out


_TARGET = cue("target", TARGET_CUE)


# "atteindre 5 milliards dans un premier temps, puis 10 milliards": the next step of the same goal
_GOAL_GOES_ON = re.compile(r"[^.;:«»]{0,60}?\b(?:puis|voire|ensuite|et\s+même|avant\s+d['’]atteindre)\s+"
                           r"(?:à\s+|de\s+|d['’]|jusqu['’]à\s+)?(?:plus\s+de\s+|près\s+de\s+)?")


def _is_target(cues: CueIndex, lo: int, cand: _Candidate, sent: Span) -> bool:
    if cand.measure not in ("level",):
        return False
    low = cues.low
    if cues.has(_TARGET, lo, cand.start):
        return True
    tail = low[cand.end:min(sent.end, cand.end + 60)]
    return bool(_BY_YEAR_AFTER.match(tail))


def _title_codes(title: str | None, counts: Counter) -> list[str]:
    """The countries a title names that the body does not ("Ouzbékistan–Turquie : les échanges en hausse" over
    "les échanges entre les deux pays"): the article is about them, after those its body names."""
    if not title:
        return []
    return list(dict.fromkeys(m.code for m in lexicon.find_mentions(title)
                              if m.code not in lexicon.GROUPS and m.code not in counts))


def _acronyms(text: str) -> dict[str, str]:
    """'oléoduc Bakou–Tbilissi–Ceyhan (BTC)' -> {'BTC': 'Bakou–Tbilissi–Ceyhan'}; '(CPC)' alone -> 'CPC'."""
    out = {}
    for m in _ACRONYM_RE.finditer(text):
        chains = list(_CHAIN_RE.finditer(text, max(0, m.start() - 80), m.start()))
        out[m.group(1)] = chains[-1].group(0) if chains else m.group(1)
    return out


def extract_facts(text: str, article: str, published: date | None = None, *, low: str | None = None,
                  mentions: list[Mention] | None = None, cues: CueIndex | None = None,
                  title: str | None = None) -> list[Fact]:
    """Every trade and cooperation figure the article states, with its evidence span.
    `low` (text.lowered), `mentions` and `cues` may be passed when the caller has them already; `title` names
    who speaks in an interview ("entretien avec le ministre kirghiz"), the side "nous" and "nos échanges" stand for."""
    low = lowered(text) if low is None else low
    cues = CueIndex(low) if cues is None else cues
    quantities, factor_positions = numbers.scan(text, low, cues)
    # A bare number (no unit, no scale: "une", "deux", a year) is a figure only as a count ("12 accords",
    # "à trois reprises"): the rest never reach a sentence's close reading.
    quantities = [q for q in quantities if q.unit is not None or q.scale != 1.0 or _may_count(low, q)]
    if not quantities and not factor_positions and "|" not in text:  # a table's cells are bare numbers
        return []
    found = lexicon.find_mentions(text, low, cues) if mentions is None else mentions
    # "l'accord de Paris", "le Club de Paris", "la Déclaration de Bakou": a city inside a name is no side of a figure
    mentions = [m for m in found if not _in_chain(text, low, m) and not (
        m.kind in ("capital", "city") and _NAMED_AFTER_CITY.search(low, max(0, m.start - 14), m.start))]
    head = periods.DATELINE_RE.match(text)
    if head:  # "Paris, 3 juin 2025 (AFP) —": filed abroad, no side of its figures ("Astana, …": the home country)
        mentions = [m for m in mentions if m.start >= head.end() or m.code in lexicon.HOME]
    # "1,2 milliard de manats turkmènes", "livres turques": a currency's nationality is no side of the figure
    units = [(q.start, q.end) for q in quantities if q.unit is not None and q.unit in CURRENCIES]
    if units and any(e - s > 12 for s, e in units):
        ends = [e for _, e in units]
        mentions = [m for m in mentions if not ((i := bisect_left(ends, m.end)) < len(units)
                                                and units[i][0] <= m.start and m.end <= units[i][1])]
    if cues.has(_AT_WAR_CUE):  # from the article's one cue pass: most articles name no war
        mentions = [m for m in mentions if not _AT_WAR_BEFORE.search(low, max(0, m.start - 45), m.start)]
    counts = Counter(m.code for m in mentions if m.code not in lexicon.GROUPS)
    mentions = _with_anaphors(low, mentions)
    ctx = _Context(text=text, low=low, cues=cues, pub=published, mentions=mentions, starts=[m.start for m in mentions],
                   article_counts=counts,
                   article_ranked=[c for c, _ in counts.most_common()] + _title_codes(title, counts),
                   acronyms=_acronyms(text))
    ctx.speaker, ctx.interview = _speaker(title)
    ctx.unit_marks = [(q.start, q.unit) for q in quantities if q.unit in _CARRIED_UNITS]
    paras = paragraphs(text)
    para_starts = [p.start for p in paras]
    # Only paragraphs holding a candidate are split into sentences and read closely.
    todo: dict[int, tuple[list[numbers.Quantity], list[int]]] = {}
    for q in quantities:
        todo.setdefault(bisect_right(para_starts, q.start) - 1, ([], []))[0].append(q)
    for pos in factor_positions:
        todo.setdefault(bisect_right(para_starts, pos) - 1, ([], []))[1].append(pos)
    facts: list[Fact] = []
    seen: set[tuple] = set()
    years: dict[int, list[tuple[int, int]]] = {}
    _prefetch(ctx, paras, todo)
    # the period the text last stated in a sentence with no figure of its own, and where: the frame of the
    # figures after it ("… a eu le plus d'échanges en janvier-avril 2021, rapporte les Douanes." then "Les échanges
    # avec l'Iran se sont chiffrés à …")
    said_before: periods.Period | None = None
    said_para = -1
    done_para = -1
    for pi in sorted(todo):
        para_q, para_f = todo[pi]
        if pi - 1 > done_para and pi - 1 >= 0 and not _is_heading(text, paras[pi - 1]):
            # the paragraph just before, with no figure: what it dates (one period)
            said = [p for p in periods.periods_between(low, paras[pi - 1].start, paras[pi - 1].end, published, None, cues)
                    if p.period_start and p.kind in ("year", "months")]
            if len(said) == 1:
                said_before, said_para = said[0], pi - 1
        if said_para < pi - 2:
            said_before = None
        done_para = pi
        intro = _list_intro(ctx, paras, pi)
        heading = _is_heading(text, paras[pi])
        for sent in sentences(text, paras[pi]):
            sent_q = [q for q in para_q if sent.start <= q.start < sent.end]
            first_factor = next((f for f in para_f if sent.start <= f < sent.end), None)
            if not sent_q and first_factor is None:
                # "Ce sont la Russie, la Turquie et la Chine ... au cours des cinq premiers mois de l'année" then
                # "Les importations depuis la Russie se sont chiffrées à …": the figures' period
                said = [p for p in periods.periods_between(
                    low, sent.start, sent.end, published,
                    lambda pi=pi, sent=sent: _context_year(low, paras, pi, sent, published, years), cues)
                    if p.period_start and p.kind in ("year", "months")]
                if len(said) == 1:
                    said_before, said_para = said[0], pi
                continue
            bounds = clause_bounds(text, sent)
            cands = _sentence_candidates(ctx, sent, sent_q, bounds, first_factor, intro)
            if not cands or _APPEAL.search(low, sent.start, sent.end):
                continue  # "Vous pouvez nous soutenir à partir de 2 euros par mois": the site's appeal, no fact
            if heading:
                # a headline's figure: a question asserts nothing; one the body states again is the body's
                if text[paras[pi].start:paras[pi].end].rstrip().endswith("?"):
                    continue
                cands = [c for c in cands if not any(
                    q.start >= paras[pi].end and abs(q.value - c.value) <= 0.005 * abs(c.value)
                    and q.unit in (c.unit, None) for q in quantities)]
                if not cands:
                    continue
            sent_periods = periods.periods_between(
                low, sent.start, sent.end, published,
                lambda pi=pi, sent=sent: _context_year(low, paras, pi, sent, published, years), cues)
            sent_mentions = ctx.mentions_between(sent.start, sent.end)
            context = _LazyContext(ctx, pi, paras, sent)
            _assign_periods(cands, sent_periods, bounds, low)
            if len(cands) >= 2 and low.find("respectivement", sent.start, sent.end) >= 0:
                _months_respectively(low, sent, cands)
            if sent_periods:
                said_before = None  # a sentence with figures dates its own; the frame it set ends
            elif said_before is not None:
                for c in cands:
                    if c.period is None and c.indicator in FLOWS and c.measure != "target":
                        c.period = said_before
                        c.why["period"] = "sentence-before"
            if _BULLET.match(text, paras[pi].start, paras[pi].end) and any(c.period is None for c in cands):
                opening = _list_intro_period(ctx, paras, pi)
                for c in cands:
                    if c.period is None and c.indicator in FLOWS:  # flows; a stock's list line is no date of it
                        c.period = opening
                        c.why["period"] = "list"
            for prev, cand in pairwise(cands):
                # "est passé de 1,2 à 3,1 milliards de dollars entre 2017 et 2024": the first year's level, then the last's
                span = cand.period if cand.period is not None else next(
                    (p for p in sent_periods if p.kind == "cumulative" and p.period_start and p.period_end), None)
                if cand.measure == prev.measure == "level" and cand.unit == prev.unit \
                        and (prev.period is None or prev.period == cand.period) \
                        and span is not None and span.kind == "cumulative" and span.period_start and span.period_end \
                        and _FROM_TO.fullmatch(low, prev.end, cand.start) \
                        and _WENT_FROM.search(low, max(sent.start, prev.start - 30), prev.start):
                    y1, y2 = span.period_start[:4], span.period_end[:4]
                    prev.period = span._replace(kind="year", period_end=f"{y1}-12-31")
                    cand.period = span._replace(kind="year", period_start=f"{y2}-01-01")
                # "5 à 6 milliards de m³ par an", "entre 3 et 4 Mt de brut": the first end, written bare, is read as the
                # second (what it measures, the rate); "à" between them makes a range unless a change led from one
                # to the other ("a bondi de 3 à 4 milliards")
                # ("4,1 et 3,2 milliards" without "entre" are two figures, each read on its own)
                join = low[prev.end:cand.start].strip()
                if cand.measure == prev.measure == "level" and cand.unit == prev.unit \
                        and _BARE_NUMBER.fullmatch(text, prev.start, prev.end) \
                        and _SHARED_JOIN.fullmatch(low, prev.end, cand.start) \
                        and (join in ("à", "ou") or low.endswith("entre ", max(0, prev.start - 8), prev.start)) \
                        and not _CHANGE_CUE.search(low, max(sent.start, prev.start - 60), prev.start) \
                        and not _WENT_FROM.search(low, max(sent.start, prev.start - 30), prev.start):
                    if join == "à" and prev.qualifier == cand.qualifier == "exact":
                        prev.qualifier, cand.qualifier = "lower_bound", "upper_bound"
                    prev.indicator, prev.per, prev.end = cand.indicator, cand.per, cand.end  # "5" alone states nothing
                    if prev.period is None:
                        prev.period = cand.period
                # "entre 3 et 4 millions de tonnes en 2024", "4,1 et 3,2 milliards": one period for both
                if cand.measure == prev.measure and cand.unit == prev.unit and (prev.period is None) != (
                        cand.period is None) and _AND_SHARED.fullmatch(low, prev.end, cand.start):
                    prev.period = cand.period = prev.period or cand.period
                # "230 millions en 2023, soit deux fois plus qu'en 2022": the change of the figure just stated
                if cand.measure in ("change_pct", "change_factor") and prev.measure == "level" \
                        and _SOIT.match(low, prev.end, cand.start):
                    cand.indicator, cand.like = prev.indicator, prev  # whatever else the sentence names after it
                    if cand.period is None:
                        cand.period = prev.period
                # "340 millions de dollars en 2024, en baisse de 20 % sur un an": the change of the level just stated
                if cand.measure == "change_pct" and prev.measure == "level" and cand.period is None \
                        and _CHANGE_OF_LEVEL.fullmatch(low, max(prev.end, prev.period.end) if prev.period is not None
                                                       and 0 <= prev.period.start - prev.end < 5 else prev.end, cand.start):
                    cand.indicator, cand.like, cand.period = prev.indicator, prev, prev.period
                # "1 200 milliards de tenge (environ 2,4 milliards de dollars) l'an dernier": one figure in two
                # currencies, one period and one series
                if cand.measure == prev.measure == "level" and cand.unit != prev.unit \
                        and cand.unit in CURRENCIES and prev.unit in CURRENCIES \
                        and _TWIN_OPEN.fullmatch(low, prev.end, cand.q_start if cand.q_start is not None else cand.start) \
                        and _TWIN_CLOSE.match(low, cand.end):
                    cand.indicator, cand.like = prev.indicator, prev
                    if prev.period is None:
                        prev.period = cand.period
                    elif cand.period is None:
                        cand.period = prev.period
                # "1,5 milliard de dollars (+12 %) en 2024": the figure and its change in brackets, one period
                # "15 milliards de dollars en 2024, dont 3 milliards venus des Pays-Bas": a part, the same period
                if cand.period is None and prev.period is not None and cand.measure == prev.measure \
                        and _PART_OF.match(low, max(prev.end, prev.period.end), cand.start):
                    cand.period = prev.period
                # "a reculé de 6 % l'an dernier, à 12,4 Mt": the level the change led to, the same series
                if cand.measure == "level" and prev.measure in ("change_pct", "change_factor") \
                        and _LED_TO.match(low, prev.period.end if prev.period is not None
                                          and prev.period.start >= prev.end else prev.end, cand.start):
                    cand.indicator, cand.like = prev.indicator, prev  # whatever the sentence names after it
                    if cand.period is None:
                        cand.period = prev.period
                    elif prev.period is None:  # "a progressé de 25 %, à plus de 1,1 Mt en 2024": the change's too
                        prev.period = cand.period
                after_prev = max(prev.end, prev.period.end) if prev.period is not None and \
                    prev.period.start - prev.end < 5 else prev.end  # "17,6 milliards en 2024 (+12,4 %)"
                if cand.measure == "change_pct" and _OPEN_BRACKET.fullmatch(low, after_prev, cand.start):
                    cand.indicator, cand.like = prev.indicator, prev
                    if prev.period is None:
                        prev.period = cand.period
                    elif cand.period is None:
                        cand.period = prev.period
            for prev, cand in reversed(list(pairwise(cands))):
                # "15,1, 13,2 et 7,9 milliards de dollars en 2024": the list's year is each item's
                if prev.period is None and cand.period is not None and cand.measure == prev.measure \
                        and cand.unit == prev.unit and _LIST_COMMA.fullmatch(low, prev.end, cand.start):
                    prev.period = cand.period
            prev_end = sent.start
            total: _Candidate | None = None  # a one-country total the sentence breaks down after "dont"
            done: list[_Candidate] = []  # the sentence's figures read so far
            respective = _respectively(cands, sent_mentions, low, context) \
                if len(cands) >= 2 and low.find("respectivement", sent.start, sent.end) >= 0 else {}
            # the sentence's structure: which countries each figure may take, and the roles its frame gives them
            linked = sent_mentions if _needs_roles(sent_mentions, {c.indicator for c in cands}) else []
            read = structure.readings(text, low, sent.start, sent.end, linked, [(c.start, c.end) for c in cands])
            for cand, (scope, reading) in zip(cands, read, strict=True):
                prior, prior_para = ctx.recent[-1] if ctx.recent else (None, -1)
                if cand.like is None and cand.measure == "level" and prior is not None and prior_para >= pi - 1 \
                        and (cand.unit == prior.unit or (cand.unit in CURRENCIES and prior.unit in CURRENCIES)) \
                        and _THIS_FIGURE_BEFORE.search(low, max(sent.start, cand.start - 60), cand.start):
                    # "porter ce chiffre à 5 milliards": the figure just stated, its series and sides
                    cand.indicator, cand.like = prior.indicator, prior
                goal = reading.modality if cand.measure == "level" else None
                if goal is None and _is_target(ctx.cues, prev_end, cand, sent):
                    goal = "cue"  # a goal's word before the figure ("objectif", "devrait")
                elif goal is None and cand.measure == "level" and done and done[-1].measure == "target" \
                        and _GOAL_GOES_ON.fullmatch(low, done[-1].end, cand.start):
                    goal = "goal-goes-on"  # "5 milliards dans un premier temps, puis 10 milliards"
                if goal is not None:
                    cand.why["measure"] = f"target:{goal}"
                    cand.measure = "target"
                    goal_cue = ctx.cues.search(_TARGET, prev_end, cand.start)
                    if cand.period is not None and goal_cue is not None and cand.period.end <= goal_cue.start() \
                            and _INSTRUMENT.search(low, cand.period.end, goal_cue.start()):
                        # "ont signé en 2022 un accord visant à porter ce montant à 1 milliard": when it was set
                        cand.period = None
                prev_end = cand.end
                cand.countries = _countries(ctx, cand, sent, sent_mentions, context, scope)
                trigger = frames.frame_named(reading.frame)
                if cand.unit == "%" and cand.like is None and trigger is not None and trigger.indicator is not None \
                        and cand.indicator in ("oil_transit", "gas_supply", "transit_cargo") and reading.how == "frame":
                    # "Les ventes vers l'Italie, presque exclusivement du pétrole brut, ont progressé de 9 %": what
                    # the figure's frame measures, not the goods named in passing
                    cand.indicator = trigger.indicator
                if reading.roles and cand.indicator in _FLOWS_AND_INVESTMENT:
                    cand.countries = _with_roles(cand, reading, context, cand.indicator in (
                        "gas_supply", "oil_transit", "exports") and bool(_TO_EUROPE.search(low, sent.start, sent.end)))
                last = ctx.last_fact
                if cand.indicator in ("exports", "imports", "investment") and last is not None \
                        and last.indicator == cand.indicator and ctx.last_fact_para >= pi - 1 \
                        and cand.countries[0] is not None and cand.countries[0] == last.countries[1] \
                        and last.countries[0] not in (None, cand.countries[1]) \
                        and cand.why.get("sides", "").endswith(("+near", "+context")):
                    # "Les ventes vers l'Italie ont progressé de 9 %. Les exportations vers la Chine ont reculé de
                    # 3,5 %": the partner of the figure before is no sender of this one; the sender goes on
                    cand.countries = (last.countries[0], cand.countries[1])
                    cand.why["sides"] = cand.why["sides"].rsplit("+", 1)[0] + "+previous"
                if last is not None and last.indicator == cand.indicator and ctx.last_fact_para >= pi - 1 \
                        and _RANK_GOES_ON.match(low, sent.start) and cand.countries[0] not in (None, last.countries[1]) \
                        and last.countries[1] is not None and cand.countries[0] != last.countries[0] \
                        and cand.why.get("sides", "").endswith(("+near", "+context", "context", "near")):
                    # "… le principal investisseur au Kirghizstan (109 millions). Juste derrière, la Russie a injecté
                    # 108 millions": a ranking goes on with the same counterpart
                    cand.countries = (cand.countries[0], last.countries[1])
                    cand.why["sides"] = (cand.why["sides"].rsplit("+", 1)[0] + "+rank") if "+" in cand.why["sides"] \
                        else "rank"
                topic = ctx.topic(cand.start) if cand.indicator == "trade_turnover" and cand.why.get("sides") in (
                    "context", "near+context") else None
                if topic is not None and set(cand.countries) != set(topic):
                    # "Le volume des échanges bilatéraux …, a souligné M. Nazarbaïev" in an article on the Chinese
                    # president's visit to Kazakhstan: the pair of the visit
                    near = cand.countries[0] if cand.why["sides"] == "near+context" else None
                    if near is None and set(topic) <= set(itertools.islice(context, 3)):
                        cand.countries, cand.why["sides"] = topic, "topic"
                    elif near in topic:
                        cand.countries, cand.why["sides"] = (near, next(c for c in topic if c != near)), "near+topic"
                if cand.why.get("sides") == "context" and cand.indicator not in SYMMETRIC:
                    # "Celui-ci avait acheminé 10 milliards de m³": no side named, the direction the text just gave
                    # this flow between the two countries it is about
                    top = list(itertools.islice(context, 3))
                    same = next((c for c, cpi in reversed(ctx.recent) if c.indicator == cand.indicator
                                 and cpi >= pi - 2 and None not in c.countries), None)
                    if same is not None and set(same.countries) <= set(top) and set(cand.countries) == set(same.countries):
                        cand.countries = same.countries
                        cand.why["sides"] = "context:previous"
                # after a whole route's figure, a sentence naming no country goes on about the route
                carried = not sent_mentions and ctx.last_fact is not None and ctx.last_fact.end > ctx.region_at
                if (carried and ctx.last_fact.indicator == cand.indicator
                        and ctx.last_fact_para >= pi - 1):
                    cand.countries = ctx.last_fact.countries
                    cand.why["sides"] = "previous"
                    if cand.indicator in ("exports", "imports") and _WHOLE_TOTAL.search(low, sent.start, sent.end):
                        cand.countries = (cand.countries[0], None)  # "au total, les exportations du pays": all of them
                        cand.why["sides"] = "previous:total"
                elif (carried and ctx.last_fact_para >= pi - 1
                        and {ctx.last_fact.indicator, cand.indicator} == {"exports", "imports"}
                        and not (ctx.last_fact_para < pi and _FIRST_PERSON.search(low, sent.start, sent.end))):
                    # "Les exportations ouzbèkes vers la Russie ... Les importations, elles, ...": the same country's
                    cand.countries = ctx.last_fact.countries
                    cand.why["sides"] = "previous"
                elif (carried and ctx.last_fact_para >= pi - 1
                        and cand.indicator in ("exports", "imports") and ctx.last_fact.countries[1] is None
                        and ctx.last_fact.countries[0] is not None
                        and ctx.last_fact.indicator in ("trade_turnover", "exports", "imports")):
                    # "le commerce extérieur de l'Ouzbékistan ... Les exportations ont totalisé": its total too
                    cand.countries = ctx.last_fact.countries
                    cand.why["sides"] = "previous:total"
                if not sent_mentions and ctx.region_at > (ctx.last_fact.end if ctx.last_fact else -1) \
                        and cand.start - ctx.region_at < 400:
                    cand.countries = (None, None)  # "Parmi celles-ci, 2,5 Mt …": the route's figures go on
                named = _bracketed_country(ctx, cand, sent_mentions)
                if named is not None:
                    # "derrière la Chine (13,7 milliards de dollars)": the figure is that country's
                    # "La Chine (13,1 milliards) et la Russie (11,4 milliards)": the other items are not its side
                    before = [m.code for m in sent_mentions if m.end <= cand.start and m.code != named
                              and not _LABELLED_FIGURE.match(low, m.end)]
                    listed = {m.code for m in sent_mentions if _LABELLED_FIGURE.match(low, m.end)}
                    others = before[-1:] or [c for c in cand.countries if c and c not in listed] or \
                        [c for c in context if c not in listed][:1]
                    peer = next((d for d in reversed(done) if others and others[0] == d.countries[1]
                                 and named not in d.countries), None)
                    if peer is not None:
                        # "la Chine arrive en tête avec 16 milliards, devant la Russie (14 milliards)": a peer of the
                        # figure before, paired with that figure's other side
                        others = [c for c in peer.countries if c and c != others[0]] or others
                    cand.countries = (others[0] if others else None, named)
                    cand.why["sides"] = "aside"
                    cand.notes.append("aside")
                if (ctx.cues.has(_ONE_COUNTRY_CUE, sent.start, sent.end) or (cand.indicator == "transit_cargo"
                        and ctx.cues.has(_CARRIER_CUE, sent.start, sent.end))) and (
                        len({m.code for m in sent_mentions}) <= 1 or _one_country_clause(ctx, cand, sent_mentions, bounds)):
                    # "le commerce extérieur de l'Ouzbékistan", "ses achats à l'étranger": one country, no partner
                    own_clause = [m for m in sent_mentions if clause_of(bounds, m.start) == clause_of(bounds, cand.start)]
                    cand.countries = ((own_clause or sent_mentions)[0].code if sent_mentions else cand.countries[0], None)
                    cand.why["sides"] = "one-country"
                head = _BREAKDOWN_AFTER.match(low, cand.end, sent.end)
                if head and cand.indicator in _FLOWS_AND_INVESTMENT \
                        and not ctx.mentions_between(cand.end, head.end()):
                    # "a exporté pour 78,7 milliards de dollars, dont 14,9 milliards vers la Chine": a total, the
                    # parts after "dont" have the partners
                    parts = {m.code for m in ctx.mentions_between(head.end(), sent.end)
                             if _PART_PARTNER_BEFORE.search(low, max(head.end(), m.start - 30), m.start)}
                    if parts:  # a breakdown by partner ("vers la Chine", "avec l'Italie")
                        reporter = cand.countries[0]
                        if reporter in parts or reporter is None:
                            reporter = next((c for c in context if c not in parts), None)
                        # "à l'Europe …, dont 10,6 milliards à l'Italie", "vers les pays de l'UEEA …, dont 3,1 milliards
                        # vers la Russie": the total keeps the destination named before the parts
                        kept = next((m.code for m in reversed(ctx.mentions_between(sent.start, cand.start))
                                     if m.code not in parts and m.code != reporter
                                     and _GROUP_PARTNER_BEFORE.search(low, max(sent.start, m.start - 45), m.start)), None)
                        europe = cand.indicator in ("gas_supply", "oil_transit", "exports") \
                            and _TO_EUROPE.search(low, sent.start, cand.start)
                        cand.countries = (reporter, kept or ("EUU" if europe else None))
                        cand.why["sides"] = "breakdown"
                if total is not None and cand.indicator == total.indicator and cand.measure == total.measure \
                        and _DONT.search(low, total.end, cand.start):
                    # "investissements étrangers ... 1,6 milliard, dont 388 millions en provenance du Royaume-Uni et 214
                    # millions des Pays-Bas": each part is the total's country with the one named right after it
                    named = next((m for m in ctx.mentions_between(cand.end, min(sent.end, cand.end + 40))), None)
                    if named is not None and named.code != total.countries[0]:
                        own, other = total.countries[0], named.code
                        # inbound parts come from their country ("388 millions en provenance du Royaume-Uni"); outbound
                        # ones go to it ("investissements kazakhs à l'étranger …, dont 3 milliards en Ouzbékistan")
                        inbound = cand.indicator == "investment" and not _DEST_BEFORE.search(
                            low, max(cand.end, named.start - 12), named.start)
                        cand.countries = (other, own) if inbound else (own, other)
                        cand.why["sides"] = "part"
                    if cand.period is None:
                        cand.period = total.period
                elif cand.countries[0] is not None and cand.countries[1] is None and cand.measure == "level" \
                        and cand.indicator in _FLOWS_AND_INVESTMENT and _BREAKDOWN_AFTER.match(low, cand.end, sent.end):
                    total = cand
                if _DONT.search(low, max(sent.start, cand.start - 14), cand.start) \
                        and _PRODUCT_AFTER.match(low, cand.end, sent.end) \
                        and not ctx.mentions_between(cand.end, min(sent.end, cand.end + 60)) \
                        and not _SIDE_WORD.search(low, cand.end, min(sent.end, cand.end + 60)):
                    continue  # "7,6 milliards de dollars, dont 3,1 milliards pour le gaz": a part by product, no side
                if done and {done[-1].indicator, cand.indicator} == {"exports", "imports"} \
                        and not ctx.mentions_between(done[-1].end, cand.end):
                    # "Les exportations de l'Azerbaïdjan vers le Kazakhstan ..., et les importations à 294 millions":
                    # the same country's, from the same partner
                    cand.countries = done[-1].countries
                    cand.why["sides"] = "previous"
                if id(cand) in respective:
                    cand.countries = respective[id(cand)]
                    cand.why["sides"] = "respectively"
                elif cand.indicator == "trade_turnover" and ctx.cues.has(_PARTNER_RANK_CUE, sent.start, sent.end) \
                        and len({m.code for m in sent_mentions}) >= 2:
                    # "La Chine reste le premier partenaire avec 4,1 milliards, suivie de la Russie (2,2 milliards)":
                    # each figure is the country named just before it with the text's subject; the series goes on
                    own = next((m.code for m in reversed(sent_mentions) if m.end <= cand.start), None)
                    named = {m.code for m in sent_mentions}
                    subject = next((c for c in context if c not in named), None)
                    # "La Russie, premier partenaire, ...: le commerce russo-kirghiz": the text's subject is named
                    told = any(m.kind == "compound" for m in sent_mentions) or next(iter(context), None) in named
                    if own is not None and subject is not None and not told:
                        cand.countries = (own, subject)
                        cand.why["sides"] = "rank"
                        cand.notes.append("aside")
                item = {m.code for m in sent_mentions} - {intro.owner} if intro is not None and intro.owner else None
                if item is not None and len(item) == 1 and cand.like is None and cand.indicator in _FLOWS_AND_INVESTMENT:
                    # "Les premiers partenaires de la Géorgie sont" / "- la Turquie avec 1,2 milliard": the list's
                    # owner and the item's country (an investor is the item's country, in the owner)
                    other = item.pop()
                    cand.countries = (other, intro.owner) if cand.indicator == "investment" else (intro.owner, other)
                    cand.why["sides"] = "list"
                if cand.like is not None:  # the same sides as the count it is compared with
                    cand.countries = cand.like.countries if cand.like.end > ctx.region_at else (None, None)
                    cand.why["sides"] = "like"
                if cand.indicator == "oil_transit" and cand.countries[0] is not None:
                    # the spec's oil transit goes from its origin to the country it crosses: "du Kazakhstan vers la
                    # Turquie via le pipeline Bakou-Tbilissi-Ceyhan" is Kazakhstan's oil through Azerbaijan
                    via = _crossed(ctx, sent, cand)
                    transit = next((c for c in via if c != cand.countries[0]), None)
                    if transit is not None and cand.countries[0] not in via and cand.countries[1] != transit:
                        cand.countries = (cand.countries[0], transit)
                        cand.why["sides"] = cand.why.get("sides", "?") + "+route"
                own = _attached_demonym(ctx, cand, sent_mentions)
                if cand.indicator == "companies" and cand.like is None:
                    if own is None:
                        continue
                    # the whole nationality, both parts of "turco-ouzbèkes"
                    cand.end = max(cand.end, _WORD_REST.match(text, own.end).end())
                done.append(cand)
                fact = _to_fact(ctx, cand, sent, article, pi)
                if fact is None:
                    continue
                key = (fact.indicator, fact.measure, *sorted(map(str, (fact.reporter, fact.partner))),
                       round(fact.value, 6), fact.unit, fact.period_start, fact.period_end)
                if key not in seen:
                    seen.add(key)
                    facts.append(fact)
    if "|" in text:
        facts += _table_facts(ctx, article, facts)
    return facts


# "les investissements dans ce pays": the country named last before it
_ANAPHOR = re.compile(r"\b(?:ce|cet)\s+(?:pays|état|voisin)\b|\bcette\s+(?:république|ex-république)\b|"
                      r"(?<=\bdans\s)le\s+pays\b")


_PUNCT = re.compile(r"[.,;:!?]")


def _with_anaphors(low: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions, with "ce pays" standing for the country named last before it (within a few sentences)."""
    if "ce" not in low:
        return mentions
    starts = [m.start for m in mentions]
    added = []
    for a in _ANAPHOR.finditer(low):
        i = bisect_left(starts, a.start())
        # a name, capital or leader; a demonym only across a punctuation mark ("vers le voisin ouzbek. Ce pays"):
        # in the same phrase it modifies a noun ("les investissements chinois dans le pays")
        last = next((m for m in reversed(mentions[max(0, i - 8):i]) if m.code not in lexicon.GROUPS
                     and (m.kind in ("name", "capital", "leader")
                          or (m.kind == "demonym" and _PUNCT.search(low, m.end, a.start())))), None)
        if last is not None and a.start() - last.end < 400:
            added.append(Mention(last.code, a.start(), a.end(), "anaphor"))
    return sorted([*mentions, *added], key=lambda m: m.start) if added else mentions


def _table_facts(ctx: _Context, article: str, facts: list[Fact]) -> list[Fact]:
    """The number cells of the article's tables (tables.py) that no sentence reading stated already."""
    covered = [(f.char_start, f.char_end) for f in facts]
    # a table repeating a figure the text states ("276 millions de dollars" in 2024, "| 276,0 |"): one fact
    stated = {(f.indicator, f.measure, frozenset((f.reporter, f.partner)), round(f.value, 6), f.unit, f.period_start)
              for f in facts}
    out = []
    for c in tables.table_cells(ctx.text, ctx.low, ctx.mentions_between, ctx.article_ranked, _caption_indicator):
        if any(s < c.end and c.start < e for s, e in covered):
            continue
        if (c.indicator, c.measure, frozenset((c.reporter, c.partner)), round(c.value, 6), c.unit,
                f"{c.year}-01-01" if c.year else None) in stated:
            continue
        out.append(Fact(
            article=article, indicator=c.indicator, measure=c.measure, reporter=c.reporter, partner=c.partner,
            value=c.value, unit=c.unit, per=None, qualifier="exact",
            period_start=f"{c.year}-01-01" if c.year else None, period_end=f"{c.year}-12-31" if c.year else None,
            period_kind="year" if c.year else "unknown", route=None, evidence=ctx.text[c.start:c.end],
            char_start=c.start, char_end=c.end, source_kind=_source_kind_at(ctx.cues, c.table_start, c.table_end)))
    return out


def _caption_indicator(caption: str, unit: str) -> str | None:
    """What a table's caption and header (lowered) say its figures measure; None for GDP, budgets and the like."""
    found = None
    for m in _KW_RE.finditer(caption):
        i = next(k for k in range(len(KEYWORDS)) if m.group(f"k{k}"))
        ind, _, units = KEYWORDS[i]
        if ind == "BLOCK":
            return None
        if found is None and unit in units:
            found = ind
    return found or UNIT_DEFAULT_INDICATOR.get(unit)


_BULLET = re.compile(r"\s*[-•*–·]\s")  # not "**Chiffres clés**", a bold heading


# what the items of a list under "Les principaux partenaires de la Géorgie sont :" measure: the noun names it
_LIST_NOUN = re.compile(r"\b(?:(?P<trade_turnover>partenaires?)|(?P<exports>clients?|débouchés?|acheteurs?)|"
                        r"(?P<imports>fournisseurs?)|(?P<investment>investisseurs?))\b")


@dataclass(frozen=True, slots=True)
class _ListIntro:
    """The line that opens a bulleted list: what its items measure and whose partners they are."""
    indicator: str | None
    owner: str | None  # the one country the line names ("les partenaires de la Géorgie")


def _list_intro(ctx: _Context, paras: list[Span], pi: int) -> _ListIntro | None:
    """"Les dix premiers partenaires de la Géorgie sont" then "- la Turquie avec 1,2 milliard": each item is a
    partner of the country the opening line names, in the measure its noun (or keyword) names."""
    if not _BULLET.match(ctx.text, paras[pi].start, paras[pi].end):
        return None
    j = pi - 1
    while j >= 0 and _BULLET.match(ctx.text, paras[j].start, paras[j].end):
        j -= 1
    if j < 0:
        return None
    lo, hi = paras[j].start, paras[j].end
    line = ctx.text[lo:hi].strip()
    if len(line) > 300 or line.endswith((".", "!", "?")):
        return None  # a paragraph of its own, no opening line
    noun = _LIST_NOUN.search(ctx.low, lo, hi)
    indicator = noun.lastgroup if noun else next(
        (ind for _, _, ind, _ in _keywords(ctx.cues, lo, hi) if ind != "BLOCK"), None)
    codes = {m.code for m in ctx.mentions_between(lo, hi) if m.code not in lexicon.GROUPS}
    return _ListIntro(indicator, codes.pop() if len(codes) == 1 else None)


def _list_intro_period(ctx: _Context, paras: list[Span], pi: int) -> periods.Period | None:
    """"En 2024, selon l'Agence de statistique :" then "- commerce bilatéral : 11,8 milliards": the period the line
    that opens a list states is each item's."""
    j = pi - 1
    while j >= 0 and _BULLET.match(ctx.text, paras[j].start, paras[j].end):
        j -= 1
    if j < 0:
        return None
    line = ctx.text[paras[j].start:paras[j].end].strip()
    if not line.endswith(":"):
        # a heading ("**Chiffres clés (2024)**"): the one year it names
        years = list(periods.YEAR_RE.finditer(ctx.low, paras[j].start, paras[j].end))
        if len(line) > 100 or line.endswith(".") or len(years) != 1:
            # "Le commerce extérieur … en 2008 …" / "Les premiers partenaires sont" / "- …": the year of the
            # paragraph that leads to the list
            last, last_para = ctx.recent[-1] if ctx.recent else (None, -1)
            if not years and not line.endswith(".") and last is not None and last_para >= j - 1 \
                    and last.period is not None and last.period.kind == "year":
                return last.period
            return None
        y = years[0].group(0)
        return periods.Period(years[0].start(), years[0].end(), "year", f"{y}-01-01", f"{y}-12-31")
    found = [p for p in periods.periods_between(ctx.low, paras[j].start, paras[j].end, ctx.pub, None, ctx.cues)
             if p.period_start]
    return found[0] if len(found) == 1 else None


def _context_year(low: str, paras: list[Span], pi: int, sent: Span, pub: date | None = None,
                  years: dict[int, list[tuple[int, int]]] | None = None) -> int | None:
    """The year the text last named before this sentence (this paragraph or the one before), goals'
    years ("d'ici 2030") and years after the publication left out: "de l'année" is never those.
    `years` caches each paragraph's usable years (end offset, year) across its sentences."""
    years = {} if years is None else years
    last = None
    for i in (pi - 1, pi) if pi > 0 else (pi,):
        found = years.get(i)
        if found is None:
            found = years[i] = [
                (m.end(), int(m.group(0))) for m in periods.YEAR_RE.finditer(low, paras[i].start, paras[i].end)
                if not ((pub is not None and int(m.group(0)) > pub.year)
                        or _GOAL_YEAR_BEFORE.search(low, max(0, m.start() - 25), m.start()))]
        for end, year in found:
            if end <= sent.start:
                last = year
    return last


_GOAL_YEAR_BEFORE = re.compile(r"(?:d['’]ici|horizon|objectif)\s+(?:(?:à|la\s+fin\s+de|fin)\s+)?$")  # lowered text


_OFFICIAL = re.compile(
    r"\b(?:statistiques?|douanes?|comité\s+(?:national|d['’]état)|agence\s+(?:nationale|ouzbèke|kazakhe)|"
    r"bureau\s+(?:national|des\s+statistiques)|institut\s+\w*\s*(?:de\s+la\s+)?statistique|banque\s+centrale|"
    r"administration\s+générale|ministère)")
_SPEECH = re.compile(
    r"«|\ba\s+(?:déclaré|indiqué|souligné|affirmé|assuré|rappelé|précisé|ajouté|estimé|annoncé|insisté)|"
    r"-t-(?:il|elle)\b|\bselon\s+(?:lui|elle|m\.|mme)|\binsiste\b|\bdevant\s+la\s+presse")


def _sentence_source_kind(ctx: _Context, sent: Span) -> str:
    """source_kind of one sentence of the article, once per sentence."""
    kind = ctx.source_kinds.get(sent.start)
    if kind is None:
        kind = ctx.source_kinds[sent.start] = _source_kind_at(ctx.cues, sent.start, sent.end)
    return kind


_OFFICIAL_CUE = cue("official-source", _OFFICIAL)
_SPEECH_CUE = cue("speech-source", _SPEECH)


def _source_kind_at(cues: CueIndex, lo: int, hi: int) -> str:
    if cues.has(_OFFICIAL_CUE, lo, hi):
        return "official"
    return "speech" if cues.has(_SPEECH_CUE, lo, hi) else "press"


def source_kind(sentence: str) -> str:
    """Who states a figure: official statistics, a speech, or the press itself (consensus prefers official)."""
    return _source_kind_at(CueIndex(lowered(sentence)), 0, len(sentence))


_ONE_COUNTRY = re.compile(r"\b(?:commerce|échanges)\s+extérieurs?\b|\binvestissements\s+(?:directs\s+)?étrangers\b|"
                          r"\b(?:achats|ventes|exportations|importations)\s+à\s+l'étranger\b|\b(?:exportations|importations)\s+totales\b|"
                          r"\bensemble\s+de\s+ses\s+(?:exportations|importations|partenaires)\b|"
                          r"\b(?:export|import)\w*\s+au\s+total\b|"  # "a exporté au total pour 26,7 milliards"
                          # "Ses exportations, stables, ont atteint …" with no destination after them: the whole
                          r"\b(?:ses|leurs)\s+(?:exportations|importations)\b(?!\s+(?:vers|à|au|aux|en|de|d['’]|des|du|"
                          r"depuis|avec|chez))")
# a carrier's or a port's own cargo ("les chemins de fer géorgiens ont transporté"); oil and gas follow their route
_CARRIER = re.compile(r"\bchemins\s+de\s+fer\b|\b(?:ports?(?:\s+secs?)?|terminal|terminaux|gare)\s+(?:de|d')|"
                      r"\bmanutentionn\w+")
_DONT = re.compile(r"\bdont\b")
_LABEL_AFTER = re.compile(r"\s*[,:]\s*" + _QUALIFIER_WORDS + r"\d")
_BOTH_COUNTRIES = re.compile(r"\b(?:les|des|nos|aux|deux)\s+(?:deux\s+)?(?:pays|voisins|parties|capitales|partenaires)\b|"
                             r"\bbilatéra(?:l|le|les|ux)\b")
_WHOLE_TOTAL = re.compile(r"\b(?:au\s+total|totales|globales|(?:exportations|importations)\s+(?:[\w-]+\s+){0,2}?du\s+pays|"
                          r"l['’]ensemble\s+de\s+ses)\b")
_PRODUCT_AFTER = re.compile(r"\s*(?:pour|de|d['’]|en)\s*(?:le\s+|la\s+|les\s+|l['’])?(?:gaz|pétrole|brut|hydrocarbures|énergie|"
                            r"produits|biens|céréales|blé|coton|métaux|machines|équipements|services|carburants|"
                            r"électricité|engrais|textiles?|véhicules|uranium|or|minerais|denrées|médicaments)\b")
_SIDE_WORD = re.compile(r"\b(?:vers|à\s+destination|en\s+provenance|avec)\b")
_PART_OF = re.compile(r"\s*,\s*dont\s+" + _QUALIFIER_WORDS + "$")
_BRACKET_AFTER_NAME = re.compile(r"\s*\(\s*" + _QUALIFIER_WORDS)
_LABELLED_FIGURE = re.compile(r"\s*(?:\(\s*" + _QUALIFIER_WORDS + r"\d|\|)")  # "Chine (13,1 milliards)", "| Chine |"


_PEER_BETWEEN = re.compile(r"\b(?:devant|derrière|après|avant|suivie?s?\s+(?:de|par)|puis)\b")


def _respectively(cands: list[_Candidate], mentions: list[Mention], low: str = "",
                  context: _LazyContext | list[str] = ()) -> dict[int, tuple[str | None, str | None]]:
    """"vers la Chine et la Russie ont atteint respectivement 4,1 et 3,2 milliards": the i-th figure goes with the
    i-th country of the list named before the figures; the country left out is the other side of each. The
    figures also share the one period stated."""
    series = [c for c in cands if c.indicator == cands[0].indicator and c.measure == cands[0].measure]
    k = len(series)
    if k < 2 or k != len(cands):
        return {}
    before = list(dict.fromkeys(m.code for m in mentions if m.end <= series[0].start and m.code not in lexicon.GROUPS))
    after = [m.code for m in mentions if m.start >= series[-1].end and m.code not in lexicon.GROUPS]
    if len(before) < k:
        return {}
    listed, rest = before[-k:], before[:-k]
    first = next(m for m in mentions if m.code == listed[0] and m.end <= series[0].start)
    last_rest = next((m for m in reversed(mentions) if rest and m.code == rest[-1] and m.end <= first.start), None)
    if rest and last_rest is not None and _PEER_BETWEEN.search(low, last_rest.end, first.start):
        # "place la Russie devant la Chine et la Turquie, avec respectivement …": a peer ranked with them, no side;
        # the side is what the text is about
        other = next((c for c in context if c not in before), None)
        if other is None:
            return {}
        pairs = [(other, c) for c in listed]
    elif rest:  # "les exportations ouzbèkes vers la Chine et la Russie": the exporter, then its partners
        other = rest[0]
        pairs = [(other, c) for c in listed]
    elif after:  # "le Kazakhstan et l'Ouzbékistan ont exporté respectivement 3 et 2 Mt vers la Chine"
        pairs = [(c, after[0]) for c in listed]
    else:
        return {}
    # one period for the coordinated figures when only one of them states it
    dated = [c.period for c in series if c.period is not None]
    for c in series:
        if c.period is None and len(dated) == 1:
            c.period = dated[0]
    return {id(c): p for c, p in zip(series, pairs, strict=True)}


def _bracketed_country(ctx: _Context, cand: _Candidate, sent_mentions: list[Mention]) -> str | None:
    """The country named right before the bracket the figure opens: "la Chine (13,7 milliards)"."""
    for m in reversed(sent_mentions):
        if m.end <= cand.start:
            return m.code if _BRACKET_AFTER_NAME.fullmatch(ctx.low, m.end, cand.start) else None
    return None


def _one_country_clause(ctx: _Context, cand: _Candidate, sent_mentions: list[Mention], bounds: list[int]) -> bool:
    """"Le commerce extérieur du Kirghizstan a atteint 17,6 milliards, la Chine et la Russie restant ses premiers
    partenaires": the figure's clause names one country, and no other is its partner ("avec la Chine")."""
    clause = clause_of(bounds, cand.start)
    if _DONT.search(ctx.low, bounds[clause], cand.start):
        return False  # "..., dont 3 milliards venus des Pays-Bas": a part, with its own partner
    inside = {m.code for m in sent_mentions if clause_of(bounds, m.start) == clause}
    partnered = any(_PARTNER_BEFORE.search(ctx.low, max(0, m.start - 30), m.start) for m in sent_mentions)
    return len(inside) == 1 and not partnered


_BREAKDOWN_AFTER = re.compile(r"[^.;:,]{0,40}?,\s*dont\s+(?=[^.;]*\d)")  # "1,6 milliard en 2024, dont"
_ONE_COUNTRY_CUE = cue("one-country", _ONE_COUNTRY)
_PARTNER_RANK_CUE = cue("partner-rank", r"(?:premiers?|principaux|principale?s?|deuxièmes?|second|seconde?s?|"
                                        r"troisièmes?)\s+partenaires?\b")
_CARRIER_CUE = cue("carrier", _CARRIER)


def _to_fact(ctx: _Context, cand: _Candidate, sent: Span, article: str, para_idx: int) -> Fact | None:
    reporter, partner = cand.countries
    if reporter is None:
        return None
    if _REGION_WIDE.search(ctx.low, sent.start, sent.end) and not ctx.mentions_between(sent.start, sent.end) \
            and not _BOTH_COUNTRIES.search(ctx.low, sent.start, sent.end):
        ctx.region_at = cand.end  # the text's next figures with no country go on about the region
        return None  # "le commerce intrarégional a triplé": the region's, no country's
    p = cand.period
    inherited = False
    if p is None or (p.kind == "as_of" and cand.indicator in FLOWS and cand.measure != "target"):
        # the text continues a series of the last few figures: same indicator, or the same two countries (an
        # aside between, "derrière la Chine (13,7 milliards)", does not end it); a goal's year is not the period
        # of the level stated beside it ("contre 1,2 milliard actuellement")
        reach = para_idx - 1
        for last, last_para in reversed(ctx.recent):
            if "aside" in last.notes:  # the series goes on across it
                reach = min(reach, last_para - 1)
                continue
            if "base" in last.notes:  # "4,5 Mt en 2024, contre 2,76 Mt un an plus tôt": the text goes on about 2024
                continue
            if last_para < reach:
                break
            if ((cand.indicator in FLOWS or _RANK_GOES_ON.match(ctx.low, sent.start)) and cand.measure != "target"
                    and cand.per is None
                    and last.period is not None and last.period.period_start
                    and (last.indicator == cand.indicator or set(last.countries) == set(cand.countries))
                    and last.measure != "target"):
                p, inherited = last.period, True
                break
    if p is not None and cand.measure == "target" and not p.is_target_year and p.kind != "year":
        p = None
    if p is not None and p.is_target_year and cand.measure != "target":
        p = None  # "a déjà investi 400 millions …, s'est engagée à investir … d'ici 2030": a goal's year dates no level
    if p is not None and cand.indicator in STOCKS and cand.measure == "level" and p.kind == "year" \
            and ctx.low.startswith("fin", p.start) and p.period_end:
        p = p._replace(kind="as_of", period_start=p.period_end)  # "620 millions de dollars fin 2013": a stock then
    cand.period = p
    if p is None:
        if cand.measure == "target":
            kind = "unknown"
        elif cand.indicator == "visits":
            kind = "cumulative"
        elif cand.indicator in STOCKS:
            kind = "as_of"
        else:
            kind = "unknown"
        start_d = end_d = None
    else:
        kind, start_d, end_d = p.kind, p.period_start, p.period_end  # as_of: dated only when a date is stated
    if cand.indicator in ("visits",) and kind not in ("cumulative",) and start_d is None:
        kind = "cumulative"
    text = ctx.text
    start = min(cand.start, cand.q_start) if cand.q_start is not None else cand.start
    end = cand.end
    if p is not None and not inherited and p.start >= cand.end and p.start - cand.end <= 4 \
            and not text[cand.end:p.start].strip():
        end = p.end
    while end > start and text[end - 1].isspace():
        end -= 1
    unit = cand.unit
    if unit == "AZN" and "TKM" in (reporter, partner) and "AZE" not in (reporter, partner) \
            and "azn" not in ctx.low[start:end]:
        unit = "TMT"  # "manats" said of Turkmenistan's trade: the Turkmen manat
    why = {"sides": "?", **cand.why}
    why["period"] = (why.get("period") or ("series" if inherited else "stated")) if p is not None else "none"
    why.setdefault("measure", cand.measure)
    fact = Fact(
        article=article, indicator=cand.indicator, measure=cand.measure, reporter=reporter,
        partner=partner, value=cand.value, unit=unit, per=cand.per, qualifier=cand.qualifier,
        period_start=start_d, period_end=end_d, period_kind=kind, route=_route(ctx, sent, cand),
        evidence=text[start:end], char_start=start, char_end=end,
        source_kind=_sentence_source_kind(ctx, sent),
        why="; ".join(f"{k}={why[k]}" for k in ("sides", "measure", "period")),
    )
    if _CONTRE_BEFORE.search(ctx.low, max(0, cand.start - 12), cand.start) \
            or _PEAK_BEFORE.search(ctx.low, max(0, cand.start - 50), cand.start):
        cand.notes.append("base")  # a comparison base ("contre", "après un pic de"), not where the series stands
    ctx.recent = [*ctx.recent[-5:], (cand, para_idx)]
    ctx.last_by_unit[cand.unit] = cand
    return fact
