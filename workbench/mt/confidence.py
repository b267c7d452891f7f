"""The engine's confidence in one translation: exp(mean token log-probability), in (0, 1].

CTranslate2 returns, with `return_scores=True`, the hypothesis' cumulative log-probability divided
by `length ** length_penalty`, where `length` counts the generated tokens *and* the end token
(checked against `Translator.score_batch`, whose per-token log-probabilities average to the same
figure with `length_penalty=1`, CTranslate2's default, for greedy and beam search alike). So the
mean is recovered as `score * length ** length_penalty / length` whatever penalty is passed, and a
long sentence is not marked unsure merely for being long.
"""

from __future__ import annotations

import math
import sys

# Passed to every decode: with 1, CTranslate2's score already is the mean log-probability.
LENGTH_PENALTY = 1.0


def mean_log_prob(score: float, hypothesis_tokens: int, length_penalty: float) -> float:
    """The mean log-probability per token (end token included) behind a CTranslate2 score."""
    length = hypothesis_tokens + 1  # the end token is scored, though not returned
    scale: float = math.pow(length, length_penalty) / length
    return score * scale


def confidence(
    score: float, hypothesis_tokens: int, length_penalty: float = LENGTH_PENALTY
) -> float:
    """exp(mean log-probability): 1 when every token was certain; never 0 (a float floor)."""
    value = math.exp(min(mean_log_prob(score, hypothesis_tokens, length_penalty), 0.0))
    return max(value, sys.float_info.min)
