"""Sides and modality of a figure from the grammatical structure of its sentence.

For each figure, the parse gives the *frame* it belongs to: the trigger a figure hangs on ("investis",
"exportations", "livrer") or, under a verb that only states a level ("ont atteint", "s'élève à"), that verb's
subject ("les échanges ... ont atteint"). Each country named in the sentence is linked the same way to the
frame it hangs on, with the grammatical role it has there: subject, a passive's agent, a demonym, or the
preposition that introduces it ("vers", "depuis", "dans"), carried up through nouns that stand for their
country ("dans l'économie turque", "vers le voisin ouzbek") and through goods ("du gaz turkmène": where
the gas comes from). `frames.py` turns those roles into origin / destination / pair.

Enumerations ("depuis la Russie à 769 millions, depuis la Turquie à 614 millions et depuis la Chine à 541
millions") are read by their parallel items: each item's country takes, in the first item's frame, the
role its preposition gave the country of the first item; the other side stays.

Modality comes from the verbs and nouns the figure depends on: a future, a conditional ("devrait", but not
the hearsay "aurait importé"), "aller" + infinitive, a verb or noun of intent or forecast ("prévoit de",
"s'attendre à ce que", "l'objectif de", "les prévisions") make the figure a target.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import frames, parse
from .frames import DEST, ORIGIN, PAIR, PARTNER, VIA
from .lexicon import GROUPS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .lexicon import Mention

# a group is a side only as a partner ("avec les pays de l'OTS"), not where its summit is held
_GROUP_SIDE = frozenset({"avec", "vers", "entre", "à destination de", "pour"})
_LIST_GAP = re.compile(r"\s*(?:,|et|ou)\s*(?:,\s*)?(?:l['’]|la\s+|le\s+|les\s+|au\s+|aux\s+|en\s+)?")
_GENITIVE = frozenset({"de", "du", "des", "d'", "d’"})
_PREP_NOUNS = {"provenance": "en provenance de", "destination": "à destination de", "direction": "vers",
               "biais": "par le biais de", "partir": "à partir de"}
# words whose subject or genitive is an actor standing for its country ("le président turkmène compte livrer")
_ACTORS = frozenset({"président", "dirigeant", "ministre", "chef", "gouvernement", "premier", "délégation",
                     "ambassadeur", "vice-premier", "homologue", "leader", "autorité"})
# verbs that make a goal of what they govern ("prévoit de transporter", "la fourniture que prévoyait le contrat")
_PLAN_VERBS = frozenset({"prévoir", "envisager", "viser", "ambitionner", "projeter", "planifier", "promettre",
                         "escompter", "tabler", "programmer", "attendre"})
# ... and with a clause after "que" ("souhaite que les échanges atteignent")
_HOPE_VERBS = frozenset({"espérer", "souhaiter", "vouloir", "attendre", "compter", "escompter", "prévoir"})
# ... and those that do only with a verb after them ("compte livrer", not "compte 200 accords")
_INTENT_VERBS = frozenset({"compter", "entendre", "devoir", "pouvoir", "chercher", "vouloir", "souhaiter", "espérer",
                           "proposer", "convenir", "décider", "aspirer", "engager", "anticiper"})
# the finite forms of those verbs, for when the parser took one for a noun or a name
_INTENT_FORMS = {f: lem for lem, forms in (
    ("compter", ("compte", "comptent", "comptait", "comptaient")), ("entendre", ("entend", "entendent")),
    ("vouloir", ("veut", "veulent", "voulait")), ("devoir", ("doit", "doivent", "devait", "devaient")),
    ("prévoir", ("prévoit", "prévoient", "prévoyait")), ("envisager", ("envisage", "envisagent")),
    ("souhaiter", ("souhaite", "souhaitent")), ("espérer", ("espère", "espèrent"))) for f in forms}
_GOAL_NOUNS = frozenset({"objectif", "prévision", "perspective", "cible", "ambition", "but", "possibilité",
                         "intention", "projection", "engagement", "promesse", "horizon"})
_LEVEL_AFTER_CHANGE = frozenset({"atteindre", "passer", "porter", "élever", "établir", "totaliser"})


@dataclass(slots=True)
class Reading:
    """What the sentence's structure says of one figure."""
    roles: dict[str, list[str]] = field(default_factory=dict)  # role -> country codes, first found first
    frame: str | None = None  # the trigger's lemma
    how: str = ""  # which reading gave the roles: frame | item | owner
    at: int | None = None  # where the trigger is (an offset in the article)
    modality: str | None = None  # the verb or noun that makes the figure a target, if any
    by_mention: dict[int, str] = field(default_factory=dict)  # the sentence's mention index -> its role

    def add(self, role: str, code: str, k: int | None = None) -> None:
        if k is not None:
            self.by_mention[k] = role
        if all(code not in v for v in self.roles.values()):
            self.roles.setdefault(role, []).append(code)

    @property
    def codes(self) -> set[str]:
        return {c for v in self.roles.values() for c in v}


