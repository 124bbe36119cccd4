"""The ``rag`` command. Errors become one readable message here, at the edge."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from enum import Enum
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from rag.backends import BACKENDS
from rag.errors import RagError
from rag.settings import get_settings

if TYPE_CHECKING:
    from rag.index import Index
    from rag.pipeline import Pipeline

app = typer.Typer(help="Cited answers from news articles on Japan-South Korea relations.",
                  no_args_is_help=True, add_completion=False)
# the --llm choices, from the backend table (members known at run time only, which mypy
# cannot follow)
LlmName = Enum("LlmName", {name: name for name in BACKENDS}, type=str)  # type: ignore[misc]
console = Console(soft_wrap=True)  # summary lines stay whole for scripts
err = Console(stderr=True, soft_wrap=True)  # commands and paths stay copyable


def _friendly(fn: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except RagError as exc:
            err.print(f"[bold red]error:[/] {exc.message}")
            if exc.hint:
                err.print(f"[yellow]what to do:[/] {exc.hint}")
            raise typer.Exit(1) from None  # 2 is click's usage error
    return wrapper


def _progress() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err, transient=False)


@app.callback()
def main(ctx: typer.Context,
         verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False) -> None:
    ctx.meta["verbose"] = verbose  # `rag -v ask` as `rag ask -v`, whatever logging holds
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    for noisy in ("httpx", "chromadb", "bm25s", "sentence_transformers", "transformers"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def _pipeline(ctx: typer.Context, llm: str | None = None) -> Pipeline:
    """The pipeline a command works with: the one the caller passed in as the context's
    ``obj`` (``app(obj=pipeline)``, ``CliRunner().invoke(app, args, obj=pipeline)``),
    else one built from the settings."""
    from rag.pipeline import Pipeline, ensure_index

    injected = ctx.find_root().obj
    if isinstance(injected, Pipeline):
        if llm and llm != injected.settings.llm:
            from rag.backends import make_llm

            return injected.with_llm(make_llm(injected.settings, llm), llm)
        return injected
    settings = get_settings()
    if llm and llm != settings.llm:  # only the backend asked for is loaded
        settings = settings.model_copy(update={"llm": llm})
    return ensure_index(Pipeline.from_settings(settings))


def _index(ctx: typer.Context) -> Index:
    from rag.index import Index
    from rag.pipeline import Pipeline

    injected = ctx.find_root().obj
    return injected.index if isinstance(injected, Pipeline) else \
        Index.from_settings(get_settings())


@app.command()
@_friendly
def ingest(
    paths: Annotated[list[Path] | None, typer.Argument(help="files or folders; default seeds/")]
    = None,
    sync: Annotated[bool, typer.Option("--sync", help="remove articles no longer present")]
    = False,
    rebuild: Annotated[bool, typer.Option(
        "--rebuild", help="delete the collection and embed again (after a model change); "
                          "without paths, its articles are read again from their files")]
    = False,
) -> None:
    """Load, clean, chunk and embed articles into the index (idempotent)."""
    from rag.corpus import load_corpus
    from rag.index import Index, drop, open_client

    settings = get_settings()
    client = open_client(settings)
    paths = paths or None  # no arguments: the seeds (or, on --rebuild, its own files)
    if rebuild:
        sources = [Path(s) for s in drop(client, settings.collection)]
        found = [s for s in sources if s.exists()]
        for lost in sorted(set(sources) - set(found)):
            err.print(f"[yellow]gone[/] {lost}: its file no longer exists, not re-added")
        if paths is None and sources:  # the files it was built from, not the seeds
            paths = found
    articles, skipped = load_corpus(paths if paths is not None else [settings.seeds_dir])
    index = Index.from_settings(settings, client=client)
    with _progress() as progress:
        task = progress.add_task("embedding chunks", total=None)
        report = index.ingest(articles, sync=sync,
                              progress=lambda done, total: progress.update(
                                  task, completed=done, total=total))
    for s in skipped:
        err.print(f"[yellow]skipped[/] {s.path}: {s.reason}")
    for doc_id, earlier in report.duplicates:
        err.print(f"[yellow]near-duplicate[/] {doc_id} repeats {earlier}; answers cite {earlier}")
    console.print(
        f"added {len(report.added)}, updated {len(report.updated)}, "
        f"unchanged {len(report.unchanged)}, removed {len(report.removed)}, "
        f"skipped {len(skipped)}, near-duplicates {len(report.duplicates)}; "
        f"{report.chunks_added} chunks embedded in "
        f"{report.seconds:.1f} s; index holds {index.chunk_count()} chunks")


@app.command()
@_friendly
def ask(
    ctx: typer.Context,
    question: str,
    as_json: Annotated[bool, typer.Option("--json", help="print the Answer as JSON")] = False,
    markdown: Annotated[bool, typer.Option(
        "--markdown", help="print the answer with numbered sources as Markdown")] = False,
    llm: Annotated[LlmName | None, typer.Option(help="LLM backend (default: RAG_LLM)")] = None,
    verbose: Annotated[bool, typer.Option(
        "--verbose", "-v", help="also print why an abstention was made and every LLM "
                                "sentence the citation check refused, with its reason")
    ] = False,
) -> None:
    """Answer one question, with citations."""
    a = _pipeline(ctx, llm.value if llm else None).answer(question)
    if as_json:
        console.print_json(json.dumps(a.to_dict(), ensure_ascii=False))
        return
    if markdown:
        sys.stdout.write(a.to_markdown())  # as is: rich would read its brackets as markup
        return
    console.print(a.text, highlight=False)
    if a.notice:
        err.print(f"[yellow]{a.notice}[/]")
    for c in a.citations or a.related:
        console.print(f"[bold][{c.n}][/] {c.title}" + (f" ({c.where})" if c.where else "")
                      + f" — {c.doc_id}:{c.start}-{c.end}", highlight=False)
        console.print(f"    “{c.quote}”", style="dim", highlight=False)
    if verbose or ctx.meta.get("verbose"):
        if a.why:
            err.print(f"[dim]abstained: {a.why}[/]", highlight=False)
        for sentence, reason in a.refused:
            err.print(f"[dim]refused: “{sentence}” — {reason}[/]", highlight=False)
    t = a.timings
    err.print(f"[dim]{a.mode} · retrieve {t.get('retrieve', 0):.2f}s · generate "
              f"{t.get('generate', 0):.2f}s · cite {t.get('cite', 0):.2f}s[/]")


@app.command()
@_friendly
def chat(
    host: Annotated[str, typer.Option(help="address to bind")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port (0 = first free from 7860)")] = 7860,
    auth: Annotated[str | None, typer.Option(help="user:password, or env RAG_AUTH")] = None,
) -> None:
    """Open the chat UI in the browser (Gradio, on 127.0.0.1 by default)."""
    from ui.app import launch

    launch(host=host, port=port, auth=auth)


@app.command(name="eval")
@_friendly
def eval_(
    ctx: typer.Context,
    file: Path,
    out: Annotated[Path, typer.Option(help="folder for the report")] = Path("runs/latest"),
    llm: Annotated[LlmName | None, typer.Option(help="LLM backend (default: RAG_LLM)")] = None,
    compare: Annotated[str | None, typer.Option(help="'llamaindex': run its "
                                                "CitationQueryEngine side by side")] = None,
    limit: Annotated[int | None, typer.Option(help="only the first N questions")] = None,
    split: Annotated[str | None, typer.Option(help="'tune' or 'check': only that part of "
                                              "the question set (evals/split.json)")] = None,
    min_accuracy: Annotated[float | None, typer.Option()] = None,
    min_abstention: Annotated[float | None, typer.Option()] = None,
    min_citation_coverage: Annotated[float | None, typer.Option()] = None,
) -> None:
    """Run a question set through rag.answer and write the report."""
    from rag.evaluate import load_questions, missed_thresholds, run_eval
    from rag.report import figures_table, write_run

    questions = load_questions(file)
    if split:
        from rag.evaluate import in_split

        questions = in_split(questions, split, file)
    questions = questions[:limit]
    pipeline = _pipeline(ctx, llm.value if llm else None)
    runs = {}
    with _progress() as progress:
        task = progress.add_task("rag", total=len(questions))
        runs["rag"] = run_eval(questions, pipeline.answer, pipeline.checker,
                               lambda n: progress.update(task, completed=n))
        if compare:
            if compare != "llamaindex":
                raise RagError(f"unknown --compare {compare!r}", hint="use --compare llamaindex")
            from rag.compare import llamaindex_answerer

            peer = llamaindex_answerer(pipeline)
            task = progress.add_task("llamaindex", total=len(questions))
            runs["llamaindex"] = run_eval(questions, peer, pipeline.checker,
                                          lambda n: progress.update(task, completed=n))
    summaries = write_run(out, runs)
    console.print(figures_table(summaries))
    console.print(f"report: {out / 'report.md'}")
    missed = missed_thresholds(summaries["rag"], min_accuracy=min_accuracy,
                               min_abstention=min_abstention,
                               min_citation_coverage=min_citation_coverage)
    if missed:
        err.print("[bold red]below threshold:[/] " + "; ".join(missed))
        raise typer.Exit(1)


@app.command()
@_friendly
def sources(ctx: typer.Context) -> None:
    """List the indexed articles."""
    columns = ("id", "title", "outlet", "date", "chunks", "near-duplicate of")
    rows = [(a.doc_id, a.title, a.outlet or "-", a.date or "-", str(a.chunks),
             a.duplicate_of or "") for a in _index(ctx).articles()]
    if not console.is_terminal:  # piped: tab-separated lines a script can cut
        for row in (columns, *rows):  # (not through rich, which expands tabs to spaces)
            sys.stdout.write("\t".join(row) + "\n")
        return
    table = Table(*columns)
    for row in rows:
        table.add_row(*row)
    console.print(table)


@app.command()
@_friendly
def remove(ctx: typer.Context, doc_id: str) -> None:
    """Remove one article (by id) from the index."""
    if not _index(ctx).remove(doc_id):
        err.print(f"no article {doc_id!r} in the index (see: rag sources)")
        raise typer.Exit(1)
    console.print(f"removed {doc_id}")


@app.command(name="scripted-llm")
@_friendly
def scripted_llm(
    script: Path,
    port: Annotated[int, typer.Option(help="port on 127.0.0.1 (0 = any free one)")] = 8000,
) -> None:
    """Serve a scripted LLM (evals/llm-scripts/*.json) as an OpenAI-compatible server,
    for measuring the citation check: RAG_LLM=openai RAG_OPENAI_BASE_URL=<printed url>."""
    import time

    from rag.scripted_llm import ScriptedLLMServer

    try:
        server = ScriptedLLMServer(script, port=port)
    except (OSError, ValueError, KeyError) as exc:
        raise RagError(f"cannot serve {script}: {exc}",
                       hint="give a script from evals/llm-scripts/ and a free port") from exc
    with server:
        console.print(f"scripted LLM at {server.base_url} ({len(server.script)} questions); "
                      "Ctrl-C stops it")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
