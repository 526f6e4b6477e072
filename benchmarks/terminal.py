"""A real process in a pseudo-terminal (stdlib ``pty``): start it, read what it draws,
time until a text appears on screen, then quit it with a key as a clerk would."""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import re
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Mapping, Sequence

COLUMNS, LINES = 120, 40
"""The size of the terminal (start-up); typing uses 110 x 36, as its child asks."""
ESCAPES = re.compile(
    rb"\x1b(?:\[[0-9;?<>=!$ ]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|P[^\x1b]*\x1b\\|[()][A-Za-z0-9]|.)"
)
"""CSI, OSC, DCS and two-byte escapes: stripped, what is left is the text drawn."""


def child_environment(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("TEXTUAL")}
    env.update({"TERM": "xterm-256color", "COLORTERM": "truecolor", "COLUMNS": "", "LINES": ""})
    env.pop("COLUMNS")
    env.pop("LINES")
    env.update(extra or {})
    return env


class Terminal:
    """One child process on a pseudo-terminal of COLUMNS x LINES."""

    def __init__(
        self,
        argv: Sequence[str],
        env: Mapping[str, str],
        *,
        size: tuple[int, int] = (COLUMNS, LINES),
        cwd: str | None = None,
        record: bool = True,
    ) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            list(argv),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=dict(env),
            cwd=cwd,
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        self.record = record
        """Keep what is drawn (start-up looks for a text); a typing run only drains it."""
        self.raw = bytearray()
        self.text = bytearray()
        """Everything drawn so far, escape sequences removed."""

    def read(self, timeout: float) -> bool:
        """Read whatever arrives within ``timeout`` s; False once the child closed the terminal."""
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return True
        try:
            chunk = os.read(self.master, 1 << 16)
        except OSError:
            return False
        if not chunk:
            return False
        if self.record:
            self.raw += chunk
            self.text = bytearray(ESCAPES.sub(b"", bytes(self.raw)))
        return True

    def wait_for(self, marker: str, timeout: float) -> float | None:
        """Seconds from the start of the process until ``marker`` is drawn (None: never)."""
        wanted = marker.encode()
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if not self.read(0.05):
                break
            if wanted in self.text:
                return time.perf_counter() - self.started
        return None

    def drain(self, seconds: float) -> None:
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline and self.read(0.02):
            pass

    def drain_until_exit(self, timeout: float) -> int | None:
        """Read (and drop) what the child draws until it exits; kill it after ``timeout`` s."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline and self.process.poll() is None:
            self.read(0.05)
        return self.quit(b"", timeout=1.0)

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def quit(self, keys: bytes = b"\x11", timeout: float = 15.0) -> int | None:
        """Press the quit key (ctrl+q), keep reading until the child exits; kill it if it hangs."""
        if keys:
            with contextlib.suppress(OSError):
                self.send(keys)
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if self.process.poll() is not None:
                break
            self.read(0.05)
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        code = self.process.wait()
        os.close(self.master)
        return code