def span_head(doc: Doc, lo: int, hi: int) -> Token | None:
    """The head word of the tokens over characters [lo, hi) of the sentence (the one whose head is outside)."""
    toks = [t for t in doc if t.idx < hi and t.idx + len(t.text) > lo]
    if not toks:
        return None
    inside = {t.i for t in toks}
    heads = [t for t in toks if t.head.i not in inside or t.head.i == t.i]
    return heads[0] if heads else toks[-1]


def marker(t: Token) -> str | None:
    """The preposition introducing a word ("vers", "en provenance de"), lower case."""
    words = []
    for c in t.children:
        if c.dep_ == "case" or (c.dep_ == "mark" and c.pos_ == "ADP"):
            words.append(c.lower_)
            words += [f.lower_ for f in c.children if f.dep_ == "fixed"]
    if not words:
        return None
    return " ".join(words).replace("d’", "d'")


class Sentence:
    """One parsed sentence with its country mentions; readings of its figures on demand.
    (spaCy makes a new Token object at each access: tokens are compared by index, never with `is`.)"""

    def __init__(self, text: str, start: int, mentions: list[Mention]) -> None:
        self.start = start
        self.doc: Doc = parse.parse(text)
        self.mentions = mentions
        # each mention's head token, and where it links: (frame token index, role key, forced role)
        self.heads: list[Token | None] = [self._head(m.start - start, m.end - start) for m in mentions]
        self._links: dict[int, tuple[int, str, str | None] | None] = {}

    # -- tokens -------------------------------------------------------------------------------------------------
    def _head(self, lo: int, hi: int) -> Token | None:
        return span_head(self.doc, lo, hi)

    # -- links ----------------------------------------------------------------------------------------------------
    def link(self, k: int) -> tuple[int, str, str | None] | None:
        """Where mention k hangs: the token of its frame (a trigger verb or noun, else the verb it depends on),
        the role key there (subj, agent, amod, obj, or a preposition) and a role fixed on the way (goods: origin)."""
        if k not in self._links:
            self._links[k] = self._link(self.heads[k], self.mentions[k].kind)
        return self._links[k]

    def _link(self, t: Token | None, kind: str) -> tuple[int, str, str | None] | None:
        if t is None:
            return None
        node = t
        while node.dep_ == "conj" and node.head.i != node.i and not marker(node):
            node = node.head  # "entre le Kazakhstan et la Chine": the first conjunct's role
        key = self._key(node, kind)
        forced: str | None = None
        for _ in range(14):
            parent = node.head
            if parent.i == node.i:
                # "Le président turkmène … compte livrer" read as a noun phrase: the actor is the verb's subject
                return (node.i, "subj", forced) if key == "subj" and parse.lemma(node) in _ACTORS else None
            lem = parse.lemma(parent)
            if parent.pos_ in ("VERB", "AUX") or (parent.pos_ == "ADJ" and parent.dep_ in ("acl", "ROOT")):
                if node.dep_.startswith("nsubj") and key in ("subj", "amod"):
                    key = "subj"
                return parent.i, key, forced
            if parent.pos_ in ("NOUN", "PROPN", "NUM", "PRON", "ADJ"):
                if lem in _PREP_NOUNS and key in _GENITIVE:
                    key = _PREP_NOUNS[lem]
                    node = parent
                    continue
                if lem in frames.NOUN_FRAMES:
                    return parent.i, key, forced
                if lem in frames.GOODS and (key in _GENITIVE or key == "amod"):
                    forced = forced or ORIGIN  # "du gaz turkmène", "des produits azéris": where it comes from
                    key = self._key(parent, "")
                    node = parent
                    continue
                if (lem in frames.TRANSPARENT or lem in _ACTORS) and (key in _GENITIVE or key in ("amod", "subj")):
                    key = self._key(parent, "")  # "dans l'économie turque": the role of "dans l'économie"
                    node = parent
                    continue
                if key == "amod" and parent.pos_ == "NOUN":
                    key = "none"  # "la consommation chinoise": a demonym says whose that noun is, no side of the verb
            node = parent  # a wrong attachment inside a noun phrase keeps the preposition it had
        return None

    def _key(self, t: Token, kind: str) -> str:
        if t.dep_ == "obl:agent" and (t.head.dep_ == "acl" or any(c.dep_ == "aux:pass" for c in t.head.children)):
            return "agent"  # a passive's "par X" is its agent; "a transité par X" is a route
        m = marker(t)
        if m:
            return m
        if t.dep_ == "amod" or kind in ("demonym", "compound"):
            return "amod"
        if t.dep_.startswith("nsubj"):
            return "subj"
        if t.dep_ == "obj":
            return "obj"
        return "subj" if t.dep_ in ("ROOT", "appos", "nmod") and t.i < 3 else "none"

    # -- figures --------------------------------------------------------------------------------------------------
    def frame_of(self, lo: int, hi: int) -> Token | None:
        """The frame a figure (absolute offsets) belongs to: its trigger, or a level verb's subject."""
        t = self._head(lo - self.start, hi - self.start)
        if t is None:
            return None
        node = t
        for _ in range(14):
            parent = node.head
            if parent.i == node.i:
                return node if node.pos_ in ("VERB", "AUX") else None
            lem = parse.lemma(parent)
            if parent.pos_ in ("NOUN", "PROPN") and lem in frames.NOUN_FRAMES and node.dep_ != "nsubj":
                return parent
            if parent.pos_ in ("VERB", "AUX", "ADJ") and (parent.pos_ != "ADJ" or parent.dep_ in ("acl", "ROOT")):
                if lem in frames.VERB_FRAMES:
                    return parent
                subj = next((c for c in parent.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i != node.i), None)
                if subj is not None:
                    trigger = self._trigger_below(subj)
                    return trigger if trigger is not None else parent
                if parent.dep_ in ("xcomp", "advcl", "acl", "conj", "ccomp", "acl:relcl") or parent.pos_ == "ADJ":
                    node = parent  # "pour atteindre", "atteignant": the verb it completes
                    continue
                return parent
            node = parent
        return None

    def _trigger_below(self, t: Token) -> Token:
        """A level verb's subject, or the trigger inside it ("le volume des échanges" → "échanges")."""
        if parse.lemma(t) in frames.NOUN_FRAMES and parse.lemma(t) not in ("volume", "chiffre"):
            return t
        for c in t.children:
            if c.dep_ in ("nmod", "amod") and parse.lemma(c) in frames.NOUN_FRAMES:
                return c
        return t

    def reading(self, lo: int, hi: int, exclude: list[tuple[int, int]]) -> Reading:
        """The roles of the countries in the figure's frame (`exclude`: the other figures' spans, whose own
        countries are not this one's)."""
        out = Reading()
        f = self.frame_of(lo, hi)
        if f is None:
            return out
        lem = parse.lemma(f)
        frame = frames.VERB_FRAMES.get(lem) if f.pos_ in ("VERB", "AUX") else frames.NOUN_FRAMES.get(lem)
        out.frame, out.how, out.at = lem, "frame", self.start + f.idx
        if frame is None:  # a verb or noun that says nothing of who sends and who receives
            return out
        nodes = {f.i}
        if f.dep_ == "xcomp" and not any(c.dep_.startswith("nsubj") for c in f.children):
            nodes.add(f.head.i)  # "le Kazakhstan prévoit de transporter": the governing verb's subject acts
        if f.dep_ == "acl" and f.pos_ == "VERB" and parse.lemma(f.head) in _ACTORS and f.head.dep_ == "ROOT":
            nodes.add(f.head.i)  # "Le président turkmène (…) compte livrer": the actor the verb hangs on acts
        # triggers nested in the frame ("a reçu ... des exportations turques"): their countries count too
        nested = {t.i for t in _below(f, 3) if parse.lemma(t) in frames.NOUN_FRAMES}
        for k, m in enumerate(self.mentions):
            if any(a <= m.start < b for a, b in exclude) and not (lo <= m.start < hi):
                continue
            link = self.link(k)
            if link is None:
                continue
            at, key, forced = link
            if at in nodes:
                role = forced or _role(frame, key)
            elif at in nested:
                sub = self.doc[at]
                role = forced or _role(frames.NOUN_FRAMES.get(parse.lemma(sub)), key)
            else:
                continue
            if role and (m.code not in GROUPS or m.code == "EUU" or key in _GROUP_SIDE):
                out.add(role, m.code, k)
                # "vers l'Afghanistan, l'Ouzbékistan et le Tadjikistan": the list shares the role
                for c in self._listed_with(k):
                    out.add(role, c)
        return out

    def _listed_with(self, k: int) -> list[str]:
        """The countries listed with mention k ("l'Afghanistan, l'Ouzbékistan et le Tadjikistan")."""
        low, out = self.doc.text.lower(), []
        for step in (-1, 1):
            i = k
            while 0 <= i + step < len(self.mentions):
                a, b = (self.mentions[i + step], self.mentions[i]) if step < 0 else (self.mentions[i], self.mentions[i + step])
                if a.kind != "name" or b.kind != "name" or not _LIST_GAP.fullmatch(low, a.end - self.start, b.start - self.start):
                    break
                i += step
                out.append(self.mentions[i].code)
        return out

    def modality(self, lo: int, hi: int) -> str | None:
        """The word that makes the figure a forecast or a goal, if any. Looked for in the clause that states the
        figure and, from an infinitive, a participle or a subjunctive, in the clause that governs it: a finite
        verb in the indicative asserts what it states ("a augmenté ... pour atteindre"), and a figure given as
        background ("avec 28 milliards l'an dernier, le commerce pourrait ...") takes no modality."""
        t = self._head(lo - self.start, hi - self.start)
        node, below = t, None
        for _ in range(14):
            if node is None:
                return None
            if node.pos_ not in ("VERB", "AUX") and marker(node) in _BACKGROUND:
                return None
            if node.pos_ in ("VERB", "AUX"):
                said = _modal(node, below)
                if said:
                    return said
                if "Inf" in node.morph.get("VerbForm") and node.head.pos_ not in ("VERB", "AUX") and node.i > 0:
                    # an infinitive the parser hung on a noun ("… Berdimoukhamedov compte ainsi livrer"): the word
                    # before it may still be the verb of intent it completes
                    prev = next((w for w in reversed(self.doc[max(0, node.i - 3):node.i]) if w.pos_ != "ADV"), None)
                    if prev is not None and prev.lower_ in _INTENT_FORMS:
                        return _INTENT_FORMS[prev.lower_]
                if any(c.dep_ == "mark" and c.lower_ in ("que", "qu'", "qu’") for c in node.children):
                    # "on s'attend à ce que … atteignent", "espère que …": what the governing verb hopes for
                    gov = node.head
                    while gov.head.i != gov.i and gov.pos_ not in ("VERB", "AUX"):
                        gov = gov.head
                    lem = parse.lemma(gov)
                    return lem if lem in _PLAN_VERBS or lem in _HOPE_VERBS else None
                if _asserts(node):
                    return None
            elif node.i != t.i and parse.lemma(node) in _GOAL_NOUNS:
                return parse.lemma(node)
            if node.head.i == node.i or (node.pos_ in ("VERB", "AUX") and node.dep_ in ("ccomp", "parataxis", "acl:relcl")):
                return None  # "…, a déclaré le ministre", "où Budapest a dépassé": a clause of its own
            below, node = node, node.head
        return None


