"""The review desk (F9) and a segment's history."""
