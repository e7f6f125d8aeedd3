"""Reading what a child process says, line by line, as it says it (the fault tests' pipes)."""

from __future__ import annotations

import os
import select


class Lines:
    """Lines a child writes to a pipe, read as they come."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.buffer = b""

    def ready(self, timeout: float) -> bool:
        """Whether a whole line can be read within `timeout` seconds."""
        if b"\n" in self.buffer:
            return True
        if not select.select([self.fd], [], [], timeout)[0]:
            return False
        chunk = os.read(self.fd, 65536)
        if not chunk:
            raise EOFError("the child closed its output")
        self.buffer += chunk
        return b"\n" in self.buffer

    def next(self, timeout: float = 10.0) -> str:
        while b"\n" not in self.buffer:
            ready, _, _ = select.select([self.fd], [], [], timeout)
            if not ready:
                raise TimeoutError("the child said nothing")
            chunk = os.read(self.fd, 65536)
            if not chunk:
                raise EOFError("the child closed its output")
            self.buffer += chunk
        line, _, self.buffer = self.buffer.partition(b"\n")
        return line.decode()
