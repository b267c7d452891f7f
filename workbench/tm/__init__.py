"""Translation memory, read side: fuzzy lookup (`lookup.tm_matches`). Writes are in
`workbench.services.memory` (finished segments) and `workbench.services.exact_matches`."""

# Matches below this percentage are not offered (Settings.tm_min_score). Character-level scores
# of 50-60 between unrelated short sentences are common; from about 70 they share real wording.
DEFAULT_MIN_SCORE = 70
