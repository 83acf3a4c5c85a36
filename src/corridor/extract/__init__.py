"""Extract: article text -> facts (and events), a pure function."""

from corridor.extract.facts import EXTRACTOR_VERSION, Fact, extract_facts

__all__ = ["EXTRACTOR_VERSION", "Fact", "extract_facts"]
