"""Exporters: files for other tools (CAT tools, spreadsheets, fact-check pipelines), written
atomically."""
