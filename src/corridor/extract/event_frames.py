"""Who travels, who receives, where, and whether it happened: a gathering's roles from its sentence's structure.

The same design as the facts' frames (`frames.py`, `structure.py`): a table of trigger lemmas says which
grammatical role of a country makes it the visitor, the host or one of the sides, and spaCy's parse of the
sentence says which country fills which role:

- the subject of *se rendre*, *arriver*, *effectuer une visite*, *entamer une tournée* travels; the place after
  "à / en / au" receives ("Tokaïev … en visite à Ankara": the visitor is the word "en visite" hangs on);
- the subject of *recevoir*, *accueillir* receives, its object travels; a passive turns them round ("X a été
  reçu par Y");
- "la visite du président X", "sa visite", a demonym on the noun ("la visite kazakhe"): the visitor;
- a place that hangs on another gathering ("lors du récent sommet … à Bakou, X effectuera une visite en Iran")
  is that gathering's, not the visit's.

The status comes from the clause that reports the gathering: a future or a conditional there, or a verb of
intent governing it ("doit se rendre"), makes it planned; a past tense there, held. A cue of plans elsewhere in
the sentence ("… qui se rendra ensuite à Bakou") belongs to another clause.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from . import parse
from .lexicon import GROUPS
from .structure import marker, span_head

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .lexicon import Mention

VISITOR, HOST, WHERE, SIDE = "visitor", "host", "where", "side"


class EventFrame(NamedTuple):
    subject: str | None  # the role of the verb's subject, or of a noun's "de X", possessive or demonym
    obj: str | None  # the role of the verb's direct object
    agent: str | None  # a passive's "par X"
    preps: dict[str, str]  # case marker -> role


_TO = dict.fromkeys(("à", "au", "aux", "en", "pour", "dans", "vers", "chez"), HOST)
_AT = dict.fromkeys(("à", "au", "aux", "en", "dans"), WHERE)
TRAVEL = EventFrame(VISITOR, None, None, _TO)
RECEIVE = EventFrame(HOST, VISITOR, HOST, {**_AT, "chez": HOST})
MEET = EventFrame(SIDE, SIDE, None, {**_AT, "avec": SIDE})

VERB_FRAMES: dict[str, EventFrame] = {
    # "se rendre" is "rendre" with its reflexive; "rendre visite à X": X receives
    **dict.fromkeys(("rendre", "arriver", "venir", "aller", "partir", "voyager", "atterrir", "envoler",
                     "séjourner", "retourner", "débarquer"), TRAVEL),
    "visiter": EventFrame(VISITOR, HOST, HOST, _TO),
    **dict.fromkeys(("recevoir", "accueillir"), RECEIVE),
    # "la tournée … l'a amené au Turkménistan": the one taken there travels
    **dict.fromkeys(("amener", "conduire", "mener", "emmener"), EventFrame(None, VISITOR, None, _TO)),
    **dict.fromkeys(("rencontrer",), MEET),
    **dict.fromkeys(("entretenir",), MEET._replace(obj=None)),
}
NOUN_FRAMES: dict[str, EventFrame] = dict.fromkeys(
    ("visite", "voyage", "déplacement", "tournée", "séjour", "escale", "venue"), TRAVEL)
# verbs whose object names the trip and whose subject makes it ("effectuer une visite", "entamer une tournée")
SUPPORT_VERBS = frozenset({"effectuer", "entamer", "faire", "entreprendre", "achever", "commencer", "poursuivre",
                           "terminer", "conclure", "débuter", "rendre", "boucler", "clore", "clôturer"})
# words that stand for their country on the way up to the frame: "le président kazakh", "la capitale turque"
_STANDS_FOR = frozenset({"président", "présidente", "dirigeant", "ministre", "chef", "gouvernement", "premier",
                         "délégation", "ambassadeur", "homologue", "leader", "autorité", "capitale", "ville",
                         "secrétaire", "vice-président", "vice-premier", "émir", "roi", "prince", "chancelier",
                         "état", "pays", "république", "côté", "partie", "invité", "hôte", "monsieur", "m."})
# a verb of intent over the clause: what it governs is yet to happen
_INTENT = frozenset({"devoir", "aller", "prévoir", "compter", "envisager", "projeter", "vouloir", "souhaiter",
                     "espérer", "entendre", "programmer", "planifier"})
_FUTURE_ENDINGS = ("era", "eront", "erai", "eras", "erons", "erez", "ira", "iront", "ra", "ront")
_PLAN_PARTICIPLES = ("prévu", "programmé", "annoncé", "attendu", "envisagé", "projeté", "prochain", "futur")
_PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées", "u", "ue", "us", "ues", "i", "ie", "is", "ies", "it", "ite", "ert", "erte")
_CLAUSES = frozenset({"acl:relcl", "advcl", "ccomp", "parataxis", "csubj"})


@dataclass(slots=True)
class EventReading:
    """What the structure says of one gathering's trigger."""
    trigger: str | None = None  # the frame's lemma
    roles: dict[str, list[str]] = field(default_factory=dict)  # role -> codes, first found first
    places: list[Mention] = field(default_factory=list)  # the places the trigger hangs on
    foreign_places: list[Mention] = field(default_factory=list)  # places other gatherings hold
    # planned (a future, a conditional, a verb of intent over it), held (a participle: "la réunion, tenue le 16
    # novembre"), None: held unless a cue of plans stands in the clause
    status: str | None = None
    clause: list[tuple[int, int]] | None = None  # the reporting clause's words (absolute offsets)
    aside: list[Mention] = field(default_factory=list)  # mentions in a clause about something else (no roles)
    comment: bool = False  # the sentence says something of a gathering ("la visite devrait ouvrir …"), not that it happens

    def add(self, role: str, code: str) -> None:
        if all(code not in v for v in self.roles.values()):
            self.roles.setdefault(role, []).append(code)

    def in_clause(self, pos: int) -> bool:
        """Whether the word at `pos` belongs to the reporting clause (not to a clause embedded in it)."""
        return self.clause is not None and any(a <= pos < b for a, b in self.clause)

    def first(self, role: str) -> str | None:
        found = self.roles.get(role)
        return found[0] if found else None


