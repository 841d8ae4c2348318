"""The `newskb` command: a thin layer that parses flags, calls `pipeline` and `store`, prints."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from tabulate import tabulate

from ingest import browse, exports, importer, queries, sources, store
from ingest.errors import IngestError

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress

app = typer.Typer(
    help="Turn saved news articles into a queryable SQLite knowledge base.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
)

DEFAULT_DB = Path("data/kb.db")
Db = Annotated[Path, typer.Option("--db", help="The SQLite database file.")]


class Output(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    markdown = "markdown"
    csv = "csv"


class Engine(StrEnum):
    local = "local"
    dask = "dask"


class InputFormat(StrEnum):
    html = "html"
    markdown = "markdown"
    text = "text"


@app.command("import")
def import_(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, globs, or - for stdin.")],
    db: Db = DEFAULT_DB,
    format: Annotated[InputFormat | None, typer.Option(
        help="Read every input as this format instead of sniffing it.")] = None,
    jobs: Annotated[int, typer.Option(
        "--jobs", "-j", min=1, help="Worker processes for parsing (default: all cores).")
    ] = os.cpu_count() or 1,
    engine: Annotated[Engine, typer.Option(
        help="local: worker processes here; dask: tasks on a Dask cluster.")] = Engine.local,
    scheduler: Annotated[str | None, typer.Option(
        help="Dask scheduler address (tcp://HOST:PORT); default: a cluster on this machine.")
    ] = None,
    shards: Annotated[Path | None, typer.Option(
        help="Directory for the Dask workers' shard databases, on storage they all see.")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only the summary.")] = False,
) -> None:
    """Import articles; print what was imported, replaced, unchanged or failed."""
    db.parent.mkdir(parents=True, exist_ok=True)
    locations = sources.discover(paths)
    database, now, fmt = store.connect(db), datetime.now(UTC), format and format.value
    console = None if quiet or len(locations) < PROGRESS_FROM else _progress_console()
    progress = ImportProgress(console, _expected_docs(locations))
    if engine is Engine.dask:
        from ingest import cluster

        shard_dir = shards or db.parent / f".{db.stem}-shards"
        events = cluster.run(database, locations, scheduler=scheduler, shard_dir=shard_dir,
                             format=fmt, now=now)
    else:
        events = importer.run(database, locations, jobs=jobs, format=fmt, now=now,
                              advance=progress.advance)
    with progress:
        _report(progress.follow(events), quiet)


PROGRESS_FROM = 20
"""Fewer inputs than this finish before a progress bar would say anything useful."""


def _progress_console() -> Console | None:
    """A console on stderr when it is a terminal: the bar is for people, not for logs."""
    from rich.console import Console  # only when a bar may be drawn: it takes a while to load

    console = Console(stderr=True)
    return console if console.is_terminal else None


def _expected_docs(locations: list[str | IngestError]) -> int | None:
    """How many documents the locations hold: one each, unknown when archives or exports."""
    if any(isinstance(loc, str) and (loc.endswith(sources.EXPORT_SUFFIX)
                                     or sources.is_archive(loc)) for loc in locations):
        return None
    return len(locations)


class ImportProgress:
    """A progress bar on stderr: documents done of expected, docs/s and failures so far.

    Nothing is drawn without a console (`-q`, or stderr not a terminal). While it is drawn,
    lines printed to stderr (and to stdout when that is the same terminal) go above it.
    Documents count as done on `advance` (the importer calls it as each is stored, before its
    batch commits and its event is reported) or, for a run that does not call it, on their
    events; failures are counted from the events.
    """

    def __init__(self, console: Console | None, total: int | None) -> None:
        self.done = self.failed = 0
        self._advanced = False
        self._bar: Progress | None = None
        if console is not None:
            from rich import progress as bar

            self._bar = bar.Progress(
                bar.TextColumn("Importing"), bar.BarColumn(), bar.MofNCompleteColumn(),
                bar.TextColumn("docs"), _rate_column(),
                bar.TextColumn("[red]{task.fields[failed]:,} failed"),
                bar.TimeElapsedColumn(), bar.TimeRemainingColumn(),
                console=console, redirect_stdout=sys.stdout.isatty(), redirect_stderr=True)
            self._task = self._bar.add_task("import", total=total, failed=0)

    def __enter__(self) -> ImportProgress:
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def advance(self) -> None:
        self._advanced = True
        self.done += 1
        self._draw()

    def follow(self, events: Iterable[importer.Event]) -> Iterator[importer.Event]:
        """The events, counted; the bar is drawn a last time once they are all through."""
        for event in events:
            self.failed += event.outcome == "failed"
            if not self._advanced:
                self.done += 1
            self._draw()
            yield event
        if self._bar is not None:
            self._bar.stop()  # before the summary line, so that line comes last

    def _draw(self) -> None:
        if self._bar is not None:
            self._bar.update(self._task, completed=self.done, failed=self.failed)


@app.command()
def merge(
    shard_paths: Annotated[list[Path], typer.Argument(
        metavar="SHARD...", help="newskb databases to merge, e.g. shards from Dask workers.")],
    db: Db = DEFAULT_DB,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only the summary.")] = False,
) -> None:
    """Merge newskb databases into --db, a batch of articles per transaction."""
    db.parent.mkdir(parents=True, exist_ok=True)
    _report(importer.merge(store.connect(db), shard_paths), quiet)


def _rate_column() -> Any:
    """docs/s since the start: steadier than a moving window when batches land at once."""
    from rich.progress import ProgressColumn, Task
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task: Task) -> Text:
            elapsed = task.elapsed or 0.0
            rate = task.completed / elapsed if elapsed > 0.5 else 0.0
            return Text(f"{rate:,.0f} docs/s", style="progress.data.speed")

    return Rate()


def _report(events: Iterable[importer.Event], quiet: bool) -> None:
    counts: Counter[str] = Counter()
    for event in events:
        counts[event.outcome] += 1
        if event.outcome == "failed" or not quiet:
            # The stream named, not err=True: click would otherwise write past a progress
            # bar's stand-in for sys.stderr, and the line would land inside the bar.
            typer.echo(str(event), file=sys.stderr if event.outcome == "failed" else sys.stdout)
    typer.echo(", ".join(f"{counts[o]} {o}" for o in ("imported", "replaced", "unchanged",
                                                      "failed")))
    if counts["failed"]:
        raise typer.Exit(1)


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help="One SQL statement.")],
    db: Db = DEFAULT_DB,
    format: Annotated[Output, typer.Option(help="Output format.")] = Output.table,
) -> None:
    """Run SQL against the knowledge base and print the rows."""
    try:
        columns, rows = queries.query(store.connect(db), sql)
    except Exception as error:  # sqlite3 errors carry the reason a user needs
        typer.echo(f"query failed: {error}", err=True)
        raise typer.Exit(1) from None
    _print_rows(columns, rows, format)


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="Words to find (all must match).")],
    db: Db = DEFAULT_DB,
    limit: Annotated[int, typer.Option(help="At most this many results.")] = 20,
    format: Annotated[Output, typer.Option(help="Output format.")] = Output.table,
) -> None:
    """Full-text search over article sections, best matches first."""
    hits = queries.search(store.connect(db), text, limit)
    columns = ["article_id", "title", "path", "snippet"]
    _print_rows(columns, [tuple(hit[c] for c in columns) for hit in hits], format)


@app.command()
def show(
    article_id: Annotated[int, typer.Argument(metavar="ID", help="The article's id.")],
    db: Db = DEFAULT_DB,
) -> None:
    """Show one article: metadata, outline, tables, code blocks and claims."""
    found = queries.article(store.connect(db), article_id)
    if found is None:
        typer.echo(f"no article with id {article_id}", err=True)
        raise typer.Exit(1)
    for key in ("id", "title", "author", "published", "site", "url", "format", "language",
                "source", "word_count"):
        typer.echo(f"{key:>10}: {found[key] if found[key] is not None else ''}")
    typer.echo(f"{'tags':>10}: {', '.join(found['tags'])}")
    typer.echo("\nOutline")
    for section in found["sections"]:
        typer.echo(f"  {'  ' * max(0, section['level'] - 1)}{section['heading'] or '(preamble)'}")
    for table in found["tables"]:
        caption = f" — {table['caption']}" if table["caption"] else ""
        typer.echo(f"\nTable {table['position'] + 1} in {table['section'] or 'top'}{caption}")
        typer.echo(tabulate(table["rows"][1:], headers=table["rows"][0], tablefmt="github"))
    for code in found["code_blocks"]:
        typer.echo(f"\nCode ({code['language'] or 'unknown language'}, {code['n_lines']} lines)")
        typer.echo(code["code"])
    if found["claims"]:
        typer.echo("\nClaims")
        for claim in found["claims"]:
            hedge = ", hedged" if claim["hedged"] else ""
            who = f" — {claim['attribution']}" if claim["attribution"] else ""
            typer.echo(f"  [{claim['section_path'] or 'top'}] ({claim['kind']}{hedge}) "
                       f"{claim['text']}{who}")


@app.command()
def claims(
    db: Db = DEFAULT_DB,
    entity: Annotated[str | None, typer.Option(help="Only claims naming this entity.")] = None,
    kind: Annotated[str | None, typer.Option(
        help="quantitative, temporal, attributed_statement, comparative, causal, event, "
             "prediction.")] = None,
    hedged: Annotated[bool | None, typer.Option(
        "--hedged/--no-hedged", help="Only hedged, or only unhedged, claims.")] = None,
    since: Annotated[str | None, typer.Option(
        help="Only articles published on or after this ISO date.")] = None,
    article: Annotated[int | None, typer.Option(help="Only this article's claims.")] = None,
    format: Annotated[Output, typer.Option(help="Output format.")] = Output.table,
) -> None:
    """List claims across articles, filtered by entity, kind, hedging, date or article."""
    columns, rows = queries.claims(store.connect(db), entity=entity, kind=kind, hedged=hedged,
                                 since=since, article_id=article)
    _print_rows(columns, rows, format)


@app.command()
def export(
    format: Annotated[ExportFormat, typer.Option(
        help="jsonl: one Article per line; markdown: one .md per article; csv: claims.")],
    db: Db = DEFAULT_DB,
    out: Annotated[Path | None, typer.Option(
        help="File to write (jsonl, csv; default stdout), or directory (markdown).")] = None,
    where: Annotated[str | None, typer.Option(
        help="SQL condition on `articles`, e.g. \"site = 'PolicyWire'\".")] = None,
    since: Annotated[str | None, typer.Option(
        help="Only articles published on or after this ISO date.")] = None,
) -> None:
    """Write the knowledge base, or the articles matching --where/--since, in open formats."""
    database = store.connect(db)
    try:
        ids = queries.article_ids(database, where, since)
    except Exception as error:  # a bad --where is the user's SQL: say why
        typer.echo(f"export failed: {error}", err=True)
        raise typer.Exit(1) from None
    if format is ExportFormat.markdown:
        if out is None:
            typer.echo("--out DIRECTORY is needed for --format markdown", err=True)
            raise typer.Exit(1)
        out.mkdir(parents=True, exist_ok=True)
        for article_id in ids:
            article = queries.load_article(database, article_id)
            (out / exports.markdown_name(article_id, article)).write_text(
                exports.to_markdown(article), encoding="utf-8")
        typer.echo(f"{len(ids)} articles written to {out}", err=True)
        return
    if format is ExportFormat.csv:
        columns, rows = queries.claims_of(database, ids)
        chunks: Iterable[str] = [exports.to_csv(columns, rows)]
    else:
        chunks = (exports.to_jsonl_line(queries.load_article(database, i)) for i in ids)
    with (out.open("w", encoding="utf-8") if out else nullcontext(sys.stdout)) as target:
        for chunk in chunks:
            target.write(chunk)


@app.command()
def stats(db: Db = DEFAULT_DB) -> None:
    """Count what the knowledge base holds."""
    typer.echo(tabulate(list(queries.stats(store.connect(db))), tablefmt="plain"))


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def serve(
    ctx: typer.Context,
    db: Db = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8001,
) -> None:
    """Browse the knowledge base in Datasette. Extra options go to `datasette serve`."""
    if not db.exists():
        typer.echo(f"{db}: no such database (run `newskb import` first)", err=True)
        raise typer.Exit(1)
    store.connect(db).close()
    with tempfile.TemporaryDirectory() as tmp:
        metadata = Path(tmp) / "metadata.json"
        metadata.write_text(json.dumps(browse.metadata_for(db)), encoding="utf-8")
        command = browse.datasette_command(db, metadata, host, port, ctx.args)
        raise typer.Exit(subprocess.call(command))


def _print_rows(columns: list[str], rows: list[tuple[Any, ...]], format: Output) -> None:
    if format is Output.json:
        typer.echo(json.dumps([dict(zip(columns, row, strict=True)) for row in rows],
                              ensure_ascii=False, indent=2))
    elif format is Output.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        typer.echo(tabulate(rows, headers=columns, tablefmt="simple", maxcolwidths=60))
