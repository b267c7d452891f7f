"""The batched translation engine: the model's tokenizer and CTranslate2, nothing else.

Either kind of installed model: an Argos package (its own tokenizer, `model/`) or a CTranslate2
folder converted from OPUS-MT/Marian (source.spm + "</s>", target.spm; mt/ct2_folder.py). Every
translation comes with its confidence (mt/confidence.py). The workbench's segments are already
sentences, so this bypasses argostranslate.translate (its
sentence splitter downloads a model at first use, and it translates one text per call). Sentences
are sorted by length into batches so that little padding is decoded, and put back in order.

On the CPU the threads go to parallel workers, one thread each (CTranslate2's `inter_threads`),
rather than to one worker splitting every matrix product (`intra_threads`): the models are small,
so a product split over threads spends much of its time waiting, while whole batches decoded side
by side keep every core busy (bench/mt.py; the weights are shared between the workers). A caller
keeps `workers` batches submitted at once to use them all.
"""

from __future__ import annotations

import atexit
import os
import signal
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import ctranslate2
from argostranslate.package import Package

from workbench.config import Settings
from workbench.errors import WorkbenchError
from workbench.mt.confidence import LENGTH_PENALTY, confidence
from workbench.mt.ct2_folder import MarianTokenizer, Tokenizer
from workbench.mt.packages import (
    KIND_CT2,
    InstalledModel,
    ModelMissingError,
    find_ar_en_model,
    find_model,
)

__all__ = [
    "DecodeOptions",
    "ModelMissingError",
    "MtEngine",
    "PendingTranslation",
    "Scored",
    "get_engine",
]

RESULT_POLL_S = 0.005

# Stops the loops small models fall into ("President President President ...").
NO_REPEAT_NGRAM_SIZE = 3


@dataclass(frozen=True)
class DecodeOptions:
    device: str = "cpu"
    threads: int = 0  # 0: CTranslate2 picks
    beam_size: int = 2
    batch_size: int = 32

    @classmethod
    def from_settings(cls, settings: Settings) -> DecodeOptions:
        return cls(
            device=settings.mt_device,
            threads=settings.mt_threads,
            beam_size=settings.mt_beam_size,
            batch_size=settings.mt_batch_size,
        )


class MtEngine:
    """One loaded model. CTranslate2 releases the GIL and is safe to call from a worker thread."""

    def __init__(self, model: InstalledModel, options: DecodeOptions) -> None:
        self.model = model
        self.options = options
        self._target_prefix = ""
        try:
            if model.kind == KIND_CT2:
                self._tokenizer: Tokenizer = MarianTokenizer(model.path)
            else:
                package = Package(model.path)
                self._tokenizer = package.tokenizer  # absent when the package has no tokenizer
                self._target_prefix = package.target_prefix or ""
            self._tokenizer.encode("")  # loads it now, not racily on first use
        except Exception as error:  # OSError, RuntimeError, AttributeError: all one remedy
            raise _cannot_load(model, "cpu", error) from error
        self._translator = _load_translator(model, options.device, options.threads)
        self.workers: int = self._translator.num_translators  # batches decoded side by side

    def _encode(self, sources: Sequence[str]) -> list[list[str]]:
        return [self.encode_source(source) for source in sources]

    def encode_source(self, source: str) -> list[str]:
        """The tokens the model reads for one sentence."""
        tokens: list[str] = self._tokenizer.encode(source.strip())
        return tokens

    def decode(self, tokens: list[str]) -> str:
        text: str = self._tokenizer.decode(tokens)
        if self._target_prefix and text.startswith(self._target_prefix):
            text = text[len(self._target_prefix) :]
        return " ".join(text.split())

    def _run(
        self, batch: list[list[str]], beam_size: int, num_hypotheses: int, *, wait: bool = True
    ) -> list[Any]:
        prefix = [[self._target_prefix]] * len(batch) if self._target_prefix else None
        return list(
            self._translator.translate_batch(
                batch,
                target_prefix=prefix,
                max_batch_size=self.options.batch_size,
                batch_type="examples",
                asynchronous=not wait,
                beam_size=beam_size,
                num_hypotheses=num_hypotheses,
                no_repeat_ngram_size=NO_REPEAT_NGRAM_SIZE,
                replace_unknowns=True,
                return_scores=True,
                length_penalty=LENGTH_PENALTY,
            )
        )

    def submit(self, sources: Sequence[str]) -> PendingTranslation:
        """Start translating in CTranslate2's worker thread; `.result()` waits for the English.

        Lets a caller store one batch while the next one is being decoded.
        """
        return self.submit_tokens(self._encode(sources))

    def submit_tokens(self, tokens: list[list[str]]) -> PendingTranslation:
        """`submit` for sentences already through `encode_source`."""
        # Empty sources are answered empty; the model would invent words for them.
        order = sorted((i for i, t in enumerate(tokens) if t), key=lambda i: len(tokens[i]))
        batch = [tokens[i] for i in order]
        jobs = self._run(batch, self.options.beam_size, 1, wait=False) if batch else []
        return PendingTranslation(self, len(tokens), order, jobs)

    def translate(self, sources: Sequence[str]) -> list[str]:
        """One English sentence per source sentence, in the order given."""
        return self.submit(sources).result()

    def translate_scored(self, sources: Sequence[str]) -> list[Scored]:
        """One English sentence and its confidence per source sentence, in the order given."""
        return self.submit(sources).scored()

    def alternatives(self, source: str, n: int) -> list[str]:
        """Up to `n` distinct translations of one sentence, the best first."""
        tokens = self._encode([source])[0]
        if not tokens or n < 1:
            return []
        # Ask for more hypotheses than needed: two token sequences can read the same.
        wanted = 2 * n
        result = self._run([tokens], max(wanted, self.options.beam_size), wanted)[0]
        distinct = dict.fromkeys(self.decode(h) for h in result.hypotheses)
        return [text for text in distinct if text][:n]