_BACKGROUND = frozenset({"avec", "contre", "après", "depuis", "malgré", "selon", "face à"})


def _asserts(v: Token) -> bool:
    """A finite verb in the indicative, not future: the clause states a fact."""
    forms = [v, *(c for c in v.children if c.dep_.startswith("aux"))]
    finite = [f for f in forms if "Fin" in f.morph.get("VerbForm")]
    return bool(finite) and all("Ind" in f.morph.get("Mood") and "Fut" not in f.morph.get("Tense") for f in finite)


_FUTURE_ENDINGS = ("rai", "ras", "rons", "rez", "ront", "era", "ira", "dra")


def _modal(v: Token, below: Token | None) -> str | None:
    lem = parse.lemma(v)
    for f in (v, *(c for c in v.children if c.dep_.startswith("aux"))):
        if "Fut" in f.morph.get("Tense") or (f.pos_ in ("VERB", "AUX") and len(f.lower_) > 5
                                              and f.lower_.endswith(_FUTURE_ENDINGS) and "Inf" not in f.morph.get("VerbForm")):
            return "future"  # (the morphologizer reads some futures as presents: "nous exporterons")
        # "devrait atteindre", "atteindrait"; not the hearsay "aurait importé", "serait de"
        if "Cnd" in f.morph.get("Mood") and parse.lemma(f) not in ("avoir", "être"):
            return "conditional"
    if lem in _PLAN_VERBS:
        return lem
    complement = below is not None and (below.pos_ in ("VERB", "AUX") or below.dep_ in ("xcomp", "ccomp"))
    if lem in _INTENT_VERBS and complement:
        return lem  # "compte livrer", "doit atteindre"; not "compte 200 accords"
    if lem == "aller" and complement:
        return "aller"  # "vont doubler pour atteindre"
    return None


