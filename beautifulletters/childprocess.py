"""Helper processes that speak JSON lines: one way to start, talk to and stop them.

Speech synthesis and user templates both run in a child (`python -m MODULE`): pyttsx3's loop
hangs when stopped from another thread, and a thread cannot stop a runaway template, but a
process can always be killed. Requests go in as one JSON object per line on stdin (never on
the command line, so a letter that starts with "--version" is just text); answers come back
the same way on stdout. The child imports this package even from a source checkout run
elsewhere: its folder is put first on the child's PYTHONPATH.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

Message = dict[str, Any]


class ChildGone(Exception):
    """The child ended, or stopped reading: `code` is its exit status (negative: a signal)."""

    def __init__(self, code: int | None) -> None:
        self.code = code
        super().__init__(f"the helper process ended (exit status {code})")


class ChildTimeout(Exception):
    """No whole answer within the time allowed."""


class AnswerTooLong(Exception):
    """The answer grew past the size allowed."""


def child_environment(*, isolated: bool = False) -> dict[str, str]:
    """The child's environment: ours (or, isolated, only PATH, locale and HOME) with this package importable."""
    # Not at the top: the template renderer's sandboxed child imports this module and needs no paths.
    from beautifulletters.paths import child_pythonpath

    if isolated:
        env = {key: value for key, value in os.environ.items() if key in ("PATH", "LANG", "LC_ALL", "HOME")}
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env["PYTHONPATH"] = child_pythonpath()  # nothing inherited: the sandboxed child sees only this package
    else:
        env = dict(os.environ)
        env["PYTHONPATH"] = child_pythonpath(env.get("PYTHONPATH"))
    return env


def _package_parent() -> str:
    from beautifulletters.paths import PACKAGE_PARENT

    return PACKAGE_PARENT


class JsonLinesChild:
    """One run of `python -m module`; `isolated` children get a minimal environment and no stderr."""

    def __init__(self, module: str, *, isolated: bool = False) -> None:
        self.process: subprocess.Popen[bytes] = subprocess.Popen(
            [sys.executable, "-m", module],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL if isolated else None,
            cwd=_package_parent() if isolated else None,
            env=child_environment(isolated=isolated),
            close_fds=True,
        )
        self._reader = False  # a reader thread owns stdout (and closes it at the end)

    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def running(self) -> bool:
        return self.process.poll() is None

    def send(self, message: Message) -> None:
        """Write one request; raises ChildGone when the child no longer reads."""
        assert self.process.stdin is not None
        try:
            self.process.stdin.write(json.dumps(message, ensure_ascii=False).encode("utf-8") + b"\n")
            self.process.stdin.flush()
        except (BrokenPipeError, OSError):
            raise ChildGone(self.process.poll()) from None

    def receive(self, timeout: float, max_bytes: int) -> Message:
        """The next answer, waiting at most `timeout` seconds (for a child read from one thread)."""
        assert self.process.stdout is not None
        deadline = time.monotonic() + timeout
        buffer = b""
        fd = self.process.stdout.fileno()
        while not buffer.endswith(b"\n"):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ChildTimeout()
            ready, _, _ = select.select([fd], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(fd, 65536)
            if not chunk:
                raise ChildGone(self.process.poll())
            buffer += chunk
            if len(buffer) > max_bytes:
                raise AnswerTooLong()
        answer: Message = json.loads(buffer.decode("utf-8"))
        return answer

    def read_in_background(self, on_message: Callable[[Message], None], on_exit: Callable[[int], None]) -> None:
        """Hand every answer to `on_message` from a reader thread, then the exit status to `on_exit`.

        Lines that are not JSON (a library printing to the protocol) are skipped.
        """

        def read() -> None:
            assert self.process.stdout is not None
            with self.process.stdout:
                for raw in self.process.stdout:
                    try:
                        message = json.loads(raw.decode("utf-8"))
                    except (UnicodeDecodeError, json.JSONDecodeError):
                        continue
                    on_message(message)
            on_exit(self.process.wait())

        self._reader = True

        threading.Thread(target=read, daemon=True, name=f"{self.pid}-reader").start()

    def finish(self, goodbye: Message | None = None, timeout: float = 1.0) -> None:
        """Say `goodbye` (when it still runs) and close its input; kill it if it has not ended within `timeout`."""
        if self.running:
            try:
                if goodbye is not None:
                    self.send(goodbye)
                assert self.process.stdin is not None
                self.process.stdin.close()
            except (ChildGone, OSError):
                pass
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.kill()
        elif self.process.stdin is not None:
            try:
                self.process.stdin.close()
            except OSError:
                pass

    def kill(self) -> None:
        """End it at once (a stuck engine, a runaway template) and let go of its pipes."""
        if self.process.poll() is None:
            self.process.kill()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        for stream in (self.process.stdin, None if self._reader else self.process.stdout):
            if stream:
                try:
                    stream.close()
                except OSError:
                    pass
