"""Exporters: TMX 1.4b and CSV streamed from `rows.iter_export_rows`, and claims (JSONL, CSV,
ClaimReview); every file is written atomically."""
