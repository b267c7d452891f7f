"""The only code that writes to the database. The CLI and the TUI both call these functions, so
history, version checks and permissions cannot be skipped by either."""
