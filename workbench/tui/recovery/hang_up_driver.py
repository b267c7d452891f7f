"""The terminal driver, resuming only what it suspended: a hang-up during the exit ends the app.

A terminal that goes away (the window closed, the SSH link dropped) sends the app SIGHUP and then
SIGCONT. Textual's LinuxDriver answers every SIGCONT by resuming application mode, as it must
after Ctrl+Z, and so also one that comes with no suspension before it: during the app's exit,
after the driver was stopped, it starts the driver's input and output threads again. Nothing
stops them then: the input thread reads the dead terminal in a loop at full CPU and the process
never ends (seen after Ctrl+Q followed at once by closing the terminal, with a background
translation still finishing its batch). This driver resumes only after its own suspension.
"""

from __future__ import annotations

from textual.drivers.linux_driver import LinuxDriver


class HangUpSafeDriver(LinuxDriver):
    _suspended = False

    def suspend_application_mode(self) -> None:
        super().suspend_application_mode()
        self._suspended = True

    def resume_application_mode(self) -> None:
        if not self._suspended:
            return  # a SIGCONT of a hang-up, or of a stop the app did not ask for
        self._suspended = False
        super().resume_application_mode()
