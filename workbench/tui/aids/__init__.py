"""What serves the open segment: MT alternatives, memory matches, glossary, checks."""
