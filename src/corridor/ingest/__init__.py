"""Ingest: read article files of every supported format into `Article` records."""

from corridor.ingest.article import Article, IngestError, Problem
from corridor.ingest.readers import SUPPORTED, FileRead, Source, discover, read_files, read_path

__all__ = ["SUPPORTED", "Article", "FileRead", "IngestError", "Problem", "Source", "discover", "read_files",
           "read_path"]