def _below(top: Token, depth: int) -> list[Token]:
    """The tokens at most `depth` steps below `top` (not itself)."""
    out, level = [], [top]
    for _ in range(depth):
        level = [c for t in level for c in t.children]
        out += level
    return out


def _role(frame: frames.Frame | None, key: str) -> str | None:
    if frame is None:
        return None
    if key in ("subj", "amod"):
        return frame.subject
    if key == "agent":
        return frame.agent
    if key == "obj":
        return None
    return frame.preps.get(key)


__all__ = ["DEST", "ORIGIN", "PAIR", "PARTNER", "VIA", "Reading", "Sentence"]


# -- enumerations: parallel items --------------------------------------------------------------------------------
# Items of a sentence split at commas, semicolons and "et", "tandis que", "alors que", "contre" outside brackets.
_ITEM_BREAK = re.compile(r",\s+(?:et\s+|puis\s+|mais\s+|tandis\s+que\s+|alors\s+que\s+)?|;\s+|\s+et\s+|"
                         r"\s+tandis\s+qu(?:e\s+|['’])|\s+alors\s+qu(?:e\s+|['’])|\s+contre\s+")
# the preposition right before a country, in its item ("depuis la", "avec l'", "vers le voisin")
_MARKER_BEFORE = re.compile(
    r"(?<![\w'’])(en\s+provenance\s+d[eu'’]?s?|à\s+destination\s+d[eu'’]?s?|depuis|vers|avec|pour|chez|dans|entre|"
    r"auprès\s+d[eu'’]?s?|par|via|de|du|des|d['’]|à|au|aux|en)\s*(?:la\s+|le\s+|les\s+|l['’]\s*)?"
    r"(?:[\w-]+\s+)?$")