def read(sentence: str, start: int, mentions: list[Mention], trigger_lo: int, trigger_hi: int,
         other_triggers: list[tuple[int, int]] = ()) -> EventReading:
    """The roles and status of the gathering whose trigger is at [trigger_lo, trigger_hi) (absolute offsets);
    `mentions` are the sentence's, `other_triggers` the spans of other gatherings it names."""
    doc = parse.parse(sentence)
    out = EventReading()
    trig = _trigger(doc, trigger_lo - start, trigger_hi - start)
    if trig is None:
        return out
    frame_tok, frame = trig
    out.trigger = parse.lemma(frame_tok)
    verb = _clause_head(frame_tok)
    if frame_tok.pos_ in ("NOUN", "PROPN") and frame_tok.dep_ == "nsubj" and verb is not None \
            and frame_tok.head.i == verb.i:
        said = verb
        if parse.lemma(verb) in ("devoir", "pouvoir", "aller"):  # "la visite devrait ouvrir …": what it would do
            said = next((c for c in verb.children if c.dep_ == "xcomp"), verb)
        out.comment = parse.lemma(said) not in _OCCUR or (
            # "s'ouvrir", "s'achever" tell it happens; "ouvrir de nouvelles perspectives" what it brings
            parse.lemma(said) in _OCCUR_REFLEXIVE and any(c.dep_ == "obj" for c in said.children)
            and not any(c.dep_.startswith("expl") for c in said.children))
    leads = _leads_to(frame_tok) if frame is not None else None
    out.status = _status(leads, leads) if leads is not None else _status(frame_tok, verb)
    if verb is not None:
        finite = verb
        while "Inf" in finite.morph.get("VerbForm") and finite.head.i != finite.i:
            finite = finite.head  # "a accepté l'invitation à se rendre à Tachkent": the clause that governs it
        out.clause = sorted((start + t.idx, start + t.idx + len(t)) for t in _clause_tokens(finite))
    # the nodes whose roles count: the trigger, and the support verb over a trip noun
    nodes: dict[int, EventFrame] = {} if frame is None else {frame_tok.i: frame}
    if frame is not None and frame_tok.pos_ in ("NOUN", "PROPN") and frame_tok.dep_ == "obj" \
            and parse.lemma(frame_tok.head) in SUPPORT_VERBS:
        nodes[frame_tok.head.i] = frame  # "X effectuera une visite en Iran": the subject of "effectuera"
    if leads is not None:
        nodes[leads.i] = VERB_FRAMES[parse.lemma(leads)]  # "qui le mènera à Bakou": where the tour goes
    top = _verb_of(doc, nodes)
    if top is not None and top.dep_ == "xcomp" and not any(c.dep_.startswith("nsubj") for c in top.children):
        # "X doit se rendre à Astana": the subject of "doit" travels
        nodes.setdefault(top.head.i, EventFrame(nodes[top.i].subject, None, None, {}))
    antecedent = _antecedent(top) if top is not None and top.i == frame_tok.i else None
    others = [_trigger(doc, lo - start, hi - start) for lo, hi in other_triggers]
    other_nodes = {o[0].i for o in others if o is not None} - set(nodes)
    aside = _aside_tokens(doc, frame_tok, {leads.i} if leads is not None else set())
    heads = [span_head(doc, m.start - start, m.end - start) for m in mentions]
    out.aside = [m for m, h in zip(mentions, heads, strict=True) if h is not None and h.i in aside]
    if len(out.aside) == len(mentions):
        out.aside = []  # every country in side clauses: the clauses are all the sentence says of who met
    for m, head in zip(mentions, heads, strict=True):
        if head is None or m in out.aside:
            continue
        if antecedent is not None and _stands_under(head, antecedent):
            out.add(VISITOR, m.code)  # "son homologue kirghiz, qui se rendra ensuite en Chine"
            continue
        link = _link(head, m.kind)
        if link is None:
            continue
        at, key = link
        if at in other_nodes:
            if m.kind in ("city", "capital"):
                out.foreign_places.append(m)  # "lors du récent sommet … à Bakou": that gathering's place
            continue
        if frame is None:
            # a gathering with no frame: the place on its word or on its clause's verb ("se tiendra à Astana")
            if m.kind in ("city", "capital") and key in _AT and at in (frame_tok.i, verb.i if verb else -1):
                out.places.append(m)
            continue
        if at not in nodes:
            continue
        role = _role(nodes[at], key)
        if role is None or (m.code in GROUPS and role not in (VISITOR, SIDE)):
            continue
        if m.kind in ("city", "capital") and role in (HOST, WHERE):
            out.places.append(m)
        out.add(role, m.code)
    if frame_tok.pos_ in ("NOUN", "PROPN") and frame_tok.dep_ == "nmod" and marker(frame_tok) == "en" \
            and not out.roles.get(VISITOR):
        holder = frame_tok.head  # "en visite": the traveller named by a mention inside that word
        for m in mentions:
            h = span_head(doc, m.start - start, m.end - start)
            if h is not None and (h.i == holder.i or h.head.i == holder.i) and m.code not in GROUPS:
                out.add(VISITOR, m.code)
                break
    return out