@dataclass
class PendingTranslation:
    engine: MtEngine
    count: int
    order: list[int]  # the source index of each job
    jobs: list[Any]  # ctranslate2.AsyncTranslationResult, one per non-empty source

    def result(self) -> list[str]:
        return [item.text for item in self.scored()]

    def scored(self) -> list[Scored]:
        """Each translation with its confidence; an empty source gets "" and no score."""
        translations = [Scored("", None)] * self.count
        for index, job in zip(self.order, self.jobs, strict=True):
            while not job.done():
                # Short sleeps, not CTranslate2's blocking wait: Python runs a signal's handler
                # only between its own steps, so a Ctrl-C would wait for the whole batch.
                # translate_segments keeps a batch queued behind this one: no worker idles.
                time.sleep(RESULT_POLL_S)
            result = job.result()
            tokens = result.hypotheses[0]
            score = confidence(result.scores[0], len(tokens)) if result.scores else None
            translations[index] = Scored(self.engine.decode(tokens), score)
        return translations


@dataclass(frozen=True, slots=True)
class Scored:
    text: str
    score: float | None  # exp(mean token log-probability), in (0, 1]; see mt/confidence.py


_translators: dict[tuple[Any, ...], ctranslate2.Translator] = {}
_engines: dict[tuple[Any, ...], MtEngine] = {}
_lock = threading.RLock()
EXIT_WAIT_S = 120.0  # longer than any batch takes; a decoder stuck past it is left to the exit


@atexit.register
def _stop_decoding() -> None:
    """At exit: wait until no model is decoding, then let go of them (freeing a translator joins
    its worker threads).

    A process that exits while a CTranslate2 worker still decodes crashes (SIGSEGV, after
    Python's own shutdown): the C runtime's exit handlers free oneDNN's compiled kernels under
    the running worker (seen with gdb in a core of `workbench translate` stopped by Ctrl-C, about
    one run in forty: a worker decoding a batch nobody waited for, in a translator that Python's
    shutdown did not free). Whatever stopped the work, and wherever the signal landed, no batch
    outlives the process's Python.
    """
    with _lock:
        translators = list(_translators.values())
        _translators.clear()
        _engines.clear()
    if any(translator.num_active_batches for translator in translators):
        _ignore_ctrl_c()  # another Ctrl-C here would end the wait, and the process would crash
    deadline = time.monotonic() + EXIT_WAIT_S
    for translator in translators:
        while translator.num_active_batches and time.monotonic() < deadline:
            time.sleep(RESULT_POLL_S)
    translators.clear()


def _ignore_ctrl_c() -> None:
    if threading.current_thread() is threading.main_thread():  # where Python allows it
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _cannot_load(model: InstalledModel, device: str, error: Exception) -> WorkbenchError:
    remedy = (
        'translate with --device cpu (or mt_device = "cpu" in the config file)'
        if device != "cpu"
        else "reinstall the package with `workbench models install FILE`"
    )
    where = f" on {device}" if device != "cpu" else ""
    return WorkbenchError(
        f"cannot load {model.label()} from {model.path}{where}: {error}; {remedy}"
    )


def thread_split(device: str, threads: int) -> tuple[int, int]:
    """(inter_threads, intra_threads) for `threads` threads (0: one per core) on `device`.

    CPU: one worker per thread, one thread each (see the module's docstring). GPU: one worker
    (several would be CUDA streams on the same card), `threads` for its CPU-side work.
    """
    if device != "cpu":
        return 1, threads
    return (threads or os.cpu_count() or 1), 1


def _load_translator(model: InstalledModel, device: str, threads: int) -> ctranslate2.Translator:
    """The model's weights, loaded once per process, device and thread count."""
    key = (model.path, model.version, device, threads)
    with _lock:
        translator = _translators.get(key)
        if translator is None:
            try:
                inter, intra = thread_split(device, threads)
                translator = ctranslate2.Translator(
                    str(model.model_dir),
                    device=device,
                    inter_threads=inter,
                    intra_threads=intra,
                )
            except Exception as error:  # C++ errors arrive as assorted Python types
                raise _cannot_load(model, device, error) from error
            _translators[key] = translator
        return translator


def get_engine(settings: Settings, name: str | None = None) -> MtEngine:
    """The engine for the installed ar→en model called `name` (default: the default model),
    built once per process and options.

    Looks for the model on every call (cheap) so a model installed meanwhile is picked up.
    """
    model = find_ar_en_model() if name is None else find_model(name)
    if model is None:
        raise ModelMissingError()
    options = DecodeOptions.from_settings(settings)
    key = (model.path, model.version, options)
    with _lock:
        engine = _engines.get(key)
        if engine is None:
            engine = MtEngine(model, options)
            _engines[key] = engine
        return engine