# "la Turquie avec 1,2 milliard", "la Russie, avec 1,9 milliard": the figure is that country's
_OWNER_GAP = re.compile(r"\s*,?\s*avec\s+(?:un\s+(?:total|montant|volume)\s+de\s+|des\s+\w+\s+de\s+)?"
                        r"(?:environ\s+|près\s+de\s+|plus\s+de\s+|moins\s+de\s+|quelque\s+)?$")


# a sentence with no country is parsed only if a word in it may make a figure a target
_MAYBE_MODAL = re.compile(
    r"(?:r(?:a|ont|ait|aient|ons|ez)|prévoi\w*|prévu\w*|envisag\w*|vis\w*|attend\w*|compt\w*|entend\w*|doi[tv]\w*|"
    r"devr\w*|pourr\w*|pouvant|vont|va|ambition\w*|souhait\w*|veu\w*|projet\w*|cherch\w*|espér\w*|possibilité\w*|"
    r"objectif\w*|prévision\w*|perspective\w*|cible\w*|promi\w*|promet\w*|engag\w*|table|tablent|plan\w*)\b")


def items(low: str, lo: int, hi: int) -> list[int]:
    """Where the items of the sentence low[lo:hi] begin (lo first), breaks inside brackets ignored."""
    starts, depth, last = [lo], 0, lo
    for m in _ITEM_BREAK.finditer(low, lo, hi):
        depth += low.count("(", last, m.start()) - low.count(")", last, m.start())
        last = m.start()
        if depth <= 0:
            starts.append(m.end())
    return starts