_LEADS = frozenset({"mener", "conduire", "amener", "emmener"})


def _leads_to(trip: Token) -> Token | None:
    """"une tournée dans le Caucase qui le mènera à Bakou": the clause that says where a trip goes (on the trip's
    noun, or on a word beside it, where the parser often hangs it)."""
    if trip.pos_ not in ("NOUN", "PROPN"):
        return None
    near = {trip.i, trip.head.i} | {t.i for t in trip.subtree}
    for t in trip.doc:
        if t.dep_ != "acl:relcl" or t.i < trip.i or not (t.head.i in near or t.head.head.i == trip.head.i):
            continue
        # "qui le mènera", "qui doit le conduire vendredi au Kirghizstan"
        for v in (t, *(c for c in t.children if c.dep_ == "xcomp")):
            if parse.lemma(v) in _LEADS:
                return v
    return None


def _aside_tokens(doc: Doc, trig: Token, keep: set[int]) -> set[int]:
    """The words of the clauses that say something else than who met: a purpose or a time ("pour faire le point
    sur la route qui relie la Chine à l'Europe"), a clause on another noun ("une séance consacrée à la paix avec
    l'Azerbaïdjan"); not the clause that holds the trigger, nor one on the trigger's own noun phrase."""
    own = {t.i for t in trig.subtree} if trig.pos_ in ("NOUN", "PROPN") else {trig.i}
    holds = {a.i for a in trig.ancestors} | {trig.i}
    out: set[int] = set()
    for t in doc:
        if t.i in holds or t.i in out or t.i in keep:
            continue
        if (t.dep_ == "advcl" or (t.dep_ in ("acl", "acl:relcl") and t.head.i not in own)) and not _about_gathering(t):
            out |= {w.i for w in t.subtree}
    return out


# verbs that say a gathering happens: "la visite aura lieu", "le sommet se tiendra", "la réunion a commencé"
_OCCUR = frozenset({"avoir", "tenir", "dérouler", "être", "commencer", "débuter", "ouvrir", "achever", "terminer",
                    "durer", "poursuivre", "faire", "réunir", "rassembler", "intervenir", "survenir", "conclure",
                    "clore", "clôturer", "prévoir",
                    "programmer", "annoncer", "attendre", "devoir", "aller", "pouvoir", "démarrer", "lancer"})
