"""`workbench translate`: fill machine translation for segments, batch by batch."""

from __future__ import annotations

import sys
from collections.abc import Callable
from contextlib import ExitStack

import click

from workbench.cli.context import CliContext, pass_context
from workbench.cli.output import echo, plural
from workbench.cli.types import POSITIVE_DB_INT, ROW_ID, TEXT
from workbench.config import ConfigError, validate

INTERRUPTED_EXIT = 130  # what shells report for Ctrl-C


@click.command("translate")
@click.option("--doc", "document_id", type=ROW_ID, metavar="ID", help="Only this document.")
@click.option("--limit", type=POSITIVE_DB_INT, metavar="N", help="At most N segments.")
@click.option(
    "--retranslate",
    is_flag=True,
    help="Also refresh MT made by another package or version (never a segment a person edited).",
)
@click.option(
    "--threads", type=click.IntRange(min=0), metavar="N", help="CPU threads (0: one per core)."
)
@click.option("--beam-size", type=click.IntRange(min=1), metavar="N", help="Beam size (1: greedy).")
@click.option(
    "--batch-size", type=click.IntRange(min=1), metavar="N", help="Sentences per batch and commit."
)
@click.option("--device", type=click.Choice(["cpu", "cuda"]), help="Where to run the model.")
@click.option(
    "--model",
    "model_name",
    type=TEXT,
    metavar="NAME",
    help="An installed model (`workbench models list`) [default: the default model].",
)
@pass_context
def translate_command(
    context: CliContext,
    *,
    document_id: int | None,
    limit: int | None,
    retranslate: bool,
    threads: int | None,
    beam_size: int | None,
    batch_size: int | None,
    device: str | None,
    model_name: str | None,
) -> None:
    """Machine-translate segments that have no MT yet, offline, committing each batch.

    Ctrl-C or a crash loses at most one batch; run the command again to resume.
    """
    from workbench.cli.progress import progress_bar
    from workbench.mt.engine import get_engine
    from workbench.services.translation import translate_segments

    try:  # the flags are held to the same rules as the settings they override
        settings = validate(
            context.settings.with_overrides(
                mt_threads=threads,
                mt_beam_size=beam_size,
                mt_batch_size=batch_size,
                mt_device=device,
            )
        )
    except ConfigError as error:
        raise click.UsageError(str(error)) from error
    engine = get_engine(settings, model_name)  # says what to install before the database
    echo(f"Model: {engine.model.label()} ({engine.model.path})", err=True)
    database = context.database()
    settings = settings.with_overrides(user=context.settings.user)  # whoever the database says
    saved = 0
    with ExitStack() as stack:
        advance: Callable[[int], None] | None = None

        def on_progress(done: int, total: int) -> None:
            # The first call (done == 0) says how many there are: only then can the bar start.
            nonlocal saved, advance
            if advance is None:
                bar = progress_bar("Translating", total=total, unit="sentences")
                advance = stack.enter_context(bar)
            advance(done - saved)
            saved = done

        try:
            report = translate_segments(
                database,
                settings,
                document_id=document_id,
                limit=limit,
                retranslate=retranslate,
                on_progress=on_progress,
                model_name=model_name,
            )
        except KeyboardInterrupt:
            stack.close()
            echo(
                f"interrupted: {plural(saved, 'segment')} translated and saved; "
                "run the same command again to resume",
                err=True,
            )
            sys.exit(INTERRUPTED_EXIT)
    echo(
        f"{plural(report.translated, 'segment')} translated in {plural(report.batches, 'batch')}, "
        f"{report.seconds:.1f} s ({report.rate:.1f} sentences/s) with {engine.model.label()}"
    )
    if report.reused:
        echo(
            f"{plural(report.reused, 'segment')} reused the MT of an identical sentence "
            "(translated once per model)"
        )
    if report.skipped_human:
        edited = plural(report.skipped_human, "segment")
        echo(f"MT not refreshed for {edited} edited by a person (the MT they started from)")
    if report.filled:
        echo(
            f"{plural(report.filled, 'segment')} filled from exact translation-memory matches "
            "(as drafts)"
        )
