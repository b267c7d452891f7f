"""Review: word diffs, post-editing metrics (HTER, chrF, BLEU, time, keystrokes), statistics.

`diff`, `metrics` and `stats` are pure; `queries` reads the database for them and for the review
queues and history. Decisions are written by `workbench.services.review`.
"""
