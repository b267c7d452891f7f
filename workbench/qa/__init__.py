"""Quality checks on segments: pure checks (`checks`, `numbers`) and their use on stored segments
(`segments`: per segment, per document, and the approval gate)."""
