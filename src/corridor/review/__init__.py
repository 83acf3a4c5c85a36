"""Review: how sure the extractor is of each fact, and what people decided about them.

- confidence.py: a fact's confidence from its `why` (the scale of docs/review.md);
- entries.py: the corrections file (data/corrections.yaml), read and appended;
- apply.py: the file applied at build, inside the build's transaction (corrections, reviewed_facts);
- decisions.py: corridor.confirm / correct / reject / add, for notebooks;
- queue.py: `corridor review`, least certain first; agreement, the share of reviewed facts the extractor had right.
"""
