"""Errors the user can act on. Each carries the process exit code the CLI uses for it."""

from __future__ import annotations


class WorkbenchError(Exception):
    """Base class: the message is shown to the user as it is, so it must say what to do."""

    exit_code = 1


class InputError(WorkbenchError):
    """A file, line or field given to the workbench cannot be used."""

    exit_code = 2


class NotFoundError(WorkbenchError):
    exit_code = 4


class StaleVersionError(WorkbenchError):
    """Someone saved the segment after the version this write was based on."""

    exit_code = 3

    def __init__(
        self, segment_id: int, expected: int, current: int, saved_by: str | None, text: str | None
    ) -> None:
        self.segment_id = segment_id
        self.expected = expected
        self.current = current
        self.saved_by = saved_by
        self.current_text = text
        who = f" by {saved_by}" if saved_by else ""
        super().__init__(
            f"segment {segment_id} is at version {current} (saved{who}), not {expected}: "
            "nothing was written; reload it and apply your change again"
        )


class SchemaError(WorkbenchError):
    """The database schema is not one this version of the workbench can use."""

    exit_code = 5


class PermissionDeniedError(WorkbenchError):
    """The user's role (or authorship) does not allow the action; the message names what would."""

    exit_code = 6


class StaleClaimError(WorkbenchError):
    """Someone changed the claim after the version this edit was based on."""

    exit_code = 3

    def __init__(self, claim_id: int, expected: int, current: int, saved_by: str | None) -> None:
        self.claim_id = claim_id
        self.expected = expected
        self.current = current
        self.saved_by = saved_by
        who = f" by {saved_by}" if saved_by else ""
        super().__init__(
            f"claim {claim_id} is at version {current} (changed{who}), not {expected}: "
            "nothing was written; reload it and apply your change again"
        )


class QualityGateError(WorkbenchError):
    """A quality check configured as blocking (`qa_blocking`) fails, so approval is refused."""

    exit_code = 7