def marker_before(low: str, item_start: int, m_start: int) -> str:
    """The preposition that introduces a country within its item ('' when none: a subject, a list label)."""
    found = _MARKER_BEFORE.search(low, item_start, m_start)
    if found is None:
        return ""
    word = re.sub(r"\s+", " ", found.group(1)).replace("’", "'")
    # "au Kazakhstan", "en Turquie": one preposition for a country's name, by its gender
    return {"du": "de", "des": "de", "d'": "de", "au": "à", "aux": "à", "en": "à"}.get(word, word)


def owner(low: str, mentions: list[Mention], fig_start: int) -> Mention | None:
    """The country a figure is given with ("la Turquie avec 1,2 milliard"), if any."""
    for m in reversed(mentions):
        if m.end <= fig_start and fig_start - m.end < 60:
            return m if _OWNER_GAP.fullmatch(low, m.end, fig_start) else None
    return None


MAX_PARSED_CHARS = 1500  # the longest sentence the parser reads (French press: a few hundred characters)


def wants_parse(low: str, sent_start: int, sent_end: int, named: bool) -> bool:
    """Whether a sentence with a figure is worth parsing: it names a country, or holds a word that may make a
    figure a goal. No sentence of news runs over MAX_PARSED_CHARS (a text with no full stops, a dump): the
    parser's time grows with it, and the proximity rules read it instead."""
    return sent_end - sent_start <= MAX_PARSED_CHARS and (named or _MAYBE_MODAL.search(low, sent_start, sent_end) is not None)


def readings(text: str, low: str, sent_start: int, sent_end: int, mentions: list[Mention],
             figures: list[tuple[int, int]]) -> list[tuple[list[int] | None, Reading]]:
    """For each figure (absolute start, end) of one sentence: the indices of the mentions that may be its sides
    (None: all) and what the structure says of it. The sentence is parsed only if it names a country, or
    holds a word that may make a figure a goal."""
    if not figures:
        return []
    if not wants_parse(low, sent_start, sent_end, bool(mentions)):
        return [(None, Reading()) for _ in figures]
    if not mentions:
        sent = Sentence(text[sent_start:sent_end], sent_start, mentions)
        return [(None, Reading(modality=sent.modality(lo, hi))) for lo, hi in figures]
    sent = Sentence(text[sent_start:sent_end], sent_start, mentions)
    out: list[tuple[list[int] | None, Reading]] = []
    for lo, hi in figures:
        r = sent.reading(lo, hi, [])
        r.modality = sent.modality(lo, hi)
        out.append((None, r))
    if len(figures) >= 2:
        _parallel_items(low, sent_start, sent_end, mentions, figures, out)
    return _with_owners(low, mentions, figures, out)


