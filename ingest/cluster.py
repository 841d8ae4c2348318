"""The same import on a Dask cluster: each task parses a slice of the inputs into its own SQLite
shard, and the client merges the shards into the main database in batched transactions.

Workers read the input paths and write shards themselves, so inputs and the shard directory must
be on storage every worker sees (a shared filesystem). `pipeline.parse` runs unchanged on them.
Dask is imported only here, so a plain `newskb import` never pays for it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import sqlite_utils

from ingest import importer, store
from ingest.errors import IngestError
from ingest.importer import Event
from ingest.models import Format

TASK_SIZE = 64
"""Inputs per task: a shard per task, so large enough that merging stays cheap."""


def _import_shard(shard: str, locations: list[str | IngestError], known: dict[str, str],
                  format: Format | None, now: datetime) -> list[Event]:
    """Runs on a worker: import `locations` into a new shard database at `shard`."""
    Path(shard).unlink(missing_ok=True)  # a shard left by an earlier run is not this run's
    db = store.connect(shard)
    try:
        return list(importer.run(db, locations, format=format, now=now, known=known))
    finally:
        db.close()


def run(db: sqlite_utils.Database, locations: list[str | IngestError], *, scheduler: str | None,
        shard_dir: Path, format: Format | None, now: datetime) -> Iterator[Event]:
    """Import on the cluster at `scheduler` (a local one when None), then merge into `db`."""
    from dask.distributed import Client, LocalCluster

    shard_dir.mkdir(parents=True, exist_ok=True)
    known = dict(db.execute("SELECT source, content_hash FROM articles").fetchall())
    tasks = [locations[i:i + TASK_SIZE] for i in range(0, len(locations), TASK_SIZE)]
    shards = [str(shard_dir / f"shard-{n:05d}.db") for n in range(len(tasks))]
    # ":0": any free port for the dashboard; the default 8787 may be taken by another cluster.
    cluster = None if scheduler else LocalCluster(processes=True, dashboard_address=":0")
    with Client(scheduler or cluster) as client:
        futures = [client.submit(_import_shard, shard, task,
                                 {k: known[k] for k in task if isinstance(k, str) and k in known},
                                 format, now, pure=False)
                   for shard, task in zip(shards, tasks, strict=True)]
        for future in futures:
            # Stored articles are reported by the merge, which decides imported or replaced.
            yield from (e for e in future.result() if e.outcome in ("failed", "unchanged"))
    if cluster is not None:
        cluster.close()
    yield from importer.merge(db, [Path(s) for s in shards])
    for shard in shards:
        Path(shard).unlink(missing_ok=True)
