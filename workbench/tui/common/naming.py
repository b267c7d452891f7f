"""How a person reads which sentence a message is about: its document and its place in it.

The services name a segment by its database id, which is what scripts and `--json` pass around;
on the screen the same message names it by document and position instead.
"""

from __future__ import annotations

import re


def segment_name(position: int, document_id: int) -> str:
    return f"segment {position} of document {document_id}"


def by_position(message: str, segment_id: int, position: int, document_id: int) -> str:
    """`message` with "segment <id>" replaced by "segment <position> of document <document>"."""
    return re.sub(
        rf"\b([Ss])egment {segment_id}\b",
        lambda found: found.group(1) + segment_name(position, document_id)[1:],
        message,
    )