_OCCUR_REFLEXIVE = frozenset({"ouvrir", "achever", "terminer", "conclure", "clore", "clôturer", "poursuivre", "tenir"})
_TAKE_PART = frozenset({"participer", "prendre", "assister", "réunir", "rassembler", "accueillir", "tenir",
                        "dérouler", "représenter", "inviter", "convier"})
_OF_GATHERING = frozenset({"auquel", "auxquels", "auxquelles", "laquelle", "lequel", "où", "duquel"})


def _about_gathering(clause: Token) -> bool:
    """"auquel vont prendre part les présidents russe et iranien": a clause that says who takes part."""
    near = [clause, *clause.children, *(g for c in clause.children if c.dep_ == "xcomp" for g in c.children)]
    return any(w.lower_ in _OF_GATHERING or (w.pos_ == "VERB" and parse.lemma(w) in _TAKE_PART) for w in near)


def _verb_of(doc: Doc, nodes: dict[int, EventFrame]) -> Token | None:
    verbs = [doc[n] for n in nodes if doc[n].pos_ in ("VERB", "AUX")]
    return min(verbs, key=lambda t: t.i) if verbs else None


def _antecedent(verb: Token | None) -> Token | None:
    """A relative clause's antecedent when "qui" is the verb's subject ("son homologue, qui se rendra …")."""
    if verb is None or verb.dep_ != "acl:relcl":
        return None
    if any(c.dep_.startswith("nsubj") and c.lower_ == "qui" for c in verb.children):
        return verb.head
    return None


def _stands_under(t: Token, top: Token) -> bool:
    """Whether mention head `t` names `top` ("kirghiz" under "son homologue") through words standing for a country."""
    node = t
    for _ in range(3):
        if node.i == top.i:
            return True
        if node.head.i == node.i or (node.i != t.i and parse.lemma(node) not in _STANDS_FOR):
            return False
        node = node.head
    return node.i == top.i


def _trigger(doc: Doc, lo: int, hi: int) -> tuple[Token, EventFrame | None] | None:
    """The token of a trigger span that has a frame: a trip noun first ("effectuera une visite"), else a verb."""
    toks = [t for t in doc if t.idx < hi and t.idx + len(t) > lo]
    for t in toks:
        if t.pos_ in ("NOUN", "PROPN") and parse.lemma(t) in NOUN_FRAMES:
            return t, NOUN_FRAMES[parse.lemma(t)]
    for t in toks:
        if t.pos_ in ("VERB", "AUX") and parse.lemma(t) in VERB_FRAMES:
            return t, VERB_FRAMES[parse.lemma(t)]
    for t in toks:  # "effectuera une visite" with the noun outside the span
        if t.pos_ == "VERB" and parse.lemma(t) in SUPPORT_VERBS:
            obj = next((c for c in t.children if c.dep_ == "obj" and parse.lemma(c) in NOUN_FRAMES), None)
            if obj is not None:
                return obj, NOUN_FRAMES[parse.lemma(obj)]
    # a gathering with no roles of its own ("sommet", "se sont réunis"): its word, for its clause and status
    word = next((t for t in toks if t.pos_ in ("NOUN", "PROPN", "VERB")), None)
    return (word, None) if word is not None else None


def _key(t: Token, kind: str) -> str:
    if t.dep_ == "obl:agent":
        return "agent"
    m = marker(t)
    if m:
        return m
    if t.dep_ == "amod" or kind in ("demonym", "compound"):
        return "amod"
    if t.dep_ == "nsubj:pass":
        return "obj"  # "X a été reçu": the one received
    if t.dep_.startswith("nsubj"):
        return "subj"
    if t.dep_ in ("obj", "iobj"):
        return "obj"
    if t.dep_ == "det" and t.pos_ == "DET":
        return "subj"  # a possessive: "sa visite"
    return "none"


def _link(t: Token, kind: str) -> tuple[int, str] | None:
    """The token mention `t` hangs on (through the words that stand for a country) and its role key there."""
    node = t
    own = marker(t)  # "… et en Ouzbékistan": its own preposition, the first one's place in the sentence
    while node.dep_ in ("conj", "flat:name", "appos") and node.head.i != node.i:
        node = node.head  # "au Turkménistan, au Kazakhstan et en Ouzbékistan": the first one's role
    key = own if own and node.i != t.i else _key(node, kind)
    for _ in range(8):
        parent = node.head
        if parent.i == node.i:
            return None
        lem = parse.lemma(parent)
        if parent.pos_ in ("NOUN", "PROPN") and (lem in _STANDS_FOR or parent.lower_ in _STANDS_FOR) \
                and (key in ("amod", "subj", "de", "du", "des", "d'", "none") or node.dep_ == "flat:name"):
            key = _key(parent, "")  # "le président kazakh": the role of "le président"
            node = parent
            continue
        return parent.i, key
    return None


