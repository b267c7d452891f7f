"""The glossary: Arabic terms and the English the desk uses for them.

`matching` finds terms in Arabic text (offsets into the stored source); `loading` builds and caches
the index from the database (`glossary_hits` is what the editor calls); `csvfile` reads and writes
the CSV exchange format. Writes go through `workbench.services.glossary`.
"""
