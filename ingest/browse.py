"""Browsing: Datasette over a newskb database, with the metadata kept in `schema/datasette.json`.

Datasette 0.65 keys table metadata by database name, which is the file's stem; the committed
metadata uses the placeholder name `newskb`, and `metadata_for` renames it for the file served.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from ingest.store import SCHEMA_DIR

PLACEHOLDER = "newskb"


def metadata_for(db_path: Path) -> dict[str, Any]:
    metadata = json.loads((SCHEMA_DIR / "datasette.json").read_text(encoding="utf-8"))
    databases = metadata.get("databases", {})
    if PLACEHOLDER in databases:
        databases[db_path.stem] = databases.pop(PLACEHOLDER)
    return metadata


def datasette_command(db_path: Path, metadata_path: Path, host: str, port: int,
                      extra: list[str]) -> list[str]:
    """The command line that serves `db_path` with newskb's metadata."""
    return [sys.executable, "-m", "datasette", "serve", str(db_path),
            "--metadata", str(metadata_path), "--host", host, "--port", str(port),
            "--setting", "facet_time_limit_ms", "500", *extra]