def _role(frame: EventFrame, key: str) -> str | None:
    if key in ("subj", "amod", "de", "du", "des", "d'"):
        return frame.subject
    if key == "obj":
        return frame.obj
    if key == "agent":
        return frame.agent
    return frame.preps.get(key)


def _clause_head(t: Token) -> Token | None:
    """The verb of the clause that reports the trigger: the trigger itself if a verb, else the verb its noun hangs
    on; an infinitive under a verb of intent ("doit se rendre") is that verb's clause."""
    node = t
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX"):
            break
        if node.head.i == node.i:
            return None
        if node.dep_ in ("nmod", "appos", "conj") and node.head.pos_ in ("NOUN", "PROPN"):
            return None  # "la tournée de M. Xi": a noun phrase, no clause of its own
        node = node.head
    else:
        return None
    if node.pos_ not in ("VERB", "AUX"):
        return None
    return node


def _clause_tokens(verb: Token) -> list[Token]:
    """The clause's words, without the clauses embedded in it."""
    out, todo = [], [verb]
    while todo:
        t = todo.pop()
        out.append(t)
        todo += [c for c in t.children if c.dep_ not in _CLAUSES and not (c.dep_ == "conj" and c.pos_ == "VERB")]
    return out


def _is_future(t: Token) -> bool:
    if "Fut" in t.morph.get("Tense"):
        return True
    if "Cnd" in t.morph.get("Mood"):
        return True
    return t.pos_ in ("VERB", "AUX") and len(t.lower_) > 5 and t.lower_.endswith(_FUTURE_ENDINGS) \
        and "Inf" not in t.morph.get("VerbForm") and "Part" not in t.morph.get("VerbForm")


def _status(trig: Token, verb: Token | None) -> str | None:
    """planned, held, or None when the words do not settle it (a past, a present, no verb)."""
    if trig.pos_ in ("NOUN", "PROPN"):
        for c in trig.children:
            if c.dep_ == "amod" and parse.lemma(c) in ("prochain", "futur", "prévu", "programmé", "attendu"):
                return "planned"
            # (the tagger reads some participles as adjectives: "tenue")
            participle = ("Part" in c.morph.get("VerbForm") and "Past" in c.morph.get("Tense")) or (
                c.pos_ in ("ADJ", "NOUN") and c.lower_.endswith(_PARTICIPLE_ENDINGS))
            if c.dep_ == "acl" and participle and not c.lower_.startswith(_PLAN_PARTICIPLES):
                return "held"  # "la réunion, tenue le 16 novembre à Tachkent, restera …": it took place
            if c.dep_ in ("acl", "acl:relcl") and c.pos_ == "VERB" and (
                    _is_future(c) or any(_is_future(a) for a in c.children if a.dep_.startswith("aux"))
                    or parse.lemma(c) in ("prévoir", "programmer", "annoncer")):
                return "planned"  # "le sommet prévu en octobre", "qui se tiendra en juin"
    if verb is None:
        return None
    chain = [verb]
    while len(chain) < 4 and chain[-1].dep_ in ("xcomp", "conj", "advcl") and "Inf" in chain[-1].morph.get("VerbForm"):
        up = chain[-1].head
        if chain[-1].dep_ == "conj" and up.pos_ == "NOUN" and up.head.pos_ in ("VERB", "AUX"):
            up = up.head  # "effectuer une visite et participer à …" read as a noun's conjunct: the verb before
        if up.pos_ not in ("VERB", "AUX"):
            break
        chain.append(up)  # "doit s'entretenir … et participer à un forum": what "doit" governs
    for v in chain:
        if parse.lemma(v) in _INTENT and v.i != verb.i:
            return "planned"
        if v.dep_ == "advcl" and "Inf" in v.morph.get("VerbForm") and any(
                c.dep_ == "mark" and c.lower_ in ("pour", "afin") for c in v.children):
            return "planned"  # "est arrivé à Astana pour participer au sommet": what the trip is for, yet to come
        if _is_future(v) or any(_is_future(a) for a in v.children if a.dep_.startswith("aux")):
            return "planned"
    if parse.lemma(verb) == "attendre" and any(c.dep_ == "aux:pass" for c in verb.children):
        return "planned"  # "est attendu à Bakou"
    return None  # a past or a present: held unless a cue of plans stands in the clause
