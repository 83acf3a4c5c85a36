"""French sentence structure from spaCy's `fr_core_news_md`: parts of speech, morphology and dependencies.

Only sentences that hold a figure or a gathering's trigger are parsed, and only when the linker asks (a figure
alone in its sentence with no country named needs no parse). The model is loaded once per process, on first use:
never for `--help`, an empty input or an article with neither figures nor a gathering. Lemmas are worked out on demand for the
few words a frame looks at (the lemmatizer costs as much as the parser when run on every word).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported with the model, on first use
    from spacy.language import Language
    from spacy.tokens import Doc, Token

MODEL = "fr_core_news_md"
_lock = threading.Lock()
_nlp: Language | None = None
_lemmatizer = None


def model() -> Language:
    """The French pipeline without named entities (the lexicon finds the countries); loaded once."""
    global _nlp, _lemmatizer
    if _nlp is None:
        with _lock:
            if _nlp is None:
                import spacy

                # the lemmatizer stays loaded but off: `lemma()` asks it for single words
                nlp = spacy.load(MODEL, exclude=["ner", "senter"], disable=["lemmatizer"])
                _lemmatizer = nlp.get_pipe("lemmatizer")
                _nlp = nlp
    return _nlp


def loaded() -> bool:
    return _nlp is not None


# parsed sentences, the most recent last: wire copies and republished dispatches repeat sentences word for word
_cache: OrderedDict[str, Doc] = OrderedDict()
_CACHE_SIZE = 2048


def parse(sentence: str) -> Doc:
    doc = _cache.get(sentence)
    if doc is None:
        doc = model()(sentence)
        _remember(sentence, doc)
    return doc


def prefetch(sentences: list[str]) -> None:
    """Parse an article's sentences in one batch (spaCy's `pipe`: half the time of one call per sentence)."""
    todo = [s for s in dict.fromkeys(sentences) if s not in _cache]
    if len(todo) < 2:
        return
    for s, doc in zip(todo, model().pipe(todo, batch_size=64), strict=True):
        _remember(s, doc)


def _remember(sentence: str, doc: Doc) -> None:
    with _lock:
        _cache[sentence] = doc
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)


def lemma(tok: Token) -> str:
    """The word's lemma, lower case ("investis" → "investir", "importations" → "importation")."""
    return _lemma(tok.lower_, tok.pos_)


@lru_cache(maxsize=8192)
def _lemma(word: str, pos: str) -> str:
    model()
    assert _lemmatizer is not None
    doc = _nlp.make_doc(word)  # type: ignore[union-attr]
    doc[0].pos_ = pos
    found = _lemmatizer.rule_lemmatize(doc[0])
    return (found[0] if found else word).lower()
