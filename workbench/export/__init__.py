"""Exporters: TMX 1.4b and CSV, streamed from `rows.iter_export_rows` into atomically written
files."""
