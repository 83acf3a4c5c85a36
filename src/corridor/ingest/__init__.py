"""Ingest: read article files of every supported format into `Article` records."""

from corridor.ingest.article import Article, IngestError
from corridor.ingest.readers import SUPPORTED, discover, read_path

__all__ = ["SUPPORTED", "Article", "IngestError", "discover", "read_path"]
