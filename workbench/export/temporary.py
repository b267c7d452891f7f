"""The hidden temporary file an export is written to, and the ones killed exports left behind.

The name says who writes it: `.OUT.HOST.PID.RANDOM.tmp`. An export killed with SIGKILL (or by a
power cut) cannot delete its file, so the next export to the same OUT removes such leftovers, but
only files that are certainly dead:

- the name must be exactly our pattern for that OUT, and the file a plain file (not a link);
- written on this host: its process must be gone (no such PID). A live PID keeps the file, even
  when the PID was reused by another program; a later export removes it once that one ends;
- written on another host sharing the folder (its PIDs mean nothing here), or named the older way
  without host and PID: it must have gone unmodified for STALE_AFTER. A live export writes to its
  file every megabyte, so a file untouched that long has no writer.

Nothing else in the folder is ever touched, and a file that cannot be removed is left alone: the
export itself must not fail over a leftover.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import socket
import stat
import time
from pathlib import Path

# Seconds without a write before another host's file counts as dead: far beyond any pause of a live
# export, with room for clocks of hosts sharing a folder that disagree by minutes.
STALE_AFTER = 30 * 60


def _host() -> str:
    """This host's name, reduced to characters that are safe in a file name and in our pattern."""
    return re.sub(r"[^A-Za-z0-9-]", "-", socket.gethostname())[:40] or "host"


def temporary_name(path: Path) -> Path:
    """A fresh temporary name beside `path`, naming this host and process."""
    return path.with_name(f".{path.name}.{_host()}.{os.getpid()}.{secrets.token_hex(4)}.tmp")


def _pattern(path: Path) -> re.Pattern[str]:
    # The host and PID are optional so that files named before they were added (".OUT.RANDOM.tmp")
    # are recognised too; those are treated like another host's.
    return re.compile(
        rf"\.{re.escape(path.name)}\.(?:(?P<host>[A-Za-z0-9-]{{1,40}})\.(?P<pid>[1-9][0-9]*)\.)?"
        r"[0-9a-f]{8}\.tmp"
    )


def _process_exists(pid: int) -> bool:
    if os.name != "posix":  # elsewhere os.kill(pid, 0) is not a harmless probe
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: it exists but belongs to someone else
        return True
    return True


def _is_dead(match: re.Match[str], modified: float) -> bool:
    if match["host"] == _host() and match["pid"] is not None:
        return not _process_exists(int(match["pid"]))
    return time.time() - modified > STALE_AFTER


def remove_leftovers(path: Path) -> list[Path]:
    """Delete the temporary files of earlier exports to `path` whose writer is dead; the removed."""
    pattern = _pattern(path)
    removed: list[Path] = []
    with contextlib.suppress(OSError), os.scandir(path.parent) as entries:
        for entry in entries:
            match = pattern.fullmatch(entry.name)
            if match is None:
                continue
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(info.st_mode) and _is_dead(match, info.st_mtime):
                    leftover = Path(entry.path)
                    leftover.unlink()
                    removed.append(leftover)
    return removed
