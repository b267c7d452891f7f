"""Review: word diffs, post-editing metrics (HTER, chrF, BLEU, time, keystrokes), statistics.

`diff`, `metrics` and `stats` are pure; `queues`, `history` and `records` read the database (the
review and editor queues, the edit log and diffs, the records statistics are computed from).
Decisions are written by `workbench.services.review`, roles by `workbench.services.roles`.
"""
