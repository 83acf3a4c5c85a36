"""Batch extraction over Parquet: the same pure extraction function, mapped over record batches.

`map_batch` takes an Arrow table of articles (`name`, `text`, optional `published` date) and returns
an Arrow table of facts (or events): exactly the shape a distributed engine maps, e.g. Spark's
`df.mapInArrow(lambda it: (map_batch(pa.Table.from_batches([b])).to_batches() for b in it), schema)`
or Ray Data's `ds.map_batches(map_batch, batch_format="pyarrow")`. `extract_parquet` streams a file
batch by batch, so memory stays bounded by the batch size, not the corpus.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from corridor.extract import EXTRACTOR_VERSION, extract_facts
from corridor.extract.events import extract_events

FACT_SCHEMA = pa.schema([
    ("article", pa.string()), ("indicator", pa.string()), ("measure", pa.string()), ("reporter", pa.string()),
    ("partner", pa.string()), ("value", pa.float64()), ("unit", pa.string()), ("per", pa.string()),
    ("qualifier", pa.string()), ("period_start", pa.string()), ("period_end", pa.string()),
    ("period_kind", pa.string()), ("route", pa.string()), ("evidence", pa.string()), ("char_start", pa.int32()),
    ("char_end", pa.int32()), ("source_kind", pa.string()), ("why", pa.string()), ("extractor_version", pa.string()),
])
EVENT_SCHEMA = pa.schema([
    ("article", pa.string()), ("event_type", pa.string()), ("status", pa.string()), ("date_start", pa.string()),
    ("date_end", pa.string()), ("place", pa.string()), ("place_country", pa.string()),
    ("participants", pa.list_(pa.string())), ("host", pa.string()), ("visitor", pa.string()),
    ("organization", pa.string()), ("signed", pa.bool_()), ("documents", pa.int32()), ("evidence", pa.string()),
    ("char_start", pa.int32()), ("char_end", pa.int32()), ("extractor_version", pa.string()),
])


def _articles(table: pa.Table) -> Iterator[tuple[str, str, date | None, str | None]]:
    cols = table.column_names
    name_col = next(c for c in ("name", "article", "id") if c in cols)
    names = table.column(name_col).to_pylist()
    texts = table.column("text").to_pylist()
    dates = table.column("published").to_pylist() if "published" in cols else [None] * len(names)
    titles = table.column("title").to_pylist() if "title" in cols else [None] * len(names)
    for name, text, pub, title in zip(names, texts, dates, titles, strict=True):
        if isinstance(pub, str):
            pub = date.fromisoformat(pub[:10])
        yield str(name), text or "", pub, title


def map_batch(table: pa.Table, events: bool = False) -> pa.Table:
    """Articles in, facts (or events) out: the unit of work of a cluster map."""
    rows: list[dict] = []
    for name, text, pub, title in _articles(table):
        if events:
            rows += [{**e.as_record(), "extractor_version": EXTRACTOR_VERSION} for e in extract_events(text, name, pub)]
        else:
            rows += [f.as_record() for f in extract_facts(text, name, pub, title=title)]
    schema = EVENT_SCHEMA if events else FACT_SCHEMA
    return pa.Table.from_pylist([{k: r.get(k) for k in schema.names} for r in rows], schema=schema)


def extract_parquet(src: Path, dest: Path, events: bool = False, batch_size: int = 2000) -> int:
    """Stream `src` (a Parquet file or folder of articles) into `dest` (Parquet). Returns rows written."""
    dataset = pq.ParquetDataset(src)
    written = 0
    with pq.ParquetWriter(dest, EVENT_SCHEMA if events else FACT_SCHEMA) as writer:
        for fragment in dataset.fragments:
            for batch in fragment.to_batches(batch_size=batch_size):
                out = map_batch(pa.Table.from_batches([batch]), events=events)
                writer.write_table(out)
                written += out.num_rows
    return written


def extract_with_ray(src: Path, dest: Path, events: bool = False, num_cpus: int | None = None) -> int:
    """The same map on Ray Data: `src` (Parquet articles) -> `dest`, a folder of Parquet files partitioned by
    indicator (or event type), which DuckDB reads with `hive_partitioning`. Joins the cluster named by
    RAY_ADDRESS when set, else starts Ray locally. Returns rows written."""
    import os
    from functools import partial

    import pyarrow.dataset as ds
    import ray

    started_here = not ray.is_initialized()
    if started_here:
        ray.init(address=os.environ.get("RAY_ADDRESS"), num_cpus=None if os.environ.get("RAY_ADDRESS") else num_cpus,
                 include_dashboard=False, log_to_driver=False, configure_logging=False)
    try:
        (ray.data.read_parquet(str(src))
         .map_batches(partial(map_batch, events=events), batch_format="pyarrow", batch_size=500)
         .write_parquet(str(dest), partition_cols=["event_type" if events else "indicator"]))
    finally:
        if started_here:
            ray.shutdown()
    return ds.dataset(dest, format="parquet", partitioning="hive").count_rows()