def _parallel_items(low: str, sent_start: int, sent_end: int, mentions: list[Mention], figures: list[tuple[int, int]],
                    out: list[tuple[list[int] | None, Reading]]) -> None:
    """Figures in items of their own: each keeps the countries of its item, and of no other figure's item; a
    country of its item takes the role the first item's country of the same preposition had."""
    starts = _item_starts(low, sent_start, sent_end)
    item_of = [bisect_right(starts, lo) - 1 for lo, _ in figures]
    if len(set(item_of)) < 2:
        return
    m_item = [bisect_right(starts, m.start) - 1 for m in mentions]
    markers = [marker_before(low, starts[m_item[k]], m.start) for k, m in enumerate(mentions)]
    figure_items = set(item_of)
    lead, lead_reading = item_of[0], out[0][1]
    lead_frame = frames.frame_named(lead_reading.frame)
    free = [k for k in range(len(mentions)) if m_item[k] not in figure_items]  # items without a figure: shared
    for i, (_, mine) in enumerate(out):
        own = [k for k in range(len(mentions)) if m_item[k] == item_of[i]]
        if item_of[i] == lead or not own:
            # the first item's figures, and those whose item names no country: the first item's countries
            scope = [k for k in range(len(mentions)) if m_item[k] in (lead, item_of[i])] + free
            if item_of[i] != lead and lead_reading.roles and not mine.roles:
                mine = _copy(lead_reading, "item", mine.modality)
            out[i] = (sorted(scope), mine)
            continue
        if mine.roles and mine.at is not None and bisect_right(starts, mine.at) - 1 == item_of[i]:
            # "…, tandis que Tachkent importait de son voisin pour 650,8 millions": a frame of its own
            out[i] = (sorted(own + free), mine)
            continue
        replaced = {markers[k] for k in own}
        r = Reading(frame=lead_reading.frame, how="item", modality=mine.modality)
        for k in own:
            same = next((j for j in range(len(mentions)) if m_item[j] == lead and markers[j] == markers[k]
                         and j in lead_reading.by_mention), None)
            role = lead_reading.by_mention[same] if same is not None else \
                mine.by_mention.get(k) or (_role(lead_frame, markers[k]) if markers[k] else None)
            if role:
                r.add(role, mentions[k].code, k)
        # the first item's countries the item keeps: those in a role it does not fill ("en provenance de l'Iran"
        # is replaced by "celles depuis l'Arabie saoudite", both origins)
        kept = [k for k in range(len(mentions)) if m_item[k] == lead and markers[k] not in replaced
                and lead_reading.by_mention.get(k) not in r.roles]
        for k in kept:
            if k in lead_reading.by_mention:
                r.add(lead_reading.by_mention[k], mentions[k].code, k)
        out[i] = (sorted(own + kept + free), r if r.roles else mine)


def _with_owners(low: str, mentions: list[Mention], figures: list[tuple[int, int]],
                 out: list[tuple[list[int] | None, Reading]]) -> list[tuple[list[int] | None, Reading]]:
    for i, (lo, _) in enumerate(figures):
        m = owner(low, mentions, lo)
        if m is not None:
            scope = out[i][0]
            k = mentions.index(m)
            out[i] = ((scope if scope is None or k in scope else [*scope, k]),
                      Reading(roles={PARTNER: [m.code]}, frame=out[i][1].frame, how="owner"))
    return out


def _item_starts(low: str, lo: int, hi: int) -> list[int]:
    """`items`, except that "entre X et Y" is one item."""
    starts = items(low, lo, hi)
    return [s for s in starts if not (low.startswith("et ", s - 3) and "entre " in low[starts[0]:s]
                                      and _no_break_between_entre(low, starts, s))]


def _no_break_between_entre(low: str, starts: list[int], s: int) -> bool:
    prev = max(x for x in starts if x < s)
    return low.rfind("entre ", prev, s) >= 0


def _copy(r: Reading, how: str, modality: str | None) -> Reading:
    return Reading(roles={k: list(v) for k, v in r.roles.items()}, frame=r.frame, how=how, modality=modality,
                   by_mention=dict(r.by_mention))
