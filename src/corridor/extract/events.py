"""Cooperation events: summits, meetings, visits and joint exercises, held or planned.

Shares the country lexicon, the text segmentation and the date machinery of the fact extractor.
A trigger word ("sommet", "visite", "s'est rendu", "exercices conjoints"...) opens an event in its
sentence; type, status, date, place, participants, host, visitor and signed documents are read
around it, the roles, the status and the clauses that take part through the sentence's parse
(`event_frames.py`) where the words cannot settle them; sentences listing participants ("ont participé", "parmi les participants") feed the
article's main gathering; one event per (type, status, place) in an article.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from operator import attrgetter

from corridor.extract import event_frames, lexicon, parse
from corridor.extract.cues import CueIndex, Prefiltered, cue
from corridor.extract.numbers import parse_number
from corridor.extract.periods import DATELINE_RE, MONTHS
from corridor.extract.structure import MAX_PARSED_CHARS
from corridor.extract.text import Span, lowered, paragraphs, sentences

# Places: capitals and cities of the lexicon, plus a few hosts outside the region.
PLACES: dict[str, str] = {form: code for table in (lexicon.CAPITALS, lexicon.CITIES) for code, forms in table.items()
                          for form in forms if code not in lexicon.GROUPS}
PLACES.update({"bruxelles": "BEL", "luxembourg": "LUX", "genève": "CHE", "new york": "USA"})
# A dateline in the region dates and places the gatherings an article reports without a place of their own;
# the rest of the world's capitals only place a gathering that names them ("à Tirana").
DATELINE_PLACES = frozenset(PLACES)
PLACES.update({
    "paris": "FRA", "strasbourg": "FRA", "berlin": "DEU", "munich": "DEU", "londres": "GBR", "rome": "ITA",
    "madrid": "ESP", "grenade": "ESP", "lisbonne": "PRT", "dublin": "IRL", "amsterdam": "NLD", "la haye": "NLD",
    "vienne": "AUT", "prague": "CZE", "bratislava": "SVK", "varsovie": "POL", "vilnius": "LTU", "riga": "LVA",
    "tallinn": "EST", "helsinki": "FIN", "stockholm": "SWE", "oslo": "NOR", "copenhague": "DNK", "belgrade": "SRB",
    "tirana": "ALB", "sofia": "BGR", "bucarest": "ROU", "athènes": "GRC", "chisinau": "MDA", "zagreb": "HRV",
    "ljubljana": "SVN", "washington": "USA", "ottawa": "CAN", "tokyo": "JPN", "séoul": "KOR", "new delhi": "IND",
    "doha": "QAT", "riyad": "SAU", "abou dhabi": "ARE", "dubaï": "ARE", "le caire": "EGY", "djeddah": "SAU",
    "koweït": "KWT", "mascate": "OMN", "bagdad": "IRQ", "damas": "SYR", "amman": "JOR", "jérusalem": "ISR",
    "kuala lumpur": "MYS", "jakarta": "IDN", "bangkok": "THA", "hanoï": "VNM", "singapour": "SGP", "manille": "PHL",
    "oulan-bator": "MNG", "canberra": "AUS", "pretoria": "ZAF", "johannesburg": "ZAF", "nairobi": "KEN",
    "addis-abeba": "ETH", "tianjin": "CHN", "qingdao": "CHN", "xiamen": "CHN", "oufa": "RUS", "brasilia": "BRA", "rio de janeiro": "BRA", "buenos aires": "ARG", "mexico": "MEX",
})
_PLACE_ALTS = "|".join(sorted((re.escape(p) for p in PLACES), key=len, reverse=True))
_PLACE_RE = re.compile(r"(?<![\w-])(?:à|dans\s+la\s+(?:ville|capitale)\s+(?:de\s+)?|la\s+ville\s+de|la\s+capitale)\s*(?P<p>"
                       + _PLACE_ALTS + r")(?![\w-])")
_HOST_CITY_RE = re.compile(r"(?<![\w-])(?P<p>" + _PLACE_ALTS + r")\s+(?:accueille|accueillera|accueillerait|accueilleront|"
                           r"accueilleraient|a\s+accueilli|accueillait)\b")
# ("l'Organisation de coopération de Shanghai" holds nothing in Shanghai)
_WEAK_PLACE_RE = re.compile(r"(?<![\w-])(?<!coopération )(?:de|d')\s*(?P<p>" + _PLACE_ALTS + r")(?![\w-])")

TRIGGERS = [
    ("exercise", r"exercices?\s+(?:[\w'’-]+\s+){0,2}?(?:conjoints?|communs|bilatéraux|trilatéraux|multinationaux)|"
                 r"manœuvres\s+(?:[\w'’-]+\s+){0,2}?(?:conjointes|communes)|prochain\s+exercice|"
                 # a body's exercise is joint: "des exercices antiterroristes de l'OTSC"
                 r"exercices?\s+(?:[\w'’-]+\s+){0,2}?(?:de\s+l['’]|de\s+la\s+)(?:otsc|ocs|otan|cei)\b|"
                 # military exercises: joint when two sides or a body take part (one country alone is dropped)
                 r"(?:exercices?|manœuvres)\s+militaires\b"),
    ("summit", r"sommets?|"
                # "les dirigeants de A, de B et de C ont signé": heads of three states or more together
                r"(?:dirigeants|présidents|chefs\s+d['’][ée]tat)\s+(?:de\s+l['’]|de\s+la\s+|du\s+|des\s+)[^.;:]{0,80}?,"
                r"[^.;:]{0,80}?\bet\s+(?:de\s+l['’]|de\s+la\s+|du\s+|des\s+)[^.;:]{0,60}?\bont\s+(?:également\s+|aussi\s+|"
                r"ensuite\s+)?(?:signé|adopté|paraphé)"),
    ("visit", r"visites?\s+(?:d['’]état|officielle|de\s+travail|d['’]amitié)?|en\s+visite|s['’]est\s+rendue?|"
              r"se\s+rendra|se\s+rendre\s+(?:à|en|au|aux)\s|s['’]était\s+rendue?|est\s+attendue?\s+"
              r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|demain)\s+)?(?:à|en|au)\s|est\s+arrivée?\s+"
              r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier)(?:\s+(?:matin|soir))?\s+)?(?:à|en|au)|a\s+été\s+(?:accueillie?|reçue?)|à\s+son\s+hôte|tournée|"
              r"rencontrera\s+les\s+dirigeants|arrivée?\s+la\s+veille|a\s+rencontré\s+son\s+homologue|"
              r"(?:a\s+(?:accueilli|reçu)|recevait|reçoit|accueillait|accueille),?\s+(?:[\w'’-]+,?\s+){0,5}?"
              r"(?:(?:son|leur)\s+homologue|une\s+délégation|(?:le|la)\s+"
              r"(?:présidente?|premier\s+ministre|première\s+ministre|vice-présidente?|vice-premier\s+ministre|ministre|"
              r"chef\s+de\s+la\s+diplomatie|secrétaire\s+général))|"  # "a reçu vendredi à Bichkek son homologue"
              # "s'est entretenu jeudi à Astana avec son homologue": talks in a named place (not by telephone)
              r"s'est\s+entretenue?\s+(?:[\w-]+\s+){0,2}?à\s+(?:" + _PLACE_ALTS + r")\s+avec\s|"
              r"a\s+rencontré\s+(?:[\w-]+\s+){0,2}?à\s+(?:" + _PLACE_ALTS + r")\s|"
              # "lors de sa rencontre à Tachkent avec C. Mirzioïev": talks in a named place
              r"rencontre\s+(?:[\w-]+\s+){0,2}?à\s+(?:" + _PLACE_ALTS + r")\s+avec\s|"
              r"ministres\s+de\s+la\s+défense\s+de\s+\w+\s+et\s+d['’]\w+\s+ont\s+signé|"
              # "lors des négociations avec le président iranien, tenues la veille à Téhéran": leaders' talks
              r"(?:négociations|pourparlers|entretiens)\s+(?:[\w'’-]+\s+){0,3}?avec\s+(?:le|la|son|leur)\s+"
              r"(?:présidente?|premier\s+ministre|homologue|chef\s+de\s+l['’]état)\b"),
    # (a "vidéo-conférence" or "visioconférence" is a channel, not a gathering)
    ("meeting", r"réunions?|sessions?\s+(?:plénière|de\s+la\s+commission)|(?<![\w-])conférence\s+(?!de\s+presse)|forum|"
                # "une rencontre entre les ministres des Transports": a meeting of office holders
                r"rencontres?\s+entre\s+(?:les\s+|des\s+)?(?:ministres|vice-premiers\s+ministres|présidents|dirigeants|chefs|"
                r"délégations|représentants|responsables)\b|"
                r"commission\s+(?:économique|intergouvernementale|mixte)|"
                r"(?:se\s+sont|s['’]étaient)\s+(?:retrouvée?s|réunie?s|rencontrée?s)|se\s+réunir(?:a|ont)|"
                # "Réunis vendredi à Achgabat, les dirigeants de la CEI …"
                r"réunie?s\s+(?:[\w-]+\s+){0,2}?à\s+(?:" + _PLACE_ALTS + r")\b|"
                # "Réunis le 7 octobre dans cette ville, les présidents …": a gathering, dated
                r"réunie?s\s+(?:le\s+\d{1,2}(?:er)?\s+\w+|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier)\b|"
                r"se\s+retrouver(?:a|ont)|assemblée\s+générale|cop\s?\d{1,2}\b|"
                r"rencontres?\s+(?:(?:tri|bi|quadri)latérales?|ministérielles?|de\s+haut\s+niveau)|"
                r"conseil\s+suprême"),
]
# Every pattern below is matched on lowered text (text.lowered): no IGNORECASE, several times faster.
_TRIGGER_RE = re.compile("|".join(f"(?P<{k}>{p})" for k, p in TRIGGERS))
_NOT_EVENT = Prefiltered(re.compile(r"conférence\s+de\s+presse|téléphon|anniversaire|journées\s+de\s+la\s+culture|élection|interview|"
                        r"entretien\s+à\s+l['’]agence|\b(?!\w+ième\b|première\b)\w+\s+fois\b|à\s+\w+\s+reprises"), ("conférence", "téléphon", "anniversaire", "journées", "élection", "interview", "entretien", "fois", "reprises"))
# "cette visite", "lors de sa visite": the visit already reported, not a new one
_ANAPHOR = Prefiltered(re.compile(r"\b(?:cette|lors\s+de\s+sa|après\s+la|lors\s+de\s+la|pendant\s+la|à\s+l['’]issue\s+de\s+la)"
                      r"\s+(?:nouvelle\s+|récente\s+|dernière\s+)?(?:visite|réunion|rencontre)"))
# "à quatre reprises", "a effectué cinq visites au Kazakhstan": a count of visits, a fact, no one visit
_AGGREGATE = Prefiltered(re.compile(r"\b(?:(?!\w+ième\b|première\b)\w+\s+fois|à\s+\w+\s+reprises|(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|"
                                    r"onze|douze|quinze|vingt|\d+|plusieurs|nombreuses|une\s+dizaine\s+de)\s+visites)\b"),
                         ("fois", "reprises", "visites"))
_NOT_PARTICIPANT_BEFORE = re.compile(r"(?:sol|territoire|frontières?|sanctions?)\s+(?:de\s+l['’]|de\s+la\s+|du\s+|des\s+|d['’])$")
_BOTH = Prefiltered(re.compile(r"\b(?:les|des|nos|aux)\s+(?:deux|trois|quatre|cinq|six)\s+(?:pays|parties|voisins|capitales|"
                               r"présidents|dirigeants|chefs\s+d['’][ée]tat|gouvernements|ministres)|"
                   r"entre\s+les\s+deux|bilatérale?s?"))
_LEADERS_MEET = Prefiltered(re.compile(r"\b(?:ont\s+(?:affiché|paraphé|signé|convenu|discuté)|se\s+sont\s+entretenus|"
                                        # "ont tenu mercredi à Bakou des entretiens en format restreint"
                                        r"ont\s+(?:tenu|mené|eu)\s+(?:[\w'-]+\s+){0,5}?(?:des\s+)?"
                                        r"(?:entretiens|pourparlers|négociations))\b"))
# looked up only through the article's cue index (its anchors come from the pattern)
_PLANNED = re.compile(
    r"\b(?:aura\s+lieu|auront\s+lieu|se\s+fera|se\s+feront|se\s+déroulera|se\s+dérouleront|est\s+attendue?|sont\s+attendus|effectuera|"
    r"(?:se\s+)?tiendra|(?:se\s+)?tiendront|se\s+rendra|pourrai(?:en)?t\s+(?:avoir\s+lieu|se\s+tenir)|se\s+poursuivra|rencontrera|se\s+retrouveront|"
    r"prochaine?s?|doit\s+se\s+tenir|devrait|est\s+prévue?|prévu\s+à|préparation\s+d[eu']|"
    r"(?<!comme\s)prévue?s?\s+(?:en|pour|le|les|au|à|du|d['’]ici|dans|début|fin|courant|cette|ce)\s|à\s+la\s+veille\s+de|la\s+tenue\s+prochaine|"
    r"annoncé\s+la\s+tenue|annonçant\s+la\s+tenue|convenus?\s+de\s+(?:réunir|tenir|organiser)|invité\s+son\s+homologue\s+à|accepté\s+l['’]invitation|se\s+réunira|"
    r"à\s+quelques\s+(?:jours|semaines|mois)\s+d['’]|semaine\s+prochaine|participeront|participera|organisera|organiseront|mènera|conduira|entamera|"
    r"(?:co)?présidera|(?:co)?présideront|accueillera|accueilleront|recevra|recevront|se\s+réuniront|signeront|"
    r"visitera|visiteront|rencontreront|se\s+rendront|effectueront|ser(?:a|ont)\s+(?:en\s+visite|reçue?s?|accueillie?s?)|"
    # "doit se rendre à Bakou les 5 et 6 novembre": what is due
    r"(?:doit|doivent)\s+(?:se\s+rendre|effectuer|rencontrer|participer|accueillir|se\s+réunir|signer|présider)|"
    # the future seen from the past, in reported speech: "a annoncé qu'Astana accueillerait le sommet"
    r"accueillerait|accueilleraient|se\s+tiendrait|se\s+tiendraient|aurait\s+lieu|auraient\s+lieu|"
    r"se\s+déroulerait|se\s+dérouleraient|se\s+rendrait|participerait|participeraient|organiserait)\b")
_SIGNED = Prefiltered(re.compile(r"\b(?:signé|signés|signée|signées|signature|paraphé|paraphés|apposé\s+leur\s+signature|"
                     r"ont\s+adopté|adoption\s+de\s+la\s+déclaration|a\s+adopté|été\s+adoptée?s?)"))
_NOT_SIGNED = Prefiltered(re.compile(r"\baucun\s+(?:accord|document)\s+n['’]a\s+été\s+signé"))
_DOCS = re.compile(r"\b(?P<n>\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|"
                   r"seize|dix-sept|dix-huit|dix-neuf|vingt|trente)\s+(?:autres\s+)?"
                   r"(?:documents?|accords?|textes|mémorandums?|déclarations?|protocoles?)")
# "Les présidents kazakh et ouzbek y sont attendus": who takes part in the gathering just reported
_EXPECTED_THERE = re.compile(r"\by (?:sont|est|seront|sera) attendue?s?|\by participeront|\by participera|"
                             r"\by prendront part|\by ont (?:participé|pris part)")
_PARTICIPANTS = Prefiltered(re.compile(_EXPECTED_THERE.pattern + r"|participants|ont\s+participé|pris\s+part|avaient\s+pris\s+place|a\s+reçu|"
                           r"délégations|présidents\s+suivants|était\s+représentée?|observateur|accueillait|accueillaient"))
# "la prochaine réunion de ce type", "de l'organisation": the article's main gathering again, later
_REFERS = Prefiltered(re.compile(r"\bde\s+l['’]organisation\b|\bde\s+ce\s+type\b|des\s+trois\s+pays|prochaine\s+session\s+de\s+la"
                     r"|prochaine\s+réunion\s*(?:se|aura|de\s+ce)|\ble\s+prochain\s+(?:sommet|exercice)\b"
                     # "en annonçant la tenue dans l'année d'un forum": announced by the gathering, for its members
                     r"|\bla\s+tenue\s+(?:[\w']+\s+){0,3}?d'une?\s"))
_ONE_DOC = re.compile(r"\b(?:le|un|une|la|l['’])\s*(?:protocole|document|accord|traité|mémorandum|déclaration)\b")
_JOINED = re.compile(r"(?:(?!dont\b|notamment\b)[^.;:]){0,60}?\b(?:ainsi\s+que|et)\s+")  # the list goes on
_DOC_WORD = Prefiltered(re.compile(r"\b(?:déclarations?|accords?|protocoles?|mémorandums?|traités?)\b"))
WEEKDAYS = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6}
_DATE_RE = re.compile(
    r"\b(?:le\s+|les\s+|ce\s+\w+\s*\(\s*)?(?P<d1>\d{1,2})(?:er)?(?:\s+(?:et|au)\s+(?P<d2>\d{1,2}))?\s+"
    r"(?P<m>" + "|".join(MONTHS) + r")(?:\s+(?P<y>\d{4}))?")
_DATE_ON = re.compile(r"\s+(?:et|au)\s+(?:le\s+)?(?P<d>\d{1,2})(?:er)?\s+(?P<m>" + "|".join(MONTHS) + r")(?:\s+(?P<y>\d{4}))?")
_SENTENCE_DATE = Prefiltered(_DATE_RE, MONTHS)  # every date names its month
_WEEKDAY_RE = Prefiltered(re.compile(r"\b(?P<since>depuis\s+)?(?P<w>lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b"))
_RELATIVE_DAYS = {"avant-hier": -2, "hier": -1, "aujourd'hui": 0, "aujourd’hui": 0, "demain": 1, "après-demain": 2}
_RELATIVE_DAY = re.compile(r"(?<![\w-])(?:avant-hier|hier|aujourd['’]hui|après-demain|demain)(?![\w-])")
_VEILLE_RE = Prefiltered(re.compile(r"\bla\s+veille\b"))
_LENDEMAIN_RE = Prefiltered(re.compile(r"\b(?:le|au)\s+lendemain\b"))
_DAYS_RE = Prefiltered(re.compile(r"\b(?:visite|exercices?|manœuvres|réunion|sommet|session|tournée)\s+(?:[\w'’-]+\s+){0,2}?"
                                  r"de\s+(?P<n>deux|trois|quatre|cinq|six|sept|\d)\s+jours"))
# the day named is the last one: "a quitté … au terme d'une visite", "ont achevé vendredi un exercice"
_ENDED = re.compile(r"\b(?:au\s+terme\s+d|a\s+quitté|ont\s+quitté|a\s+achevé|ont\s+achevé|a\s+clôturé|ont\s+clôturé|"
                    r"a\s+pris\s+fin|ont\s+pris\s+fin|s['’]est\s+achevée?|s['’]est\s+terminée?|s['’]est\s+clôturée?|a\s+conclu)")
ORG_CUES = {"CSTO": "otsc|organisation du traité de sécurité collective",
            # the Turkic Council (2009-2021) is the Organisation's former name
            "OTS": "oet|organisation des états turciques|conseil turcique|conseil de coopération des états turcophones",
            "NATO": "otan", "SCO": "ocs|organisation de coopération de shanghai", "EUU": "union européenne|ue",
            "CIS": "cei", "EAEU": "ueea|union économique eurasiatique|conseil intergouvernemental eurasiatique|"
                    "conseil économique suprême eurasiatique", "UN": "onu|nations unies|cop\\d+",
            "OSCE": "osce"}
# "sommet UE-Asie centrale", "ONU-Habitat": a body may be glued to what follows it by a hyphen
_ORG_ANY = re.compile("|".join(rf"(?P<{code}>(?<![\w-])(?:{p})(?!\w))" for code, p in ORG_CUES.items()))
_ORG_CUE = cue("organisation", _ORG_ANY, word_start=True)


@dataclass(slots=True)
class Event:
    article: str
    event_type: str
    status: str
    date_start: str | None
    date_end: str | None
    place: str | None
    place_country: str | None
    participants: list[str]
    host: str | None
    visitor: str | None
    organization: str | None
    signed: bool
    documents: int | None
    evidence: str
    char_start: int
    char_end: int
    notes: list[str] = field(default_factory=list)

    def as_record(self) -> dict:
        return {
            "article": self.article, "event_type": self.event_type, "status": self.status,
            "date_start": self.date_start, "date_end": self.date_end, "place": self.place,
            "place_country": self.place_country, "participants": self.participants, "host": self.host,
            "visitor": self.visitor, "organization": self.organization, "signed": self.signed,
            "documents": self.documents, "evidence": self.evidence, "char_start": self.char_start,
            "char_end": self.char_end,
        }


def _anchor_date(full_dates: list[re.Match[str]], pos: int, pub: date | None) -> date | None:
    """The date a weekday or "la veille" is counted from: the last full date written before, else publication."""
    last = None
    for m in full_dates:
        if m.start() >= pos:
            break
        last = m
    if last is not None:
        try:
            return date(int(last.group("y")), MONTHS[last.group("m").lower()], int(last.group("d1")))
        except ValueError:
            return pub
    return pub


def _dates(low: str, sent: Span, pub: date | None, planned: bool,
           full_dates: list[re.Match[str]], last_date: str | None = None) -> tuple[date | None, date | None]:
    """Dates read on the lowered text. `last_date`: the day of the gathering reported just before."""
    text = low
    seg = low[sent.start:sent.end]
    # the dateline ("Douchanbé, 14 mai 2025 — ...") dates the article, not the event
    m = next((d for d in _SENTENCE_DATE.finditer(seg) if not _DATELINE_DASH.match(seg, d.end())), None)
    if m:
        anchor_year = pub.year if pub else _last_year(text, sent.start)
        year = int(m.group("y")) if m.group("y") else anchor_year
        if year is None:
            return None, None
        try:
            start = date(year, MONTHS[m.group("m").lower()], int(m.group("d1")))
            end = date(year, MONTHS[m.group("m").lower()], int(m.group("d2"))) if m.group("d2") else start
            on = _DATE_ON.match(seg, m.end())
            if on:  # "les 31 août et 1er septembre", "du 30 décembre au 2 janvier 2026": the last day in another month
                month = MONTHS[on.group("m").lower()]
                end_year = int(on.group("y")) if on.group("y") else year + (month < start.month)
                end = date(end_year, month, int(on.group("d")))
                if on.group("y") and not m.group("y"):
                    start = start.replace(year=end_year - (month < start.month))
        except ValueError:
            return None, None
        if not m.group("y") and pub and not planned and start > pub:
            start, end = start.replace(year=year - 1), end.replace(year=year - 1)
        elif not m.group("y") and pub and planned and end < pub - timedelta(days=7):
            # "se tiendra le 1er octobre" in a late-November article: next October
            start, end = start.replace(year=start.year + 1), end.replace(year=end.year + 1)
        return start, end
    anchor = _anchor_date(full_dates, sent.start, pub)
    day = _DAY_ONLY.search(seg)
    if day and anchor:  # "est prévue le 20 à Termez": the 20th of the month at hand, or of the next one if past
        n = int(day.group("d"))
        month = date(anchor.year, anchor.month, 1)
        for _ in range(2):
            try:
                d = month.replace(day=n)
            except ValueError:
                return None, None
            if (d >= anchor) == planned or d == anchor:
                return d, d
            month = (month + timedelta(days=32)).replace(day=1) if planned else (month - timedelta(days=1)).replace(day=1)
        return None, None
    ws = list(_WEEKDAY_RE.finditer(seg))
    w = next((x for x in ws if x.group("since")), ws[0] if ws else None)
    if w and anchor:
        target = WEEKDAYS[w.group("w").lower()]
        delta = (target - anchor.weekday()) % 7
        day = anchor + timedelta(days=delta) if planned else anchor - timedelta(days=(anchor.weekday() - target) % 7)
        if planned and delta == 0:
            day = anchor + timedelta(days=7)
        if w.group("since"):
            return day, anchor
        return day, day
    rel = _RELATIVE_DAY.search(seg) if anchor else None
    if rel:  # "s'est rendu hier à Astana", "se tiendra demain": counted from the article's date
        d = anchor + timedelta(days=_RELATIVE_DAYS[rel.group(0)])
        return d, d
    if _VEILLE_RE.search(seg) and not _EVE_OF.search(seg):
        # "La veille, les ministres s'étaient réunis": the day before the gathering just reported, if dated
        before = date.fromisoformat(last_date) if last_date else anchor
        if before is None:
            return None, None
        d = before - timedelta(days=1)
        return d, d
    if last_date and _LENDEMAIN_RE.search(seg):
        # "Le lendemain, les deux dirigeants ont inauguré un forum": the day after the gathering just reported
        d = date.fromisoformat(last_date) + timedelta(days=1)
        return d, d
    return None, None


# a day of the month alone: "le 20 à Termez", "le 3," (not "le 20e sommet", "le 20 %")
_DAY_ONLY = re.compile(r"\ble\s+(?P<d>[1-9]|[12]\d|3[01])(?:er)?(?=\s*(?:[,.;)]|à\s|au\s|en\s|dans\s|et\s))")
_MONTH_YEAR = cue("month-year", r"(?:" + "|".join(MONTHS) + r")\s+\d{4}")


def _full_dates(index: CueIndex) -> list[re.Match[str]]:
    """Dates with day, month and year ("le 3 mars 2025"), read from where a month stands before a year."""
    out = []
    for my in index.finditer(_MONTH_YEAR):
        for d in _DATE_RE.finditer(index.low, max(0, my.start() - 40), my.end()):
            if d.start("m") == my.start() and d.group("y"):
                out.append(d)
    return out


_VAGUE_COUNT = re.compile(r"\b(?:un\s+grand\s+nombre|plusieurs|de\s+nombreux|nombreux|une\s+série|une\s+(?:dizaine|"
                          r"vingtaine|trentaine|quinzaine)|des\s+dizaines)\b")
_DATELINE_DASH = re.compile(r"\s*[—–]|\s+-\s")


def _last_year(text: str, pos: int) -> int | None:
    """The year a date without one belongs to: the last "en 2025" before it, else the last year named."""
    years = _EN_YEAR.findall(text, 0, pos) or _ANY_YEAR.findall(text, 0, pos)
    return int(years[-1]) if years else None


def _documents(seg: str) -> int | None:
    """Documents signed, read in the lowered sentence."""
    if _NOT_SIGNED.search(seg):
        return 0
    m = _DOCS.search(seg)
    if not m:
        if _VAGUE_COUNT.search(seg):
            return None  # "un grand nombre de documents, notamment la Déclaration...": not a count
        if _ADOPTED.search(seg):
            n = len(_DOC_WORD.findall(seg))
            return n or None
        return 1 if _ONE_DOC.search(seg) else None
    vague = _VAGUE_COUNT.search(seg, 0, m.start())
    if vague:
        return None  # "une vingtaine de documents, dont un accord sur...": the count is vague
    # "la déclaration de Samarcande ainsi que sept accords", "un protocole et deux mémorandums": the documents
    # of one list add up (those after "dont"/"notamment" are among the ones counted)
    counted = list(_DOCS.finditer(seg))
    items = sorted([(d.start(), d.end(), d.group("n")) for d in counted]
                   + [(d.start(), d.end(), "1") for d in _ONE_DOC.finditer(seg)
                      if not any(c.start() <= d.start() < c.end() for c in counted)])
    first = next(i for i, it in enumerate(items) if it[0] == m.start())
    lo = hi = first
    while lo > 0 and _JOINED.fullmatch(seg, items[lo - 1][1], items[lo][0]):
        lo -= 1
    while hi + 1 < len(items) and _JOINED.fullmatch(seg, items[hi][1], items[hi + 1][0]):
        hi += 1
    try:
        return sum(int(parse_number(n)) for _, _, n in items[lo:hi + 1])
    except ValueError:
        return None


def _orgs(index: CueIndex, lo: int, hi: int) -> list[str]:
    """Organisations taking part between lo and hi ('sur le sol de l'Union européenne' is a place,
    not a participant)."""
    low = index.low
    found: list[str] = []
    for m in index.finditer(_ORG_CUE, lo, hi):
        code = m.lastgroup or ""
        if code not in found and not _NOT_PARTICIPANT_BEFORE.search(low[max(lo, m.start() - 25):m.start()]):
            found.append(code)
    return [c for c in ORG_CUES if c in found]


def extract_events(text: str, article: str, published: date | None = None, *, low: str | None = None,
                   mentions: list[lexicon.Mention] | None = None, cues: CueIndex | None = None) -> list[Event]:
    """Every gathering or visit the article reports, with who took part, where, when and what was signed.
    `low`, `mentions` and `cues` may be passed when the caller has them already (the fact extractor does)."""
    low = lowered(text) if low is None else low
    index = CueIndex(low) if cues is None else cues
    if not index.has(_TRIGGER_CUE) and not index.has(_LEADERS_CUE):
        return []
    mentions = lexicon.find_mentions(text, low, index) if mentions is None else mentions
    ranked = [c for c, _ in Counter(m.code for m in mentions if m.code not in lexicon.GROUPS).most_common()]
    head = DATELINE_RE.match(text)
    if head:  # "Astana, 7 novembre 2025 —": where the dispatch was filed (the article's side), not who took part
        mentions = [m for m in mentions if m.start >= head.end()]
    dateline = re.match(r"\s*([A-ZÀ-Ý][\w'’ -]{1,40}?),\s+(?:le\s+)?\d", text)
    home = dateline.group(1) if dateline and dateline.group(1).lower() in DATELINE_PLACES else None
    full_dates = _full_dates(index)  # weekdays are counted from these
    events: list[Event] = []
    passing: list[Event] = []
    participant_lists: list[Span] = []
    # One scan of the lowered text per cue; a sentence is read closely only when a cue falls in it.
    cues = sorted({m.start() for c in _WHOLE_TEXT_CUES for m in index.finditer(c)})
    leader_pos = [m.start for m in mentions if m.kind == "leader"]
    para_list = paragraphs(text)
    _prefetch(text, index, para_list)
    for para in para_list:
        lo = bisect_left(cues, para.start)
        if (lo == len(cues) or cues[lo] >= para.end) and not para_has_two(leader_pos, para) \
                and "À " not in text[para.start:para.end]:
            continue
        for sent in sentences(text, para):
            seg, lseg = text[sent.start:sent.end], low[sent.start:sent.end]
            i = bisect_left(cues, sent.start)
            if (i == len(cues) or cues[i] >= sent.end) and not para_has_two(leader_pos, sent) \
                    and not seg.lstrip().startswith("À "):
                continue
            # the whole-text cues are looked up in the index; offsets in the sentence are relative to it
            if index.has(_PARTICIPANTS_CUE, sent.start, sent.end):
                if events and events[-1].event_type in ("summit", "meeting") and _EXPECTED_THERE.search(lseg):
                    last = events[-1]
                    last.participants = sorted(set(last.participants) | {m.code for m in _between(mentions, sent.start, sent.end)})
                    continue
                participant_lists.append(sent)
            t, off = index.search(_TRIGGER_CUE, sent.start, sent.end), sent.start
            indexed = t is not None  # a trigger from the index (not the stand-in for two leaders meeting)
            if t is not None and (_earlier(low, sent, t) or _aside(low, sent, t)):
                # "Après le sommet de juillet, M. Poutine s'est rendu à Astana": the sentence reports the visit
                t = next((u for u in index.finditer(_TRIGGER_CUE, t.end(), sent.end)
                          if not _earlier(low, sent, u) and not _aside(low, sent, u)), t)
            trip = None
            if t is not None and t.lastgroup == "visit" and index.has(_ORG_CUE, sent.start, sent.end):
                # "s'est rendu à Minsk pour le sommet de l'OTSC": a trip to a body's gathering is that gathering
                # (and a visit too when the text says so: "pour y effectuer une visite de travail et participer …")
                trip = t if _VISIT_AS_SUCH.search(lseg) else None
                t = next((u for u in index.finditer(_TRIGGER_CUE, t.end(), sent.end)
                          if u.lastgroup in ("summit", "meeting") and not _earlier(low, sent, u)), t)
                if t is trip:
                    trip = None
            if t is None and events and (index.has(_SIGNED_CUE, sent.start, sent.end)
                                         or index.has(_NOT_SIGNED_CUE, sent.start, sent.end)) \
                    and not index.has(_PLANNED_CUE, sent.start, sent.end):
                _attach_signing(events, lseg, published)
            if t is None:
                here = _between(mentions, sent.start, sent.end)
                leaders = {m.code for m in here if m.kind == "leader"}
                opening = _OPENING_PLACE.match(seg)
                away = opening and PLACES.get(opening.group("p").lower()) and any(
                    c != PLACES.get(opening.group("p").lower()) for c in leaders)
                if not away and (len(leaders) < 2 or not _LEADERS_MEET.search(lseg) or not _PLACE_RE.search(lseg)):
                    continue
                # two leaders meeting in one's country, or "À Bakou, M. Sharif avait obtenu...": a visit
                t, off = _FIRST_CHAR.search(seg), 0
            ts, te = t.start() - off, t.end() - off
            if _NOT_EVENT.search(lseg[max(0, ts - 30):te + 60]) or _AGGREGATE.search(lseg):
                continue
            if _ANAPHOR.search(lseg[max(0, ts - 25):te]) and not _PLACE_RE.search(lseg) \
                    and not _TO_COUNTRY.search(seg) and not _earlier_year(lseg[te:te + 60], published):
                # "à l'issue de la réunion, les dirigeants ont signé...": the gathering reported, what it signed
                if events and index.has(_SIGNED_CUE, sent.start, sent.end) \
                        and not index.has(_PLANNED_CUE, sent.start, sent.end):
                    _attach_signing(events, lseg, published)
                continue
            last_visit = next((e for e in reversed(events) if e.event_type == "visit"), None)
            ev = _event(text, index, sent, seg, t, mentions, article, published, ranked,
                        last_visit.visitor if last_visit else None, para, full_dates,
                        next((e.date_start for e in reversed(events) if e.date_start), None),
                        [e.participants for e in reversed(events)])
            if ev is None:
                if events and index.has(_SIGNED_CUE, sent.start, sent.end) \
                        and not index.has(_PLANNED_CUE, sent.start, sent.end):
                    _attach_signing(events, lseg, published)
                continue
            if events and _COUNTERPARTS.search(lseg) and ev.event_type in ("summit", "meeting"):
                # "a participé à un sommet tripartite avec ses deux homologues": the leaders named just before
                ev.participants = sorted(set(ev.participants) | set(events[-1].participants))
            if ev.place is None and ev.status == "held" and home and ev.event_type in ("summit", "meeting") \
                    and not _REMOTE.search(lseg) and not _SAME_PLACE.search(lseg):  # a videoconference is held nowhere
                ev.place, ev.place_country = home, PLACES[home.lower()]
                ev.host = ev.host or ev.place_country
                ev.participants = sorted(set(ev.participants) | {ev.place_country})
            if ev.event_type == "visit" and ev.place_country is None and home and ev.host == PLACES[home.lower()]:
                ev.place_country = ev.host  # "Bakou, 3 juin — Le président kazakh est arrivé mardi": in the host country
            if ev.status == "planned" and events and index.has(_SIGNED_CUE, sent.start, sent.end):
                # "ont signé un mémorandum et sont convenus de réunir la commission": signed at the gathering held
                _attach_signing(events, lseg, published)
            if "comment" in ev.notes and "year=" in ev.notes and any(
                    e.event_type == ev.event_type and e.participants == ev.participants
                    and (ev.place is None or ev.place == e.place) for e in events):
                continue  # "la visite de M. Xi devrait ouvrir de nouvelles perspectives": the visit reported
            events.append(ev)
            if trip is not None:
                visit = _event(text, index, sent, seg, trip, mentions, article, published, ranked,
                               last_visit.visitor if last_visit else None, para, full_dates, None, [])
                if visit is not None and visit.event_type == "visit" and visit.host and visit.visitor:
                    visit.organization = None
                    visit.participants = sorted({visit.host, visit.visitor})
                    events.append(visit)
            for n in ev.notes:
                if n.startswith("also="):
                    events += [replace(ev, host=c, place=None, place_country=c, participants=sorted({ev.visitor, c}),
                                       notes=[x for x in ev.notes if x != n]) for c in n[5:].split(",") if c]
            if ev.event_type == "visit" and ev.visitor and ev.host and _PRONOUN_SUBJECT.match(lseg):
                # "Il se rendra ensuite en Géorgie et en Arménie": one visit per country it goes to
                for m in _between(mentions, sent.start, sent.end):
                    if m.kind == "name" and m.code not in (ev.host, ev.visitor) and m.code not in lexicon.GROUPS \
                            and _TO_BEFORE.search(low, max(0, m.start - 5), m.start) \
                            and all(e.host != m.code or e.char_start != ev.char_start for e in events):
                        events.append(replace(ev, host=m.code, place=None, place_country=m.code,
                                              participants=sorted({ev.visitor, m.code})))
            if indexed:  # other gatherings the same sentence names
                passing.extend(_secondary(ev, index, text, sent, t, mentions, article))
    # named in passing: kept apart so that signings and pronouns attach to the gatherings reported
    return _with_members(_merge(_settle(events + passing, text), participant_lists, text, mentions), text, low, mentions)


def _settle(events: list[Event], text: str) -> list[Event]:
    """What the spec settles once every gathering is read: two leaders meeting in one's country make a visit
    ("le sommet Tokaïev–Japarov … à Bichkek"); a headline ("Sommet de Bichkek : vers un partenariat …", "Vers le
    12e sommet de l'OET") announces what the body reports, and is no event of its own."""
    for ev in events:
        countries = [c for c in ev.participants if c not in lexicon.GROUPS]
        if ev.event_type == "meeting" and len(countries) >= 3 and _HEADS_MEET.search(ev.evidence) \
                and not _MINISTERS.search(ev.evidence):
            ev.event_type = "summit"  # "lors de sa réunion avec ses homologues turc et turkmène": heads of state of three
            ev.notes.append("heads-of-state")
        if ev.event_type == "summit" and ev.organization is None and len(ev.participants) == len(countries) == 2 \
                and ev.place_country in countries and not _MULTILATERAL.search(ev.evidence) \
                and set(countries) <= {m.code for m in lexicon.find_mentions(ev.evidence)}:  # both named there
            ev.event_type, ev.host = "visit", ev.place_country
            ev.visitor = next(c for c in countries if c != ev.place_country)
            ev.notes.append("two-leaders")
    body = [e for e in events if not _in_headline(text, e.char_start)]
    return body + [e for e in events if _in_headline(text, e.char_start)
                   and not _ANNOUNCES.match(text, _line_start(text, e.char_start))
                   and not any(set(b.participants) == set(e.participants) for b in body)]


# a body's summit, named by its initials or its members ("le sommet du G20", "des BRICS", "de l'OCS")
_MULTILATERAL = re.compile(r"\b(?:[A-Z]{2,6}|[A-Z]\d{1,2})\b|\bsommet\s+(?:du|des)\s")
_HEADS_MEET = re.compile(r"\b(?:président|présidente|chef\s+de\s+l['’]état)\b[^.]*\bhomologues\b|"
                         r"\bprésidents?\b[^.;]*;[^.;]*\bprésident", re.IGNORECASE)
_MINISTERS = re.compile(r"\bministres?\b", re.IGNORECASE)
_ANNOUNCES = re.compile(r"\s*vers\s", re.IGNORECASE)  # "Vers le 12e sommet": what is to come


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _in_headline(text: str, pos: int) -> bool:
    """A line of its own no full stop ends: a title or a subheading."""
    end = text.find("\n", pos)
    line = text[_line_start(text, pos):end if end >= 0 else len(text)].strip()
    return 0 < len(line) <= 120 and not line.endswith((".", "!", "?", "»", '"', ";", ",", ":"))


CENTRAL_ASIA = ("KAZ", "KGZ", "TJK", "TKM", "UZB")
_CENTRAL_ASIA_FIVE = re.compile(r"\bcinq\s+(?:pays|républiques|états|capitales)\s+d'asie\s+centrale\b"
                                # "la réunion consultative des chefs d'État d'Asie centrale": the region's five leaders
                                r"|\b(?:chefs\s+d'[ée]tat|présidents|dirigeants)\s+(?:des\s+(?:pays|états)\s+)?d'asie\s+centrale\b")
# a format named after the region ("sommet Asie centrale–Chine", "UE-Asie centrale", "C5+1"): its five members,
# unless the sentence names who came ("avec les dirigeants du Kazakhstan et de l'Ouzbékistan")
_CENTRAL_ASIA_FORMAT = re.compile(r"\b(?:sommet|format|forum|réunion)\s+(?:[\w-]+\s*[–—-]\s*)?asie\s+centrale\s*"
                                  r"(?:[–—+-]|\bplus\b)|[–—-]\s*asie\s+centrale\b|\bc5\s*\+\s*1\b")
# two heads of state or government ("vice-Premiers ministres" are not); a council or commission they chair is a meeting
_LEADERS = r"(?<![\w-])(?:présidents|chefs\s+d'[ée]tat|premiers\s+ministres|chefs\s+de\s+gouvernement|dirigeants)\b"
_TWO_LEADERS = re.compile(_LEADERS + r"(?![^.]*\b(?:conseil|commission|comité|forum)\b)")
_REMOTE = Prefiltered(re.compile(r"\b(?:visioconférence|vidéoconférence|en\s+ligne|format\s+virtuel|virtuellement)\b"),
                      ("conférence", "en ligne", "virtuel"))
# an international forum with delegations of 80 countries: its sides are not the article's pair
_MANY_SIDES = re.compile(r"\binternationale?s?\b|\bmondiale?s?\b|\b\d+\s+pays\b")
_BODY_HEADS = re.compile(_LEADERS + r"\s+(?:des\s+(?:pays|états)(?:\s+membres)?\s+)?(?:de\s+l'|de\s+la\s+|du\s+)")
_HEADS_OF_STATE = re.compile(r"\b(?:présidents|chefs\s+d'[ée]tat|chefs\s+d'etat)\b")
# "après le sommet", "lors du récent sommet des non-alignés": a gathering before the one the sentence reports
# ("au lendemain du sommet, M. X s'était envolé pour Bakou", "à l'issue de la réunion, il a été reçu")
_EARLIER = re.compile(r"\b(?:après\s+(?:le|la|l')|lors\s+(?:du|de\s+la)\s+(?:récente?|dernière?)|(?:du|de\s+la)\s+récente?|"
                      r"au\s+lendemain\s+(?:du|de\s+la|de\s+l')|à\s+l'issue\s+(?:du|de\s+la|de\s+l'))\s*$")
# "En marge de la réunion, X s'est entretenu avec Y, qu'il retrouvera à Bakou": the gathering the talks are part of
_ASIDE = re.compile(r"\ben\s+marge\s+(?:du|de\s+la|de\s+l')\s*$")


def _earlier(low: str, sent: Span, trigger: re.Match[str]) -> bool:
    """'après le sommet': a gathering before the one the sentence reports."""
    return _EARLIER.search(low, max(sent.start, trigger.start() - 24), trigger.start()) is not None


def _aside(low: str, sent: Span, trigger: re.Match[str]) -> bool:
    """'en marge du sommet': the gathering reported already, the sentence may report another one after it."""
    return _ASIDE.search(low, max(sent.start, trigger.start() - 16), trigger.start()) is not None

_TOUR = re.compile(r"\baprès\s+avoir\s+visité\s+[^,;.]+")
_CLAUSE_END = re.compile(r"[,;:.]|\s[—–]\s")


def _secondary(ev: Event, index: CueIndex, text: str, sent: Span, t: re.Match[str],
               mentions: list[lexicon.Mention], article: str) -> list[Event]:
    """Gatherings a sentence names beside the one it reports, each from its own clause:
    "après le sommet de l'OCS de juillet, Vladimir Poutine a été reçu..." (an earlier summit of the
    same sides), "Après avoir visité le Pakistan et le Kazakhstan, le ministre est arrivé en Ouzbékistan"
    (the earlier stops of a tour, visits by the same visitor)."""
    low, out = index.low, []
    for u in index.finditer(_TRIGGER_CUE, sent.start, sent.end):
        kind = u.lastgroup or "meeting"
        # "après la visite": the visit the article reports, as a rule
        if u.start() == t.start() or kind == "visit" or not _earlier(low, sent, u):
            continue
        end = _CLAUSE_END.search(low, u.end(), sent.end)
        span = Span(u.start(), end.start() if end else sent.end)
        orgs = _orgs(index, span.start, span.end)
        place_m = _PLACE_RE.search(low, span.start, span.end)
        if not orgs and place_m is None and not any(span.start <= m.start < span.end for m in mentions):
            continue  # "au lendemain du sommet,": the gathering reported before, nothing new of it
        place = text[place_m.start("p"):place_m.end("p")] if place_m else None
        place_country = PLACES.get(place_m.group("p")) if place_m else None
        participants = sorted(set(ev.participants) | set(orgs) | ({place_country} if place_country else set()))
        out.append(_clause_event(article, kind, text, span, participants, place, place_country,
                                 organization=orgs[0] if orgs else None))
    tour = _TOUR.search(low, sent.start, sent.end)
    if tour and ev.event_type == "visit" and ev.visitor:
        for m in mentions:
            if tour.start() <= m.start < tour.end() and m.kind == "name" and m.code not in lexicon.GROUPS \
                    and m.code != ev.visitor:
                out.append(_clause_event(article, "visit", text, Span(tour.start(), m.end),
                                         sorted({ev.visitor, m.code}), None, m.code, host=m.code, visitor=ev.visitor))
    return out


def _clause_event(article: str, kind: str, text: str, span: Span, participants: list[str], place: str | None,
                  place_country: str | None, *, host: str | None = None, visitor: str | None = None,
                  organization: str | None = None) -> Event:
    """An earlier gathering named in passing: held, undated (a month alone gives no date), nothing signed."""
    evidence, start, end, year = _evidence(text, span)
    return Event(article=article, event_type=kind, status="held", date_start=None, date_end=None, place=place,
                 place_country=place_country, participants=participants, host=host or place_country,
                 visitor=visitor, organization=organization, signed=False, documents=None,
                 evidence=evidence, char_start=start, char_end=end, notes=[year, "in-passing"])


def _evidence(text: str, span: Span) -> tuple[str, int, int, str]:
    """The span's text without its surrounding blanks, its offsets, and the 'year=' note (the year it names)."""
    seg = text[span.start:span.end]
    year = _ANY_YEAR.search(seg)
    return (seg.strip(), span.start + len(seg) - len(seg.lstrip()), span.start + len(seg.rstrip()),
            f"year={year.group(0)}" if year else "year=")


_EVE_OF = re.compile(r"à\s+la\s+veille\s+de")
_EN_YEAR = re.compile(r"\ben\s+((?:19[89]\d|20[0-4]\d))\b")
_ANY_YEAR = re.compile(r"\b(?:19[89]\d|20[0-4]\d)\b")
_ANY_YEAR_LOOSE = re.compile(r"\b(?:19|20)\d\d\b")
_ADOPTED = re.compile(r"\b(?:ont|a)\s+adopté")
_OPENING_PLACE = re.compile(r"\s*À\s+(?P<p>[A-ZÀ-Ý][\w'’-]+)\s*,")
_FIRST_CHAR = re.compile(r"(?P<visit>.)")
_COUNTERPARTS = re.compile(r"\b(?:ses|leurs)\s+(?:deux|trois|quatre)\s+homologues\b")
_GUEST = (r"(?:(?:son|leur)\s+homologue|une\s+délégation|(?:le|la)\s+(?:présidente?|premier\s+ministre|première\s+ministre|"
          r"vice-présidente?|vice-premier\s+ministre|ministre|chef\s+de\s+la\s+diplomatie|secrétaire\s+général))")
_RECEIVED_COUNTERPART = re.compile(r"\ba\s+(?:accueilli|reçu)\s+(?:[\w'’-]+\s+){0,4}?" + _GUEST)
_TO_COUNTRY = re.compile(r"\b(?:en|au|aux)\s+[A-ZÀ-Ý]")
_TO_BEFORE = re.compile(r"\b(?:en|au|aux)\s+$")
_TO_NAMED = re.compile(r"\b(?:en|au|aux)\s+(?P<c>[A-ZÀ-Ý][\w'’-]+)")
_TOUR_STOP_BEFORE = re.compile(r"(?:visité|visiter|passé\s+par)\s+(?:[\w'’]+\s+){0,5}$")
_PRONOUN = re.compile(r"\b(?:il|elle)\b")
# a visit done as such beside the gathering ("pour y effectuer une visite d'État et participer au sommet"), not a
# trip told as a visit whose business is the gathering ("en visite de travail à Minsk, où il a participé à …")
_WHOSE_CLAUSE = re.compile(r"\b(?:pour|afin|qui|dont|où|auquel|reliant|lors)\b")
_VISIT_AS_SUCH = re.compile(r"\b(?:(?:effectuer|effectue|effectuera|a\s+effectué)\s+une\s+visite|pourparlers|"
                            r"entretiens\s+bilatéraux)")
_POSSESSIVE_TRIP = re.compile(r"\b(?:sa|son)\s+(?:\w+\s+)?(?:visite|tournée|voyage|déplacement|séjour)\b")
_PRONOUN_SUBJECT = re.compile(r"\s*(?:il|elle)\s")
_YEAR_AFTER = re.compile(r"[^.;,]*?\ben\s+((?:19[89]\d|20[0-4]\d))\b")


def _earlier_year(after: str, pub: date | None) -> bool:
    """'après la visite de M. Erdoğan en 2016': dated before the article's year, so not the visit it reports."""
    m = _YEAR_AFTER.match(after)
    return bool(m and pub and int(m.group(1)) < pub.year)


def _between(mentions: list[lexicon.Mention], lo: int, hi: int) -> list[lexicon.Mention]:
    """The mentions starting in [lo, hi) (mentions come in text order)."""
    return mentions[bisect_left(mentions, lo, key=_START):bisect_left(mentions, hi, key=_START)]


_START = attrgetter("start")


def para_has_two(positions: list[int], span: Span) -> bool:
    """At least two leader mentions inside the span (a bilateral meeting needs both)."""
    return bisect_left(positions, span.end) - bisect_left(positions, span.start) >= 2


def _event(text: str, index: CueIndex, sent: Span, seg: str, t: re.Match[str], mentions: list[lexicon.Mention], article: str,
           pub: date | None, ranked: list[str], last_visitor: str | None, para: Span,
           full_dates: list[re.Match[str]], last_date: str | None = None,
           earlier_sides: list[list[str]] = ()) -> Event | None:
    kind = t.lastgroup or "meeting"
    if kind == "meeting" and any(u.lastgroup == "summit" and not _earlier(index.low, sent, u)
                                 for u in index.finditer(_TRIGGER_CUE, t.end(), sent.end)):
        kind = "summit"  # "se sont réunis à Samarcande pour leur 12e sommet": the gathering is a summit
    low = index.low
    low_seg = low[sent.start:sent.end]
    here = [m for m in _between(mentions, sent.start, sent.end)
            if not _NOT_PARTICIPANT_BEFORE.search(low, max(0, m.start - 25), m.start)]
    read = _structure(text, index, sent, t, here)
    if read is not None and read.aside:
        # countries in a clause about something else take no part ("… pour faire le point sur la route qui
        # relie la Chine à l'Europe")
        here = [m for m in here if m not in read.aside]
    if read is not None and read.status is not None:
        planned = read.status == "planned"
    elif read is not None and read.clause is not None:
        # a cue of plans counts in the clause that reports the gathering, not in another one of the sentence
        planned = any(read.in_clause(m.start()) for m in index.finditer(_PLANNED_CUE, sent.start, sent.end))
    else:
        planned = index.has(_PLANNED_CUE, sent.start, sent.end)
    codes = []
    for m in here:
        if m.code not in codes:
            codes.append(m.code)
    refers_main = index.has(_REFERS_CUE, sent.start, sent.end)  # the article's main gathering again
    refers = planned and refers_main  # its next one
    # a summit with no body named is the paragraph's body's, unless it names its own format ("le sommet C5+1")
    orgs = _orgs(index, sent.start, sent.end) or (
        _orgs(index, para.start, para.end) if kind == "summit" and not refers and not _OWN_FORMAT.search(seg) else [])
    place_m = _PLACE_RE.search(low_seg) or _HOST_CITY_RE.search(low_seg)  # "Astana accueillera le sommet"
    dest_country = any(m.kind == "name" and _TO_BEFORE.search(text, max(0, m.start - 5), m.start)
                       for m in here)
    if place_m is None and not dest_country:
        weak = list(_WEAK_PLACE_RE.finditer(low_seg))
        place_m = weak[-1] if weak else None
    place = seg[place_m.start("p"):place_m.end("p")] if place_m else None
    place_country = PLACES.get(place_m.group("p")) if place_m else None
    if place_country is None:
        dest = _TO_NAMED.search(seg)
        if dest:
            hit = [m for m in here if m.start == sent.start + dest.start("c")]
            place_country = hit[0].code if hit else None
    five = _CENTRAL_ASIA_FIVE.search(low_seg) is not None or (
        _CENTRAL_ASIA_FORMAT.search(low_seg) is not None
        and len({m.code for m in here if m.code in CENTRAL_ASIA and not (
            place_m is not None and sent.start + place_m.start("p") <= m.start < sent.start + place_m.end("p"))}) <= 1)
    if five:  # "les présidents des cinq pays d'Asie centrale": each of them (named, so not "both sides")
        codes += [c for c in CENTRAL_ASIA if c not in codes]
    countries = [c for c in codes if c not in lexicon.GROUPS]
    both = not five and index.has(_BOTH_CUE, sent.start, sent.end)
    visitor = host = None
    if kind == "meeting" and not orgs and len(countries) == 2 and place_country in countries \
            and _TWO_LEADERS.search(low_seg):
        # "les Premiers ministres ouzbek et tadjik se sont retrouvés à Khodjent": one side travelled (the spec)
        kind = "visit"
    if kind == "visit":
        host = place_country
        # "après avoir visité le Pakistan et le Kazakhstan": other stops of a tour, not the visitor
        elsewhere = {m.code for m in here if m.kind == "name" and _TOUR_STOP_BEFORE.search(low, max(0, m.start - 40), m.start)}
        others = [m for m in here if m.code != host and m.code not in lexicon.GROUPS and m.code not in elsewhere]
        subject = [m for m in others if m.kind in ("demonym", "leader")] or others
        visitor = subject[0].code if subject else (orgs[0] if orgs else None)
        if last_visitor and _PRONOUN_SUBJECT.match(low_seg) and not any(m.kind in ("demonym", "leader") for m in here):
            # "Il se rendra ensuite en Géorgie et en Arménie": the traveller of the visit before goes on
            visitor = last_visitor
        guest = _RECEIVED_COUNTERPART.search(low_seg)
        if guest:  # "X a reçu son homologue azerbaïdjanais": the counterpart travelled, X's side is the host
            after = [m for m in here if m.start >= sent.start + guest.end() and m.code not in lexicon.GROUPS]
            before = [m for m in here if m.start < sent.start + guest.start() and m.code not in lexicon.GROUPS]
            if after:
                visitor = after[0].code
                if before and before[0].code != visitor:
                    host = before[0].code
                    place_country = place_country or host
        if read is not None:  # the sentence's structure, where it names the roles, outranks the words' order
            visitor, host, place, place_country = _visit_roles(read, seg, sent, visitor, host, place,
                                                               place_country)
        if visitor is None and _PRONOUN.search(low_seg):
            visitor = last_visitor
        elif last_visitor and last_visitor != host and (read is None or not read.first(event_frames.VISITOR)) \
                and _POSSESSIVE_TRIP.search(low_seg):
            visitor = last_visitor  # "sa visite en Russie": the traveller reported before goes on
        if host is None and len(countries) >= 2:
            host = next((c for c in countries if c != visitor), None)
            place_country = host
        if visitor is None:  # the side the article is about that is not the host (nor another stop of a tour)
            visitor = next((c for c in ranked if c != host and c not in elsewhere), None)
        if host is None and both:
            host = next((c for c in ranked if c != visitor), None)
            place_country = host
        if host is None and len(countries) <= 1 and visitor in ranked[:2]:
            # "après la visite de M. Erdoğan en 2016": a visit has a host; no place named, it is the other
            # side the article is about (the host country, not a place: place_country stays unknown)
            host = next((c for c in ranked[:2] if c != visitor), None)
        participants = sorted({c for c in (visitor, host) if c})
        organization = visitor if visitor in lexicon.GROUPS else None
    else:
        host = place_country
        participants = sorted(set(countries + orgs + ([host] if host else [])))
        count = _N_SIDES.search(low_seg) if both else None
        n = int(parse_number(count.group("n"))) if count else 2
        named = [c for c in participants if c not in lexicon.GROUPS]
        if both and n > 2 and len(named) != n:
            # "les délégations des quatre pays se retrouveront": the four named by a gathering before
            same = next((p for p in earlier_sides if len([c for c in p if c not in lexicon.GROUPS]) == n), None)
            if same is not None:
                participants = sorted(set(orgs) | set(same) | ({host} if host else set()))
        elif both and len(named) != 2:
            participants = sorted(set(orgs) | set(ranked[:2]) | ({host} if host else set()))
        if last_visitor and _PRONOUN_SUBJECT.match(low_seg) and last_visitor not in participants:
            # "Il a également participé au sommet du G20 …": the traveller reported before takes part
            participants = sorted({*participants, last_visitor})
        if len(participants) == 1 and not orgs and not refers_main and not _MANY_SIDES.search(low_seg):
            # a meeting has two sides at least: the other is the country the paragraph just named, else the one
            # the article is about
            before = [m.code for m in reversed(_between(mentions, para.start, sent.start))
                      if m.code not in participants and m.code not in lexicon.GROUPS]
            participants = sorted(set(participants) | {next(iter(before), None)
                                                       or next((c for c in ranked if c not in participants), participants[0])})
        organization = orgs[0] if orgs else None
        if kind == "meeting" and _HEADS_OF_STATE.search(low_seg) \
                and len([c for c in participants if c not in lexicon.GROUPS]) >= 3:
            kind = "summit"  # heads of state of three countries or more: a summit, whatever the word
        elif kind == "meeting" and orgs and _BODY_HEADS.search(low_seg):
            kind = "summit"  # "les Premiers ministres des pays de la CEI se réuniront": a body's heads meet
    # "Le prochain sommet doit se tenir dans deux ans": the article's main gathering again, its
    # participants given by it when the article is merged (dropped if there is none)
    if not participants and not (kind != "visit" and refers_main):
        return None
    start, end = _dates(low, sent, pub, planned, full_dates, last_date)
    days = _DAYS_RE.search(low_seg)
    if start and days and end == start:
        n = int(parse_number(days.group("n")))
        if _ENDED.search(low_seg):  # "a quitté Douchanbé mercredi au terme d'une visite de deux jours": the last day
            start = end - timedelta(days=n - 1)
        else:
            end = start + timedelta(days=n - 1)
    not_signed = index.has(_NOT_SIGNED_CUE, sent.start, sent.end)
    signed = index.has(_SIGNED_CUE, sent.start, sent.end) and not planned and not not_signed
    # the count matters when something was signed; "aucun accord n'a été signé" is a count of 0
    docs = None if planned else _documents(low_seg) if signed else 0 if not_signed else None
    evidence, ev_start, ev_end, year_note = _evidence(text, sent)
    ev = Event(
        article=article, event_type=kind, status="planned" if planned else "held",
        date_start=start.isoformat() if start else None, date_end=end.isoformat() if end else None,
        place=place, place_country=place_country, participants=participants, host=host,
        visitor=visitor if kind == "visit" else None, organization=organization, signed=signed,
        documents=docs if (signed or docs == 0) else None, evidence=evidence, char_start=ev_start, char_end=ev_end,
        notes=[year_note, "refers-to-main"] if refers_main else [year_note],
    )
    if read is not None and read.comment:
        ev.notes.append("comment")
    hosts = read.roles.get(event_frames.HOST, []) if read is not None and kind == "visit" else []
    if len(hosts) > 1 and ev.visitor and ev.host == hosts[0]:
        # "la tournée … l'a amené au Turkménistan, au Kazakhstan et en Ouzbékistan": one visit per stop
        ev.notes.append("also=" + ",".join(c for c in hosts[1:] if c != ev.visitor and c not in lexicon.GROUPS))
    return ev


def _prefetch(text: str, index: CueIndex, paras: list[Span]) -> None:
    """Parse in one batch the sentences whose gathering the structure will read (half the time of one by one)."""
    triggers = [m.start() for m in index.finditer(_TRIGGER_CUE)]
    if not triggers:
        return
    wanted = []
    for para in paras:
        k = bisect_left(triggers, para.start)
        if k == len(triggers) or triggers[k] >= para.end:
            continue
        for sent in sentences(text, para):
            t = index.search(_TRIGGER_CUE, sent.start, sent.end)
            if t is not None and _wants_parse(index, sent, t, 0):
                wanted.append(text[sent.start:sent.end])
    parse.prefetch(wanted)


def _wants_parse(index: CueIndex, sent: Span, t: re.Match[str], sides: int) -> bool:
    """Whether the structure may say what the words cannot: a visit's roles, a cue of plans (whose clause?), three
    sides or a clause that may hold other countries. Otherwise the parser (a third of the extraction's time) is
    not asked; nor for a sentence too long to parse or a trigger that stands in for two leaders meeting."""
    if t.lastgroup not in ("visit", "summit", "meeting", "exercise") or sent.end - sent.start > MAX_PARSED_CHARS \
            or t.end() - t.start() < 2:
        return False
    return t.lastgroup == "visit" or sides >= 3 or index.has(_PLANNED_CUE, sent.start, sent.end) \
        or _WHOSE_CLAUSE.search(index.low, sent.start, sent.end) is not None


def _structure(text: str, index: CueIndex, sent: Span, t: re.Match[str],
               here: list[lexicon.Mention]) -> event_frames.EventReading | None:
    """The structure's reading of the gathering at trigger `t`, None where the words settle it (`_wants_parse`)."""
    if not _wants_parse(index, sent, t, len({m.code for m in here})):
        return None
    lo, hi = t.start(), t.end()
    # other gatherings whose places are theirs: an earlier one, or a summit ("lors du récent sommet … à Bakou");
    # a bilateral meeting during the visit ("avant une réunion bilatérale dans la capitale") is the visit's own
    others = [(u.start(), u.end()) for u in index.finditer(_TRIGGER_CUE, sent.start, sent.end)
              if u.start() != lo and (u.lastgroup == "summit" or _earlier(index.low, sent, u))]
    return event_frames.read(text[sent.start:sent.end], sent.start, here, lo, hi, others)


def _visit_roles(read: event_frames.EventReading, seg: str, sent: Span,
                 visitor: str | None, host: str | None, place: str | None,
                 place_country: str | None) -> tuple[str | None, str | None, str | None, str | None]:
    """A visit's visitor, host and place where the structure names them: the subject of "se rendre" travels, the
    place it goes to receives, the subject of "recevoir" receives; a place another gathering holds is not the
    visit's ("lors du récent sommet … à Bakou, X effectuera une visite en Iran")."""
    sides = read.roles.get(event_frames.SIDE, [])
    got_host = read.first(event_frames.HOST) or read.first(event_frames.WHERE)
    got_visitor = read.first(event_frames.VISITOR)
    if got_host is None and len(sides) == 2 and read.first(event_frames.WHERE) in sides:
        got_host = read.first(event_frames.WHERE)  # "X a rencontré Y à Bakou": the side at home receives
    if got_visitor is None and got_host is not None and len(sides) >= 1:
        got_visitor = next((c for c in sides if c != got_host), None)
    if got_visitor is not None and got_host is None and host == got_visitor:
        # "La visite du président Tokaïev reflète l'engagement d'Astana avec Ankara": the traveller's side does not
        # receive; the host is the other side named
        host = place = place_country = None
        visitor = got_visitor
    if got_host is not None and got_visitor is None and visitor == got_host:
        visitor = None  # "il a été accueilli par son homologue X": X's side receives; who travels comes from before
    if got_host is not None and got_host != (got_visitor or visitor):
        host = got_host
        if place_country != got_host:
            spot = next((m for m in read.places if m.code == got_host), None)
            place = seg[spot.start - sent.start:spot.end - sent.start] if spot else None
        place_country = got_host
    elif place is not None and place_country is not None and place_country == host and any(
            m.code == place_country for m in read.foreign_places) and not read.places:
        place = place_country = host = None  # the only place named is another gathering's
    if got_visitor is not None and got_visitor != host:
        visitor = got_visitor
    elif visitor is not None and visitor == host:
        visitor = None
    return visitor, host, place, place_country


def _attach_signing(events: list[Event], seg: str, pub: date | None) -> None:
    """'Les trois ministres ont signé le protocole': the documents of the latest held event (of this year).
    `seg` is the lowered sentence."""
    held = [e for e in events if e.status == "held"]
    if not held:
        return
    target = held[-1]
    other_year = next((n for n in target.notes if n.startswith("year=") and n != "year="), None)
    if other_year and pub and other_year != f"year={pub.year}" and not _ANY_YEAR_LOOSE.search(seg):
        target = held[0]
    where = _PLACE_RE.search(seg)
    if where and target.place and PLACES.get(where.group("p")) != target.place_country:
        return  # "L'année suivante, à Samarcande, les dirigeants ont adopté…": another gathering's
    if _NOT_SIGNED.search(seg):
        if not target.signed:
            target.documents = 0
        return
    if not target.signed:
        target.signed = True
        target.documents = _documents(seg)


_FORUM = re.compile(r"\bforum\b|\bsalon\b|\bexposition\b|\bfoire\b")
_BODY = re.compile(r"\b(?:conseil|commission|comité|session|réunion|conférence|assemblée)\b")


def _gathering(ev: Event) -> str | None:
    """'forum' for a business forum or fair, 'body' for a council, commission or meeting, None when unnamed."""
    low = ev.evidence.lower()
    f, b = _FORUM.search(low), _BODY.search(low)
    if f and (not b or f.start() < b.start()):
        return "forum"
    return "body" if b else None


_DURING = re.compile(r"\b(?:au\s+cours\s+d|lors\s+d|pendant|durant)", re.IGNORECASE)


# "l'OTSC regroupe six anciennes républiques soviétiques : l'Arménie, la Biélorussie, …": a body's members
_MEMBERS_ARE = re.compile(r"\b(?:regroupe|réunit|rassemble|comprend|compte|se\s+compose\s+de|est\s+composée?\s+de)\b"
                          r"[^.:;]{0,80}?(?::|\(|,\s*à\s+savoir)")
_ALL_MEMBERS = re.compile(r"\b(?:tous\s+les|l['’]ensemble\s+des)\s+(?:états|pays)\s+membres\b")


def _with_members(events: list[Event], text: str, low: str, mentions: list[lexicon.Mention]) -> list[Event]:
    """A body's gathering "de tous les États membres" takes the members the article lists for that body."""
    if not any(e.organization for e in events) or not _ALL_MEMBERS.search(low):
        return events
    for ev in events:
        if ev.organization is None or ev.status != "held":
            continue
        for m in _MEMBERS_ARE.finditer(low):
            line_end = low.find(".", m.end())
            head = _orgs_in(low[max(0, m.start() - 60):m.start()])
            if ev.organization not in head:
                continue
            listed = {x.code for x in mentions if m.end() <= x.start < (line_end if line_end >= 0 else len(low))
                      and x.code not in lexicon.GROUPS and x.kind == "name"}
            if len(listed) >= 2:
                ev.participants = sorted(set(ev.participants) | listed)
                break
    return events


def _orgs_in(seg: str) -> set[str]:
    return {m.lastgroup for m in _ORG_ANY.finditer(seg) if m.lastgroup}


def _mergeable(o: Event, ev: Event) -> bool:
    if o.status != ev.status and not (o.event_type == "visit" and ev.event_type == "meeting"):
        return False
    years = {n for n in (*o.notes, *ev.notes) if n.startswith("year=") and n != "year="}
    years |= {f"year={d[:4]}" for d in (o.date_start, ev.date_start) if d}
    if len(years) > 1:
        return False  # "sa visite de mars 2018" is not this week's visit
    same_place = o.place_country == ev.place_country or ev.place_country is None or o.place_country is None
    if o.event_type == ev.event_type:
        if (o.organization or _OWN_FORMAT.search(o.evidence)) and (ev.organization or _OWN_FORMAT.search(ev.evidence)) \
                and o.organization != ev.organization:
            return False  # the OCS's summit and the C5+1 summit are two gatherings
        if ev.event_type == "meeting" and {_gathering(o), _gathering(ev)} == {"forum", "body"}:
            return False  # a business forum and a council's session are two gatherings, wherever they are held
        return same_place and (ev.event_type != "visit" or o.visitor == ev.visitor)
    # a meeting held at a summit's place during it is part of the summit; a meeting of a visit's two
    # sides is part of the visit
    if {o.event_type, ev.event_type} == {"summit", "meeting"}:
        # (not the ministers' meeting of the day before: its own date, outside the summit's days)
        apart = o.date_start and ev.date_start and (
            ev.date_start > (o.date_end or o.date_start) or (ev.date_end or ev.date_start) < o.date_start)
        return o.status == "held" and o.place_country is not None and o.place_country == ev.place_country \
            and not apart
    if o.event_type == "visit" and ev.event_type == "meeting":
        # (not a commission's session the day before, or in another city: "la veille, la commission mixte
        # s'était réunie à Batken")
        elsewhere = o.place is not None and ev.place is not None and o.place.lower() != ev.place.lower()
        before = o.date_start is not None and ev.date_start is not None and ev.date_start < o.date_start
        # (talks planned during a visit under way are part of it: "au cours d'une série de réunions prévues avec")
        during = ev.status == "held" or (ev.date_start is None and _DURING.search(ev.evidence) is not None)
        return o.status == "held" and set(ev.participants) <= set(o.participants) and not elsewhere and not before \
            and during
    return False


def _merge(events: list[Event], lists: list[Span], text: str, mentions: list[lexicon.Mention]) -> list[Event]:
    """One event per (type, status, place) in an article; participant lists feed the first held gathering."""
    out: list[Event] = []
    # a gathering named in passing joins the one a sentence of its own reports (which keeps its evidence)
    for ev in sorted(events, key=lambda e: "in-passing" in e.notes):
        same = next((o for o in out if _mergeable(o, ev)), None)
        if same is None:
            out.append(ev)
            continue
        if same.event_type == "meeting" and ev.event_type == "summit":
            same.event_type = "summit"
        if ev.event_type != "visit" and same.event_type != "visit":
            same.participants = sorted(set(same.participants) | set(ev.participants))
        same.date_start = same.date_start or ev.date_start
        same.date_end = same.date_end or ev.date_end
        same.place = same.place or ev.place
        same.place_country = same.place_country or ev.place_country
        same.host = same.host or ev.host
        same.organization = same.organization or ev.organization
        if ev.signed and not same.signed:
            same.signed, same.documents = True, ev.documents
        elif ev.documents is not None and same.documents is None:
            same.documents = ev.documents
    main = next((e for e in out if e.status == "held" and e.event_type in ("summit", "meeting")), None)
    if main is not None:
        # a sentence that reports another gathering ("X a reçu son homologue") lists that one's sides
        others = [(e.char_start, e.char_end) for e in out if e is not main]
        for sent in lists:
            if any(s < sent.end and sent.start < e for s, e in others):
                continue
            reported = max((e for e in out if e.char_start < sent.start and "in-passing" not in e.notes),
                           key=attrgetter("char_start"), default=None)
            if reported is not None and reported is not main and reported.event_type == "visit":
                continue  # "une séance élargie aux délégations" after a visit is reported: the visit's sides
            extra = {m.code for m in mentions if sent.start <= m.start < sent.end}
            main.participants = sorted(set(main.participants) | extra)
    for ev in out:
        # "le prochain exercice": the next of the article's held exercise; a next session or summit: of its main
        # gathering
        ref = next((e for e in out if e.status == "held" and e.event_type == "exercise"), main) \
            if ev.event_type == "exercise" else main
        if ref is None and ev.event_type == "meeting" and len(ev.participants) == 1:
            # "les parties ont examiné la prochaine session de la commission": no gathering held, the sides
            # of the talks the article reports (a visit) hold it
            ref = next((e for e in out if e.status == "held" and e is not ev), None)
        if ref is None or ev is ref or "refers-to-main" not in ev.notes or ev.event_type == "visit":
            continue
        ev.organization = ev.organization or ref.organization
        if ev.place is None and ev.status == "held" and _SAME_PLACE.search(ev.evidence.lower()):
            ev.place, ev.place_country = ref.place, ref.place_country  # "au même endroit", "sur place"
        # a body's next session: the body, the host and the countries named; a format's: its members
        # (with no host named, the body alone would be one side: the format's members then)
        base = {ev.organization} if ev.organization and ev.host else set(ref.participants)
        ev.participants = sorted(set(ev.participants) | base)
        if ev.event_type == "meeting" and ref.event_type == "summit" and re.search(
                r"de\s+ce\s+type", ev.evidence, re.IGNORECASE):
            ev.event_type = "summit"
    # a meeting of one country alone ("le chef de l'État a tenu une réunion avec le gouverneur") is no cooperation;
    # a named gathering ("le Forum de Bakou", "en présence de délégations de 80 pays") may name its host only
    return [ev for ev in out if ev.participants
            and not (len(ev.participants) == 1 and ev.participants[0] not in lexicon.GROUPS
                     and not _MANY_SIDES.search(ev.evidence.lower()) and not _NAMED_GATHERING.search(ev.evidence.lower()))]


# Cue patterns found once in the lowered text by the article's cue index (cues.py).
# (the patterns themselves: they all match lowered text)
_TRIGGER_CUE = cue("event-trigger", _TRIGGER_RE)
_LEADERS_CUE = cue("leaders-meet", _LEADERS_MEET)
_PARTICIPANTS_CUE = cue("participants", _PARTICIPANTS)
_SIGNED_CUE = cue("signed", _SIGNED)
_NOT_SIGNED_CUE = cue("not-signed", _NOT_SIGNED)
_PLANNED_CUE = cue("planned", _PLANNED)
_NAMED_GATHERING = re.compile(r"\b(?:forum|sommet|conférence|congrès|salon|exposition|assemblée|cop\s?\d+)\b")
_SAME_PLACE = re.compile(r"\b(?:au\s+même\s+endroit|sur\s+place|dans\s+la\s+même\s+ville)\b")
_REFERS_CUE = cue("refers-to-main", _REFERS)
_BOTH_CUE = cue("both-sides", _BOTH)
_OWN_FORMAT = re.compile(r"\bsommets?\s+(?:du\s+|des\s+)?(?:[A-Z][\w+]*\d|[A-ZÀ-Ý][\w]+\s*[–—-]\s*[A-ZÀ-Ý])")
_N_SIDES = re.compile(r"\b(?:les|des|nos|aux)\s+(?P<n>deux|trois|quatre|cinq|six)\s+(?:pays|parties|voisins|capitales|"
                      r"présidents|dirigeants|chefs\s+d['’][ée]tat|gouvernements|ministres)")
_WHOLE_TEXT_CUES = [_TRIGGER_CUE, _PARTICIPANTS_CUE, _SIGNED_CUE, _NOT_SIGNED_CUE]
