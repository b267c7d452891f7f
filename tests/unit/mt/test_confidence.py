"""The MT confidence: exp(mean token log-probability), checked against CTranslate2 itself."""

from __future__ import annotations

import math
from pathlib import Path

import ctranslate2
import pytest
import sentencepiece

from workbench.mt.confidence import confidence, mean_log_prob
from workbench.mt.packages import InstalledModel

NTREX_AR = Path(__file__).resolve().parents[3].parent / "shared/corpora/ntrex-ar-en/ar.txt"
SHORT = ["أنا أحب القطط.", "هل تتكلم الإنجليزية؟"]


def ntrex(count: int) -> list[str]:
    with NTREX_AR.open(encoding="utf-8") as handle:
        return [next(handle).strip() for _ in range(count)]


@pytest.fixture(scope="module")
def raw(
    argos_model_dir: Path,
) -> tuple[ctranslate2.Translator, sentencepiece.SentencePieceProcessor]:
    folder = next(p for p in argos_model_dir.iterdir() if p.is_dir())
    translator = ctranslate2.Translator(str(folder / "model"), intra_threads=1)
    tokenizer = sentencepiece.SentencePieceProcessor(model_file=str(folder / "sentencepiece.model"))
    return translator, tokenizer


@pytest.mark.parametrize("beam_size", [1, 2])
@pytest.mark.parametrize("sentences", [SHORT, ntrex(6)], ids=["short", "ntrex"])
def test_same_mean_whatever_the_length_penalty(
    raw: tuple[ctranslate2.Translator, sentencepiece.SentencePieceProcessor],
    beam_size: int,
    sentences: list[str],
) -> None:
    """The score CTranslate2 returns under two penalties gives one mean: the normalisation is
    undone correctly (with greedy search the hypothesis does not depend on the penalty)."""
    translator, tokenizer = raw
    tokens = tokenizer.encode(sentences, out_type=str)
    by_penalty = {}
    for penalty in (0.0, 1.0, 0.6):
        results = translator.translate_batch(
            tokens, beam_size=1, return_scores=True, length_penalty=penalty
        )
        by_penalty[penalty] = [
            mean_log_prob(r.scores[0], len(r.hypotheses[0]), penalty) for r in results
        ]
    assert by_penalty[0.0] == pytest.approx(by_penalty[1.0], abs=1e-4)
    assert by_penalty[0.6] == pytest.approx(by_penalty[1.0], abs=1e-4)
    # And against the per-token log-probabilities CTranslate2 scores the hypothesis with
    # (the end token included); no decoding constraint is used here, so they agree closely.
    results = translator.translate_batch(
        tokens, beam_size=beam_size, return_scores=True, length_penalty=1.0
    )
    hypotheses = [r.hypotheses[0] for r in results]
    for result, scored in zip(results, translator.score_batch(tokens, hypotheses), strict=True):
        mean = sum(scored.log_probs) / len(scored.log_probs)
        assert len(scored.log_probs) == len(result.hypotheses[0]) + 1
        assert confidence(result.scores[0], len(result.hypotheses[0])) == pytest.approx(
            math.exp(mean),
            rel=5e-3,  # batched int8 beams differ in the 4th digit
        )


def test_bounds() -> None:
    assert confidence(0.0, 5) == 1.0
    assert 0.0 < confidence(-1e6, 5) < 1e-300
    assert confidence(-0.5, 3) == pytest.approx(math.exp(-0.5))
    assert confidence(-2.0 * 4**0.5 / 4, 3, 0.5) == pytest.approx(math.exp(-0.5))


def test_engine_scores_in_range_and_short_sentences_surer(argos_model: InstalledModel) -> None:
    from workbench.config import load_settings
    from workbench.mt.engine import get_engine

    engine = get_engine(load_settings())
    scored = engine.translate_scored([*SHORT, "", *ntrex(10)])
    assert scored[2].text == "" and scored[2].score is None
    scores = [s.score for s in scored if s.score is not None]
    assert len(scores) == 12 and all(0.0 < s <= 1.0 for s in scores)
    # The test model knows everyday sentences and not the news: it should be surer of them.
    assert min(scores[:2]) > max(scores[2:])
    assert [s.text for s in scored] == engine.translate([*SHORT, "", *ntrex(10)])
